"""TF-IDF features for a fitted model, computed without importing scikit-learn.

Training uses scikit-learn's ``TfidfVectorizer``; a shipped model only needs its
vocabulary, IDF weights and settings to turn text into the same numbers. Doing that here
keeps ``load`` + first classification free of scikit-learn's import time (about a second),
and ``tests/test_model.py`` checks that the output equals scikit-learn's to float precision.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import count, islice, repeat
from typing import TYPE_CHECKING, Sequence

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

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
        # word -> vocabulary columns of its character n-grams. Contracts reuse a
        # small vocabulary, so most words are seen before: this makes char n-grams ~5x faster.
        self._word_cache: dict[str, np.ndarray] = {}

    def transform_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and TF-IDF values of one text (l2-normalised like scikit-learn)."""
        row = self.transform_many([text])
        return row.indices, row.data

    def transform_many(self, texts: Sequence[str]) -> "csr_matrix":
        """The TF-IDF matrix of several texts: a SciPy CSR matrix, texts x vocabulary.

        The same numbers as scikit-learn's ``transform`` (l2-normalised rows). A contract has
        hundreds of clauses, so a whole batch is counted at once: Python looks each term up
        in the vocabulary and SciPy's sparse code sums the repeats, which costs a fraction
        of counting text by text.
        """
        matrix = self._char_counts(texts) if self.analyzer == "char_wb" else self._term_counts(texts)
        values = matrix.data
        if not len(values):
            return matrix
        if self.sublinear_tf:
            np.log(values, out=values)
            values += 1.0
        values *= self.idf[matrix.indices]
        if self.norm == "l2":
            per_row = np.diff(matrix.indptr)
            starts = matrix.indptr[:-1][per_row > 0]
            length = np.ones(len(per_row))
            length[per_row > 0] = np.sqrt(np.add.reduceat(values * values, starts))
            values /= np.repeat(length, per_row)
        return matrix

    def _term_counts(self, texts: Sequence[str]) -> "csr_matrix":
        """Word terms (and word pairs) counted per text; terms outside the vocabulary dropped."""
        from scipy.sparse import csr_matrix

        get = self.vocabulary.get
        pairs = self.ngram_range == (1, 2)
        if self.ngram_range not in ((1, 1), (1, 2)):
            raise ValueError(f"unsupported word n-gram range {self.ngram_range}")
        columns: list[int] = []
        row_ends: list[int] = []
        for text in texts:
            tokens = self._token.findall(text.lower() if self.lowercase else text)
            columns += map(get, tokens, repeat(-1))
            if pairs and len(tokens) > 1:
                columns += map(get, map(" ".join, zip(tokens, tokens[1:])), repeat(-1))
            row_ends.append(len(columns))
        columns_a = np.array(columns, dtype=np.int64)
        rows = np.repeat(np.arange(len(texts)), np.diff(np.array([0, *row_ends])))
        known = columns_a >= 0
        # Built from (row, column) pairs, the matrix sums repeated terms: their counts.
        return csr_matrix((np.ones(int(known.sum())), (rows[known], columns_a[known])),
                          shape=(len(texts), len(self.vocabulary)))

    def _char_counts(self, texts: Sequence[str]) -> "csr_matrix":
        """char_wb n-grams are made word by word, so a text's counts are the sum of its
        words': (texts x words) @ (words x n-grams), the second made from a per-word cache."""
        from scipy.sparse import csr_matrix

        word_ids: defaultdict[str, int] = defaultdict(count().__next__)  # a new word gets the next id
        text_words: list[int] = []
        indptr = [0]
        for text in texts:
            text_words += map(word_ids.__getitem__, (text.lower() if self.lowercase else text).split())
            indptr.append(len(text_words))
        words = csr_matrix((np.ones(len(text_words)), np.array(text_words, dtype=np.int64), indptr),
                           shape=(len(texts), len(word_ids)))
        cache = self._word_cache
        entries = [cache.get(word) if word in cache else self._word_columns(word) for word in word_ids]
        grams = csr_matrix(  # row w: the vocabulary columns of word w's n-grams, repeats included
            (np.ones(sum(map(len, entries))), np.concatenate(entries) if entries else np.zeros(0, dtype=np.int64),
             np.r_[0, np.cumsum(list(map(len, entries)), dtype=np.int64)]),
            shape=(len(word_ids), len(self.vocabulary)))
        return words @ grams  # repeated words and shared n-grams summed in SciPy's product

    def _word_columns(self, word: str) -> np.ndarray:
        """The vocabulary columns of a word's char_wb n-grams (one per occurrence), cached."""
        low, high = self.ngram_range
        padded = f" {word} "
        length = len(padded)
        grams: list[str] = []
        for n in range(low, high + 1):  # as scikit-learn's _char_wb_ngrams
            if length <= n:  # a word no longer than n is one n-gram, counted once
                grams.append(padded)
                break
            grams += [padded[i:i + n] for i in range(length - n + 1)]
        columns = np.array([c for c in map(self.vocabulary.get, grams) if c is not None], dtype=np.int64)
        if len(self._word_cache) >= _WORD_CACHE_SIZE:  # bounds memory over a long batch:
            for stale in list(islice(self._word_cache, _WORD_CACHE_SIZE // 2)):  # drop the oldest half
                del self._word_cache[stale]
        self._word_cache[word] = columns
        return columns
