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
from typing import Iterable, Sequence

import numpy as np

from ..errors import ClausecheckError
from ..taxonomy import CATEGORY_IDS
from .card import write_model_card
from .classifier import ClauseClassifier, rows_to_matrix
from .metrics import evaluate_predictions

TEST_PERCENT = 20
VALIDATION_PERCENT = 20  # for `evaluate --split validation`; training cross-validates instead
CV_FOLDS = 4

# The candidates `train` compares on the validation split; the best macro-F1 is kept.
# (Logistic regression with liblinear scores like the SVM here but takes four times as long;
# the SGD logistic model is the cheap probabilistic alternative.) Both read the rule votes
# (cues) beside the words: on held-out contracts, counting only labels a reviewer or CUAD
# gave (benchmarks/expert_labels.py), they lift micro-F1 0.791 -> 0.808 and macro-F1
# 0.729 -> 0.757 (see the model card).
CANDIDATES: tuple[dict, ...] = (
    {"model": "linear_svm", "C": 0.3, "cues": 0.2},
    {"model": "sgd_logistic", "C": 2e-5, "cues": 0.2},
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


def _bucket(group: str, salt: str = "") -> int:
    return int(hashlib.sha1(f"{salt}{':' if salt else ''}{group}".encode("utf-8")).hexdigest()[:8], 16)


def split_of(group: str) -> str:
    """"train", "validation" or "test" for a contract, stable across runs and machines."""
    bucket = _bucket(group) % 100
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
          folds: int = CV_FOLDS, log=print) -> dict:
    """Choose a model by grouped cross-validation, fit it, and score it on held-out contracts.

    The train and validation contracts together are cut into ``folds`` groups of contracts.
    Each candidate is fitted ``folds`` times, each time scoring the contracts left out; those
    out-of-fold scores choose the candidate (macro-F1), fit the Platt scaling and pick each
    category's threshold. The chosen candidate is then fitted on all of them and scored once
    on the test contracts, which took no part in any choice.
    """
    categories = list(CATEGORY_IDS)
    development = [r for r in rows if split_of(group_of(r)) != "test"]
    test = select(rows, "test")
    if not development or not test:
        raise ClausecheckError("the corpus needs contracts on both sides of the test split; add more contracts")
    groups = sorted({group_of(r) for r in development})
    if len(groups) < folds:
        raise ClausecheckError(f"the corpus has {len(groups)} development contracts; it needs at least {folds}")
    fold_of = {g: _bucket(g, "fold") % folds for g in groups}
    log(f"corpus: {len(rows)} clauses; development {len(development)} clauses / {len(groups)} contracts "
        f"({folds}-fold grouped cross-validation); test {len(test)} clauses / {len({group_of(r) for r in test})} "
        "contracts")
    Y, M = rows_to_matrix(development, categories)
    texts, heads = _inputs(development)
    fold = np.array([fold_of[group_of(r)] for r in development])

    comparison = []
    best = None
    for params in candidates:
        started = time.perf_counter()
        scores = np.zeros(Y.shape, dtype=np.float32)
        for k in range(folds):
            fit_rows, held = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
            clf = ClauseClassifier(categories=categories, **params)
            clf.fit([texts[i] for i in fit_rows], [heads[i] for i in fit_rows], Y[fit_rows], M[fit_rows])
            scores[held] = clf.decision_function([texts[i] for i in held], [heads[i] for i in held])
        calibrated = ClauseClassifier(categories=categories, **params)
        calibrated.calibrate_scores(scores, Y, M)
        oof = evaluate_predictions(Y, calibrated.predict_from_scores(scores), categories, M)
        entry = {**params, "cv_micro_f1": oof["micro"]["f1"], "cv_macro_f1": oof["macro"]["f1"],
                 "seconds": round(time.perf_counter() - started, 1)}
        comparison.append(entry)
        log(f"candidate {params}: cross-validated micro-F1 {entry['cv_micro_f1']:.3f}, "
            f"macro-F1 {entry['cv_macro_f1']:.3f} ({entry['seconds']} s)")
        if best is None or oof["macro"]["f1"] > best[0]:
            best = (oof["macro"]["f1"], params, calibrated, oof)

    _, params, calibrated, oof = best
    chosen = ClauseClassifier(categories=categories, **params).fit(texts, heads, Y, M)
    chosen.platt_, chosen.thresholds_ = calibrated.platt_, calibrated.thresholds_
    out = Path(out)
    chosen.save(out, info={
        "comparison": comparison, "chosen": params, "cross_validation_metrics": oof,
        "splits": {"development": {"clauses": len(development), "contracts": len(groups)},
                   "test": {"clauses": len(test), "contracts": len({group_of(r) for r in test})}},
        "split_rule": f"sha1(contract) % 100 < {TEST_PERCENT}: test; the rest: development, "
                      f"{folds}-fold grouped cross-validation by sha1(fold:contract)"})
    # Score what was written, as it will be loaded (weights are stored at half precision).
    shipped = ClauseClassifier.load(out)
    test_scores = score(shipped, test)
    meta_path = out / "model.json"
    meta = json.loads(meta_path.read_text())
    meta["info"]["test_metrics"] = test_scores
    if any("by_rules" in row for row in test):
        meta["info"]["test_metrics_expert_cells"] = score(shipped, test, expert_only=True)
    tmp = meta_path.with_name("model.json.tmp")
    tmp.write_text(json.dumps(meta, indent=1, sort_keys=True))
    tmp.replace(meta_path)
    write_model_card(out, meta)
    return test_scores


def expert_cells(rows: list[dict], categories: Sequence[str], decided: np.ndarray) -> np.ndarray:
    """``decided`` without the negatives that only the labelling functions decided (each
    row's ``by_rules``)."""
    index = {c: j for j, c in enumerate(categories)}
    expert = decided.copy()
    for i, row in enumerate(rows):
        for category in row.get("by_rules", []):
            if category in index:
                expert[i, index[category]] = False
    return expert


def score(clf: ClauseClassifier, rows: list[dict], *, expert_only: bool = False) -> dict:
    """Evaluate a classifier on corpus rows.

    ``expert_only`` leaves out the negatives that only the labelling functions decided (a
    row's ``by_rules``): the classifier reads those rules' votes, so counting them flatters it.
    """
    Y, M = rows_to_matrix(rows, clf.categories)
    if expert_only:
        M = expert_cells(rows, clf.categories, M)
    texts, heads = _inputs(rows)
    predictions = clf.predict(texts, heads) if rows else np.zeros_like(Y)
    return evaluate_predictions(Y, predictions, clf.categories, M)
