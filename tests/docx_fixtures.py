"""Test DOCX files built from our own text: python-docx for the package, headers, footers
and comments; raw WordprocessingML for what python-docx cannot write (automatic numbering
definitions, tracked changes, text boxes).

    data = build_docx([para("Services", num=(1, 0)), table([["Fee", "USD 10"]])],
                      numbering=numbering(abstract(1, LEGAL_LEVELS), num(1, 1)))

Body items are XML strings of ``w:p``/``w:tbl`` elements (the helpers below write them);
text in them is escaped by the helpers.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECLS = (f'xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_DATE = 'w:author="Reviewer" w:date="2024-01-01T00:00:00Z"'
_ids = iter(range(1000, 10**6))


def _wrap(xml: str) -> str:
    """Declare the namespaces on the outermost element of a snippet."""
    head, sep, rest = xml.partition(">")
    if head.endswith("/"):
        head, rest = head[:-1], "/" + ">" + rest
        sep = ""
    return f"{head} {NSDECLS}{sep}{rest}"


# -- runs and paragraphs -----------------------------------------------------------------

def run(text: str, *, bold: bool = False, hidden: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:vanish/>" if hidden else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def inserted(text: str) -> str:
    return f'<w:ins w:id="{next(_ids)}" {_DATE}>{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return (f'<w:del w:id="{next(_ids)}" {_DATE}><w:r>'
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def moved_from(text: str) -> str:
    return f'<w:moveFrom w:id="{next(_ids)}" {_DATE}>{run(text)}</w:moveFrom>'


def moved_to(text: str) -> str:
    return f'<w:moveTo w:id="{next(_ids)}" {_DATE}>{run(text)}</w:moveTo>'


def text_box(text: str) -> str:
    """A run holding a VML text box with one paragraph of text."""
    return (f'<w:r><w:pict><v:shape style="width:100pt;height:40pt"><v:textbox><w:txbxContent>'
            f'<w:p>{run(text)}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


def para(*parts: str, style: str | None = None, num: tuple[int, int | None] | None = None,
         bold: bool = False, mark_deleted: bool = False, section_break: bool = False) -> str:
    """A paragraph. Each part is plain text (one run) or, if it starts with "<", raw run XML.

    ``num=(numId, ilvl)`` gives it direct numbering (ilvl None: numId only);
    ``mark_deleted`` tracks the deletion of its paragraph mark (it runs into the next).
    """
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        num_id, ilvl = num
        ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr>'
    if mark_deleted:
        ppr += f'<w:rPr><w:del w:id="{next(_ids)}" {_DATE}/></w:rPr>'
    if section_break:
        ppr += '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr>'
    body = "".join(p if p.startswith("<") else run(p, bold=bold) for p in parts)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def table(rows: list[list[str | list[str]]], *, deleted_rows: tuple[int, ...] = ()) -> str:
    """A table; a cell is a text, a list of texts (one paragraph each) or raw ``<w:p>`` XML."""
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
    width = max(len(r) for r in rows)
    out.append('<w:gridCol w:w="3000"/>' * width + "</w:tblGrid>")
    for i, row in enumerate(rows):
        trpr = f'<w:trPr><w:del w:id="{next(_ids)}" {_DATE}/></w:trPr>' if i in deleted_rows else ""
        out.append(f"<w:tr>{trpr}")
        for cell in row:
            paragraphs = cell if isinstance(cell, list) else [cell]
            xml = "".join(p if p.startswith("<") else para(p) for p in paragraphs) or "<w:p/>"
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{xml}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# -- numbering and styles ----------------------------------------------------------------

def level(ilvl: int, fmt: str, text: str, *, start: int = 1, restart: int | None = None,
          is_lgl: bool = False, pstyle: str | None = None) -> str:
    extra = (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "") + \
            (f'<w:pStyle w:val="{pstyle}"/>' if pstyle else "") + ("<w:isLgl/>" if is_lgl else "")
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/><w:lvlJc w:val="left"/></w:lvl>')


def abstract(abstract_id: int, levels: list[str], *, num_style_link: str | None = None,
             style_link: str | None = None) -> str:
    links = (f'<w:styleLink w:val="{style_link}"/>' if style_link else "") + \
            (f'<w:numStyleLink w:val="{num_style_link}"/>' if num_style_link else "")
    # Word gives each abstract list a unique w:nsid; readers (LibreOffice) tell lists apart by it.
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="{0x1000 + abstract_id:08X}"/>'
            f'<w:multiLevelType w:val="multilevel"/>{links}{"".join(levels)}</w:abstractNum>')


def num(num_id: int, abstract_id: int, *, start_overrides: dict[int, int] | None = None) -> str:
    overrides = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                        for i, s in (start_overrides or {}).items())
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def numbering(*parts: str) -> str:
    """numbering.xml content: abstractNums first, then nums (Word's required order)."""
    abstracts = [p for p in parts if p.startswith("<w:abstractNum")]
    nums = [p for p in parts if not p.startswith("<w:abstractNum")]
    return f'<w:numbering {NSDECLS}>{"".join(abstracts + nums)}</w:numbering>'


def paragraph_style(style_id: str, name: str, *, based_on: str | None = None,
                    num: tuple[int, int | None] | None = None, bold: bool = False) -> str:
    ppr = ""
    if num is not None:
        num_id, ilvl = num
        ilvl_xml = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr = f'<w:pPr><w:numPr>{ilvl_xml}<w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "") + ppr
            + ("<w:rPr><w:b/></w:rPr>" if bold else "") + "</w:style>")


# Levels of a typical agreement: 1. / 1.1 / (a) / (i)
LEGAL_LEVELS = [level(0, "decimal", "%1."), level(1, "decimal", "%1.%2"),
                level(2, "lowerLetter", "(%3)"), level(3, "lowerRoman", "(%4)")]


# -- the package -------------------------------------------------------------------------

def build_docx(body: list[str], *, numbering_xml: str | None = None, styles: list[str] = (),
               header: str | None = None, footer: str | None = None,
               comments: list[tuple[int, str]] = ()) -> bytes:
    """A DOCX whose body is ``body``; ``comments`` are (paragraph number, comment text),
    anchored on the runs of that body paragraph."""
    document = docx.Document()
    element = document.element.body
    for child in list(element):
        if not child.tag.endswith("}sectPr"):
            element.remove(child)
    sect = element[-1] if len(element) else None
    for xml in body:
        node = parse_xml(_wrap(xml))
        if sect is not None:
            sect.addprevious(node)
        else:
            element.append(node)
    if numbering_xml is not None:
        part = document.part.numbering_part.element
        for child in list(part):
            part.remove(child)
        for child in parse_xml(numbering_xml):
            part.append(child)
    if styles:
        styles_el = document.styles.element
        for xml in styles:
            node = parse_xml(_wrap(xml))
            existing = styles_el.find(f"{{{W_NS}}}style[@{{{W_NS}}}styleId='{node.get(f'{{{W_NS}}}styleId')}']")
            if existing is not None:
                styles_el.remove(existing)
            styles_el.append(node)
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    for index, text in comments:
        paragraph = document.paragraphs[index]
        document.add_comment(paragraph.runs, text=text, author="Reviewer")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rezip(data: bytes, *, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = (),
          add: dict[str, bytes] | None = None, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of a DOCX with members replaced, dropped or added."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, blob in (add or {}).items():
            dst.writestr(name, blob)
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)
