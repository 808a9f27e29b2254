"""Rebuild the corpus, retrain into a temporary folder and compare with the shipped model.

The shipped model's held-out figures (models/clause-classifier/model.json, "test_metrics")
must be reproduced within 0.01 by a retrain from a clean clone with ../shared present.

    python benchmarks/retrain_check.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "models" / "clause-classifier" / "model.json"
TOLERANCE = 0.01


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, default=None, help="write the corpus and model here and keep them")
    args = parser.parse_args()
    shared = ROOT.parent / "shared"
    if not shared.exists():
        print(f"needs {shared}", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="clausecheck-retrain-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, model = work / "corpus.jsonl", work / "model"
    subprocess.run([sys.executable, str(ROOT / "corpus" / "build_corpus.py"), "--shared", str(shared),
                    "--out", str(corpus)], check=True)
    subprocess.run([sys.executable, "-m", "clausecheck", "train", "--corpus", str(corpus), "--out", str(model)],
                   check=True, cwd=ROOT)
    shipped = json.loads(SHIPPED.read_text())["info"]["test_metrics"]
    retrained = json.loads((model / "model.json").read_text())["info"]["test_metrics"]
    worst = 0.0
    print(f"{'':<22}{'shipped':>9}{'retrained':>11}")
    rows = [(c, shipped["categories"][c]["f1"], retrained["categories"][c]["f1"]) for c in shipped["categories"]]
    rows += [(avg, shipped[avg]["f1"], retrained[avg]["f1"]) for avg in ("micro", "macro")]
    for name, a, b in rows:
        if a is None or b is None:
            print(f"{name:<22}{'-':>9}{'-':>11}")
            continue
        worst = max(worst, abs(a - b))
        print(f"{name:<22}{a:9.3f}{b:11.3f}")
    verdict = "reproduced" if worst <= TOLERANCE else "NOT reproduced"
    print(f"largest difference {worst:.4f}: {verdict} within {TOLERANCE}")
    return 0 if worst <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
