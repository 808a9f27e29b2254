"""PDF text extraction against CUAD's own text of the same contracts, and load throughput.

For every CUAD contract with a PDF (../shared/data/cuad, 385 of them) this loads the PDF
with clausecheck's loader and compares the document text with CUAD's TXT of the same
contract: token-level F1 over whitespace-separated tokens, as bags (precision = overlap /
our tokens, recall = overlap / CUAD's tokens). CUAD's TXT keeps the running headers,
footers and page numbers that the loader removes on purpose, so a perfect loader scores a
little under 1.0. Targets: mean F1 ≥ 0.95.

It also times load + clause segmentation in one process (one core): target ≥ 100 pages/s.
Segmentation is ``clausecheck.nlp.segmenter.split_clauses``; if it cannot be imported the
load alone is timed and the output says so.

    python benchmarks/pdf_extraction.py [--limit N] [--engine pypdfium2|pdfplumber] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

CUAD = ROOT.parent / "shared" / "data" / "cuad"


def token_f1(ours: str, theirs: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of our whitespace tokens against theirs, as bags."""
    a, b = Counter(ours.split()), Counter(theirs.split())
    overlap = sum((a & b).values())
    n_a, n_b = sum(a.values()), sum(b.values())
    if not n_a or not n_b:
        return 0.0, 0.0, 0.0
    p, r = overlap / n_a, overlap / n_b
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N PDFs")
    parser.add_argument("--engine", default="pypdfium2", choices=["pypdfium2", "pdfplumber"])
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--worst", type=int, default=5, help="how many worst documents to list")
    args = parser.parse_args()
    if not CUAD.exists():
        print(f"CUAD data not found at {CUAD} (it lives in ../shared beside the repository)", file=sys.stderr)
        return 2

    # One core, as the target says: pin this process (pdfium itself is single-threaded).
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from clausecheck.errors import InputError
    from clausecheck.loaders.pdf import load_pdf
    try:
        from clausecheck.nlp.segmenter import split_clauses
    except ImportError as exc:
        split_clauses = None
        print(f"segmenter not importable ({exc}): timing the load alone, segment skipped")

    with open(CUAD / "contracts_index.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["pdf_path"]]
    if args.limit:
        rows = rows[:args.limit]

    results = []
    errors = []
    load_s = segment_s = 0.0
    pages_total = clauses_total = 0
    for row in rows:
        data = (CUAD / row["pdf_path"]).read_bytes()
        # One CUAD PDF has no TXT: it is timed but has no F1.
        theirs = (CUAD / row["txt_path"]).read_text(encoding="utf-8", errors="replace") \
            if row["txt_path"] else None
        t0 = time.perf_counter()
        try:
            doc = load_pdf(data, row["pdf_path"], "", engine=args.engine)
        except InputError as exc:
            load_s += time.perf_counter() - t0
            errors.append({"pdf": row["pdf_path"], "error": exc.reason})
            if theirs is not None:
                results.append({"pdf": row["pdf_path"], "pages": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0,
                                "warnings": [exc.reason]})
            continue
        t1 = time.perf_counter()
        if split_clauses is not None:
            clauses = split_clauses(doc.text, frozenset(b.start for b in doc.blocks if b.kind == "heading"))
            clauses_total += len(clauses)
        t2 = time.perf_counter()
        load_s += t1 - t0
        segment_s += t2 - t1
        pages_total += doc.pages or 0
        if theirs is None:
            continue
        p, r, f = token_f1(doc.text, theirs)
        results.append({"pdf": row["pdf_path"], "pages": doc.pages, "precision": p, "recall": r, "f1": f,
                        "warnings": doc.warnings})

    f1s = [r["f1"] for r in results]
    worst = sorted(results, key=lambda r: r["f1"])[:args.worst]
    summary = {
        "engine": args.engine,
        "documents": len(results),
        "errors": len(errors),
        "pages": pages_total,
        "f1_mean": statistics.fmean(f1s) if f1s else 0.0,
        "f1_median": statistics.median(f1s) if f1s else 0.0,
        "precision_mean": statistics.fmean(r["precision"] for r in results) if results else 0.0,
        "recall_mean": statistics.fmean(r["recall"] for r in results) if results else 0.0,
        "load_pages_per_s": pages_total / load_s if load_s else 0.0,
        "segmented": split_clauses is not None,
        "clauses": clauses_total,
        "load_segment_pages_per_s": pages_total / (load_s + segment_s) if load_s + segment_s else 0.0,
        "load_s": load_s,
        "segment_s": segment_s,
        "pages_with_warnings": sum(len(r["warnings"]) for r in results),
    }

    print(f"engine {args.engine}: {len(rows)} PDFs ({len(results)} with a CUAD TXT), {pages_total} pages, "
          f"{len(errors)} errors")
    print(f"token F1 vs CUAD TXT: mean {summary['f1_mean']:.4f}  median {summary['f1_median']:.4f}  "
          f"(precision {summary['precision_mean']:.4f}, recall {summary['recall_mean']:.4f})  target mean >= 0.95")
    print(f"worst {len(worst)}:")
    for r in worst:
        note = f"  [{'; '.join(r['warnings'][:2])}{' …' if len(r['warnings']) > 2 else ''}]" if r["warnings"] else ""
        print(f"  F1 {r['f1']:.4f}  P {r['precision']:.3f}  R {r['recall']:.3f}  {r['pages']:>3} p  {r['pdf']}{note}")
    print(f"load: {summary['load_pages_per_s']:.1f} pages/s ({load_s:.2f} s)")
    if split_clauses is not None:
        print(f"load + segment: {summary['load_segment_pages_per_s']:.1f} pages/s "
              f"(segment {segment_s:.2f} s, {clauses_total} clauses)  target >= 100 pages/s")
    else:
        print("segment skipped (segmenter not importable)")
    for e in errors:
        print(f"  error: {e['pdf']}: {e['error']}")
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "documents": results}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
