"""An HTML report in headless Chromium, photographed, to look at it.

    python benchmarks/report_screenshot.py [INPUT] [--png /tmp/report.png] [--size 1280,2000] [--print]

INPUT is a contract (scanned with `clausecheck scan --format html`), a report JSON
(`clausecheck scan --format json`), or nothing: the hand-written example report of the tests
(tests/report_example.py: every status and severity, hostile contract text). The HTML is
kept next to the PNG (same name, .html). ``--print`` also prints the page to PDF through
Chromium's print path and rasterises its pages (<png>-print-N.png), to check the print styles.
Chromium runs offline (see benchmarks/chromium.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from chromium import print_pages, screenshot  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", type=Path, nargs="?", help="a contract or a report JSON (default: the example)")
    parser.add_argument("--png", type=Path, default=Path("/tmp/report.png"))
    parser.add_argument("--size", default="1280,2000", help="window width,height in pixels")
    parser.add_argument("--print", dest="print_pdf", action="store_true", help="also check the print layout")
    args = parser.parse_args()
    html = args.png.with_suffix(".html")
    if args.input is not None and args.input.suffix.lower() != ".json":
        subprocess.run([sys.executable, "-m", "clausecheck", "scan", str(args.input), "--format", "html",
                        "-o", str(html)], check=True, cwd=ROOT)
    else:
        from clausecheck.report.render import render
        if args.input is not None:
            report = json.loads(args.input.read_text(encoding="utf-8"))
        else:
            from report_example import example_report
            report = example_report()
        html.write_text(render(report, "html"), encoding="utf-8")
    print(screenshot(html, args.png, args.size))
    if args.print_pdf:
        for path in print_pages(html, args.png):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
