"""Screenshot a batch dashboard (OUT/index.html) in headless Chromium, to look at it.

    python benchmarks/dashboard_screenshot.py OUT/index.html [--png /tmp/dashboard.png]
        [--size 1280,1600] [--no-js]

``--no-js`` shoots the page with its <script> removed, to check that it reads without
JavaScript. Chromium runs offline (see benchmarks/chromium.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chromium import screenshot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", type=Path, help="the dashboard (OUT/index.html) or any report HTML")
    parser.add_argument("--png", type=Path, default=Path("/tmp/dashboard.png"))
    parser.add_argument("--size", default="1280,1600", help="window width,height in pixels")
    parser.add_argument("--no-js", action="store_true", help="render with JavaScript disabled")
    args = parser.parse_args()
    if not args.page.is_file():
        print(f"{args.page}: no such file", file=sys.stderr)
        return 2
    print(screenshot(args.page, args.png, args.size, javascript=not args.no_js))
    return 0


if __name__ == "__main__":
    sys.exit(main())
