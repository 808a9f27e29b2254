"""Write the sample contracts in sample_contracts/contracts.py as TXT, DOCX and PDF.

    python sample_contracts/generate.py [--out DIR]

- TXT: numbers typed ("1.", "1.1", "(a)"), a blank line between paragraphs.
- DOCX: Word automatic numbering three levels deep (a numbering.xml list with "%1.",
  "%1.%2" and "(%3)" levels); the numbers are not in the paragraph text, as in a real
  Word draft. Section headings bold; a running header and a footer with a page field.
- PDF (reportlab): numbers typed, a running header and a footer with page numbers, so the
  loader's header and footer removal is exercised.
Output is deterministic: fixed document dates and reportlab's invariant mode.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from contracts import CONTRACTS  # noqa: E402

FIXED_DATE = datetime.datetime(2025, 1, 1)


def outline(contract: dict):
    """Yield (level, number, text, heading) in reading order; heading only for level 0."""
    for s, (heading, clauses) in enumerate(contract["sections"], start=1):
        yield 0, f"{s}.", heading, True
        for k, (text, items) in enumerate(clauses, start=1):
            yield 1, f"{s}.{k}", text, False
            for i, item in enumerate(items):
                yield 2, f"({chr(ord('a') + i)})", item, False


def to_text(contract: dict) -> str:
    lines = [contract["title"], ""]
    for paragraph in contract["preamble"]:
        lines += [paragraph, ""]
    for level, number, text, heading in outline(contract):
        lines += [f"{number} {text.upper() if heading else text}", ""]
    for signature in contract["signature"]:
        lines += [f"{signature}: ______________________", ""]
    return "\n".join(lines).rstrip() + "\n"


# -- DOCX ------------------------------------------------------------------------------------

_NUMBERING_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def to_docx(contract: dict) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "clausecheck samples"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    props.title = contract["title"]
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)

    # A numbering part with our three-level list (the default template may lack one).
    numbering_part = Part(PackURI("/word/numbering.xml"),
                          "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
                          _NUMBERING_XML.encode("utf-8"), document.part.package)
    for rel in list(document.part.rels.values()):
        if rel.reltype == RT.NUMBERING:
            del document.part.rels[rel.rId]
    document.part.relate_to(numbering_part, RT.NUMBERING)

    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = f"{contract['title'].title()} – draft for review"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(contract["title"]).bold = True
    for paragraph in contract["preamble"]:
        document.add_paragraph(paragraph)
    for level, _number, text, heading in outline(contract):
        paragraph = document.add_paragraph()
        if heading:
            paragraph.add_run(text).bold = True
        else:
            paragraph.add_run(text)
        ppr = paragraph._p.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), "1")
        numpr.append(ilvl)
        numpr.append(num_id)
        ppr.insert(0, numpr)
    if contract["name"].startswith("thorough"):
        document.add_paragraph().add_run("Schedule 2 – Fee schedule").bold = True
        table = document.add_table(rows=4, cols=2)
        table.style = "Table Grid"
        for r, (item, price) in enumerate((("Item", "Charge"), ("Monthly service fee", "EUR 84,000"),
                                            ("Additional inbound call", "EUR 2.10 per call"),
                                            ("Additional e-mail or chat", "EUR 1.60 per contact"))):
            table.cell(r, 0).text, table.cell(r, 1).text = item, price
    for signature in contract["signature"]:
        document.add_paragraph(f"{signature}: ______________________")

    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite the zip with fixed member times so that regenerating gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# -- PDF -------------------------------------------------------------------------------------

def to_pdf(contract: dict) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from xml.sax.saxutils import escape

    buffer = io.BytesIO()
    title = contract["title"].title()

    def page_furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, A4[1] - 12 * mm, f"{title} – draft for review")
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontName="Times-Roman", fontSize=11, leading=14,
                          spaceAfter=6)
    item = ParagraphStyle("item", parent=body, leftIndent=12 * mm)
    heading = ParagraphStyle("heading", parent=body, fontName="Times-Bold", spaceBefore=8)
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm,
                            bottomMargin=20 * mm, title=title, author="clausecheck samples", invariant=1)
    flow = [Paragraph(escape(contract["title"]), ParagraphStyle("title", parent=heading, alignment=1)),
            Spacer(1, 4 * mm)]
    flow += [Paragraph(escape(p), body) for p in contract["preamble"]]
    for level, number, text, is_heading in outline(contract):
        style = heading if is_heading else item if level == 2 else body
        flow.append(Paragraph(escape(f"{number} {text.upper() if is_heading else text}"), style))
    flow += [Spacer(1, 8 * mm)] + [Paragraph(escape(f"{s}: ______________________"), body)
                                   for s in contract["signature"]]
    doc.build(flow, onFirstPage=page_furniture, onLaterPages=page_furniture)
    return buffer.getvalue()


def generate(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for contract in CONTRACTS:
        for suffix, content in ((".txt", to_text(contract).encode("utf-8")), (".docx", to_docx(contract)),
                                (".pdf", to_pdf(contract))):
            path = out / f"{contract['name']}{suffix}"
            path.write_bytes(content)
            written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
