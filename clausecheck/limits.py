"""Resource limits for reading untrusted files, each with the CLI option that raises it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 200.0  # --max-file-mb
    max_pages: int = 3000  # --max-pages
    max_unzipped_mb: float = 500.0  # --max-unzipped-mb (DOCX members, decompressed)
    timeout_s: float | None = None  # --timeout (per document; enforced by the caller)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_unzipped_bytes(self) -> int:
        return int(self.max_unzipped_mb * 1024 * 1024)


DEFAULT_LIMITS = Limits()
