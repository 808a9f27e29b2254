"""The Report: one analysis result, many views (text, markdown, JSON, HTML, DOCX)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..gaps import fails, worst_severity

SCHEMA_VERSION = 1


@dataclass
class Report:
    """A contract's analysis: ``to_dict()`` is the report JSON (schema_version 1)."""

    data: dict

    def to_dict(self) -> dict:
        return self.data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.data, indent=indent, ensure_ascii=False)

    @property
    def findings(self) -> list[dict]:
        return self.data["findings"]

    @property
    def clauses(self) -> list[dict]:
        return self.data["clauses"]

    @property
    def summary(self) -> dict:
        return self.data["summary"]

    def gaps(self) -> list[dict]:
        """Findings that are missing or partial."""
        return [f for f in self.findings if f["status"] != "present"]

    def worst_severity(self) -> str | None:
        return worst_severity(self.findings)

    def fails(self, fail_on: str) -> bool:
        return fails(self.findings, fail_on)

    def render(self, fmt: str, *, color: bool = False) -> str | bytes:
        """The report as text, markdown, json, html (str) or docx (bytes)."""
        if fmt == "json":
            return self.to_json()
        from .render import render
        return render(self.data, fmt, color=color)
