"""Read the labelled sources under shared/data and cut them into clause units.

A *unit* is what the classifier sees at inference: one clause from
:func:`clausecheck.nlp.segmenter.split_clauses` (heading-only clauses and clauses under six
words skipped; clauses over ``LONG_UNIT`` characters cut at sentence boundaries into pieces of
at most ``PIECE_MAX`` characters). Offsets are always into the source document's text as read
here, so ``text[start:end]`` is the unit and ``<source>#<start>-<end>`` names it for reviewers.
"""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

# The classifier's own cut of over-long clauses, so training units and scored pieces match.
from clausecheck.model.pieces import LONG_UNIT, PIECE_MAX, classification_spans  # noqa: F401  (named in the docstring)
from clausecheck.nlp.segmenter import split_clauses

MIN_WORDS = 6


@dataclass
class Unit:
    """One clause unit with its provenance."""

    source: str  # document path relative to shared/data (plus ":<id>" inside multi-document files)
    start: int
    end: int
    text: str
    heading: str | None  # the clause's own heading, else its nearest ancestor's
    own_heading: str | None  # the clause's own heading only (rules trust it more)
    group: str  # document id: units of one document never straddle train/validation splits
    kind: str  # cuad | contractnli | ledgar | docx
    extra: dict = field(default_factory=dict)  # source-specific labels (LEDGAR label, NLI evidence)

    @property
    def key(self) -> str:
        return f"{self.source}#{self.start}-{self.end}"


@dataclass
class SourceDoc:
    source: str
    group: str
    kind: str
    text: str
    units: list[Unit]


# -- cutting text into units -------------------------------------------------------------

# Lines a text export leaves in the flow that the segmenter can take for a heading: EDGAR
# "Source: COMPANY, 10-K, date" footers, page numbers, redaction notices.
_JUNK_HEADING = re.compile(r"^(?:source:|page \d|exhibit \d|\*+ ?confidential|confidential treatment)|\bpage \d+ of \d+\b|"
                           r"^confidential$", re.I)


def clean_heading(heading: str | None) -> str | None:
    if heading is None or _JUNK_HEADING.search(heading.strip()):
        return None
    return heading


def cut_units(text: str, source: str, group: str, kind: str,
              to_original=None, original: str | None = None) -> list[Unit]:
    """Segment ``text`` and return its clause units.

    ``to_original`` maps offsets of ``text`` back to ``original`` when the text was
    re-paragraphed before segmenting (ContractNLI); units then carry original offsets.
    """
    clauses = split_clauses(text)
    units: list[Unit] = []
    for clause in clauses:
        if clause.heading_only or clause.contents:  # the classifier never sees these
            continue
        own = clean_heading(clause.heading)
        heading = own
        parent = clause.parent
        while heading is None and parent is not None:
            heading = clean_heading(clauses[parent].heading)
            parent = clauses[parent].parent
        for a, b in classification_spans(text, clause.start, clause.end):
            if to_original is not None:
                a, b = to_original(a), to_original(b)
            body = (original if original is not None else text)[a:b]
            if len(body.split()) < MIN_WORDS:
                continue
            units.append(Unit(source, a, b, body, heading, own, group, kind))
    return units


# -- CUAD ---------------------------------------------------------------------------------

