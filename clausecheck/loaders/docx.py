"""DOCX: the body text a reader of the Word document sees, in reading order.

* Body paragraphs and tables in document order (content controls and custom-XML wrappers
  opened). A table row whose cells hold text in more than one cell becomes one block,
  cells joined by " | " (and the paragraphs of a cell by line breaks); a row with a
  single filled cell (a boxed note, a full-width title row) gives one block per paragraph.
* Automatic list numbering is rebuilt (:mod:`.docx_numbering`) and put before the text:
  "1.1 Services. The Supplier…", with ``Block.number`` and ``Block.level`` set.
* Tracked changes read as accepted: insertions and moved-to text kept, deletions and
  moved-from text dropped; a paragraph whose mark was deleted runs into the next one.
* Headers, footers, footnotes, endnotes and comments are other parts of the package and
  never read; hidden text, field instructions and table-of-contents entries (which would
  repeat every heading and its number) are left out. Text boxes anchored in a paragraph
  follow it.

Safety: a DOCX is a zip of XML from an unknown sender. The zip members' declared sizes are
checked against ``--max-unzipped-mb`` before anything is unpacked, actual decompression is
counted in small reads, only stored/deflated members are accepted, and XML with a DTD or
entity declarations (never written by Word; the vehicle of entity-expansion and external
entity attacks) is refused before any parser sees it. python-docx then opens a copy of the
checked members, so it cannot unpack more than was counted.

``Block.paragraph`` is the index of the block's (first) ``w:p`` among all ``w:p`` elements
of the body in document order, i.e. ``list(body.iter(qn("w:p")))[block.paragraph]``,
table-cell paragraphs included.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

import docx  # noqa: F401  (importing python-docx registers its part classes)
from docx.package import Package
from lxml import etree

from ..document import Document, DocumentBuilder
from ..errors import InputError, LimitExceeded
from ..limits import DEFAULT_LIMITS, Limits
from .docx_numbering import Numbering, StyleSheet, on_off, w

_MAX_MEMBERS = 10_000  # Word writes a few dozen parts; tens of thousands is an attack or junk
_READ_CHUNK = 1 << 16
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY")
                     for enc in ("utf-8", "utf-16-le", "utf-16-be"))

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"

# Our own parser for the parts python-docx leaves as bytes: no DTD loading, no entity
# expansion, no network, no huge-tree mode.
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                               huge_tree=False, remove_blank_text=False)

_HEADING_STYLE = re.compile(r"^(heading [1-9]|title)$")
_TOC_STYLE = re.compile(r"^toc (heading|[1-9])$")
_NEWLINES = re.compile(r"[ \t]*\n[\s]*")

# Inline wrappers whose content is part of the paragraph's (accepted) text.
_INLINE_CONTAINERS = {w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple",
                                     "dir", "bdo", "sdtContent")}
# Block-level wrappers around paragraphs and tables.
_BLOCK_CONTAINERS = {w(t) for t in ("customXml", "sdtContent")}
_TRACKED = {w(t) for t in ("ins", "del", "moveFrom", "moveTo")}


# -- the package: limits, safety, parts --------------------------------------------------

def _xml_error(path: str, exc: etree.XMLSyntaxError) -> InputError:
    msg = exc.msg or ""
    if "huge" in msg.lower() or "too long" in msg.lower():
        # libxml2 refuses a single text node over 10 MB unless its huge-tree mode is on,
        # which we leave off: no Word document holds that much text in one run.
        return InputError(path, "DOCX holds a single run of text over 10 MB: refused by the XML parser's "
                                "safety limit (not a document Word writes)")
    return InputError(path, f"damaged DOCX: a part is not well-formed XML ({msg})")


def _unzipped_limit_error(path: str, size: int, limits: Limits) -> LimitExceeded:
    return LimitExceeded(path, f"DOCX unpacks to more than {size / 2**20:.1f} MB, over the "
                               f"{limits.max_unzipped_mb:g} MB limit (raise it with --max-unzipped-mb)")


def read_members(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Unpack every zip member, within the unzipped-size limit, or raise InputError."""
    if data[:8] == _OLE_MAGIC:
        raise InputError(path, "password-protected or encrypted Word file (an OLE container, not a zip): "
                               "remove the password and save it again")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise InputError(path, "corrupt zip archive (truncated or damaged DOCX?)") from None
    if len(infos) > _MAX_MEMBERS:
        raise InputError(path, f"zip archive has {len(infos)} members: not a Word document")
    limit = limits.max_unzipped_bytes
    declared = sum(info.file_size for info in infos)
    if declared > limit:
        raise _unzipped_limit_error(path, declared, limits)

    members: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if not info.filename:  # zipfile's is_dir() fails on it; Word never writes one
            raise InputError(path, "damaged DOCX: a zip member has no name")
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            raise InputError(path, f"zip member {info.filename} is encrypted: password-protected DOCX")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # bzip2/LZMA members can expand enormously in one step, and Word never writes them.
            raise InputError(path, f"zip member {info.filename} uses an unsupported compression method")
        chunks = []
        try:
            with archive.open(info) as member:
                while True:
                    # Small reads: a member that lies about its size is stopped here
                    # after at most one chunk past the limit, not after inflating it all.
                    chunk = member.read(_READ_CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > limit:
                        raise _unzipped_limit_error(path, total, limits)
                    chunks.append(chunk)
        except InputError:
            raise
        except Exception as exc:  # zlib.error, BadZipFile (CRC), EOFError, …: a damaged archive
            raise InputError(path, f"damaged DOCX: cannot unpack {info.filename} "
                                   f"({type(exc).__name__})") from None
        members[info.filename] = b"".join(chunks)
    return members


def _xml_member_names(members: dict[str, bytes], path: str) -> list[str]:
    """Members an XML parser will read: [Content_Types].xml, relationships, and every part
    whose declared content type is XML (pictures and embedded HTML excepted)."""
    names = [n for n in members if n == "[Content_Types].xml" or n.endswith(".rels")]
    types_xml = members.get("[Content_Types].xml")
    if types_xml is None:
        raise InputError(path, "damaged DOCX: no [Content_Types].xml in the archive")
    _refuse_dtd(types_xml, "[Content_Types].xml", path)
    try:
        types = etree.fromstring(types_xml, _SAFE_PARSER)
    except etree.XMLSyntaxError:
        raise InputError(path, "damaged DOCX: [Content_Types].xml is not well-formed XML") from None
    defaults = {(el.get("Extension") or "").lower(): el.get("ContentType") or ""
                for el in types.iter(f"{_CT}Default")}
    overrides = {(el.get("PartName") or "").lstrip("/"): el.get("ContentType") or ""
                 for el in types.iter(f"{_CT}Override")}
    for name in members:
        ctype = overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower(), "")
        if ctype.endswith("xml") and not ctype.startswith("image/") and "html" not in ctype:
            names.append(name)
    return names


