"""Train, compare and evaluate clause classifiers on a corpus split by contract.

Every corpus row belongs to a group (the contract it was cut from). A group's split is a
pure function of its name (a hash), so a contract is always on one side — train,
validation or test — on every machine and in every run, and ``evaluate --split test``
can score a shipped model on exactly the contracts it never saw.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Iterable

import numpy as np

from ..errors import ClausecheckError
from ..taxonomy import CATEGORY_IDS
from .classifier import ClauseClassifier, rows_to_matrix
from .metrics import evaluate_predictions

TEST_PERCENT = 20
VALIDATION_PERCENT = 20

# The candidates `train` compares on the validation split; the best macro-F1 is kept.
CANDIDATES: tuple[dict, ...] = (
    {"model": "logreg", "C": 8.0},
    {"model": "linear_svm", "C": 0.3},
)


def read_corpus(path: str | Path) -> list[dict]:
    """Read a JSONL corpus, with a clear error naming the line of a malformed row."""
    rows = []
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ClausecheckError(f"{path}: cannot read corpus ({exc.strerror or exc})") from None
    with handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ClausecheckError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) \
                    or not isinstance(row.get("labels"), list):
                raise ClausecheckError(f"{path}:{n}: a corpus row needs \"text\" (string) and \"labels\" (list)")
            unknown = [label for label in row["labels"] if label not in CATEGORY_IDS]
            if unknown:
                raise ClausecheckError(f"{path}:{n}: unknown categor{'ies' if len(unknown) > 1 else 'y'} "
                                       f"{', '.join(unknown)}")
            rows.append(row)
    if not rows:
        raise ClausecheckError(f"{path}: corpus is empty")
    return rows


def group_of(row: dict) -> str:
    return row.get("group") or str(row.get("source", "")).split("#", 1)[0]


def split_of(group: str) -> str:
    """"train", "validation" or "test" for a contract, stable across runs and machines."""
    bucket = int(hashlib.sha1(group.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < TEST_PERCENT:
        return "test"
    if bucket < TEST_PERCENT + VALIDATION_PERCENT:
        return "validation"
    return "train"


def select(rows: Iterable[dict], split: str) -> list[dict]:
    if split == "all":
        return list(rows)
    return [row for row in rows if split_of(group_of(row)) == split]


def _inputs(rows: list[dict]) -> tuple[list[str], list[str]]:
    return [row["text"] for row in rows], [row.get("heading") or "" for row in rows]


def train(rows: list[dict], out: str | Path, *, candidates: Iterable[dict] = CANDIDATES,
          log=print) -> dict:
    """Fit each candidate on train, calibrate on validation, keep the best, score it on test."""
    categories = list(CATEGORY_IDS)
    parts = {name: select(rows, name) for name in ("train", "validation", "test")}
    for name, part in parts.items():
        if not part:
            raise ClausecheckError(f"the corpus has no contracts in the {name} split; it needs more contracts")
    log(f"corpus: {len(rows)} clauses; " + ", ".join(
        f"{name} {len(part)} clauses / {len({group_of(r) for r in part})} contracts" for name, part in parts.items()))
    Y_tr, M_tr = rows_to_matrix(parts["train"], categories)
    Y_va, M_va = rows_to_matrix(parts["validation"], categories)
    texts_tr, heads_tr = _inputs(parts["train"])
    texts_va, heads_va = _inputs(parts["validation"])

    comparison = []
    best: tuple[float, ClauseClassifier] | None = None
    for params in candidates:
        started = time.perf_counter()
        clf = ClauseClassifier(categories=categories, **params)
        clf.fit(texts_tr, heads_tr, Y_tr, M_tr).calibrate(texts_va, heads_va, Y_va, M_va)
        scores = evaluate_predictions(Y_va, clf.predict(texts_va, heads_va), categories, M_va)
        entry = {**params, "validation_micro_f1": scores["micro"]["f1"],
                 "validation_macro_f1": scores["macro"]["f1"], "seconds": round(time.perf_counter() - started, 1)}
        comparison.append(entry)
        log(f"candidate {params}: validation micro-F1 {entry['validation_micro_f1']:.3f}, "
            f"macro-F1 {entry['validation_macro_f1']:.3f} ({entry['seconds']} s)")
        if best is None or scores["macro"]["f1"] > best[0]:
            best = (scores["macro"]["f1"], clf)

    chosen = best[1]
    out = Path(out)
    chosen.save(out, info={"comparison": comparison,
                           "splits": {name: {"clauses": len(part), "contracts": len({group_of(r) for r in part})}
                                      for name, part in parts.items()},
                           "split_rule": f"sha1(contract) % 100: < {TEST_PERCENT} test, "
                                         f"< {TEST_PERCENT + VALIDATION_PERCENT} validation, else train"})
    # Score what was written, as it will be loaded (weights are stored at half precision).
    shipped = ClauseClassifier.load(out)
    test_scores = score(shipped, parts["test"])
    shipped.info_["test_metrics"] = test_scores
    meta_path = out / "model.json"
    meta = json.loads(meta_path.read_text())
    meta["info"]["test_metrics"] = test_scores
    meta["info"]["chosen"] = {"model": chosen.model, "C": chosen.C}
    tmp = meta_path.with_name("model.json.tmp")
    tmp.write_text(json.dumps(meta, indent=1, sort_keys=True))
    tmp.replace(meta_path)
    return test_scores


def score(clf: ClauseClassifier, rows: list[dict]) -> dict:
    """Evaluate a classifier on corpus rows."""
    Y, M = rows_to_matrix(rows, clf.categories)
    texts, heads = _inputs(rows)
    predictions = clf.predict(texts, heads) if rows else np.zeros_like(Y)
    return evaluate_predictions(Y, predictions, clf.categories, M)