def _normalise_ws(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space; return the text and a map to original offsets."""
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
        index.append(i)
    index.append(len(text))
    return "".join(out), index


def _locate_part(text: str, part: str, norm: tuple[str, list[int]], after: int) -> tuple[int, int] | None:
    pos = text.find(part, after)
    if pos >= 0:
        return pos, pos + len(part)
    ntext, index = norm
    npart = " ".join(part.split())
    if not npart:
        return None
    # first normalised position at or after `after`
    nafter = bisect_right(index, after - 1) if after else 0
    pos = ntext.find(npart, nafter)
    if pos < 0:
        return None
    return index[pos], index[pos + len(npart) - 1] + 1


MAX_OMITTED_GAP = 2000  # characters CUAD may skip (page footers, redactions) inside one excerpt


def locate(text: str, excerpt: str, norm: tuple[str, list[int]] | None = None) -> tuple[int, int] | None:
    """Find an excerpt that does not match verbatim.

    CUAD's non-verbatim excerpts differ in whitespace, or skip text (a page footer, a
    redaction notice) marked ``<omitted>``: each part is searched whitespace-normalised,
    in order, and the excerpt spans from the first part to the last.
    """
    norm = norm or _normalise_ws(text)
    parts = [p for p in excerpt.split("<omitted>") if p.strip()]
    if not parts:
        return None
    start = end = None
    for part in parts:
        found = _locate_part(text, part.strip(), norm, end or 0)
        if found is None or (end is not None and found[0] - end > MAX_OMITTED_GAP):
            return None
        if start is None:
            start = found[0]
        end = found[1]
    return start, end


def read_cuad_text(path: Path) -> str:
    # Universal-newline reading is what CUAD's offsets were made against (checked on all of them).
    return path.read_text(encoding="utf-8")


def load_cuad_annotations(shared_data: Path) -> tuple[dict[str, list[tuple[str, int, int]]], dict[str, int]]:
    """Excerpts per TXT path (relative to cuad/): [(CUAD category, start, end)], and stats."""
    cuad = shared_data / "cuad"
    by_doc: dict[str, list[dict]] = {}
    with open(cuad / "clause_annotations.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["txt_path"]:
                by_doc.setdefault(row["txt_path"], []).append(row)
    stats = {"excerpts": 0, "relocated": 0, "dropped": 0}
    out: dict[str, list[tuple[str, int, int]]] = {}
    for txt_path, rows in by_doc.items():
        path = cuad / txt_path
        if not path.is_file():
            continue
        text = read_cuad_text(path)
        norm = None
        spans = []
        for row in rows:
            stats["excerpts"] += 1
            s, e = row["char_start"], row["char_end"]
            if s is None or s < 0 or text[s:e] != row["clause_text"]:
                norm = norm or _normalise_ws(text)
                found = locate(text, row["clause_text"], norm)
                if found is None:
                    stats["dropped"] += 1
                    continue
                stats["relocated"] += 1
                s, e = found
            spans.append((row["category"], s, e))
        out[txt_path] = spans
    return out, stats


def cuad_documents(shared_data: Path, limit: int | None = None) -> Iterator[SourceDoc]:
    """CUAD contracts with a TXT, in file-name order."""
    folder = shared_data / "cuad" / "full_contract_txt"
    paths = sorted(folder.glob("*.txt"))
    if limit is not None:
        paths = paths[:limit]
    for path in paths:
        rel = f"cuad/full_contract_txt/{path.name}"
        text = read_cuad_text(path)
        yield SourceDoc(rel, rel, "cuad", text, cut_units(text, rel, rel, "cuad"))


def cuad_master_categories(shared_data: Path) -> dict[str, set[str]]:
    """CUAD categories with a non-empty answer, per contract file name (a cross-check only)."""
    out: dict[str, set[str]] = {}
    csv.field_size_limit(sys.maxsize)
    with open(shared_data / "cuad" / "master_clauses.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            cats = set()
            for col, value in row.items():
                if col and not col.endswith("-Answer") and col != "Filename" and value.startswith("["):
                    try:
                        if ast.literal_eval(value):
                            cats.add(col)
                    except (ValueError, SyntaxError):
                        pass
            out[row["Filename"]] = cats
    return out


# -- ContractNLI --------------------------------------------------------------------------

CONTRACTNLI_FILES = ("dev.json", "test.json", "train_truncated.json")


def _double_newlines(text: str):
    """ContractNLI puts one paragraph per line; the segmenter wants blank lines between them."""
    doubled = text.replace("\n", "\n\n")
    # offsets of `doubled` -> offsets of `text`: each earlier "\n" inserted one character
    newline_ends = [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    doubled_positions = [p + k + 1 for k, p in enumerate(newline_ends)]  # ends of inserted "\n"

    def to_original(pos: int) -> int:
        k = bisect_right(doubled_positions, pos)
        # a position inside an inserted newline pair maps to the paragraph boundary
        return max(0, pos - k)
    return doubled, to_original


def contractnli_documents(shared_data: Path, limit: int | None = None) -> Iterator[SourceDoc]:
    """ContractNLI NDAs; each unit's ``extra['nli']`` holds the hypotheses whose evidence it contains."""
    folder = shared_data / "contractnli"
    seen: set[str] = set()
    count = 0
    for name in CONTRACTNLI_FILES:
        path = folder / name
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for doc in data["documents"]:
            if limit is not None and count >= limit:
                return
            if doc["id"] in seen:
                continue
            seen.add(doc["id"])
            count += 1
            source = f"contractnli/{name}:{doc['id']}"
            text = doc["text"]
            doubled, to_orig = _double_newlines(text)
            units = cut_units(doubled, source, f"contractnli:{doc['id']}", "contractnli", to_orig, text)
            spans = doc["spans"]
            evidence: list[tuple[int, int, str]] = []
            for ann in doc["annotation_sets"]:
                for hyp, a in ann["annotations"].items():
                    if a["choice"] == "NotMentioned":
                        continue
                    for i in a["spans"]:
                        s, e = spans[i]
                        evidence.append((s, e, hyp))
            for unit in units:
                hits = set()
                for s, e, hyp in evidence:
                    overlap = min(e, unit.end) - max(s, unit.start)
                    if overlap > 0 and overlap >= 0.5 * (e - s):
                        hits.add(hyp)
                unit.extra["nli"] = sorted(hits)
            yield SourceDoc(source, f"contractnli:{doc['id']}", "contractnli", text, units)


