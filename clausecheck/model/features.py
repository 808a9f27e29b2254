"""TF-IDF features for a fitted model, computed without importing scikit-learn.

Training uses scikit-learn's ``TfidfVectorizer``; a shipped model only needs its
vocabulary, IDF weights and settings to turn text into the same numbers. Doing that here
keeps ``load`` + first classification free of scikit-learn's import time (about a second),
and ``tests/test_model.py`` checks that the output equals scikit-learn's to float precision.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")


@dataclass
class TfidfFeatures:
    """One fitted vectorizer: settings, vocabulary (term -> column) and IDF weights."""

    analyzer: str  # "word" | "char_wb"
    ngram_range: tuple[int, int]
    lowercase: bool
    token_pattern: str | None
    sublinear_tf: bool
    norm: str | None
    vocabulary: dict[str, int]
    idf: np.ndarray

    def __post_init__(self) -> None:
        self._token = re.compile(self.token_pattern) if self.token_pattern else None

    def terms(self, text: str) -> list[str]:
        if self.lowercase:
            text = text.lower()
        low, high = self.ngram_range
        if self.analyzer == "word":
            tokens = self._token.findall(text)
            if high == 1:
                return tokens
            out = list(tokens) if low == 1 else []
            for n in range(max(low, 2), high + 1):
                out += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
            return out
        if self.analyzer == "char_wb":
            # Same n-grams as scikit-learn's _char_wb_ngrams: words padded with one space.
            text = _WHITE_SPACES.sub(" ", text)
            out = []
            for word in text.split():
                word = f" {word} "
                length = len(word)
                for n in range(low, high + 1):
                    offset = 0
                    out.append(word[offset:offset + n])
                    while offset + n < length:
                        offset += 1
                        out.append(word[offset:offset + n])
                    if offset == 0:  # a word shorter than n: counted once
                        break
            return out
        raise ValueError(f"unsupported analyzer {self.analyzer!r}")

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of one text (l2-normalised like scikit-learn)."""
        vocabulary = self.vocabulary
        counts = {vocabulary[t]: n for t, n in Counter(self.terms(text)).items() if t in vocabulary}
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear_tf:
            tf = 1.0 + np.log(tf)
        values = tf * self.idf[columns]
        if self.norm == "l2":
            length = math.sqrt(float(values @ values))
            if length:
                values /= length
        return columns, values
