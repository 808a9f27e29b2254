"""Screenshot a batch dashboard (OUT/index.html) in headless Chromium, to look at it.

    python benchmarks/dashboard_screenshot.py OUT/index.html [--png /tmp/dashboard.png]
        [--size 1280,1600] [--no-js]

Chromium runs offline from a throw-away profile: no network, sync, updates or first-run
pages. Install it with `apt-get install -y chromium` if it is missing. ``--no-js`` shoots a
copy of the page with its <script> removed, to check that it reads without JavaScript
(Chromium's own switch for that stops headless screenshots).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def screenshot(page: Path, png: Path, size: str = "1280,1600", javascript: bool = True) -> Path:
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None:
        raise SystemExit("no Chromium found: apt-get install -y chromium")
    profile = tempfile.mkdtemp(prefix="clausecheck-chromium-")
    try:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                   f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}"]
        if not javascript:
            stripped = Path(profile) / "page-without-js.html"
            stripped.write_text(re.sub(r"<script\b.*?</script>", "", page.read_text(encoding="utf-8"), flags=re.S),
                                encoding="utf-8")
            page = stripped
        if png.exists():
            png.unlink()
        command.append(page.resolve().as_uri())
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        if not png.exists():
            raise SystemExit(f"{browser} wrote no screenshot")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return png


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
