"""Write the sample contracts of contract_text.py as TXT, DOCX and PDF.

    python sample_contracts/generate.py [--out DIR]

All three formats are rendered from the same list of paragraphs (:func:`paragraphs`), so
they hold the same words in the same order:

- TXT: numbers typed ("1.", "1.1", "(a)"), one paragraph per line, a blank line between
  paragraphs; table rows as "cell | cell | cell" (as the DOCX loader reads a table row).
- DOCX: real Word automatic numbering three levels deep (an abstractNum in numbering.xml with
  "%1.", "%1.%2" and "(%3)" lowerLetter levels, paragraphs carrying w:numPr); the numbers are
  not typed into the text. Section headings bold; a header with the title and a footer with
  PAGE / NUMPAGES fields; the service level and fee tables as Word tables.
- PDF (reportlab platypus): numbers typed; a running header with the title and a footer
  "Page N of M" on every page, so that the loader's header/footer removal is exercised.

Output is byte-for-byte deterministic: fixed core properties and zip member times in the
DOCX, reportlab's invariant mode in the PDF.
"""

from __future__ import annotations

import argparse
import datetime
import io
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from contract_text import CONTRACTS, Contract, Table  # noqa: E402

FIXED_TIME = datetime.datetime(2025, 1, 1, 0, 0, 0)
AUTHOR = "clausecheck sample contracts"
_REF = re.compile(r"\[\[([a-z_]+)(?:\.([a-z_]+))?\]\]")


@dataclass(frozen=True)
class Para:
    """One paragraph of the rendered contract, in reading order."""

    kind: str  # title | body | heading | clause | item | table_header | table_row | signature
    text: str = ""  # without the number; a run-in title is in `title`
    number: str | None = None  # "1.", "1.1", "(a)": typed in TXT and PDF, Word numbering in DOCX
    level: int | None = None  # 0, 1, 2 for numbered paragraphs
    title: str | None = None  # run-in clause title, e.g. "Termination for convenience"
    cells: tuple[str, ...] = ()
    section: str | None = None  # key of the section the paragraph belongs to

    def plain(self) -> str:
        """The paragraph as it reads in plain text, without its number."""
        if self.cells:
            return " | ".join(self.cells)
        return f"{self.title}. {self.text}" if self.title else self.text

    def typed(self) -> str:
        """The paragraph with its number typed in front (TXT and PDF)."""
        return f"{self.number} {self.plain()}" if self.number else self.plain()


def _numbers(contract: Contract) -> dict[str, str]:
    """Cross-reference keys to clause numbers: "data" -> "11", "data.breach" -> "11.5"."""
    numbers: dict[str, str] = {}
    for s, section in enumerate(contract.sections, start=1):
        numbers[section.key] = str(s)
        for k, clause in enumerate(section.clauses, start=1):
            if clause.key:
                numbers[f"{section.key}.{clause.key}"] = f"{s}.{k}"
    return numbers


def _resolver(contract: Contract):
    numbers = _numbers(contract)

    def resolve(text: str) -> str:
        def one(match: re.Match) -> str:
            key = match.group(1) + (f".{match.group(2)}" if match.group(2) else "")
            if key not in numbers:
                raise KeyError(f"{contract.name}: unknown cross reference [[{key}]]")
            return numbers[key]
        return _REF.sub(one, text)

    return resolve


def _table_paras(table: Table, section: str, resolve) -> list[Para]:
    return ([Para("table_header", cells=tuple(map(resolve, table.header)), section=section)]
            + [Para("table_row", cells=tuple(map(resolve, row)), section=section) for row in table.rows])