# -- LEDGAR -------------------------------------------------------------------------------

LEDGAR_FILE = "ledgar_lexglue_sample/ledgar_test_sample_1000.jsonl"


def ledgar_documents(shared_data: Path, limit: int | None = None) -> Iterator[SourceDoc]:
    """Each LEDGAR provision is one document; long ones are cut like any clause."""
    path = shared_data / LEDGAR_FILE
    if not path.is_file():
        return
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            row = json.loads(line)
            text = row["text"]
            source = f"{LEDGAR_FILE}:{row['id']}"
            group = f"ledgar:{row['id']}"
            bounds = classification_spans(text, 0, len(text))
            units = []
            for a, b in bounds:
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if len(text[a:b].split()) < MIN_WORDS:
                    continue
                units.append(Unit(source, a, b, text[a:b], None, None, group, "ledgar",
                                  {"ledgar": row["label"]}))
            yield SourceDoc(source, group, "ledgar", text, units)


# -- DOCX templates -----------------------------------------------------------------------

def _docx_text_fallback(path: Path) -> str:
    """Body paragraphs and table cells in document order, joined with blank lines.

    Used until clausecheck's DOCX loader exists. Automatic numbering is not in
    ``paragraph.text``; a simple outline number is rebuilt from the list level so that the
    segmenter sees the section structure a reader sees (1., 1.1, (a), (i)).
    """
    import docx  # python-docx
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    counters = [0, 0, 0, 0, 0, 0, 0, 0, 0]
    blocks: list[str] = []

    def level_of(p) -> int | None:
        props = [p._p.pPr] + ([p.style._element.pPr] if p.style is not None else [])
        for el in props:
            if el is None:
                continue
            numpr = el.find(qn("w:numPr"))
            if numpr is not None:
                ilvl = numpr.find(qn("w:ilvl"))
                if ilvl is not None:
                    return int(ilvl.get(qn("w:val")))
                name = (p.style.name or "").lower() if p.style is not None else ""
                m = re.match(r"heading (\d)", name)
                return int(m.group(1)) - 1 if m else 0
        return None

    def number_for(level: int) -> str:
        counters[level] += 1
        for i in range(level + 1, len(counters)):
            counters[i] = 0
        if level == 0:
            return f"{counters[0]}."
        if level == 1:
            return f"{counters[0]}.{counters[1]}"
        if level == 2:
            return f"({chr(ord('a') + (counters[2] - 1) % 26)})"
        roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        return f"({roman[(counters[level] - 1) % len(roman)]})"

    def visit(container) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        for child in container.iter_inner_content():
            if isinstance(child, Paragraph):
                text = child.text.strip()
                if not text:
                    continue
                level = level_of(child)
                if level is not None and level < len(counters):
                    text = f"{number_for(level)} {text}"
                blocks.append(text)
            elif isinstance(child, Table):
                for row in child.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue  # merged cells repeat
                        seen.add(id(cell._tc))
                        visit(cell)
    visit(document)
    return "\n\n".join(blocks)


def docx_text(path: Path) -> tuple[str, str]:
    """(text, reader): clausecheck's DOCX loader when it is there, else the fallback above."""
    try:
        from clausecheck.loaders import load
        from clausecheck.loaders import docx as _docx_loader  # noqa: F401  (present yet?)
    except ImportError:
        return _docx_text_fallback(path), "fallback"
    try:
        return load(path).text, "clausecheck"
    except Exception:  # a loader still being written must not stop the corpus build
        return _docx_text_fallback(path), "fallback"


def docx_documents(shared_data: Path, limit: int | None = None) -> Iterator[SourceDoc]:
    folder = shared_data / "contract_docx_templates"
    paths = sorted(folder.glob("*/template.docx"))
    if limit is not None:
        paths = paths[:limit]
    for path in paths:
        rel = str(path.relative_to(shared_data))
        text, reader = docx_text(path)
        units = cut_units(text, rel, rel, "docx")
        for unit in units:
            unit.extra["reader"] = reader
        yield SourceDoc(rel, rel, "docx", text, units)
