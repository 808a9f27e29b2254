"""From the text lines of a PDF's pages to paragraphs a clause segmenter can read.

The PDF engines (pypdfium2, pdfplumber) only differ in how they get each page's lines and
where those lines sit; everything after that lives here, as pure functions over
:class:`Line` lists, so both engines give the same kind of Document and the rules can be
tested on hand-made lines:

1. :func:`clean_line` — PDF text quirks out (no-break spaces, soft hyphens and the U+FFFE
   some fonts map "-" to, ligatures, runs of spaces).
2. :func:`strip_running_lines` — running headers, footers and page numbers out.
3. :func:`build_paragraphs` — lines joined into paragraphs (one line of text each, lines
   joined by a single space, since the segmenter reads numbering at paragraph starts and
   a wrapped line starting with "2." mid-sentence would only mislead it), words hyphenated
   across a line end re-joined, a paragraph never crossing a page.

Everything is linear in the number of lines; the only per-character work is done by
``str`` methods and compiled regexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median


@dataclass(slots=True)
class Line:
    """One text line of a page, with where it sits when the engine knows it.

    Coordinates are in points with ``y`` growing downwards from the page top (the
    baseline), so "the next line" has a larger ``y`` whatever the engine's convention.
    """

    text: str
    x0: float | None = None  # left edge of the first character
    x1: float | None = None  # right edge of the last character
    y: float | None = None  # baseline, distance from the top of the page
    size: float | None = None  # font size (≈ line height)


@dataclass(slots=True)
class Paragraph:
    page: int  # 1-based
    text: str
    heading: bool = False  # a short ALL-CAPS line standing alone


# -- 1. line text ------------------------------------------------------------------------

_TRANSLATE = str.maketrans({
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ", "\t": " ",
    "\u00ad": "-",  # soft hyphen: EDGAR PDFs print real hyphens with it ("Mid\xadTier")
    "\ufffe": "-",  # pdfium's mark of a line-end hyphen (the pdfium engine splits lines there)
    "\u2010": "-", "\u2011": "-",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    "\u037e": ";",  # Greek question mark: some fonts map the semicolon glyph to it
    # Typographic quotes become ASCII so a word has one spelling ("Supplier's") for the
    # classifier, which learnt from plain-text contracts, and for the fact patterns.
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\x00": None, "\x02": "-",  # pdfium marks a hyphen it generated at a line end with \x02
    "\u200b": None, "\ufeff": None, "\r": None, "\f": None, "\v": None,
})
_SPACES = re.compile(r" {2,}")
# A clause number printed without a space before its text ("1.1"Affiliate" means",
# "1.Definitions", "(a)The"): numbering needs the space to be recognised.
_GLUED_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,3})+\.?|\d{1,2}[.)]|\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\))(?=[\"'A-Z])")


def clean_line(text: str) -> str:
    """A line's text without PDF quirks, single-spaced and stripped."""
    text = text.translate(_TRANSLATE)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if text[:1].isdigit() or text[:1] == "(":
        text = _GLUED_NUMBER.sub(r"\1 ", text, count=1)
    return text


# -- 2. running headers, footers, page numbers --------------------------------------------

EDGE_LINES = 4  # how many lines at the top and at the bottom of a page can be header/footer

# "(5)" or "(iv)" alone is left alone: it is as likely a clause number printed on its own line.
_PAGE_NUMBER = re.compile(
    r"^(?:page|pg\.?)?\s*[-\u2013\u2014\[]?\s*"
    r"(?:\d{1,4}|[ivxlc]{1,7}|[A-Z]{1,2}\s?-\s?\d{1,3})"
    r"\s*[-\u2013\u2014\]]?\s*(?:(?:of|/)\s*\d{1,4})?$",
    re.I)
_DIGITS = re.compile(r"\d+")
_NOT_WORD = re.compile(r"[\W_]+")


def is_page_number(text: str) -> bool:
    """ "12", "Page 3 of 10", "- 4 -", "iv", "A-1": a line that is only a page number."""
    return bool(_PAGE_NUMBER.match(text))


