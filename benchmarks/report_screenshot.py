"""Render a sample contract's HTML report and screenshot it in headless Chromium, to look at it.

    python benchmarks/report_screenshot.py [CONTRACT] [--png /tmp/report.png] [--size 1280,2400]

Default contract: sample_contracts/weak_outsourcing_agreement.pdf. Also prints a PDF of the
page (Chromium's print path) next to the PNG, to check the print styles.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from dashboard_screenshot import screenshot  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("contract", type=Path, nargs="?",
                        default=ROOT / "sample_contracts" / "weak_outsourcing_agreement.pdf")
    parser.add_argument("--png", type=Path, default=Path("/tmp/report.png"))
    parser.add_argument("--size", default="1280,2400")
    args = parser.parse_args()
    page = Path(tempfile.mkdtemp(prefix="clausecheck-report-")) / "report.html"
    subprocess.run([sys.executable, "-m", "clausecheck", "scan", str(args.contract), "--format", "html",
                    "-o", str(page)], check=True, cwd=ROOT)
    print(screenshot(page, args.png, args.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
