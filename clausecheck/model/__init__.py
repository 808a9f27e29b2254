"""The clause classifier: loading the shipped model and classifying clause texts."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Sequence

from ..errors import ModelError
from .classifier import ClauseClassifier

DEFAULT_MODEL_NAME = "clause-classifier"


def default_model_dir() -> Path:
    """The shipped model: ``models/`` of a source checkout, or its installed copy.

    ``CLAUSECHECK_MODEL`` points elsewhere (a model trained with ``clausecheck train``).
    """
    override = os.environ.get("CLAUSECHECK_MODEL")
    if override:
        return Path(override)
    source_tree = Path(__file__).resolve().parents[2] / "models" / DEFAULT_MODEL_NAME
    if (source_tree / "model.json").exists():
        return source_tree
    try:
        from importlib.resources import files
        installed = Path(str(files("clausecheck._models"))) / DEFAULT_MODEL_NAME
    except (ModuleNotFoundError, TypeError):
        installed = source_tree
    return installed


@functools.lru_cache(maxsize=4)
def load_model(directory: str | Path | None = None) -> ClauseClassifier:
    """Load (once per process) a model directory; the shipped one by default."""
    path = Path(directory) if directory else default_model_dir()
    if not (path / "model.json").exists():
        raise ModelError(f"{path}: no clause model there (train one with `clausecheck train`)")
    return ClauseClassifier.load(path)


def classify(texts: Sequence[str], headings: Sequence[str | None] | None = None,
             model: ClauseClassifier | None = None) -> list[dict]:
    """Classify clause texts: one dict per text with decided labels and every probability."""
    clf = model or load_model()
    if not texts:
        return []
    probabilities = clf.predict_proba(list(texts), headings)
    out = []
    for row in probabilities:
        decided = [c for c, p, t in zip(clf.categories, row, clf.thresholds_) if p >= t]
        out.append({"labels": decided,
                    "probabilities": {c: round(float(p), 4) for c, p in zip(clf.categories, row)}})
    return out


__all__ = ["ClauseClassifier", "classify", "load_model", "default_model_dir"]
