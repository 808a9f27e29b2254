"""Per-category precision, recall, F1 and support; micro and macro averages."""

from __future__ import annotations

from typing import Sequence

import numpy as np


def evaluate_predictions(Y_true: np.ndarray, Y_pred: np.ndarray, categories: Sequence[str],
                         mask: np.ndarray | None = None) -> dict:
    """Scores for multi-label predictions; cells where ``mask`` is False are not counted.

    F1 of a category with no positives and no predicted positives is reported as None and
    left out of the macro average (there is nothing to find and nothing was found).
    """
    Y_true = np.asarray(Y_true, dtype=int)
    Y_pred = np.asarray(Y_pred, dtype=int)
    mask = np.ones_like(Y_true, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    per_category = {}
    totals = np.zeros(3, dtype=int)  # tp, fp, fn
    f1s = []
    for j, category in enumerate(categories):
        m = mask[:, j]
        t, p = Y_true[m, j], Y_pred[m, j]
        tp = int(np.sum((t == 1) & (p == 1)))
        fp = int(np.sum((t == 0) & (p == 1)))
        fn = int(np.sum((t == 1) & (p == 0)))
        totals += (tp, fp, fn)
        precision, recall, f1 = _prf(tp, fp, fn)
        per_category[category] = {"precision": precision, "recall": recall, "f1": f1,
                                  "support": int(t.sum()), "tp": tp, "fp": fp, "fn": fn}
        if f1 is not None:
            f1s.append(f1)
    micro_p, micro_r, micro_f1 = _prf(*totals)
    macro = {
        "precision": _mean([v["precision"] for v in per_category.values()]),
        "recall": _mean([v["recall"] for v in per_category.values()]),
        "f1": _mean(f1s),
    }
    return {"categories": per_category,
            "micro": {"precision": micro_p, "recall": micro_r, "f1": micro_f1, "support": int(totals[0] + totals[2])},
            "macro": macro, "samples": int(Y_true.shape[0])}


def _prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if tp + fp + fn == 0:
        return precision, recall, None
    f1 = 2 * tp / (2 * tp + fp + fn)
    return precision, recall, f1


def _mean(values: list[float | None]) -> float | None:
    values = [v for v in values if v is not None]
    return float(np.mean(values)) if values else None


def format_report(scores: dict) -> str:
    """A fixed-width table of the scores for the terminal."""
    def fmt(v):
        return "   -  " if v is None else f"{v:6.3f}"
    lines = [f"{'category':<22}{'prec':>7}{'recall':>7}{'F1':>7}{'support':>9}"]
    for category, s in scores["categories"].items():
        lines.append(f"{category:<22}{fmt(s['precision'])} {fmt(s['recall'])} {fmt(s['f1'])}{s['support']:>9}")
    lines.append("-" * 52)
    for avg in ("micro", "macro"):
        s = scores[avg]
        support = s.get("support", "")
        lines.append(f"{avg + ' avg':<22}{fmt(s['precision'])} {fmt(s['recall'])} {fmt(s['f1'])}{support:>9}")
    return "\n".join(lines)