def _running_key(text: str) -> str:
    # Page numbers inside a running line differ from page to page ("ODM Supply Agreement 2"),
    # and spacing/punctuation drift between pages of the same PDF: compare without them.
    return _NOT_WORD.sub("", _DIGITS.sub("0", text.lower()))


def strip_running_lines(pages: list[list[Line]], edge: int = EDGE_LINES) -> list[list[Line]]:
    """Drop running headers/footers and page numbers from the edges of every page.

    A line is removed when it is among the first or last ``edge`` lines of its page and
    either is a bare page number or is a running line: it repeats (digits normalised) in
    the same zone of other pages — on at least 2 pages of a document of up to 5 pages with
    text, at least 3 pages otherwise — and hardly ever inside a page's body (a signature
    block's "Name:" and "Title:" lines repeat at page ends too, but also mid-page). Only a
    run of such lines touching the page edge goes, so a line of real content further in is
    kept, and a line that opens one page only is never touched.
    """
    with_text = [p for p in pages if p]
    min_repeats = 2 if len(with_text) <= 5 else 3
    top_counts: dict[str, int] = {}
    bottom_counts: dict[str, int] = {}
    body_counts: dict[str, int] = {}
    for lines in with_text:
        keys = [_running_key(line.text) for line in lines]
        for zone, counts in ((keys[:edge], top_counts), (keys[-edge:], bottom_counts)):
            for key in set(zone):
                if key:
                    counts[key] = counts.get(key, 0) + 1
        for key in keys[edge:-edge]:
            body_counts[key] = body_counts.get(key, 0) + 1

    def removable(line: Line, counts: dict[str, int]) -> bool:
        if is_page_number(line.text):
            return True
        key = _running_key(line.text)
        repeats = counts.get(key, 0)
        # A key needs a letter: a clause number alone on a line ("10.23") normalises to
        # the same digits on every page, and only page numbers (above) may go for that.
        return repeats >= min_repeats and len(with_text) > 1 and not key.isdigit() \
            and body_counts.get(key, 0) * 4 < repeats

    result = []
    for lines in pages:
        first = 0
        while first < min(edge, len(lines)) and removable(lines[first], top_counts):
            first += 1
        last = len(lines)
        while last > max(first, len(lines) - edge) and removable(lines[last - 1], bottom_counts):
            last -= 1
        result.append(lines[first:last])
    return result


# -- 3. paragraphs -------------------------------------------------------------------------

# Clause numbering at the start of a line: "1.", "1.1", "12)", "(a)", "(iv)", "a.", "IV.",
# "Section 3", "ARTICLE IV", "Article 2.1", "Clause 7", "Schedule A", "Exhibit 3".
_NUMBERING = re.compile(
    r"^(?:"
    r"(?P<word>(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|PART|Part|SCHEDULE|Schedule|EXHIBIT|Exhibit|"
    r"ANNEX|Annex|APPENDIX|Appendix)\s+(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[A-Z])\b[.:]?)"
    r"|(?P<multi>\d{1,3}(?:\.\d{1,3}){1,4}\.?)"
    r"|(?P<single>\d{1,3}[.)])"
    r"|(?P<paren>\((?:\d{1,2}|[a-z]{1,2}|[A-Z]{1,2}|[ivxlc]{1,6}|[IVXLC]{1,6})\))"
    r"|(?P<letter>(?:[a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})[.)])"
    r")(?=\s|$)")
_OPENS = re.compile(r"^[A-Z\"'\u201c\u2018(\[]")
_LIST_LEAD_IN = re.compile(r"(?:[.;:]|\b(?:and|or|and/or))[\"'\u201d\u2019)\]]*$")
_SENTENCE_END = re.compile(r"[.;:!?][\"'\u201d\u2019)\]]*$")
# A line ending in a hyphen right after a word ("termi-", "of-" in "out-of-", "30-").
_HYPHEN_END = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9]+)-$")
_LEADING_WORD = re.compile(r"^([A-Za-z]+)")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

