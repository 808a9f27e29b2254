"""Cut a contract's text into clauses: numbered sections, sub-sections, items and paragraphs.

The rules work on paragraphs (runs of lines separated by a blank line, which is how every
loader joins its blocks) and on lines inside a paragraph that start with clause numbering:

* numbering opens a clause: ``1.``, ``1.1``, ``1.1.1``, ``B.2``, ``12)``, ``(a)``, ``(iv)``, ``(A)``,
  ``a.``, ``Article IV``, ``ARTICLE 3``, ``Art. 5``, ``§ 7``, ``Section 2.3``, ``IV.``;
* an unnumbered heading paragraph (short, ALL CAPS or Title Case without a full stop, or
  bold in the source) is merged with the body that follows it, so that "TERMINATION" and
  its paragraph make one clause, as a reader sees them;
* a paragraph that continues a sentence (starts in lower case, or follows one that ends
  without punctuation or with a colon) stays in the clause before it;
* any other paragraph is a clause of its own, a child of the numbered clause above it;
* inside a paragraph, a multi-level number after a sentence end opens a clause ("... days.
  8.2 Termination by ..."), and so does a single number that continues the numbering and is
  followed by a title ("... consent. 18. Non-Assignment: This Agreement ..."), as text exports
  print whole pages of sections as one paragraph.

``split_clauses`` is a pure function over text so that the corpus builder, the benchmarks
and the spaCy component (:mod:`clausecheck.nlp.components`) all cut text the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
_ROMAN_RE = re.compile(rf"^{_ROMAN}$", re.I)

# Each pattern matches numbering at the start of a line; group "num" is the label.
_NUMBERING = [
    ("article", re.compile(
        r"(?P<num>(?:(?:ARTICLE|Article|ART\.|Art\.|SECTION|Section|CLAUSE|Clause|PART|Part)\s+|§{1,2}\s*)"
        r"(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[A-Z]|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b))(?![\w.]*\s+of\b)"
        r"(?:\s*[.:\-\u2013\u2014])?(?:\s+|$)")),
    ("decimal", re.compile(r"(?P<num>\d{1,2}(?:\.\d{1,3}){1,4})\.?(?:\s+|$)")),
    # An exhibit's or schedule's own numbering: "B.2", "C.1.3" (Exhibit B, paragraph 2).
    ("decimal", re.compile(r"(?P<num>[A-Z]\.\d{1,2}(?:\.\d{1,3}){0,3})\.?(?:\s+|$)")),
    ("decimal", re.compile(r"(?P<num>\d{1,2})[.)](?:\s+|$)")),
    ("paren", re.compile(r"(?P<num>\((?:[a-z]{1,2}|[ivxlc]{1,5}|[A-Z]{1,2}|[IVXLC]{1,5}|\d{1,2})\))(?:\s+|$)")),
    ("letter", re.compile(r"(?P<num>(?:[a-z]|[ivx]{1,4})[.)])\s+")),
    ("roman", re.compile(r"(?P<num>[IVXL]{1,5}\.)\s+")),
]

# A multi-level number after a sentence end, inside a paragraph: "… days. 8.2 Termination by …".
# Text exports often run sub-clauses together on one line; single-level numbers and (a) items
# are not split here, as "… Section 3. 4 units" and inline lists are too often mid-sentence.
_INLINE_CLAUSE = re.compile(
    r"(?<=[.;:])[ \t]{1,8}(?=(?:(?:Section|SECTION)[ \t]+\d{1,2}(?:\.\d{1,3}){0,3}|\d{1,2}(?:\.\d{1,3}){1,3})"
    r"\.?[ \t]+[A-Z\"“(])")
# A section run into the text before it, as text exports print whole pages of a contract:
# "... the other Party. 18. Non-Assignment: This Agreement may not be ..." or "... its capacity.
# 24. WAIVER   The failure of ...". A single number is split only when a title follows it and it
# continues the numbering (the section before was 17 or 17.x; see ``_pieces``), as "... under
# Section 3. 4 units" must stay whole.
_INLINE_SECTION = re.compile(
    r"(?:(?<=[.;:])|(?<=[.;:][\"”’')]))[ \t]{1,8}(?=(?P<num>\d{1,2})\.[ \t]+(?:"
    r"[A-Z][\w'’&/-]*[;,]?(?:[ \t]+(?:[A-Z][\w'’&/-]*[;,]?|and|of|the|to|for|in|on|or|&|by|with|upon)){0,7}"
    r"[ \t]*[.:][ \t]+[A-Z\"“(]"
    r"|[A-Z][A-Z'’&/-]+(?:[ \t]+(?:[A-Z][A-Z'’&/-]*|and|of|the|to|for|&)){0,7}[ \t]+[A-Z][a-z]"
    # "31. Confidentiality 31.1 Each party ...": the title, then the section's first sub-clause
    r"|[A-Z][\w'’&/-]*[;,]?(?:[ \t]+(?:[A-Z][\w'’&/-]*[;,]?|and|of|the|to|for|in|on|or|&|by|with)){0,7}"
    r"[ \t]+(?P=num)\.1\b))")
# A section's title run into its first sub-clause: "31. Confidentiality 31.1 Each party ...".
_TITLE_THEN_FIRST = re.compile(r"(?P<num>\d{1,2})\.?[ \t]+(?P<title>[A-Z][^\n.;:]{0,78}?)[ \t]+"
                               r"(?P<sub>(?P=num)\.1)\.?[ \t]+(?=[A-Z\"“(])")
# The section number a numbered piece belongs to: 17 for "17", "17.3" and "Section 17.3".
_TOP_NUMBER = re.compile(r"^(?:(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause)\s+)?(\d{1,3})(?:\.|$)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\r]*\n\s*")
_SPACES = re.compile(r"\s*")
_MAX_HEADING_WORDS = 12
_HEADING_END = re.compile(r"[.:]\s+(?=[A-Z\"“(])")
_PAGE_MARKER = re.compile(r"^(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?$", re.I)
# A body that says there is none: "[Reserved]", "Intentionally omitted.", "Not applicable."
# The clause is then its title alone (heading_only), so that "12. INSURANCE: Not
# applicable." is not taken for an insurance clause.
_PLACEHOLDER = re.compile(
    r"^[\W_]*(?:reserved|intentionally\s+(?:left\s+)?(?:omitted|blank|deleted)|not\s+applicable|n/a|"
    r"deleted|omitted|none)[\W_]*$", re.I)


def _says_none(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text))


# A schedule's or exhibit's label on a line of its own: "SCHEDULE 4", "Exhibit B", "Annex 3".
# The words and numbers of such labels; the report's citations read them too (render.attachment_of).
ATTACHMENT_KINDS = r"schedule|exhibit|annexure|annex|appendix|attachment|addendum"
ATTACHMENT_NUMBER = r"\d{1,3}|[a-z]{1,2}|[ivx]{1,5}"
_ATTACHMENT_LABEL = re.compile(rf"^(?:{ATTACHMENT_KINDS})\s+(?:{ATTACHMENT_NUMBER})$", re.I)
# The label alone or with its title after a dash or colon: "Annex 2 – Remuneration", "SCHEDULE 4:
# EXIT PLAN" (not "Schedule 2 sets out the prices.").
_ATTACHMENT_HEADING = re.compile(rf"^(?:{ATTACHMENT_KINDS})\s+(?:{ATTACHMENT_NUMBER})\s*(?:$|[:\u2013\u2014-]\s*[A-Z])",
                                 re.I)
_TITLE_AND_REST = re.compile(r"^(?P<title>[^.:]{1,100})[.:]\s+(?P<rest>\S.*)$")
# A title in capitals before the text it heads: "WAIVER   The failure ...", "FORCE MAJEURE In the
# event ...". After a single space only a word that opens sentences, as "US GAAP Financial
# Statements" and "IBM Corporation" are not titles.
_CAPS_TITLE = re.compile(r"^(?P<title>[A-Z][A-Z'’&/-]+(?:[ \t]+(?:[A-Z][A-Z'’&/,-]*|and|of|the|to|for|&)){0,9}?)"
                         r"(?:[ \t]{2,}(?=[A-Z\"“(])|[ \t](?=(?:The|This|These|Each|Either|Neither|No|Nothing|Any|All|"
                         r"In|If|Upon|On|During|Subject|Notwithstanding|Unless|Except|Without|For|Both|An?)\b))")
_SMALL_WORDS = {"a", "an", "and", "of", "the", "to", "for", "in", "on", "or", "by", "with", "upon", "at"}


@dataclass
class ClauseSpan:
    """One clause: character range, number and heading, and its place in the outline."""

    start: int
    end: int
    number: str | None = None
    heading: str | None = None
    level: int = 0
    parent: int | None = None  # index of the parent clause in the returned list
    heading_only: bool = False  # a section title with no body of its own
    contents: bool = False  # a table of contents run into one paragraph: titles, not terms


def split_clauses(text: str, heading_offsets: frozenset[int] | set[int] = frozenset()) -> list[ClauseSpan]:
    """Split ``text`` into clauses in reading order.

    ``heading_offsets`` are paragraph start offsets the loader knows to be headings (bold
    or Heading-styled DOCX paragraphs), used in addition to the textual heading rules.
    """
    pieces = list(_pieces(text))
    clauses: list[ClauseSpan] = []
    pending_heading: tuple[int, str] | None = None  # unnumbered heading waiting for its body
    outline = _Outline()
    prev_text = ""
    below_numbered = 0  # level of an unnumbered paragraph: one below the last numbered clause
    section: int | None = None  # an unnumbered titled section ("PAYMENT TERMS" + text) still open

    for start, end, piece, numbering in pieces:
        if _PAGE_MARKER.match(piece):
            continue  # a page number left in text exports: not content, not a boundary
        kind, number, rest = numbering if numbering else (None, None, piece)
        if number is not None and clauses and _wrapped_mid_sentence(prev_text, kind, rest):
            # "... under clause" / "13." split apart by a page or line break: one sentence.
            clauses[-1].end = end
            clauses[-1].heading_only = False
            prev_text = piece
            continue
        if number is None and clauses and _rest_of_a_broken_phrase(prev_text, piece):
            # "... as for its own fault (§" / "278 BGB).", "senior consultant EUR" / "165.00":
            # a page or cell break inside a parenthesis or an amount, not a new clause.
            clauses[-1].end = end
            prev_text = f"{prev_text} {piece}"
            continue
        if number is None:
            # "Annex 3 – Agreement on Commissioned Data Processing pursuant to Art. 28 GDPR" opens
            # an attachment, whatever its case, and never goes on with the paragraph before.
            attachment = len(piece) < 160 and "\n" not in piece.strip() and bool(_ATTACHMENT_HEADING.match(piece))
            is_heading = attachment or (start in heading_offsets and len(piece) < 200) or _is_heading_line(piece)
            if is_heading:
                if pending_heading is None:
                    pending_heading = (start, _clean_heading(piece))
                elif attachment or _ATTACHMENT_HEADING.match(pending_heading[1]):
                    # "SCHEDULE 4" above "EXIT PLAN REQUIREMENTS": the label stays a title of its own
                    # (so citations can say "Schedule 4, § 2"); the title heads what follows. Lines
                    # before an attachment's title (a signature block) are not its heading.
                    clauses.append(ClauseSpan(pending_heading[0], start, None, pending_heading[1], 0, None,
                                              heading_only=True))
                    pending_heading = (start, _clean_heading(piece))
                else:
                    pending_heading = (pending_heading[0], _clean_heading(piece))
                prev_text = piece
                continue
            if pending_heading is not None:
                h_start, heading = pending_heading
                pending_heading = None
                parent = outline.parent_for(outline.top_level_of_current() + 1) if clauses and \
                    clauses[-1].heading_only and clauses[-1].number else None
                clauses.append(ClauseSpan(h_start, end, None, heading, below_numbered, parent,
                                          heading_only=_says_none(piece)))
                # Only where no numbering is open: under "12. Services", a titled paragraph is one
                # of clause 12's, and so are the paragraphs after it.
                section = len(clauses) - 1 if not outline.stack else None
                prev_text = piece
                continue
            if clauses and _continues(prev_text, piece):
                clauses[-1].end = end
                clauses[-1].heading_only = clauses[-1].heading_only and _says_none(piece)
                prev_text = piece
                continue
            if clauses and clauses[-1].heading_only:
                # "12. Termination" followed by its body paragraph: one clause.
                clauses[-1].end = end
                clauses[-1].heading_only = _says_none(piece)
                prev_text = piece
                continue
            if section is not None:
                # The next paragraphs of an unnumbered titled section belong to it (and read
                # under its title), as a reader of a contract without numbers takes them.
                level, parent = clauses[section].level + 1, section
            else:
                level = below_numbered
                parent = outline.parent_for(level)
            clauses.append(ClauseSpan(start, end, None, None, level, parent))
            prev_text = piece
            continue

        # A numbered clause.
        section = None
        if pending_heading is not None:
            # An unnumbered heading right before numbered clauses titles them; keep it as
            # a section of its own so the children inherit it as context.
            h_start, heading = pending_heading
            pending_heading = None
            clauses.append(ClauseSpan(h_start, start, None, heading, 0, None, heading_only=True))
            outline.push(0, len(clauses) - 1, "heading")
        level = outline.level_for(kind, number)
        parent = outline.parent_for(level)
        heading, heading_only = _heading_of(rest, after_article=kind == "article")
        clauses.append(ClauseSpan(start, end, number, heading, level, parent, heading_only))
        below_numbered = level + 1
        outline.push(level, len(clauses) - 1, _style(kind, number, outline))
        prev_text = piece

    if pending_heading is not None:
        h_start, heading = pending_heading
        clauses.append(ClauseSpan(h_start, len(text.rstrip()), None, heading, 0, None, heading_only=True))

    for clause in clauses:  # trim trailing whitespace the slicing may have kept
        while clause.end > clause.start and text[clause.end - 1].isspace():
            clause.end -= 1
        if not clause.heading_only:
            clause.contents = is_contents_list(text[clause.start:clause.end])
    return clauses


# -- tables of contents ------------------------------------------------------------------

# An entry of a contents list: a clause number followed by a capitalised title, as in
# "11.1 For Convenience 48", "Section 9.03 Successors and Assigns", "ARTICLE VIII GOVERNING LAW".
_CONTENTS_ENTRY = re.compile(
    r"(?:(?<=\s)|^)(?:(?:ARTICLE|Article|SECTION|Section|CLAUSE|Clause|SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex)"
    r"\s+[0-9IVXA-Z]{1,5}\.?|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.)\s*(?=[A-Z][A-Za-z])")
# Words a term of a contract has and a list of titles has not.
_OPERATIVE_WORD = re.compile(r"\b(?:shall|will|may|must|agrees?|hereby|is|are|be|has|have)\b", re.I)
_AMOUNT = re.compile(r"[$€£¥₹]\s?\d|\b(?:USD|EUR|GBP|AUD|CAD|INR)\s?\d")


def is_contents_list(text: str) -> bool:
    """Is this clause a table of contents whose lines were run together?

    Text exports (EDGAR's TXT, some PDFs) put a whole contents page in one paragraph:
    "11. TERMINATION 11.1 For Convenience 11.2 For Cause ... 14.1 Insurance ...". It names
    many protections and grants none, so it must not be classified or cited. Four or more
    numbered titles, short on average, with hardly an operative word between them; a price
    list ("1. CONSULTATION $100.00 2. ...") has amounts and stays a clause.
    """
    starts = [m.start() for m in _CONTENTS_ENTRY.finditer(text)]
    if len(starts) < 4 or _AMOUNT.search(text):
        return False
    lengths = sorted(b - a for a, b in zip(starts, starts[1:] + [len(text)]))
    return len(_OPERATIVE_WORD.findall(text)) <= len(starts) // 4 and lengths[len(lengths) // 2] <= 70


# -- pieces: paragraphs, and numbered lines inside paragraphs ---------------------------

def _pieces(text: str):
    """Yield (start, end, text, numbering) for each paragraph or numbered line run."""
    pos = 0
    section = 0  # the number of the last numbered section, to tell a run-in "18." from a reference
    for match in _PARAGRAPH_BREAK.finditer(text + "\n\n"):
        para_start, para_end = pos, min(match.start(), len(text))
        pos = match.end()
        if para_end <= para_start:
            continue
        para = text[para_start:para_end]
        # Split the paragraph at lines that start with numbering.
        line_starts = [0] + [m.end() for m in re.finditer(r"\n", para)]
        cut_points = [0]
        for ls in line_starts[1:]:
            start = _SPACES.match(para, ls).end()
            numbering = _numbering(para[start:start + 200], strict=True)  # a window: not the paragraph's rest
            if numbering and not (numbering[0] == "paren" and _inline_list_goes_on(para, start, numbering[1])):
                cut_points.append(ls)
        cut_points.extend(m.end() for m in _INLINE_CLAUSE.finditer(para))
        run_in = {m.end(): int(m.group("num")) for m in _INLINE_SECTION.finditer(para)}
        cuts = set()
        for point in sorted(set(cut_points) | set(run_in)):
            if point not in cut_points and run_in[point] != section + 1:
                continue  # "18." after section 12: a reference or a quantity, not the next section
            cuts.add(point)
            start = _SPACES.match(para, point).end()
            numbering = _numbering(para[start:start + 200], strict=point > 0)
            top = _TOP_NUMBER.match(numbering[1]) if numbering and numbering[0] in ("decimal", "article") else None
            if top:
                section = int(top.group(1))
            first = _TITLE_THEN_FIRST.match(para, start)
            if first and _is_heading_line(first.group("title")):
                cuts.add(first.start("sub"))  # the title alone heads the section
        cuts = sorted(cuts) + [len(para)]
        for a, b in zip(cuts, cuts[1:]):
            chunk = para[a:b]
            lead = len(chunk) - len(chunk.lstrip())
            chunk_start = para_start + a + lead
            chunk_text = chunk.strip()
            if not chunk_text:
                continue
            yield chunk_start, chunk_start + len(chunk_text), chunk_text, _numbering(chunk_text, strict=a > 0)


def _inline_list_goes_on(para: str, start: int, label: str) -> bool:
    """Is the item "(iii)" at this line start the next of a list run into the text above ("...
    (i) Vendor's breach ..., (ii) any Claim ...,\n(iii) the negligence ...")? Hard-wrapped text
    puts an inline item at a line start by chance; its list is not a list of clauses."""
    before = para[:start]
    for previous in _previous_labels(label[1:-1]):
        at = before.rfind(f"({previous})")
        if at > 0 and before[before.rfind("\n", 0, at) + 1:at].strip():
            return True
    return False


def _previous_labels(label: str) -> list[str]:
    """The labels an item list puts before ``label``: "ii" for "iii", "b" for "c", "2" for "3"
    ("i" may be the ninth letter or the first roman numeral)."""
    out = []
    if label.isdigit():
        return [str(int(label) - 1)] if int(label) > 1 else []
    if _ROMAN_RE.match(label):
        value = _roman_value(label.lower())
        if value > 1:
            out.append(_to_roman(value - 1, upper=label.isupper()))
    if len(label) == 1 and label.isalpha() and label.lower() != "a":
        out.append(chr(ord(label) - 1))
    return out


def _roman_value(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for ch, nxt in zip(numeral, numeral[1:] + " "):
        total += -values[ch] if values.get(nxt, 0) > values[ch] else values[ch]
    return total


def _to_roman(value: int, upper: bool = False) -> str:
    out = ""
    for number, numeral in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                            (4, "iv"), (1, "i")):
        while value >= number:
            out += numeral
            value -= number
    return out.upper() if upper else out


# A line that wrapped just before a number: "... under clause\n13." or "... within ten\n(10) days".
_REFERENCE_TAIL = re.compile(r"\b(?:clauses?|sections?|articles?|paragraphs?|schedules?|annex(?:es)?|exhibits?|"
                             r"appendix|appendices|items?|sub-?clauses?|sub-?sections?|no\.)\s*$", re.I)
# A sentence cannot stop on these: "... in accordance with" / "Clause 6.2." is one sentence
# (but an item may end "; or" before the next item).
_OPEN_TAIL = re.compile(r"[a-z]\s+(?:with|of|to|under|per|by|and|or|the|an?|for|from|pursuant\s+to|including|than)\s*$")
_CODE_TAIL = re.compile(r"\b(?:[A-Z]\.){2,}\s*$")  # "C.F.R.", "U.S.C."
_NUMBER_WORD_TAIL = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                               r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                               r"sixty|seventy|eighty|ninety|hundred|thousand)\s*$", re.I)


def _wrapped_mid_sentence(before: str, kind: str, rest: str) -> bool:
    """Is a numbered-looking line really the rest of the previous line's sentence?"""
    last_line = before.rstrip().rsplit("\n", 1)[-1]
    # "... under 45 C.F.R." / "Section 164.528.": a section of the code the sentence cites.
    if kind == "article" and _CODE_TAIL.search(before[-20:]):
        return True
    if len(last_line.split()) < 6 or _is_heading_line(last_line):
        return False  # a "SCHEDULES" or "Annex" title, then "1. ...": a real clause
    if _REFERENCE_TAIL.search(before[-40:]):
        return True
    # "... in accordance with" / "Clause 6.2." alone on its line: a reference, not a clause (a
    # clause says something after its number; text exports also lose words at page breaks,
    # so "... of the" / "6. ENFORCEMENT" stays a new clause).
    if kind == "article" and not rest.strip(" .,;:)") and _OPEN_TAIL.search(before[-40:]):
        return True
    return kind == "paren" and bool(_NUMBER_WORD_TAIL.search(before[-40:]))


def _numbering(line: str, strict: bool = False):
    """(kind, number, rest) when the line starts with clause numbering, else None.

    ``strict`` (used for lines inside a paragraph) also asks that what follows the
    number looks like the start of a clause, since a wrapped line can begin with "1."
    in the middle of a sentence.
    """
    for kind, pattern in _NUMBERING:
        m = pattern.match(line)
        if not m:
            continue
        number = m.group("num")
        rest = line[m.end():]
        if kind == "letter" and not rest[:1].isupper():
            continue  # "a. " mid-sentence is rare; demand a capital after it
        if kind == "decimal" and "." not in number.rstrip(".)") and not rest[:1].isupper() \
                and not rest[:1] in "\"'“(":
            continue  # "30) days" or "2. the" are not clause numbers
        if kind == "roman" and not _ROMAN_RE.match(number.rstrip(".")):
            continue
        if strict and rest and not (rest[:1].isupper() or rest[:1] in "\"'“(" or kind == "paren"):
            continue
        return kind, number.rstrip(".") if kind in ("decimal", "roman") else number.rstrip(".:"), rest
    return None


# -- outline levels ----------------------------------------------------------------------

class _Outline:
    """Tracks the open clauses by level to find parents and the level of items."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, int, str]] = []  # (level, clause index, style)
        self.item_styles: list[str] = []  # item styles seen, outermost first
        self.last_letter: dict[str, str] = {}

    def level_for(self, kind: str, number: str) -> int:
        if kind == "article":
            inner = number.split()[-1]
            return inner.count(".")
        if kind == "decimal":
            return number.count(".") + (1 if self._has_article() else 0)
        if kind == "roman":
            return 0
        style = self._item_style(number)
        base = self._numeric_level()
        if style not in self.item_styles:
            # A new item style nests inside the current one unless items are not open.
            if not self._items_open():
                self.item_styles = []
            self.item_styles.append(style)
        return base + 1 + self.item_styles.index(style)

    def _item_style(self, number: str) -> str:
        core = number.strip("().")
        open_paren = number.startswith("(")
        shape = "paren" if open_paren else "dot"
        if core.isdigit():
            return f"{shape}-digit"
        if _ROMAN_RE.match(core) and not (core.lower() == "i" and self.last_letter.get(shape) == "h") \
                and not (len(core) == 1 and core.lower() in "vx" and self.last_letter.get(shape)
                         in {"u", "w"}) and core.lower() not in {"c", "l"}:
            style = f"{shape}-roman-{'upper' if core.isupper() else 'lower'}"
            return style
        self.last_letter[shape] = core.lower()[-1]
        return f"{shape}-letter-{'upper' if core.isupper() else 'lower'}"

    def _numeric_level(self) -> int:
        for level, _, style in reversed(self.stack):
            if style in ("numeric", "heading"):
                return level
        return -1

    def _has_article(self) -> bool:
        return any(style == "article" for _, _, style in self.stack)

    def _items_open(self) -> bool:
        return bool(self.stack) and self.stack[-1][2] == "item"

    def parent_for(self, level: int) -> int | None:
        for lvl, index, _ in reversed(self.stack):
            if lvl < level:
                return index
        return None

    def top_level_of_current(self) -> int:
        return self.stack[-1][0] if self.stack else -1

    def push(self, level: int, index: int, style: str) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        if style != "item":
            self.item_styles = []
        self.stack.append((level, index, style))


def _style(kind: str, number: str, outline: _Outline) -> str:
    if kind == "article":
        return "article" if number.split()[0].lower() in ("article", "part") else "numeric"
    if kind in ("decimal", "roman"):
        return "numeric"
    return "item"


# -- headings ----------------------------------------------------------------------------

def _is_heading_line(piece: str) -> bool:
    if "\n" in piece.strip() or len(piece) > 100:
        return False
    words = piece.split()
    if not words or len(words) > _MAX_HEADING_WORDS:
        return False
    letters = [c for c in piece if c.isalpha()]
    if len(letters) < 3:
        return False
    if piece.rstrip().endswith((".", ";", ",")) and not piece.isupper():
        return False
    if piece.rstrip().endswith("?") and piece[:1].isupper():
        return True  # "What happens if things go wrong?"
    if all(c.isupper() for c in letters):
        return True
    # Title Case: every significant word capitalised.
    significant = [w for w in words if w.lower().strip("(),:&-") not in _SMALL_WORDS]
    return bool(significant) and all(w[:1].isupper() or not w[:1].isalpha() for w in significant) \
        and not piece.rstrip().endswith(".")


def _heading_of(rest: str, after_article: bool = False) -> tuple[str | None, bool]:
    """Heading text after a clause number, and whether the clause is only a heading.

    ``after_article``: the number is an article's or section's ("§ 2", "Article 7"), after
    which a short line that opens with a capital and ends no sentence is the title in
    sentence case too ("§ 2 Integration of the link").
    """
    first_line = rest.split("\n", 1)[0].strip()
    body_after = rest[len(first_line):].strip() if "\n" in rest else ""
    if not first_line:
        return None, not body_after
    # "14. Audit. [Reserved]", "13. Venue. Intentionally omitted.": a title, nothing else.
    m = _TITLE_AND_REST.match(first_line)
    if m and _says_none(f"{m.group('rest')} {body_after}") and _is_heading_line(m.group("title")):
        return _clean_heading(m.group("title")), True
    if _is_heading_line(first_line):
        return _clean_heading(first_line), not body_after or _says_none(body_after)
    # "6. Termination." alone on its line, its sub-clauses below: a title with a full stop.
    title = first_line.rstrip(".:").rstrip()
    if title != first_line and len(title.split()) <= 10 and _is_heading_line(title):
        return _clean_heading(title), not body_after or _says_none(body_after)
    # "Termination for Convenience. Either party may…" or "U.S. GOVERNMENT RIGHTS. Subject to…":
    # the heading runs to the first full stop or colon after which a heading-like prefix ends.
    for m in _HEADING_END.finditer(first_line[:120]):
        candidate = first_line[:m.start()]
        if len(candidate.split()) <= 10 and _is_heading_line(candidate):
            return _clean_heading(candidate), False
    # "24. WAIVER   The failure of ..." (a title in capitals run into the text, no stop after it).
    m = _CAPS_TITLE.match(first_line)
    if m and _is_heading_line(m.group("title")):
        return _clean_heading(m.group("title")), False
    if after_article and first_line[:1].isupper() and len(first_line.split()) <= 8 \
            and not first_line.endswith((".", ";", ",", ":")):
        return _clean_heading(first_line), not body_after or _says_none(body_after)
    return None, False


def _clean_heading(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".:").strip()


_DEFINITION_ALONE = re.compile(r"^\(\s*(?:the\s+|hereinafter\s+)?[\"“][^()\"”]{1,60}[\"”]\s*\)[.;,]?$", re.I)
_CURRENCY_END = re.compile(r"(?:\b(?:EUR|USD|GBP|CHF|AUD|CAD|SGD|INR|JPY)|[$€£¥₹])\s*$")
_AMOUNT_START = re.compile(r"^\s*\d[\d,.']*(?:\s|$)")


def _rest_of_a_broken_phrase(prev: str, piece: str) -> bool:
    """Is this paragraph the end of a parenthesis or an amount the paragraph before opened, or
    a parenthesis of its own that defines the paragraph before ('NORTHSHORE TELECOM INC., a
    corporation ...' / '("Company")')?"""
    if prev.count("(") > prev.count(")") and piece.count(")") > piece.count("(") and len(piece) < 200:
        return True
    if _DEFINITION_ALONE.match(piece):
        return True
    return bool(_CURRENCY_END.search(prev) and _AMOUNT_START.match(piece))


def _continues(prev: str, piece: str) -> bool:
    """Does this paragraph continue the previous one's sentence?"""
    if not prev:
        return False
    first = piece.lstrip()[:1]
    if first.islower():
        return True
    tail = prev.rstrip()[-1:]
    if tail == ":":
        return True
    return tail not in ".;!?\"”)'" and not _is_heading_line(prev) and first not in "(\"“" \
        and not first.isdigit() and len(prev) > 60
