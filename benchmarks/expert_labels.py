"""Held-out F1 counting only labels that a reviewer or an expert source gave.

The corpus (corpus/build_corpus.py) labels a clause negative for a category when no reviewer
and no expert source decided it and the labelling functions do not propose it; those cells
are listed in each row's ``by_rules``. The classifier reads the same rules' votes as
features (clausecheck.model.cues), so the standard held-out figure, which counts those
cells as truth, rewards it for agreeing with its own rules. This script scores the
held-out contracts twice: on every decided cell (what ``clausecheck evaluate`` reports) and
on the expert cells only (every positive, every reviewed negative, CUAD's exhaustive
negatives, LEDGAR's boilerplate).

    python benchmarks/expert_labels.py [--corpus corpus/build/corpus.jsonl] [--model DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clausecheck.model import load_model  # noqa: E402
from clausecheck.model.classifier import rows_to_matrix  # noqa: E402
from clausecheck.model.metrics import evaluate_predictions, format_report  # noqa: E402
from clausecheck.model.training import expert_cells, read_corpus, select  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "corpus" / "build" / "corpus.jsonl"))
    parser.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    parser.add_argument("--json", default=None, help="write both score sets to this file")
    args = parser.parse_args()

    rows = select(read_corpus(args.corpus), "test")
    if not any("by_rules" in row for row in rows):
        sys.exit(f"{args.corpus}: rows carry no 'by_rules' field; rebuild the corpus with corpus/build_corpus.py")
    model = load_model(args.model)
    Y, decided = rows_to_matrix(rows, model.categories)
    predicted = model.predict([r["text"] for r in rows], [r.get("heading") or "" for r in rows])
    expert = expert_cells(rows, model.categories, decided)
    every = evaluate_predictions(Y, predicted, model.categories, decided)
    only_expert = evaluate_predictions(Y, predicted, model.categories, expert)
    print(f"held-out contracts: {len({r.get('group') for r in rows})}, clauses: {len(rows)}; "
          f"cells decided {int(decided.sum())}, by experts {int(expert.sum())}\n")
    print("== every decided cell (as `clausecheck evaluate`)")
    print(format_report(every))
    print("\n== expert cells only (no negative that only the labelling functions decided)")
    print(format_report(only_expert))
    if args.json:
        Path(args.json).write_text(json.dumps({"every_cell": every, "expert_cells": only_expert}, indent=1))


if __name__ == "__main__":
    main()
