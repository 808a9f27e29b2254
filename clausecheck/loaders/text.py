"""Plain text and Markdown: paragraphs are runs of lines separated by blank lines."""

from __future__ import annotations

import re

from ..document import Document, DocumentBuilder
from ..errors import InputError

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_FORM_FEED = "\f"
# Control characters other than tab, newline, carriage return and form feed mean nothing in
# a contract, and XML (DOCX and HTML reports) cannot hold them (nor U+FFFE, U+FFFF). A vertical tab is the manual
# line break of Word's text exports.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 which never fails."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # A cut-off last byte or a lone surrogate must not make the whole file unreadable.
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# A page number on a line of its own, as text exports of filed agreements print them:
# "- 7 -", "Page 7", "Page 7 of 17", or a bare "7". Which of them are page numbers is decided
# by their sequence (see _page_number_lines).
_PAGE_NUMBER_LINE = re.compile(r"^[ \t]*(?:(?P<dash>-[ \t]*(?P<d>\d{1,4})[ \t]*-)|(?P<page>[Pp]age[ \t]+(?P<p>\d{1,4})"
                               r"(?:[ \t]+of[ \t]+\d{1,4})?)|(?P<b>\d{1,4}))[ \t]*$", re.M)
_MIN_PAGE_CHARS = 800  # the median text between two page numbers, at least
# A paragraph that ends here has not ended its sentence: the next page may go on with it.
_UNFINISHED = re.compile(r"[^.:;!?\"”')\]]\s*$")
# What opens a clause or a title, not the rest of a sentence: "2.", "(b)", "Section 9", "ARTICLE".
_OPENS_CLAUSE = re.compile(r"\s*(?:\d|\(|§|(?:Section|SECTION|Article|ARTICLE|Schedule|SCHEDULE|Exhibit|EXHIBIT)\b)")


def load_text(data: bytes, path: str, sha256: str) -> Document:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    text = _CONTROLS.sub("", text)
    builder = DocumentBuilder()
    # A form feed is a page break in text exports; keep it as page provenance. Without form
    # feeds, the page numbers printed at the foot of each page are the breaks.
    pages = text.split(_FORM_FEED)
    numbered = len(pages) == 1 and _split_at_page_numbers(text)
    if path.lower().endswith((".md", ".markdown")):
        for paragraph, kind in _markdown_paragraphs(text):
            builder.add(paragraph, kind=kind)
        page_count = None
    elif numbered:
        for paragraph, page_no in numbered:
            builder.add(paragraph, page=page_no)
        page_count = max(page for _, page in numbered)
    else:
        for page_no, page in enumerate(pages, start=1):
            for paragraph in _PARAGRAPH_BREAK.split(page):
                builder.add(paragraph.strip("\n"), page=page_no if len(pages) > 1 else None)
        page_count = len(pages) if len(pages) > 1 else None
    if not len(builder):
        raise InputError(path, "no text in file")
    return builder.build(path, "text", sha256, pages=page_count)


def _page_number_lines(text: str) -> list[re.Match]:
    """The lines of ``text`` that are its page numbers, in order, or [] if it has none.

    A line counts when it is one of a run of page numbers that go up by one, in one style, a
    page's worth of text apart: at least two "- N -" or "Page N" lines, or at least three bare
    numbers ("3" alone on a line may be anything; "3", "4", "5" down a document are its pages).
    """
    best: list[re.Match] = []
    for style, enough in (("dash", 2), ("page", 2), ("b", 3)):
        number = {"dash": "d", "page": "p", "b": "b"}[style]
        lines = [m for m in _PAGE_NUMBER_LINE.finditer(text) if m[style]]
        # The longest run of consecutive numbers in document order (each line extends the run
        # that ended on the number before it).
        runs: dict[int, list[re.Match]] = {}
        longest: list[re.Match] = []
        for m in lines:
            value = int(m[number])
            run = runs.get(value - 1, []) + [m]
            runs[value] = run
            if len(run) > len(longest):
                longest = run
        gaps = sorted(b.start() - a.end() for a, b in zip(longest, longest[1:]))
        # Pages, not the rows of a numbered table: a page holds a good deal of text.
        if len(longest) >= enough and gaps[len(gaps) // 2] >= _MIN_PAGE_CHARS and len(longest) > len(best):
            best = longest
    return best


def _split_at_page_numbers(text: str) -> list[tuple[str, int]] | None:
    """(paragraph, page) pairs of a text whose pages end with a printed page number, the
    numbers removed, and a paragraph the page break cut in two ("... and (v) Net" / "- 5 -" /
    "Collections.") joined again. None when the text has no page numbers."""
    markers = _page_number_lines(text)
    if not markers:
        return None
    out: list[tuple[str, int]] = []
    start = 0
    pages = [(m.start(), m.end(), int(next(g for g in (m["d"], m["p"], m["b"]) if g))) for m in markers]
    last = pages[-1][2]
    for begin, end, page_no in pages + [(len(text), len(text), last + 1)]:
        paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text[start:begin]) if p.strip()]
        for i, paragraph in enumerate(paragraphs):
            if i == 0 and out and _goes_on(out[-1][0], paragraph):
                out[-1] = (out[-1][0] + "\n" + paragraph, out[-1][1])
            else:
                out.append((paragraph, page_no))
        start = end
    return out


def _goes_on(before: str, after: str) -> bool:
    """Whether the first paragraph of a page is the rest of the last one of the page before:
    that one stopped mid-sentence, and this one opens no clause. A sentence of some length
    goes on whatever the case of the next word ("... and (v) Net" / "Collections."); a short
    line that ends without a full stop (a title) goes on only into a lowercase word."""
    if not _UNFINISHED.search(before) or _OPENS_CLAUSE.match(after):
        return False
    return after.lstrip()[:1].islower() or len(before.rsplit("\n", 1)[-1].split()) >= 6


# Markdown: "## 9. Term and Termination" is a heading whose number the segmenter must see, so
# the marks go; so do emphasis ("**Customer Data**"), code marks, link targets and the rule
# line under a table's header. What is left is the contract's own text.
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?)?[ \t]*$")
_MD_MARKS = ((re.compile(r"\*\*(.+?)\*\*"), r"\1"), (re.compile(r"(?<!\w)__(.+?)__(?!\w)"), r"\1"),
             (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
             (re.compile(r"`([^`\n]+)`"), r"\1"), (re.compile(r"\[([^\]\n]+)\]\([^)\s]+\)"), r"\1"))


def _markdown_paragraphs(text: str) -> list[tuple[str, str]]:
    """(paragraph, kind) pairs of a Markdown text: headings apart, marks removed."""
    out: list[tuple[str, str]] = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        lines: list[str] = []
        for line in chunk.split("\n"):
            if _MD_TABLE_RULE.match(line):
                continue
            for pattern, replacement in _MD_MARKS:
                line = pattern.sub(replacement, line)
            heading = _MD_HEADING.match(line)
            if heading:
                if lines:
                    out.append(("\n".join(lines), "paragraph"))
                    lines = []
                out.append((heading.group(1), "heading"))
            else:
                lines.append(line)
        if any(line.strip() for line in lines):
            out.append(("\n".join(lines).strip("\n"), "paragraph"))
    return out