def _refuse_dtd(blob: bytes, name: str, path: str) -> None:
    if any(marker in blob for marker in _DTD_MARKERS):
        raise InputError(path, f"DOCX contains an XML DTD/entity declarations ({name}): refused for safety")


def _xml(part) -> etree._Element:
    """The part's XML: python-docx's parsed element, or the bytes parsed safely."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, _SAFE_PARSER)


def _open_parts(members: dict[str, bytes], path: str):
    """(document, styles, numbering) root elements; styles/numbering may be None."""
    for name in _xml_member_names(members, path):
        _refuse_dtd(members[name], name, path)

    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as out:
        for name, blob in members.items():
            out.writestr(name, blob)
    copy.seek(0)
    try:
        package = Package.open(copy)
        main = package.main_document_part
    except KeyError:
        raise InputError(path, "no main document part (word/document.xml): not a Word document "
                               "(damaged DOCX?)") from None
    except etree.XMLSyntaxError as exc:
        raise _xml_error(path, exc) from None
    except Exception as exc:  # python-docx on a broken package: missing parts, bad URIs, …
        raise InputError(path, f"damaged DOCX: {type(exc).__name__}: {str(exc)[:120]}") from None
    try:
        document = _xml(main)
        styles = numbering = None
        for rel in main.rels.values():
            if rel.is_external:
                continue
            if rel.reltype == _RT_STYLES:
                styles = _xml(rel.target_part)
            elif rel.reltype == _RT_NUMBERING:
                numbering = _xml(rel.target_part)
    except etree.XMLSyntaxError as exc:
        raise _xml_error(path, exc) from None
    if document.tag != w("document"):
        raise InputError(path, "main document part is not WordprocessingML: not a Word document")
    return document, styles, numbering


# -- paragraphs --------------------------------------------------------------------------

@dataclass
class _Para:
    text: str
    index: int  # w:p index in the body
    kind: str = "paragraph"
    number: str | None = None
    level: int | None = None
    bold: bool = False
    bold_runs: int = 0
    plain_runs: int = 0


def _numpr(ppr) -> tuple[str | None, int | None] | None:
    if ppr is None:
        return None
    numpr = ppr.find(w("numPr"))
    if numpr is None:
        return None
    num_id = numpr.find(w("numId"))
    ilvl = numpr.find(w("ilvl"))
    try:
        level = int(ilvl.get(w("val"))) if ilvl is not None else None
    except (TypeError, ValueError):
        level = None
    return (num_id.get(w("val")) if num_id is not None else None), level


def _mark_removed(ppr) -> bool:
    """Is the paragraph mark a tracked deletion (or move away)? Then the paragraph runs
    into the next one in the accepted text."""
    if ppr is None:
        return False
    rpr = ppr.find(w("rPr"))
    return rpr is not None and (rpr.find(w("del")) is not None or rpr.find(w("moveFrom")) is not None)


class _BodyReader:
    def __init__(self, body, styles: StyleSheet, numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.index = {p: i for i, p in enumerate(body.iter(w("p")))}

    # A paragraph's text ------------------------------------------------------------------

    def _run_bold(self, run, para_style: str | None) -> bool:
        rpr = run.find(w("rPr"))
        if rpr is not None:
            direct = on_off(rpr.find(w("b")))
            if direct is not None:
                return direct
            rstyle = rpr.find(w("rStyle"))
            if rstyle is not None:
                from_style = self.styles.bold_of(rstyle.get(w("val")))
                if from_style is not None:
                    return from_style
        return bool(self.styles.bold_of(para_style))

    def _inline(self, parent, para_style, out: list[str], boxes: list, counts: list[int]) -> None:
        for child in parent:
            tag = child.tag
            if tag == w("r"):
                self._run(child, para_style, out, boxes, counts)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, para_style, out, boxes, counts)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, para_style, out, boxes, counts)
            elif tag in (f"{_M}oMath", f"{_M}oMathPara"):
                out.append("".join(t.text or "" for t in child.iter(f"{_M}t")))
            # w:del, w:moveFrom (tracked removals), w:pPr, bookmarks, comment ranges,
            # proofing marks: not text.

    def _run(self, run, para_style, out: list[str], boxes: list, counts: list[int]) -> None:
        rpr = run.find(w("rPr"))
        if rpr is not None and on_off(rpr.find(w("vanish"))):
            return  # hidden text: not shown to the reader
        pieces: list[str] = []
        for child in run:
            tag = child.tag
            if tag == w("t"):
                pieces.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                pieces.append("\t")
            elif tag in (w("br"), w("cr")):
                pieces.append("\n")
            elif tag == w("noBreakHyphen"):
                pieces.append("-")
            elif tag in (w("drawing"), w("pict")):
                boxes.extend(child.iter(w("txbxContent")))
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")  # the fallback repeats the same text box
                if choice is not None:
                    boxes.extend(choice.iter(w("txbxContent")))
            # w:delText, w:instrText (field codes), note and comment references,
            # soft hyphens: not displayed text.
        text = "".join(pieces)
        if text.strip():
            counts[0 if self._run_bold(run, para_style) else 1] += 1
        out.append(text)

    def _paragraph(self, p, carried: _Para | None) -> tuple[_Para | None, list]:
        """The paragraph's text and label; ``carried`` is text of a previous paragraph
        whose mark was deleted, which the accepted text joins to this one."""
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style = style_el.get(w("val")) if style_el is not None else self.styles.default_paragraph
        pieces: list[str] = []
        boxes: list = []
        counts = [0, 0]
        self._inline(p, style, pieces, boxes, counts)
        text = "".join(pieces)
        index = self.index.get(p, -1)
        if carried is not None:
            text = carried.text + text
            counts[0] += carried.bold_runs
            counts[1] += carried.plain_runs
            index = carried.index
        if _mark_removed(ppr):
            # No mark of its own in the accepted text: no label, no counter advance.
            return _Para(_NEWLINES.sub("\n", text), index, bold_runs=counts[0], plain_runs=counts[1]), boxes

        names = self.styles.names(style)
        if names and _TOC_STYLE.match(names[0]):
            return None, boxes
        text = _NEWLINES.sub("\n", text).strip()
        if not text and ppr is not None and ppr.find(w("sectPr")) is not None:
            # An empty paragraph that only carries a section break: the reader sees the
            # break, not a list item, and the next heading is still "1." (as published).
            return None, boxes
        label = self.numbering.label(_numpr(ppr), style)
        para = _Para(text, index, bold_runs=counts[0], plain_runs=counts[1])
        para.bold = counts[0] > 0 and counts[1] == 0
        if any(_HEADING_STYLE.match(name) for name in names):
            para.kind = "heading"
        elif label is not None:
            para.kind = "list_item"
        if label is not None:
            para.level = label.level
            if label.text:
                para.number = label.text
                if text:
                    para.text = f"{label.text} {text}"
        return para, boxes

    # Containers: body, cells, content controls, text boxes --------------------------------

    def blocks(self, container) -> list:
        """Paragraphs (_Para) and tables (lists of rows) in document order."""
        out: list = []
        carried: _Para | None = None
        for child in self._children(container):
            if child.tag == w("p"):
                para, boxes = self._paragraph(child, carried)
                carried = None
                if para is not None and _mark_removed(child.find(w("pPr"))):
                    carried = para
                elif para is not None:
                    out.append(para)
                for box in boxes:
                    out.extend(self.blocks(box))
            elif child.tag == w("tbl"):
                if carried is not None:
                    out.append(carried)
                    carried = None
                out.append(self._table(child))
        if carried is not None:
            out.append(carried)
        return out

    def _children(self, container):
        for child in container:
            if child.tag in _BLOCK_CONTAINERS:
                yield from self._children(child)
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self._children(content)
            else:
                yield child

    def _table(self, tbl) -> list[list[list]]:
        """Rows of cells of blocks; deleted rows and vertically merged continuations left out."""
        rows = []
        for tr in self._children(tbl):
            if tr.tag != w("tr"):
                continue
            trpr = tr.find(w("trPr"))
            if trpr is not None and trpr.find(w("del")) is not None:
                continue
            cells = []
            for tc in self._children(tr):
                if tc.tag != w("tc"):
                    continue
                vmerge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
                if vmerge is not None and vmerge.get(w("val"), "continue") == "continue":
                    continue
                cells.append(self.blocks(tc))
            rows.append(cells)
        return rows


# -- blocks ------------------------------------------------------------------------------

def _flat_text(items: list) -> str:
    """A cell's content as lines: paragraphs, and nested table rows as "a | b"."""
    lines = []
    for item in items:
        if isinstance(item, _Para):
            if item.text.strip():
                lines.append(item.text.strip())
        else:
            for row in item:
                cells = [_flat_text(cell) for cell in row]
                line = " | ".join(c.replace("\n", " ") for c in cells if c)
                if line:
                    lines.append(line)
    return "\n".join(lines)