def paragraphs(contract: Contract) -> list[Para]:
    """The whole contract as paragraphs in reading order, cross references resolved."""
    resolve = _resolver(contract)
    out = [Para("title", contract.title)]
    out += [Para("body", resolve(p)) for p in contract.preamble]
    for s, section in enumerate(contract.sections, start=1):
        key = section.key
        out.append(Para("heading", section.heading, f"{s}.", 0, section=key))
        for k, clause in enumerate(section.clauses, start=1):
            out.append(Para("clause", resolve(clause.text), f"{s}.{k}", 1, clause.title, section=key))
            if clause.table:
                out += _table_paras(clause.table, key, resolve)
            for i, item in enumerate(clause.items):
                out.append(Para("item", resolve(item), f"({chr(ord('a') + i)})", 2, section=key))
    out.append(Para("body", contract.closing))
    for who in contract.signatories:
        out += [Para("signature", who.party), Para("signature", "Signature: ______________________________"),
                Para("signature", f"Name: {who.name}"), Para("signature", f"Title: {who.role}"),
                Para("signature", f"Date: {contract.date}")]
    return out


# -- TXT ---------------------------------------------------------------------------------------

def to_text(contract: Contract) -> str:
    return "\n\n".join(p.typed() for p in paragraphs(contract)) + "\n"


# -- DOCX --------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Our three-level outline list. It is added to the numbering part of python-docx's template
# (rather than replacing it) so that the template's own list styles keep their definitions.
_ABSTRACT_NUM = f"""<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{{aid}}">
<w:nsid w:val="5A3C0C01"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="5A3C0C02"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>
</w:abstractNum>"""


def _add_outline_list(document) -> int:
    """Add our abstractNum and a w:num pointing at it; return the numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid, num_id = max(abstract_ids, default=-1) + 1, max(num_ids, default=0) + 1
    abstract = parse_xml(_ABSTRACT_NUM.replace("{aid}", str(aid)))
    # Schema order: every w:abstractNum comes before the first w:num.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return num_id


def _set_numbering(paragraph, num_id: int, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(nid)
    # w:numPr follows w:pStyle and w:keepNext in CT_PPr's sequence.
    anchor = None
    for tag in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl"):
        found = ppr.find(qn(tag))
        if found is not None:
            anchor = found
    if anchor is not None:
        anchor.addnext(numpr)
    else:
        ppr.insert(0, numpr)


def _add_field(paragraph, instruction: str, cached: str) -> None:
    """A Word field (PAGE, NUMPAGES) with a cached result, as Word itself writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    for kind in ("begin", "instr", "separate", "result", "end"):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        elif kind == "result":
            paragraph.add_run(cached)
            continue
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run_with(element)


def _docx_table(document, header: Para, rows: list[Para]) -> None:
    from docx.oxml import OxmlElement

    table = document.add_table(rows=1 + len(rows), cols=len(header.cells))
    table.style = "Table Grid"
    for c, text in enumerate(header.cells):
        cell_par = table.cell(0, c).paragraphs[0]
        cell_par.add_run(text).bold = True
    # Repeat the header row on every page the table spans.
    trpr = table.rows[0]._tr.get_or_add_trPr()
    tbl_header = OxmlElement("w:tblHeader")
    trpr.append(tbl_header)
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row.cells):
            table.cell(r, c).paragraphs[0].add_run(text)


def to_docx(contract: Contract) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = AUTHOR
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.title = contract.running_title
    props.subject = "Sample outsourcing agreement (fictional parties)"
    props.keywords = "clausecheck; sample contract"
    props.comments = "Generated by sample_contracts/generate.py"
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    num_id = _add_outline_list(document)

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # A4, as the PDF
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    header = section.header.paragraphs[0]
    header.add_run(contract.running_title).italic = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _add_field(footer, "NUMPAGES", "1")

    paras = paragraphs(contract)
    i = 0
    while i < len(paras):
        p = paras[i]
        if p.kind == "table_header":
            j = i + 1
            while j < len(paras) and paras[j].kind == "table_row":
                j += 1
            _docx_table(document, p, paras[i + 1:j])
            i = j
            continue
        paragraph = document.add_paragraph()
        if p.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(p.text)
            run.bold = True
            run.font.size = Pt(14)
        elif p.kind == "heading":
            paragraph.add_run(p.text).bold = True
            paragraph.paragraph_format.keep_with_next = True
            paragraph.paragraph_format.space_before = Pt(12)
        elif p.title:
            paragraph.add_run(f"{p.title}.").bold = True
            paragraph.add_run(f" {p.text}")
        else:
            paragraph.add_run(p.text)
        if p.level is not None:
            _set_numbering(paragraph, num_id, p.level)
        i += 1

    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed member times and order, so that regenerating gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# -- PDF ---------------------------------------------------------------------------------------

