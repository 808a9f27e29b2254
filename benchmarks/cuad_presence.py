"""Document-level presence against CUAD's expert answers.

Runs the full analysis (load, segment, classify, check) over the CUAD training contracts in
../shared/data/cuad and compares, for the categories that map exactly onto ours, whether the
tool finds the category anywhere in the contract with whether CUAD's annotators found it.
CUAD's Governing Law is the choice of law alone, so for governing_law the tool's answer is
"the category is present and the playbook's chosen-law element is found in it"; the
category-level figure (forum and arbitration clauses count too) is printed beside it.

The shipped classifier was trained on clauses of these contracts, except those of the
held-out test split (a hash of the contract name, see clausecheck.model.training). The
headline figure is therefore the one on the test-split contracts; the all-contracts figure is
printed for reference only.

    python benchmarks/cuad_presence.py [--limit N] [--pdf] [--json OUT]
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CUAD = ROOT.parent / "shared" / "data" / "cuad"

# CUAD answer columns that decide presence of our category (either one present -> present).
EXACT = {
    "audit_rights": ["Audit Rights"],
    "insurance": ["Insurance"],
    "liability_cap": ["Cap on Liability", "Uncapped Liability"],
    "transition": ["Post-Termination Services"],
    "assignment": ["Anti-Assignment", "Change of Control"],
    "governing_law": ["Governing Law"],
}


def cuad_presence(row: dict) -> dict[str, bool]:
    out = {}
    for category, columns in EXACT.items():
        present = False
        for column in columns:
            try:
                excerpts = ast.literal_eval(row[column]) if row[column] else []
            except (ValueError, SyntaxError):
                excerpts = []
            present = present or bool(excerpts)
        out[category] = present
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N contracts")
    parser.add_argument("--pdf", action="store_true", help="read the PDFs instead of CUAD's TXT files")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--test-only", action="store_true", help="analyse only the held-out test contracts")
    args = parser.parse_args()
    if not CUAD.exists():
        print(f"needs {CUAD} (the CUAD training split)", file=sys.stderr)
        return 2

    sys.path.insert(0, str(ROOT))
    from clausecheck.analysis import Analyzer
    from clausecheck.errors import InputError
    from clausecheck.model.training import split_of

    truth = {}
    with (CUAD / "master_clauses.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth[row["Filename"]] = cuad_presence(row)
    index = list(csv.DictReader((CUAD / "contracts_index.csv").open(encoding="utf-8")))
    if args.limit:
        index = index[:args.limit]

    analyzer = Analyzer()
    agree = {split: defaultdict(lambda: [0, 0]) for split in ("test", "all")}
    confusion = defaultdict(lambda: [0, 0, 0, 0])  # tp, fp, fn, tn on test contracts
    law_category_agree = [0, 0]  # governing_law by category alone (forum clauses count), test contracts
    started, failures, pages = time.perf_counter(), [], 0
    for row in index:
        rel = row["pdf_path"] if args.pdf and row["pdf_path"] else row["txt_path"]
        if not rel or row["filename"] not in truth:
            continue
        if args.test_only and split_of(f"cuad/{row['txt_path']}") != "test":
            continue
        try:
            report = analyzer.analyze(CUAD / rel).to_dict()
        except InputError as exc:
            failures.append(str(exc))
            continue
        pages += report["document"]["pages"] or 0
        found = {c["category"]: c["present"] for c in report["categories"]}
        # CUAD's Governing Law is the choice of law only; our governing_law also takes forum and
        # arbitration clauses. Its exact counterpart is the playbook's "chosen-law" element.
        category_level_law = found["governing_law"]
        law = next(f for f in report["findings"] if f["requirement"] == "governing-law")
        found["governing_law"] = law["status"] != "missing" and "chosen-law" not in law["missing_elements"]
        # The training corpus groups CUAD clauses by their TXT path.
        split = split_of(f"cuad/{row['txt_path']}")
        for category, expected in truth[row["filename"]].items():
            hit = found[category] == expected
            for name in ("all",) + (("test",) if split == "test" else ()):
                agree[name][category][0] += hit
                agree[name][category][1] += 1
            if split == "test":
                cell = (0 if found[category] else 2) if expected else (1 if found[category] else 3)
                confusion[category][cell] += 1
        if split == "test":
            law_category_agree[0] += category_level_law == truth[row["filename"]]["governing_law"]
            law_category_agree[1] += 1
    elapsed = time.perf_counter() - started

    result = {}
    for split, table in agree.items():
        total_hit = sum(v[0] for v in table.values())
        total = sum(v[1] for v in table.values())
        result[split] = {"agreement": total_hit / total if total else None, "pairs": total,
                         "per_category": {c: v[0] / v[1] for c, v in table.items() if v[1]}}
    result["test_confusion"] = {c: dict(zip(("tp", "fp", "fn", "tn"), v)) for c, v in confusion.items()}
    result["test_governing_law_category_level"] = (law_category_agree[0] / law_category_agree[1]
                                                   if law_category_agree[1] else None)
    result["seconds"] = round(elapsed, 1)
    result["failures"] = failures

    for split in ("test", "all"):
        r = result[split]
        if not r["pairs"]:
            continue
        label = "held-out test contracts" if split == "test" else "all contracts (incl. training ones)"
        print(f"{label}: {r['agreement']:.3f} of {r['pairs']} (contract, category) pairs agree")
        for category, value in r["per_category"].items():
            extra = ""
            if split == "test":
                c = result["test_confusion"][category]
                extra = f"   tp {c['tp']} fp {c['fp']} fn {c['fn']} tn {c['tn']}"
            print(f"  {category:<15} {value:.3f}{extra}")
    if result["test_governing_law_category_level"] is not None:
        print(f"governing_law above is the choice of law (category present and its 'chosen-law' element found); "
              f"by the category alone, which also counts forum and arbitration clauses: "
              f"{result['test_governing_law_category_level']:.3f}")
    print(f"{len(index)} contracts in {elapsed:.0f} s; {len(failures)} could not be read")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
