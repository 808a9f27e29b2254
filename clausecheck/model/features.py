"""TF-IDF features for a fitted model, computed without importing scikit-learn.

Training uses scikit-learn's ``TfidfVectorizer``; a shipped model only needs its
vocabulary, IDF weights and settings to turn text into the same numbers. Doing that here
keeps ``load`` + first classification free of scikit-learn's import time (about a second),
and ``tests/test_model.py`` checks that the output equals scikit-learn's to float precision.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import islice
from typing import Sequence

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")
_WORD_CACHE_SIZE = 100_000  # about 60 MB: the distinct words of a few hundred contracts


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
        # word -> (columns, counts) of its in-vocabulary character n-grams. Contracts reuse a
        # small vocabulary, so most words are seen before: this makes char n-grams ~5x faster.
        self._word_cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

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
        _, columns, values = self.transform_many([text])
        return columns, values

    def transform_many(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The TF-IDF matrix of several texts as (rows, columns, values), sorted by row.

        The same numbers as scikit-learn's ``transform`` (l2-normalised rows), computed with
        a few array operations per batch rather than per text: a contract has hundreds of
        clauses, and per-clause NumPy calls used to cost more than the arithmetic.
        """
        if self.analyzer == "char_wb":
            rows, columns, tf = self._char_counts(texts)
        else:
            rows, columns, tf = self._term_counts(texts)
        if not len(columns):
            return rows, columns, tf
        if self.sublinear_tf:
            tf = 1.0 + np.log(tf)
        values = tf * self.idf[columns]
        if self.norm == "l2":
            length = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(texts)))
            length[length == 0] = 1.0
            values /= length[rows]
        return rows, columns, values

    def _term_counts(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        vocabulary = self.vocabulary
        rows: list[int] = []
        columns: list[int] = []
        counts: list[int] = []
        bigrams = self.analyzer == "word" and self.ngram_range == (1, 2)
        for i, text in enumerate(texts):
            if bigrams:  # count token pairs first, so each distinct bigram string is built once
                tokens = self._token.findall(text.lower() if self.lowercase else text)
                counted = Counter(tokens)
                counted.update({f"{a} {b}": n for (a, b), n in Counter(zip(tokens, tokens[1:])).items()})
            else:
                counted = Counter(self.terms(text))
            for term, n in counted.items():
                column = vocabulary.get(term)
                if column is not None:
                    rows.append(i)
                    columns.append(column)
                    counts.append(n)
        rows_a = np.array(rows, dtype=np.int64)
        columns_a = np.array(columns, dtype=np.int64)
        order = np.lexsort((columns_a, rows_a))
        return rows_a[order], columns_a[order], np.array(counts, dtype=np.float64)[order]

    def _char_counts(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """char_wb n-grams are made word by word, so a text's counts are the sum of its words'."""
        cache = self._word_cache
        parts: list[np.ndarray] = []
        part_counts: list[np.ndarray] = []
        part_rows: list[int] = []
        part_times: list[int] = []
        for i, text in enumerate(texts):
            for word, n in Counter((text.lower() if self.lowercase else text).split()).items():
                cached = cache.get(word)
                if cached is None:
                    cached = self._word_columns(word)
                if len(cached[0]):
                    parts.append(cached[0])
                    part_counts.append(cached[1])
                    part_rows.append(i)
                    part_times.append(n)
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float64)
        lengths = [len(p) for p in parts]
        size = len(self.vocabulary)
        keys = np.repeat(np.array(part_rows, dtype=np.int64), lengths) * size + np.concatenate(parts)
        counts = np.concatenate(part_counts) * np.repeat(np.array(part_times, dtype=np.float64), lengths)
        keys, inverse = np.unique(keys, return_inverse=True)
        return keys // size, keys % size, np.bincount(inverse, weights=counts)

    def _word_columns(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        vocabulary = self.vocabulary
        counts = Counter(vocabulary[t] for t in self.terms(word) if t in vocabulary)
        entry = (np.fromiter(counts.keys(), dtype=np.int64, count=len(counts)),
                 np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        if len(self._word_cache) >= _WORD_CACHE_SIZE:  # bounds memory over a long batch:
            for stale in list(islice(self._word_cache, _WORD_CACHE_SIZE // 2)):  # drop the oldest half
                del self._word_cache[stale]
        self._word_cache[word] = entry
        return entry
