"""Headless Chromium for the screenshot scripts: offline, from a throw-away profile.

No network, sync, updates or first-run pages. Install Chromium with
`apt-get install -y chromium` if it is missing (Debian's package).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def chromium(*arguments: str) -> None:
    """Run Chromium once with ``arguments`` (e.g. --screenshot=..., a file:// URL)."""
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None:
        raise SystemExit("no Chromium found: apt-get install -y chromium")
    profile = tempfile.mkdtemp(prefix="clausecheck-chromium-")
    try:
        subprocess.run([browser, *_FLAGS, f"--user-data-dir={profile}", *arguments],
                       check=True, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(page: Path, png: Path, size: str = "1280,1600", javascript: bool = True) -> Path:
    """A PNG of ``page`` in a window of ``size`` ("width,height").

    ``javascript=False`` shoots a copy of the page with its <script> removed, to check that it
    reads without JavaScript (Chromium's own switch for that stops headless screenshots).
    """
    png.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="clausecheck-page-") as scratch:
        if not javascript:
            stripped = Path(scratch) / "page-without-js.html"
            stripped.write_text(re.sub(r"<script\b.*?</script>", "", page.read_text(encoding="utf-8"), flags=re.S),
                                encoding="utf-8")
            page = stripped
        chromium(f"--screenshot={png}", f"--window-size={size}", page.resolve().as_uri())
    if not png.exists():
        raise SystemExit("Chromium wrote no screenshot")
    return png


def print_pages(page: Path, png: Path) -> list[Path]:
    """``page`` printed to PDF through Chromium's print path, each page rasterised next to
    ``png`` as <stem>-print-N.png (to check the print styles)."""
    import pypdfium2

    pdf = png.with_name(png.stem + "-print.pdf")
    chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.resolve().as_uri())
    for stale in png.parent.glob(f"{png.stem}-print-*.png"):
        stale.unlink()
    document = pypdfium2.PdfDocument(str(pdf))
    out = []
    try:
        for n, printed in enumerate(document, 1):
            out.append(png.with_name(f"{png.stem}-print-{n}.png"))
            printed.render(scale=1.2).to_pil().save(out[-1])
    finally:
        document.close()
    return [pdf, *out]
