"""The loaded contract: text plus where each piece of it came from.

Every loader returns a :class:`Document`. Its ``text`` is what the NLP pipeline reads;
its ``blocks`` say, for each paragraph-sized piece of that text, which page (PDF) or
paragraph (DOCX) it came from, so that a clause found at character 18,211 can be traced
back to "page 7". Blocks are separated in ``text`` by a blank line ("\\n\\n"), which is
the paragraph boundary the clause segmenter relies on.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

BLOCK_SEPARATOR = "\n\n"


@dataclass
class Block:
    """A paragraph (or table row, or list item) of the document body."""

    text: str
    start: int  # character offset of the block in Document.text
    end: int
    page: int | None = None  # 1-based page number (PDF); None when the format has no pages
    paragraph: int | None = None  # 0-based body paragraph index (DOCX)
    kind: str = "paragraph"  # paragraph | heading | list_item | table
    number: str | None = None  # list number Word displays ("9.1", "(a)"), already in `text`
    level: int | None = None  # list level (0 = top) for DOCX automatic numbering
    bold: bool = False  # whole paragraph bold: a heading hint


@dataclass
class Document:
    """A contract as read from disk: its body text, blocks and provenance."""

    path: str
    format: str  # "pdf" | "docx" | "text"
    text: str
    blocks: list[Block]
    sha256: str
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)

    def block_at(self, offset: int) -> Block | None:
        """The block containing (or, between blocks, following) a character offset."""
        if not self.blocks:
            return None
        # Block starts, listed once: every clause asks for its page, and a 2,000-page
        # contract has tens of thousands of both.
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.blocks):
            starts = self.__dict__["_starts"] = [b.start for b in self.blocks]
        i = bisect.bisect_right(starts, offset) - 1
        return self.blocks[max(i, 0)]

    def page_at(self, offset: int) -> int | None:
        block = self.block_at(offset)
        return block.page if block else None

    @property
    def characters(self) -> int:
        return len(self.text)


class DocumentBuilder:
    """Collects blocks and joins them into one text with correct offsets.

    Loaders append blocks in reading order; ``build`` returns the Document.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def add(self, text: str, **provenance) -> Block | None:
        text = text.strip()
        if not text:
            return None
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        block = Block(text=text, start=self._length, end=self._length + len(text), **provenance)
        self._parts.append(text)
        self._length += len(text)
        self._blocks.append(block)
        return block

    def __len__(self) -> int:
        return len(self._blocks)

    def build(self, path: str, format: str, sha256: str, pages: int | None = None,
              warnings: list[str] | None = None) -> Document:
        return Document(path=path, format=format, text="".join(self._parts),
                        blocks=self._blocks, sha256=sha256, pages=pages,
                        warnings=list(warnings or []))
