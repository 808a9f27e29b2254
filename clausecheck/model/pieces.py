"""How the classifier sees a long clause: as pieces cut at sentence boundaries.

The training corpus cuts every clause longer than ``LONG_UNIT`` characters into pieces of at
most ``PIECE_MAX`` characters, each labelled on its own (corpus/sources.py). A long clause
at inference is cut the same way, each piece is scored, and the clause carries the highest
probability of any of its pieces: a two-page "Miscellaneous" section that holds one
assignment sentence is then scored as the model learnt to score that sentence's piece,
rather than diluted by the rest.
"""

from __future__ import annotations

import re

LONG_UNIT = 3000
PIECE_MAX = 1500

# A sentence ends with . ; ! ? (optionally a closing quote/bracket) followed by whitespace and
# something that can start a sentence or an item. Deliberately simple: it only has to give
# deterministic cut points for the rare over-long clause.
_SENTENCE_END = re.compile(r"(?<=[.;!?])[\"'”’)]?\s+(?=[A-Z0-9(\"“'‘])|\n\s*\n")


def long_clause_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut [start, end) at sentence boundaries into pieces of at most PIECE_MAX characters."""
    chunk = text[start:end]
    cuts = [m.end() for m in _SENTENCE_END.finditer(chunk)]
    bounds = [0] + cuts + [len(chunk)]
    pieces: list[tuple[int, int]] = []
    piece_start = 0
    last_ok = 0
    for b in bounds[1:]:
        if b - piece_start <= PIECE_MAX:
            last_ok = b
            continue
        if last_ok > piece_start:
            pieces.append((piece_start, last_ok))
            piece_start = last_ok
        # a single sentence longer than PIECE_MAX: cut it at whitespace
        while b - piece_start > PIECE_MAX:
            cut = chunk.rfind(" ", piece_start + PIECE_MAX // 2, piece_start + PIECE_MAX)
            cut = cut if cut > piece_start else piece_start + PIECE_MAX
            pieces.append((piece_start, cut))
            piece_start = cut
        last_ok = b
    if piece_start < len(chunk):
        pieces.append((piece_start, len(chunk)))
    out = []
    for a, b in pieces:  # trim whitespace so offsets point at text
        while a < b and chunk[a].isspace():
            a += 1
        while b > a and chunk[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((start + a, start + b))
    return out


def classification_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` the classifier scores: the clause, or its pieces if long."""
    if end - start > LONG_UNIT:
        return long_clause_pieces(text, start, end)
    return [(start, end)]
