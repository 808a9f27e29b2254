"""The Word view of a report: a document a lawyer edits, annotates and sends on.

Word's own styles carry the structure (Title, Heading 1-2, Quote, List Bullet), so the
navigation pane lists every finding and the lawyer's house template restyles it in one go.
The suggested wording sits in paragraphs of its own style, to be copied into the contract.

The file is deterministic: the same report gives the same bytes (document dates are the
report's ``date`` when it has one, else a fixed date; zip entries carry that date too).
"""

from __future__ import annotations

import datetime
import io
import zipfile

from .render import (DISCLAIMER, SEVERITIES, clause_index, clause_name, document_facts, file_name,
                     findings_with_status, gap_counts, lacking, locate, parties_line, playbook_line, quote,
                     sanitized, sources_line, summary_line, tool_line)

FIXED_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
COLOURS = {"high": "B42318", "medium": "B54708", "low": "175CD3", "missing": "B42318", "partial": "B54708",
           "present": "067647", "muted": "667085", "wording": "175CD3"}
SECTION = {"missing": ("Missing", "Requirements with no matching clause, most severe first."),
           "partial": ("Partial", "A clause was found, but it lacks what the playbook asks for."),
           "present": ("Present", "Requirements met, with the clause that shows it.")}
WORDING_STYLE = "Suggested Wording"


def render_docx(report: dict) -> bytes:
    """The report as a .docx file (bytes)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    report = sanitized(report)
    clauses = clause_index(report)
    date = report_date(report)
    document = docx.Document()
    _drop_thumbnail(document)
    _set_properties(document, report, date)

    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    wording = document.styles.add_style(WORDING_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    wording.base_style = normal
    wording.paragraph_format.left_indent = Pt(18)
    wording.paragraph_format.space_before = Pt(2)
    wording.paragraph_format.space_after = Pt(8)
    _left_border(wording.element.get_or_add_pPr(), COLOURS["wording"])

    name = file_name(report["document"]["path"])
    document.add_heading(f"Contract review: {name}", level=0)
    _footer(document, f"Contract review: {name}")
    _details(document, report, date)

    for status in ("missing", "partial", "present"):
        findings = findings_with_status(report, status)
        if not findings:
            continue
        heading, intro = SECTION[status]
        document.add_heading(f"{heading} ({len(findings)})", level=1)
        _muted(document.add_paragraph(), intro)
        for finding in findings:
            if status == "present":
                _present(document, finding, clauses)
            else:
                _gap(document, finding, clauses)
    if not report["findings"]:
        document.add_paragraph("The playbook has no requirements: nothing was checked.")

    if sources := sources_line(report):
        _muted(document.add_paragraph(), f"Sources: {sources}.")
    _muted(document.add_paragraph(), f"{tool_line(report)}. {DISCLAIMER}")
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue(), date)


def report_date(report: dict) -> datetime.datetime:
    """The report's ``date`` (ISO 8601) if it has a readable one, else a fixed date."""
    value = report.get("date")
    if isinstance(value, str):
        try:
            date = datetime.datetime.fromisoformat(value)
        except ValueError:
            return FIXED_DATE
        return date if date.tzinfo else date.replace(tzinfo=datetime.timezone.utc)
    return FIXED_DATE


def _details(document, report: dict, date: datetime.datetime) -> None:
    from docx.shared import Pt

    doc = report["document"]
    document.add_heading("Summary", level=1)
    rows = [("File", doc["path"]), ("Document", document_facts(report)), ("Playbook", playbook_line(report))]
    if parties := parties_line(report):
        rows.append(("Parties", "read " + parties))
    if doc.get("sha256"):
        rows.append(("SHA-256", doc["sha256"]))
    if report.get("date"):
        rows.append(("Date", str(report["date"])))
    rows.append(("Result", summary_line(report, sep=", ")))
    _table(document, rows, header=None, bold_first=True, widths=(1.2, 5.3))

    counts = gap_counts(report)
    document.add_paragraph()
    statuses = ("missing", "partial", "present")
    table_rows = []
    for severity in SEVERITIES:
        row = [severity.capitalize()]
        for status in statuses:
            row.append(str(sum(1 for f in report["findings"]
                               if f["status"] == status and f["severity"] == severity)))
        table_rows.append(tuple(row))
    table_rows.append(("Total", *(str(report["summary"].get(s, 0)) for s in statuses)))
    _table(document, table_rows, header=("Severity", "Missing", "Partial", "Present"), bold_first=True,
           widths=(1.6, 1.2, 1.2, 1.2))
    if any(counts.values()):
        paragraph = document.add_paragraph(f"{sum(counts.values())} requirements to address, "
                                           f"{counts['high']} of high severity.")
        paragraph.paragraph_format.space_before = Pt(6)

    warnings = doc.get("warnings") or []
    if warnings:
        paragraph = document.add_paragraph()
        paragraph.add_run("The reader warned about this document; findings may be incomplete:").bold = True
        for warning in warnings:
            document.add_paragraph(warning, style="List Bullet")