# First halves that make a compound rather than a broken word ("third-\nparty" stays
# "third-party"), unless the document spells the joined word elsewhere.
HYPHEN_PREFIXES = frozenset({
    "non", "self", "third", "co", "pre", "re", "post", "anti", "cross", "multi", "well", "long",
    "short", "full", "part", "half", "sub", "ex", "quasi", "semi", "inter", "intra", "over",
    "under", "vice", "mid", "first", "second", "so", "pro", "e", "on", "off", "out", "high",
    "low", "end", "all", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "year", "day", "month", "time", "cost", "fee", "tax", "risk", "arm", "case", "court",
    "decision", "machine", "state", "world", "follow", "start", "set", "check", "close", "lock",
    "wind", "roll", "sign", "hand", "make", "take", "pass", "break", "step", "trade",
})
_SUSPENDED = frozenset({"and", "or", "nor", "to"})  # "pre- and post-closing" keeps "pre- "

_HEADING_MAX_WORDS = 10
_SHORT_LINE_WORDS = 10
_HEADING_MAX_CHARS = 80


def numbering_of(text: str) -> str | None:
    """The clause number a line starts with ("1.1", "(a)", "Section 3"), or None."""
    m = _NUMBERING.match(text)
    if not m:
        return None
    rest = text[m.end():].lstrip()
    if m.group("letter") or m.group("single"):
        # "a. The Supplier…" / "3. Term" — demand a capital after the number, since a wrapped
        # line can start with "30) days" or "e. g." mid-sentence.
        if rest and not _OPENS.match(rest):
            return None
    elif m.group("word") or m.group("multi"):
        # "Section 3.2 hereof" at the start of a wrapped line is a reference, not a clause.
        if rest and rest[0].islower():
            return None
    return m.group(0).rstrip(".:") if not m.group("paren") else m.group(0)


def is_heading_line(text: str) -> bool:
    """A short ALL-CAPS line: "TERMINATION", "SCHEDULE 2 – SERVICE LEVELS"."""
    if len(text) > _HEADING_MAX_CHARS or text.endswith(",") or text[:1] == "(":
        return False
    if not text.isupper():  # all cased characters upper case; checked first: it is cheap
        return False
    if sum(1 for c in text if c.isalpha()) < 3:
        return False
    return len(text.split()) <= _HEADING_MAX_WORDS


@dataclass(slots=True)
class _PageGeometry:
    pitch: float | None  # usual distance between baselines of consecutive lines
    left: float | None
    right: float | None
    size: float
    # A page set in two columns: where the right column starts, and each column's margins.
    # None for a page in one column.
    split: float | None = None
    columns: tuple[tuple[float, float], tuple[float, float]] | None = None

    def margins(self, line: "Line") -> tuple[float | None, float | None]:
        """(left, right) margins of the column ``line`` sits in."""
        if self.columns is None or line.x0 is None:
            return self.left, self.right
        return self.columns[1] if line.x0 >= self.split else self.columns[0]


