"""Properties that hold for any input, checked with hypothesis.

The loaders must never raise anything but InputError, whatever the bytes; the clause
segmenter and the fact finder must return spans a caller can slice the text with.
A longer run over the same loaders is fuzz/fuzz_loaders.py.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_inputs as h
from clausecheck.errors import InputError
from clausecheck.limits import Limits
from clausecheck.loaders import load
from clausecheck.loaders.pdf import load_pdf
from clausecheck.loaders.sniff import sniff_format
from clausecheck.loaders.text import load_text
from clausecheck.nlp.facts import find_facts
from clausecheck.nlp.segmenter import split_clauses

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEEDS = h.seeds()
FACT_KINDS = {"money", "percentage", "duration", "notice_period", "date", "law"}

# Bytes that start like one format or another, so the interesting branches are reached.
PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", h.OLE_MAGIC, b"{\\rtf1", b"\xff\xfe", b"\xfe\xff",
            b"\xef\xbb\xbf", b"<!DOCTYPE html>", b"<html>"]
any_bytes = st.builds(lambda prefix, body: prefix + body, st.sampled_from(PREFIXES), st.binary(max_size=4096))
SUFFIXES = ["", ".pdf", ".docx", ".txt", ".md", ".doc", ".PDF"]


def assert_consistent(doc) -> None:
    """Every block can be found in the text where it says it is."""
    assert doc.text
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text


@FAST
@given(any_bytes, st.sampled_from(SUFFIXES))
def test_sniffer_names_a_format_or_a_reason_for_any_bytes(data, suffix):
    kind = sniff_format(data, suffix)
    assert isinstance(kind, str) and kind
    assert "\n" not in kind


@FAST
@given(any_bytes)
def test_text_loader_raises_only_input_error(data):
    try:
        doc = load_text(data, "x.txt", "0" * 64)
    except InputError:
        return
    assert_consistent(doc)


@FAST
@given(st.text(max_size=2000))
def test_text_loader_reads_any_utf8_text(text):
    try:
        doc = load_text(text.encode("utf-8"), "x.txt", "0" * 64)
    except InputError as exc:
        assert exc.reason == "no text in file"
        return
    assert_consistent(doc)


@FAST
@given(any_bytes, st.sampled_from(SUFFIXES))
def test_load_raises_only_input_error_and_never_by_accident(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            doc = load(path, limits=Limits(max_pages=20))
        except InputError as exc:
            # load() turns a reader's unexpected exception into an InputError with the
            # exception as its cause: that is a bug to fix, not an answer.
            assert exc.__cause__ is None or isinstance(exc.__cause__, InputError), repr(exc.__cause__)
            assert "\n" not in str(exc)
            return
        assert_consistent(doc)


def _mutated(seed_name: str, rng: random.Random) -> bytes:
    data = SEEDS[seed_name]
    if rng.random() < 0.5:
        # inside the container: a zip member or a content stream, before it is packed again
        inner = h.mutate_inside(data, rng, lambda b, n: h.mutate(b, rng, 6)[:n], 1 << 20)
        if inner is not None:
            return inner
    return h.mutate(data, rng, rounds=6)


@FAST
@given(st.sampled_from(["contract.pdf", "contract-uncompressed.pdf"]), st.randoms(use_true_random=False),
       st.sampled_from(["pypdfium2", "pdfplumber"]))
def test_pdf_loader_on_mutated_pdfs_raises_only_input_error(seed_name, rng, engine):
    data = _mutated(seed_name, rng)
    try:
        doc = load_pdf(data, "x.pdf", "0" * 64, engine=engine, limits=Limits(max_pages=50))
    except InputError:
        return
    assert_consistent(doc)
    assert all(1 <= b.page <= doc.pages for b in doc.blocks)


@FAST
@given(st.randoms(use_true_random=False))
def test_docx_loader_on_mutated_docx_raises_only_input_error(rng):
    from clausecheck.loaders.docx import load_docx

    data = _mutated("contract.docx", rng)
    try:
        doc = load_docx(data, "x.docx", "0" * 64)
    except InputError:
        return
    assert_consistent(doc)


# -- segmenter and facts ---------------------------------------------------------------------

# Text made of the pieces contracts are made of, so that numbering, headings and facts occur.
PIECES = ["1.", "1.1", "2.3.4", "(a)", "(iv)", "Article IV", "Section 2.3", "ARTICLE 3", "IV.", "a.",
          "TERMINATION", "Confidentiality", "\n", "\n\n", "\n \n", " ", "  ", "\t", "\f", "\r\n",
          "thirty (30) days", "ninety days' notice", "EUR 5 million", "$1,000.00", "10%", "GDPR",
          "1 January 2024", "the Provider shall", "notice", ".", ",", ";", ":", "\"", "\u201c", "(", ")",
          "Page 3 of 9", "- 4 -", "12", "é", "\u00a0"]
contract_like = st.one_of(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=80).map("".join),
    st.text(max_size=600),
)


@FAST
@given(contract_like)
def test_clauses_are_ordered_disjoint_trimmed_spans(text):
    clauses = split_clauses(text)
    previous_end = 0
    for index, clause in enumerate(clauses):
        assert 0 <= clause.start < clause.end <= len(text), (clause, len(text))
        assert clause.start >= previous_end, "clauses overlap or go backwards"
        piece = text[clause.start:clause.end]
        assert piece == piece.strip(), repr(piece)
        assert clause.parent is None or 0 <= clause.parent < index
        previous_end = clause.end


@FAST
@given(contract_like)
def test_facts_are_in_bounds_known_and_disjoint(text):
    facts = find_facts(text)
    previous_end = 0
    for fact in facts:
        assert fact.kind in FACT_KINDS
        assert 0 <= fact.start < fact.end <= len(text)
        assert fact.text == text[fact.start:fact.end]
        assert fact.start >= previous_end
        previous_end = fact.end