def to_pdf(contract: Contract) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as PdfTable

    class PageCountCanvas(Canvas):
        """Draws the running header and "Page N of M" once the page count is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont("Helvetica", 8)
                self.setFillColor(colors.grey)
                self.drawString(25 * mm, A4[1] - 12 * mm, contract.running_title)
                self.drawRightString(A4[0] - 25 * mm, A4[1] - 12 * mm, f"Dated {contract.date}")
                self.drawCentredString(A4[0] / 2, 10 * mm, f"Page {self._pageNumber} of {total}")
                self.restoreState()
                super().showPage()
            super().save()

    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14, spaceAfter=6)
    title = ParagraphStyle("title", parent=body, fontName="Times-Bold", fontSize=14, leading=18, alignment=1,
                           spaceAfter=12)
    heading = ParagraphStyle("heading", parent=body, fontName="Times-Bold", spaceBefore=8, keepWithNext=1)
    clause = ParagraphStyle("clause", parent=body, leftIndent=10 * mm, firstLineIndent=-10 * mm)
    item = ParagraphStyle("item", parent=body, leftIndent=20 * mm, firstLineIndent=-10 * mm)
    cell = ParagraphStyle("cell", parent=body, fontSize=9.5, leading=11.5, spaceAfter=0)
    cell_bold = ParagraphStyle("cell_bold", parent=cell, fontName="Times-Bold")

    def table_flowable(header: Para, rows: list[Para]) -> PdfTable:
        data = [[Paragraph(escape(t), cell_bold) for t in header.cells]]
        data += [[Paragraph(escape(t), cell) for t in row.cells] for row in rows]
        width = A4[0] - 50 * mm
        table = PdfTable(data, colWidths=[width * 0.3, width * 0.5, width * 0.2], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))]))
        return table

    flow: list = []
    paras = paragraphs(contract)
    i = 0
    while i < len(paras):
        p = paras[i]
        if p.kind == "table_header":
            j = i + 1
            while j < len(paras) and paras[j].kind == "table_row":
                j += 1
            flow += [table_flowable(p, paras[i + 1:j]), Spacer(1, 3 * mm)]
            i = j
            continue
        if p.kind == "title":
            flow.append(Paragraph(escape(p.text), title))
        elif p.kind == "heading":
            flow.append(Paragraph(escape(p.typed()), heading))
        elif p.kind in ("clause", "item"):
            text = escape(p.text)
            if p.title:
                text = f"<b>{escape(p.title)}.</b> {text}"
            flow.append(Paragraph(f"{escape(p.number)} {text}", clause if p.kind == "clause" else item))
        elif p.kind == "signature" and p.text.startswith("For and on behalf"):
            block = [Spacer(1, 4 * mm)]
            while i < len(paras) and paras[i].kind == "signature":
                block.append(Paragraph(escape(paras[i].text), body))
                i += 1
                if i < len(paras) and paras[i].text.startswith("For and on behalf"):
                    break
            flow.append(KeepTogether(block))
            continue
        else:
            flow.append(Paragraph(escape(p.text), body))
        i += 1

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm,
                            bottomMargin=20 * mm, title=contract.running_title, author=AUTHOR,
                            subject="Sample outsourcing agreement (fictional parties)", creator=AUTHOR,
                            invariant=1)
    doc.build(flow, canvasmaker=PageCountCanvas)
    return buffer.getvalue()


# -- driver ------------------------------------------------------------------------------------

def generate(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for contract in CONTRACTS:
        for suffix, content in ((".txt", to_text(contract).encode("utf-8")), (".docx", to_docx(contract)),
                                (".pdf", to_pdf(contract))):
            path = out / f"{contract.name}{suffix}"
            path.write_bytes(content)
            written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: sample_contracts/)")
    args = parser.parse_args()
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