def _paras(items: list):
    for item in items:
        if isinstance(item, _Para):
            yield item
        else:
            for row in item:
                for cell in row:
                    yield from _paras(cell)


def _emit(builder: DocumentBuilder, items: list, in_table: bool = False) -> None:
    for item in items:
        if isinstance(item, _Para):
            builder.add(item.text, paragraph=item.index, kind="table" if in_table else item.kind,
                        number=item.number, level=item.level, bold=item.bold)
            continue
        for row in item:
            filled = [cell for cell in row if _flat_text(cell)]
            if len(filled) == 1:
                _emit(builder, filled[0], in_table=True)  # one filled cell reads as paragraphs
            elif filled:
                paras = [p for cell in filled for p in _paras(cell) if p.text.strip()]
                first = paras[0] if paras else None
                runs_bold = sum(p.bold_runs for p in paras)
                runs_plain = sum(p.plain_runs for p in paras)
                builder.add(" | ".join(_flat_text(cell) for cell in filled),
                            paragraph=first.index if first else None, kind="table",
                            number=first.number if first else None, level=first.level if first else None,
                            bold=runs_bold > 0 and runs_plain == 0)


def load_docx(data: bytes, path: str, sha256: str, *, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a DOCX into a Document (see the module docstring for what is read and how)."""
    members = read_members(data, path, limits)
    document, styles_el, numbering_el = _open_parts(members, path)
    body = document.find(w("body"))
    if body is None:
        raise InputError(path, "no text in document")
    styles = StyleSheet(styles_el)
    reader = _BodyReader(body, styles, Numbering(numbering_el, styles))
    items = reader.blocks(body)

    builder = DocumentBuilder()
    _emit(builder, items)
    if not len(builder):
        raise InputError(path, "no text in document")

    warnings = []
    tracked = sum(1 for _ in body.iter(*_TRACKED))
    if tracked:
        warnings.append(f"{tracked} tracked change(s) read as accepted: insertions kept, deletions dropped")
    if body.find(f".//{w('altChunk')}") is not None:
        warnings.append("embedded alternative-format content (altChunk) is not read")
    return builder.build(path, "docx", sha256, warnings=warnings)


__all__ = ["load_docx", "read_members"]