def _gap(document, finding: dict, clauses: dict) -> None:
    severity = finding["severity"]
    heading = document.add_heading(level=2)
    _coloured(heading.add_run(f"{severity.capitalize()}: "), COLOURS.get(severity))
    heading.add_run(finding["title"])
    _labelled(document, "Risk", finding.get("risk") or None)
    _labelled(document, "Why it matters", finding.get("rationale") or None)
    if finding["status"] == "partial" and lacking(finding):
        _labelled(document, "Lacks", "")
        for item in lacking(finding):
            document.add_paragraph(item, style="List Bullet")
    for n, evidence in enumerate(finding.get("evidence") or []):
        _labelled(document, "Closest clause" if n == 0 else "Also", _cite(evidence, clauses))
        document.add_paragraph(f"\u201c{quote(evidence, clauses)}\u201d", style="Quote")
    for evidence in finding.get("set_aside") or []:
        _labelled(document, "Excluded", f"{_cite(evidence, clauses)}, as {evidence['reason']}")
        document.add_paragraph(f"\u201c{quote(evidence, clauses)}\u201d", style="Quote")
    if finding.get("recommendation"):
        _labelled(document, "Suggested wording", "")
        document.add_paragraph(finding["recommendation"], style=WORDING_STYLE)
    source = f"Guidance: {finding['source']}. " if finding.get("source") else ""
    _muted(document.add_paragraph(), f"{source}Requirement {finding['requirement']}.")


def _present(document, finding: dict, clauses: dict) -> None:
    heading = document.add_heading(level=2)
    heading.add_run(finding["title"])
    evidence = (finding.get("evidence") or [None])[0]
    if evidence is None:
        _muted(document.add_paragraph(), "No clause quoted.")
        return
    _labelled(document, "Clause", _cite(evidence, clauses))
    document.add_paragraph(f"\u201c{quote(evidence, clauses)}\u201d", style="Quote")


def _cite(evidence: dict, clauses: dict) -> str:
    """"§ 9.1 Audit, page 5 (confidence 88%)"."""
    parts = [clause_name(evidence, clauses)]
    page = locate(evidence, clauses)["page"]
    if page:
        parts.append(f"page {page}")
    text = ", ".join(parts)
    if isinstance(evidence.get("confidence"), (int, float)):
        text += f" (confidence {evidence['confidence']:.0%})"
    return text


def _labelled(document, label: str, text: str | None) -> None:
    if text is None:
        return
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True  # a label stays with what it introduces
    paragraph.paragraph_format.space_after = 0 if not text else None
    paragraph.add_run(f"{label}: " if text else f"{label}:").bold = True
    if text:
        paragraph.add_run(text)


def _muted(paragraph, text: str) -> None:
    from docx.shared import Pt
    run = paragraph.add_run(text)
    run.font.size = Pt(9)
    _coloured(run, COLOURS["muted"])


def _coloured(run, hex_colour: str | None) -> None:
    from docx.shared import RGBColor
    if hex_colour:
        run.font.color.rgb = RGBColor.from_string(hex_colour)


def _table(document, rows: list[tuple], header: tuple | None, bold_first: bool,
           widths: tuple[float, ...]) -> None:
    from docx.shared import Inches

    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row)):
            cell.text = ""
            cell.paragraphs[0].add_run(str(text)).bold = bold_first and i == 0
    for row in table.rows:  # Word reads cell widths, LibreOffice the grid: set both
        for cell, width in zip(row.cells, widths):
            cell.width = Inches(width)
    for column, width in zip(table.columns, widths):
        column.width = Inches(width)


def _left_border(ppr, hex_colour: str) -> None:
    """A coloured bar left of the paragraph, as the HTML view draws the suggested wording."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "8"), ("w:color", hex_colour)):
        left.set(qn(key), value)
    borders.append(left)
    ppr.append(borders)


def _footer(document, text: str) -> None:
    """"Contract review: x.pdf · page N of M" under every page (Word fills in the fields)."""
    from docx.shared import Pt

    paragraph = document.sections[0].footer.paragraphs[0]
    for part in (f"{text} · page ", "PAGE", " of ", "NUMPAGES"):
        if part in ("PAGE", "NUMPAGES"):
            _field(paragraph, part)
        else:
            paragraph.add_run(part)
    for run in paragraph.runs:
        run.font.size = Pt(8.5)


def _field(paragraph, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind, extra in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif extra == code:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = f" {code} "
            run._r.append(instruction)
        else:
            run.text = extra  # the value shown until Word updates the field


def _set_properties(document, report: dict, date: datetime.datetime) -> None:
    props = document.core_properties
    name = file_name(report["document"]["path"])
    props.title = f"Contract review: {name}"
    props.subject = "Contract review against the playbook " + playbook_line(report)
    props.author = props.last_modified_by = "clausecheck"
    props.comments = DISCLAIMER
    props.keywords = "clausecheck; contract review"
    props.category = ""
    props.revision = 1
    naive = date.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    props.created = props.modified = naive
    props.last_printed = naive


def _drop_thumbnail(document) -> None:
    """python-docx's template carries a thumbnail of its own sample page: not ours to show."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = document.part.package.rels
    for key, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[key]


def _fixed_zip(data: bytes, date: datetime.datetime) -> bytes:
    """The same zip with every entry dated ``date`` (zipfile stamps the current time)."""
    stamp = date.astimezone(datetime.timezone.utc).timetuple()[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))  # the zip format starts in 1980
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
