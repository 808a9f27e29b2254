"""Render a report as HTML and photograph it in headless Chromium, to look at it.

    python benchmarks/render_html_screenshot.py [REPORT.json] [--html /tmp/report.html]
        [--png /tmp/report.png] [--size 1280,2000] [--print]

Without REPORT.json it uses the hand-written example report of the tests
(tests/report_example.py: every status and severity, hostile contract text). ``--print``
also prints the page to PDF through Chromium's print path and rasterises its pages
(/tmp/report-print-N.png) with pypdfium2, to check the print styles.

Chromium runs offline from a throw-away profile (no network, sync, updates or first-run
pages). Install it with `apt-get install -y chromium` if it is missing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from clausecheck.report.render import render  # noqa: E402


def chromium(*arguments: str) -> None:
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None:
        raise SystemExit("no Chromium found: apt-get install -y chromium")
    profile = tempfile.mkdtemp(prefix="clausecheck-chromium-")
    try:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                        f"--user-data-dir={profile}", *arguments], check=True, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", type=Path, nargs="?", help="a report JSON (clausecheck scan --format json)")
    parser.add_argument("--html", type=Path, default=Path("/tmp/report.html"))
    parser.add_argument("--png", type=Path, default=Path("/tmp/report.png"))
    parser.add_argument("--size", default="1280,2000", help="window width,height in pixels")
    parser.add_argument("--print", dest="print_pdf", action="store_true", help="also check the print layout")
    args = parser.parse_args()
    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        from report_example import example_report
        report = example_report()
    args.html.write_text(render(report, "html"), encoding="utf-8")
    args.png.unlink(missing_ok=True)
    chromium(f"--screenshot={args.png}", f"--window-size={args.size}", args.html.resolve().as_uri())
    print(args.png)
    if args.print_pdf:
        import pypdfium2

        pdf = args.png.with_name(args.png.stem + "-print.pdf")
        chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", args.html.resolve().as_uri())
        for stale in args.png.parent.glob(f"{args.png.stem}-print-*.png"):
            stale.unlink()
        document = pypdfium2.PdfDocument(str(pdf))
        print(f"{pdf}: {len(document)} pages")
        for n, page in enumerate(document, 1):
            png = args.png.with_name(f"{args.png.stem}-print-{n}.png")
            page.render(scale=1.2).to_pil().save(png)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
