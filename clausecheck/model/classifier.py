"""The clause classifier: TF-IDF features and one linear model per category.

A scikit-learn style estimator (``fit``/``predict_proba``/``predict``) whose fitted state is
plain arrays: vocabularies and IDF weights, one weight vector, intercept and Platt scaling
pair per category, and a decision threshold per category. ``save`` writes them as JSON and
NPZ, ``load`` reads them back with ``allow_pickle=False``: loading a model never runs code
from the model file.

Input is a clause's text and its heading (the clause's own or its section's): headings are
short, reliable signals ("Termination", "Insurance"), so they get their own features. With
``cues`` above zero the votes of the taxonomy's rules (:mod:`.cues`: headings, phrases,
keywords and vetoes per category) are features too, scaled by that weight.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ..errors import ModelError

FORMAT = "clausecheck-linear-v1"
_VECTORIZERS = ("word", "char", "heading")
_BATCH = 256  # clauses scored together


def _make_vectorizers(params: dict | None = None) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer

    params = params or {}
    defaults = {
        "word": dict(analyzer="word", ngram_range=(1, 2), min_df=2, max_features=60000, sublinear_tf=True,
                     lowercase=True, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b", dtype=np.float32),
        "char": dict(analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=60000, sublinear_tf=True,
                     lowercase=True, dtype=np.float32),
        "heading": dict(analyzer="word", ngram_range=(1, 1), min_df=2, max_features=5000, lowercase=True,
                        token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b", dtype=np.float32),
    }
    for name, extra in params.items():
        defaults[name].update(extra)
    return {name: TfidfVectorizer(**kw) for name, kw in defaults.items()}


@dataclass
class ClauseClassifier:
    """Multi-label linear classifier over clause text + heading."""

    categories: list[str]
    model: str = "logreg"  # "logreg", "linear_svm" or "sgd_logistic"
    C: float = 4.0  # inverse regularisation (logreg, linear_svm); the alpha for sgd_logistic
    cues: float = 0.0  # weight of the rule-vote features (0: words and headings only)
    vectorizer_params: dict = field(default_factory=dict)

    # Fitted state.
    vectorizers_: dict | None = None  # scikit-learn vectorizers (after fit)
    features_: dict | None = None  # the same, as plain TfidfFeatures (after load)
    coef_: np.ndarray | None = None  # (n_categories, n_features)
    # coef_ transposed, contiguous, float64 (after load): the dense right-hand side of the
    # sparse TF-IDF matrix product, one contiguous row block per vectorizer.
    coef_by_feature_: np.ndarray | None = None
    intercept_: np.ndarray | None = None
    platt_: np.ndarray | None = None  # (n_categories, 2): probability = sigmoid(a * score + b)
    thresholds_: np.ndarray | None = None
    info_: dict = field(default_factory=dict)

    # -- features --------------------------------------------------------------------
    def _fit_vectorizers(self, texts: Sequence[str], headings: Sequence[str]) -> None:
        self.vectorizers_ = _make_vectorizers(self.vectorizer_params)
        self.vectorizers_["word"].fit(texts)
        self.vectorizers_["char"].fit(texts)
        # One placeholder heading keeps the vocabulary non-empty for corpora without headings.
        self.vectorizers_["heading"].fit([h or "" for h in headings] + ["untitled clause"])

    def transform(self, texts: Sequence[str], headings: Sequence[str | None] | None = None):
        from scipy.sparse import hstack

        if self.vectorizers_ is None:
            raise ModelError("classifier is not fitted")
        headings = [h or "" for h in (headings if headings is not None else [""] * len(texts))]
        parts = [self.vectorizers_["word"].transform(texts), self.vectorizers_["char"].transform(texts),
                 self.vectorizers_["heading"].transform(headings)]
        if self.cues:
            parts.append(self._cue_features(texts, headings))
        return hstack(parts, format="csr", dtype=np.float32)

    def _cue_features(self, texts: Sequence[str], headings: Sequence[str]) -> np.ndarray:
        from .cues import cue_matrix

        return cue_matrix(texts, headings, self.categories) * np.float32(self.cues)

    # -- estimator API ---------------------------------------------------------------
    def fit(self, texts: Sequence[str], headings: Sequence[str | None], Y: np.ndarray,
            mask: np.ndarray | None = None) -> "ClauseClassifier":
        """Fit one linear model per category.

        ``Y`` is (n_samples, n_categories) of 0/1; ``mask`` marks with 0 the (sample,
        category) cells whose label is unknown, which that category's model skips.
        """
        self._fit_vectorizers(texts, [h or "" for h in headings])
        X = self.transform(texts, headings)
        n_cat = len(self.categories)
        mask = np.ones_like(Y, dtype=bool) if mask is None else mask.astype(bool)
        self.coef_ = np.zeros((n_cat, X.shape[1]), dtype=np.float32)
        self.intercept_ = np.zeros(n_cat, dtype=np.float32)
        for j in range(n_cat):
            rows = np.flatnonzero(mask[:, j])
            y = Y[rows, j]
            if y.min() == y.max():  # a category with one class only: constant score
                self.intercept_[j] = 10.0 if y.max() else -10.0
                continue
            estimator = self._estimator()
            estimator.fit(X[rows], y)
            self.coef_[j] = estimator.coef_.ravel()
            self.intercept_[j] = float(np.ravel(estimator.intercept_)[0])
        self.platt_ = np.tile(np.array([1.0, 0.0], dtype=np.float32), (n_cat, 1))
        self.thresholds_ = np.full(n_cat, 0.5, dtype=np.float32)
        return self

    def _estimator(self):
        if self.model == "logreg":
            from sklearn.linear_model import LogisticRegression
            return LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000, solver="liblinear",
                                      random_state=0)
        if self.model == "sgd_logistic":
            from sklearn.linear_model import SGDClassifier
            return SGDClassifier(loss="log_loss", alpha=self.C, class_weight="balanced", max_iter=50, tol=1e-4,
                                 random_state=0)
        if self.model == "linear_svm":
            from sklearn.svm import LinearSVC
            return LinearSVC(C=self.C, class_weight="balanced", max_iter=5000, random_state=0)
        raise ValueError(f"unknown model {self.model!r}")

    def decision_function(self, texts: Sequence[str], headings: Sequence[str | None] | None = None) -> np.ndarray:
        if self.vectorizers_ is None and self.features_ is not None:
            return self._decision_without_sklearn(texts, headings)
        X = self.transform(texts, headings)
        return np.asarray(X @ self.coef_.T) + self.intercept_

    def _decision_without_sklearn(self, texts: Sequence[str], headings: Sequence[str | None] | None) -> np.ndarray:
        """Scores of a loaded model, from its own TF-IDF code (see features.py)."""
        headings = [h or "" for h in (headings if headings is not None else [""] * len(texts))]
        offsets = self._offsets()
        cue_offset = offsets[-1] + len(self.features_[_VECTORIZERS[-1]].vocabulary)  # the cue block comes last
        scores = np.tile(self.intercept_.astype(np.float64), (len(texts), 1))
        for lo in range(0, len(texts), _BATCH):  # batches bound the size of the count matrices
            hi = min(lo + _BATCH, len(texts))
            for name, offset in zip(_VECTORIZERS, offsets):
                chunk = headings[lo:hi] if name == "heading" else texts[lo:hi]
                features = self.features_[name]
                X = features.transform_many(chunk)
                scores[lo:hi] += X @ self.coef_by_feature_[offset:offset + len(features.vocabulary)]
            if self.cues:
                scores[lo:hi] += self._cue_features(texts[lo:hi], headings[lo:hi]) @ self.coef_by_feature_[cue_offset:]
        return scores

    def _offsets(self) -> list[int]:
        sizes = [len(self.features_[name].vocabulary) for name in _VECTORIZERS]
        return [sum(sizes[:i]) for i in range(len(sizes))]

    def predict_proba(self, texts: Sequence[str], headings: Sequence[str | None] | None = None) -> np.ndarray:
        scores = self.decision_function(texts, headings)
        return _sigmoid(scores * self.platt_[:, 0] + self.platt_[:, 1])

    def predict(self, texts: Sequence[str], headings: Sequence[str | None] | None = None) -> np.ndarray:
        return (self.predict_proba(texts, headings) >= self.thresholds_).astype(int)

    # -- calibration and thresholds ---------------------------------------------------
    def calibrate(self, texts: Sequence[str], headings: Sequence[str | None], Y: np.ndarray,
                  mask: np.ndarray | None = None) -> "ClauseClassifier":
        """Platt-scale each category's scores and pick the F1-best threshold, on held-out data."""
        return self.calibrate_scores(self.decision_function(texts, headings), Y, mask)

    def calibrate_scores(self, scores: np.ndarray, Y: np.ndarray,
                         mask: np.ndarray | None = None) -> "ClauseClassifier":
        """Calibration from decision scores of held-out (e.g. out-of-fold) samples."""
        from sklearn.linear_model import LogisticRegression

        n_cat = len(self.categories)
        self.platt_ = np.tile(np.array([1.0, 0.0], dtype=np.float32), (n_cat, 1))
        self.thresholds_ = np.full(n_cat, 0.5, dtype=np.float32)
        mask = np.ones_like(Y, dtype=bool) if mask is None else mask.astype(bool)
        for j in range(n_cat):
            rows = np.flatnonzero(mask[:, j])
            y, s = Y[rows, j], scores[rows, j]
            if y.min() == y.max():
                continue
            platt = LogisticRegression(C=1e4).fit(s.reshape(-1, 1), y)
            self.platt_[j] = [platt.coef_[0, 0], platt.intercept_[0]]
            self.thresholds_[j] = best_threshold(_sigmoid(s * self.platt_[j, 0] + self.platt_[j, 1]), y)
        return self

    def predict_from_scores(self, scores: np.ndarray) -> np.ndarray:
        probabilities = _sigmoid(scores * self.platt_[:, 0] + self.platt_[:, 1])
        return (probabilities >= self.thresholds_).astype(int)

    # -- persistence -------------------------------------------------------------------
    def save(self, directory: str | Path, info: dict | None = None) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {
            "coef": self.coef_.astype(np.float16), "intercept": self.intercept_,
            "platt": self.platt_, "thresholds": self.thresholds_,
        }
        vocabularies = {}
        vec_params = {}
        for name in _VECTORIZERS:
            vec = self.vectorizers_[name]
            terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            vocabularies[name] = terms
            arrays[f"idf_{name}"] = vec.idf_.astype(np.float32)
            params = vec.get_params()
            vec_params[name] = {k: params[k] for k in ("analyzer", "ngram_range", "lowercase", "token_pattern",
                                                       "sublinear_tf", "norm", "use_idf", "smooth_idf")}
        meta = {"format": FORMAT, "categories": self.categories, "model": self.model, "C": self.C,
                "vectorizers": vec_params, "info": {**self.info_, **(info or {})}}
        if self.cues:
            from .cues import cue_names, fingerprint
            meta["cues"] = {"weight": self.cues, "names": cue_names(self.categories), "fingerprint": fingerprint()}
        _atomic_write(directory / "model.json", json.dumps(meta, indent=1, sort_keys=True).encode())
        _atomic_write(directory / "vocabulary.json",
                      json.dumps(vocabularies, ensure_ascii=False, separators=(",", ":")).encode())
        tmp = directory / "weights.tmp.npz"
        np.savez_compressed(tmp, **arrays)
        tmp.replace(directory / "weights.npz")

    @classmethod
    def load(cls, directory: str | Path) -> "ClauseClassifier":
        """Read a saved model. Only JSON and numeric arrays are read (no pickle)."""
        from .features import TfidfFeatures

        directory = Path(directory)
        try:
            meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
            vocabularies = json.loads((directory / "vocabulary.json").read_text(encoding="utf-8"))
            with np.load(directory / "weights.npz", allow_pickle=False) as npz:
                arrays = {k: npz[k] for k in npz.files}
        except FileNotFoundError as exc:
            raise ModelError(f"{directory}: not a clausecheck model ({Path(exc.filename).name} missing)") from None
        except (ValueError, OSError) as exc:
            raise ModelError(f"{directory}: unreadable model files ({exc})") from None
        if meta.get("format") != FORMAT:
            raise ModelError(f"{directory}: unknown model format {meta.get('format')!r}")
        clf = cls(categories=list(meta["categories"]), model=meta["model"], C=meta["C"])
        if meta.get("cues"):
            clf.cues = float(meta["cues"]["weight"])
            _check_cues(directory, meta["cues"], clf.categories)
        clf.features_ = {}
        for name in _VECTORIZERS:
            params = meta["vectorizers"][name]
            clf.features_[name] = TfidfFeatures(
                analyzer=params["analyzer"], ngram_range=tuple(params["ngram_range"]), lowercase=params["lowercase"],
                token_pattern=params["token_pattern"] if params["analyzer"] == "word" else None,
                sublinear_tf=params["sublinear_tf"], norm=params["norm"],
                vocabulary={term: i for i, term in enumerate(vocabularies[name])},
                idf=arrays[f"idf_{name}"].astype(np.float64))
        clf.coef_ = arrays["coef"].astype(np.float32)
        expected = sum(len(clf.features_[name].vocabulary) for name in _VECTORIZERS) + \
            (len(meta["cues"]["names"]) if clf.cues else 0)
        if clf.coef_.shape != (len(clf.categories), expected):
            raise ModelError(f"{directory}: weights do not match the vocabulary ({clf.coef_.shape[1]} columns, "
                             f"{expected} features)")
        clf.coef_by_feature_ = np.ascontiguousarray(clf.coef_.T, dtype=np.float64)
        clf.intercept_ = arrays["intercept"]
        clf.platt_ = arrays["platt"]
        clf.thresholds_ = arrays["thresholds"]
        clf.info_ = meta.get("info", {})
        return clf


