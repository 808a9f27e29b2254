"""``clausecheck batch``: a whole archive of contracts, in parallel, with a journal that
survives crashes, a summary CSV and an HTML dashboard.

    from clausecheck.batch import BatchOptions, run_batch
    result = run_batch(["contracts/"], BatchOptions(out_dir="results", workers=4))

Modules: walk (inputs, zip archives, hashing), runner (worker pool with timeouts),
worker (the analysis inside a worker), outputs (results.jsonl, summary.csv, errors.csv),
dashboard (index.html), progress (stderr), job (one run, tying them together).
"""

from __future__ import annotations

from .job import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "run_batch"]