def _geometry(lines: list[Line]) -> _PageGeometry:
    ys = [ln.y for ln in lines if ln.y is not None]
    sizes = [ln.size for ln in lines if ln.size]
    size = median(sizes) if sizes else 10.0
    steps = sorted(b - a for a, b in zip(ys, ys[1:]) if 0.3 * size < b - a < 4 * size)
    xs0 = sorted(ln.x0 for ln in lines if ln.x0 is not None)
    xs1 = sorted(ln.x1 for ln in lines if ln.x1 is not None)
    geo = _PageGeometry(
        # The leading inside a paragraph: the lower quartile of the steps between lines, as
        # on pages of short paragraphs most steps are paragraph gaps. Too few lines to
        # measure it: assume the usual 1.2-1.25 × the font size.
        pitch=steps[len(steps) // 4] if len(steps) >= 3 else (1.25 * size if ys else None),
        left=xs0[len(xs0) // 10] if xs0 else None,  # robust to a stray outdented line
        right=xs1[len(xs1) * 9 // 10] if xs1 else None,
        size=size,
    )
    _find_columns(geo, lines)
    return geo


def _find_columns(geo: _PageGeometry, lines: list[Line]) -> None:
    """Two columns when many lines end left of the page's middle and many start right of it:
    each column then has its own margins, or every full line of a narrow column would look
    like one that stops short of the margin, and end its paragraph."""
    if geo.left is None or geo.right is None:
        return
    middle = (geo.left + geo.right) / 2
    left = [ln for ln in lines if ln.x0 is not None and ln.x1 is not None and ln.x1 < middle]
    right = [ln for ln in lines if ln.x0 is not None and ln.x1 is not None and ln.x0 > middle]
    if len(left) < 8 or len(right) < 8:
        return
    columns = []
    for side in (left, right):
        x0s, x1s = sorted(ln.x0 for ln in side), sorted(ln.x1 for ln in side)
        columns.append((x0s[len(x0s) // 10], x1s[len(x1s) * 9 // 10]))
    geo.split, geo.columns = middle, (columns[0], columns[1])


def _breaks(prev: Line, line: Line, prev_heading: bool, heading: bool, geo: _PageGeometry) -> bool:
    """Does ``line`` start a new paragraph after ``prev`` on the same page?"""
    if prev_heading or heading:
        return True
    text = line.text
    prev_text = prev.text
    number = numbering_of(text)
    if number and (number[0] != "(" or _OPENS.match(text[len(number):].lstrip())
                   or _LIST_LEAD_IN.search(prev_text)):
        # "(a) the Supplier…" opens an item after "…the following:" or "…; and", but
        # "(10) year term" on a wrapped line continues "…for a ten".
        return True
    lower = text[:1].islower()
    if prev.y is not None and line.y is not None and geo.pitch:
        dy = line.y - prev.y
        if dy > 1.45 * geo.pitch or dy < -0.8 * geo.pitch:
            return True  # a blank line's worth of space, or a jump back up (next column)
    if lower:
        return False
    ended = bool(_SENTENCE_END.search(prev_text))
    size = prev.size or geo.size
    left, right = geo.margins(prev)
    if prev.x1 is not None and right is not None and left is not None \
            and prev.x1 < right - max(0.12 * (right - left), 3 * size):
        # A line that stops well before the margin ends its paragraph when it ends a
        # sentence, or when it is a few words only: a title such as "1.3 Implementation
        # of the Alliance", an address line, the lead-in "as follows" before a new line.
        if ended or len(prev_text.split()) <= _SHORT_LINE_WORDS:
            return True
    left = geo.margins(line)[0]
    if ended and line.x0 is not None and left is not None and line.x0 > left + 1.5 * size \
            and prev.x0 is not None and line.x0 > prev.x0 + size:
        return True  # first-line indent of a new paragraph
    return False


def _heading_here(line: Line, prev: Line | None, prev_heading: bool) -> bool:
    if not is_heading_line(line.text):
        return False
    # An ALL-CAPS disclaimer wraps onto a short last line ("PURPOSE."): that line is only a
    # heading when what comes before it has ended.
    return prev is None or prev_heading or bool(_SENTENCE_END.search(prev.text)) \
        or not prev.text.isupper()


def build_paragraphs(pages: list[list[Line]], first_page: int = 1) -> list[Paragraph]:
    """Paragraphs in reading order, each on one page, hyphenated line ends re-joined.

    ``pages`` are the (cleaned, header-free) lines of consecutive pages; the first one is
    page ``first_page``.

    De-hyphenation rule, for a line ending in "<word>-" followed by a line starting with a
    word: keep "left- right" when that word is "and"/"or"/"nor"/"to" (a suspended hyphen:
    "pre- and post-closing"); keep the hyphen, without a space, when the left part has a
    digit ("30-day"), is itself hyphenated on ("out-of-pocket"), or the document writes
    "left-right" elsewhere ("third-party"); drop it when the document writes "leftright"
    elsewhere ("termination"); keep it when both halves are words the document uses on
    their own ("antigen-binding", "follow-up") or "left" is a common compound prefix (non,
    self, third, co, pre, re, …, see HYPHEN_PREFIXES), and when the next line starts with a
    capital ("NON-INFRINGEMENT"); drop it in every other case (a word the typesetter broke).
    The document's own words exclude the fragments at hyphenated line ends.
    A word broken across a page break is completed on the page where it starts.
    """
    raw: list[tuple[int, list[str], bool]] = []  # (page, lines, heading)
    for page_index, lines in enumerate(pages):
        if not lines:
            continue
        page_no = first_page + page_index
        geo = _geometry(lines)
        prev: Line | None = None
        prev_heading = False
        current: list[str] = []
        current_heading = False
        for line in lines:
            heading = _heading_here(line, prev, prev_heading)
            if prev is not None and _breaks(prev, line, prev_heading, heading, geo):
                raw.append((page_no, current, current_heading))
                current = []
            if not current:
                current_heading = heading
            current.append(line.text)
            prev, prev_heading = line, heading
        if current:
            raw.append((page_no, current, current_heading))

    hyphenated = any(line.endswith("-") and _HYPHEN_END.search(line) for _, lines, _ in raw for line in lines)
    vocab = _Vocabulary(raw) if hyphenated else None

    paragraphs: list[Paragraph] = []
    for page_no, lines, heading in raw:
        text = lines[0]
        for line in lines[1:]:
            text = _join(text, line, vocab)
        if vocab is not None and paragraphs and paragraphs[-1].page != page_no \
                and text[:1].islower() and _HYPHEN_END.search(paragraphs[-1].text):
            # A word broken across the page break: finish it on the page where it starts.
            head, _, tail = text.partition(" ")
            joined = _join(paragraphs[-1].text, head, vocab)
            if " " not in joined[len(paragraphs[-1].text) - 1:]:
                paragraphs[-1].text = joined
                text = tail
        if text.strip():
            paragraphs.append(Paragraph(page_no, text.strip(), heading))
    return paragraphs


class _Vocabulary:
    """Words and hyphenated compounds the document uses inside its lines."""

    def __init__(self, raw: list[tuple[int, list[str], bool]]) -> None:
        # Leave out the halves of words broken at line ends ("termi-" | "nation"): they
        # are not words of the document, and "termi" would pass for one.
        kept: list[str] = []
        after_hyphen = False
        for _, lines, _ in raw:
            for line in lines:
                if after_hyphen:
                    line = _LEADING_WORD.sub("", line, count=1)
                m = _HYPHEN_END.search(line) if line.endswith("-") else None
                after_hyphen = m is not None
                kept.append(line[:m.start()] if m else line)
        words = _WORDS.findall("\n".join(kept).lower())
        self.plain = {w for w in words if "-" not in w}
        self.compounds = {w for w in words if "-" in w}


def _join(text: str, line: str, vocab: _Vocabulary | None) -> str:
    """``text`` followed by the next line of its paragraph."""
    # (The endswith test first: a paragraph grows line by line, and searching all of it
    # after every line made long paragraphs quadratic.)
    m = _HYPHEN_END.search(text) if vocab is not None and text.endswith("-") else None
    if m is None or not line[:1].isalnum():
        return f"{text} {line}"
    word = _LEADING_WORD.match(line)
    right = word.group(1).lower() if word else ""
    left = m.group(1).lower()
    if right in _SUSPENDED and line[:1].islower():
        return f"{text} {line}"
    compound = m.start() > 0 and text[m.start() - 1] == "-"  # "out-of-" | "pocket"
    if compound or not left.isalpha() or not right or f"{left}-{right}" in vocab.compounds:
        return text + line  # "out-of-" | "pocket", "30-" | "day", "24b-" | "2"
    if left + right in vocab.plain:
        return text[:-1] + line
    if not line[:1].islower() or left in HYPHEN_PREFIXES or (left in vocab.plain and right in vocab.plain):
        return text + line
    return text[:-1] + line