def _check_cues(directory: Path, recorded: dict, categories: list[str]) -> None:
    """A model reads the rule votes it was trained on, or none: other rules would feed its
    weights features they were not fitted to, and its labels would be wrong without a sign."""
    from .cues import cue_names, fingerprint

    if recorded.get("names") != cue_names(categories) or recorded.get("fingerprint") != fingerprint():
        raise ModelError(f"{directory}: the model was trained with other rule cues (fingerprint "
                         f"{recorded.get('fingerprint')}, this clausecheck has {fingerprint()}); retrain it with "
                         "`clausecheck train`")


def best_threshold(probabilities: np.ndarray, y: np.ndarray) -> float:
    """The probability threshold with the best F1 (ties: the higher threshold)."""
    order = np.argsort(-probabilities, kind="stable")
    p, t = probabilities[order], y[order]
    tp = np.cumsum(t)
    fp = np.cumsum(1 - t)
    positives = t.sum()
    if positives == 0:
        return 0.5
    f1 = 2 * tp / (tp + fp + positives)
    # Only cut between distinct probabilities.
    distinct = np.r_[p[1:] != p[:-1], True]
    f1 = np.where(distinct, f1, -1)
    i = int(np.argmax(f1))
    upper = p[i]
    lower = p[i + 1] if i + 1 < len(p) else 0.0
    return float(np.clip((upper + lower) / 2, 0.05, 0.95))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def rows_to_matrix(rows: Iterable[dict], categories: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Corpus rows -> (Y, mask): labels as 0/1 and a mask of decided cells."""
    rows = list(rows)
    index = {c: j for j, c in enumerate(categories)}
    Y = np.zeros((len(rows), len(categories)), dtype=np.int8)
    mask = np.ones_like(Y, dtype=bool)
    for i, row in enumerate(rows):
        for label in row.get("labels", []):
            if label in index:
                Y[i, index[label]] = 1
        for label in row.get("ignore", []):
            if label in index:
                mask[i, index[label]] = False
    return Y, mask
