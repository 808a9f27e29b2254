"""spaCy components: clause segmenter, legal facts and clause classifier.

Each is registered by name with ``@Language.factory`` and communicates through the Doc:

* ``clause_segmenter`` fills ``doc.spans["clauses"]``; every clause span carries
  ``._.clause_id``, ``._.number``, ``._.heading``, ``._.parent`` (a clause id), ``._.level``
  and ``._.page`` (from the loaded Document in ``doc._.document``, when there is one);
  ``._.heading_only`` marks a title with no body, ``._.contents`` a table of contents;
* ``legal_facts`` fills ``doc.spans["facts"]`` (label = kind) with ``._.fact`` holding the
  parsed value; ``clause._.facts`` lists the facts inside a clause;
* ``clause_classifier`` sets ``clause._.labels`` = {category: probability} for every
  category and ``clause._.categories`` = the categories decided with the model's thresholds
  (neither titles alone nor contents lists are classified).
"""

from __future__ import annotations

import bisect

import numpy as np

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..model.pieces import classification_spans
from .facts import find_facts
from .segmenter import split_clauses

_SPAN_ATTRS = ("clause_id", "number", "heading", "parent", "level", "page", "fact", "context_heading")
for _name in _SPAN_ATTRS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Span.has_extension("labels"):
    Span.set_extension("labels", default=None)
if not Span.has_extension("categories"):
    Span.set_extension("categories", default=None)
for _flag in ("heading_only", "contents"):
    if not Span.has_extension(_flag):
        Span.set_extension(_flag, default=False)
def _facts_in(span: Span) -> list[Span]:
    """The facts inside a clause, by bisection over the Doc's facts (sorted by position)."""
    doc = span.doc
    group = doc.spans.get("facts")
    if group is None:
        return []
    # Indexing a SpanGroup builds a new Span each time: keep the facts as a list, with their
    # starts, for as long as the group is the same one with the same length.
    key = (id(group), len(group))
    cached = doc.user_data.get("clausecheck_facts")
    if cached is None or cached[0] != key:
        facts = list(group)
        cached = doc.user_data["clausecheck_facts"] = (key, facts, [f.start_char for f in facts])
    _, facts, starts = cached
    i = bisect.bisect_left(starts, span.start_char)
    out = []
    while i < len(facts) and facts[i].start_char < span.end_char:
        if facts[i].end_char <= span.end_char:
            out.append(facts[i])
        i += 1
    return out


if not Span.has_extension("facts"):
    Span.set_extension("facts", getter=_facts_in)
if not Doc.has_extension("document"):
    Doc.set_extension("document", default=None)


def _text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds it from the tokens on every access."""
    text = doc.user_data.get("clausecheck_text")
    if text is None:
        text = doc.user_data["clausecheck_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` without rebuilding it token by token (the same characters)."""
    return _text(span.doc)[span.start_char:span.end_char]


@Language.factory("clause_segmenter")
def make_clause_segmenter(nlp: Language, name: str) -> "ClauseSegmenter":
    return ClauseSegmenter()


class ClauseSegmenter:
    """Cuts the Doc into clauses (see :func:`clausecheck.nlp.segmenter.split_clauses`)."""

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.document
        heading_offsets = frozenset(
            b.start for b in document.blocks if b.bold or b.kind == "heading") if document else frozenset()
        spans = []
        clause_spans = split_clauses(_text(doc), heading_offsets)
        ids = [f"c{i + 1}" for i in range(len(clause_spans))]
        for i, clause in enumerate(clause_spans):
            span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
            if span is None:
                continue
            ext = span._  # each ``span._`` access builds an accessor object: take it once
            ext.clause_id = ids[i]
            ext.number = clause.number
            ext.heading = clause.heading
            ext.level = clause.level
            ext.heading_only = clause.heading_only
            ext.contents = clause.contents
            ext.parent = ids[clause.parent] if clause.parent is not None else None
            ext.context_heading = clause.heading or _ancestor_heading(clause_spans, clause)
            ext.page = document.page_at(clause.start) if document else None
            spans.append(span)
        doc.spans["clauses"] = spans
        return doc


def _ancestor_heading(clauses, clause) -> str | None:
    parent = clause.parent
    while parent is not None:
        if clauses[parent].heading:
            return clauses[parent].heading
        parent = clauses[parent].parent
    return None


@Language.factory("legal_facts")
def make_legal_facts(nlp: Language, name: str) -> "LegalFacts":
    return LegalFacts()


class LegalFacts:
    """Money, percentages, durations, notice periods, dates and named laws."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for fact in find_facts(_text(doc)):
            span = doc.char_span(fact.start, fact.end, label=fact.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.fact = fact
            spans.append(span)
        doc.spans["facts"] = spans
        return doc


@Language.factory("clause_classifier", default_config={"model": None})
def make_clause_classifier(nlp: Language, name: str, model: str | None) -> "ClauseTagger":
    return ClauseTagger(model)


class ClauseTagger:
    """Applies the trained classifier to every clause that has a body."""

    def __init__(self, model_dir: str | None) -> None:
        self.model_dir = model_dir
        self._model = None

    @property
    def model(self):
        if self._model is None:  # loaded on first use so that building the pipeline stays cheap
            from ..model import load_model
            self._model = load_model(self.model_dir)
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        # Titles alone and contents lists name protections without granting them.
        clauses = [c for c in doc.spans.get("clauses", []) if not (c._.heading_only or c._.contents)]
        if not clauses:
            return doc
        clf = self.model
        # A long clause is scored piece by piece, as the corpus cut it for training, and
        # keeps each category's highest probability over its pieces.
        text = _text(doc)
        owners, texts, headings = [], [], []
        for i, clause in enumerate(clauses):
            for start, end in classification_spans(text, clause.start_char, clause.end_char):
                owners.append(i)
                texts.append(text[start:end])
                headings.append(clause._.context_heading)
        scored = clf.predict_proba(texts, headings)
        probabilities = np.zeros((len(clauses), len(clf.categories)))
        np.maximum.at(probabilities, np.asarray(owners), scored)
        for clause, row in zip(clauses, probabilities):
            ext = clause._
            ext.labels = {cat: float(p) for cat, p in zip(clf.categories, row)}
            ext.categories = [cat for cat, p, t in zip(clf.categories, row, clf.thresholds_) if p >= t]
        return doc
