"""Render a report dict (the JSON of DESIGN.md) as text, markdown, HTML or DOCX.

Every view puts first what a reviewer acts on: the missing and partial requirements, by
severity, each with the risk, what is lacking and suggested wording; then what is present,
with clause, page and quoted words as evidence.
"""

from __future__ import annotations

import html
import io
import shutil
import textwrap

from ..taxonomy import title as category_title

SEVERITIES = ("high", "medium", "low")
STATUS_LABEL = {"missing": "MISSING", "partial": "PARTIAL", "present": "present"}


def render(report: dict, fmt: str, *, color: bool = False) -> str | bytes:
    if fmt == "text":
        return render_text(report, color=color)
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    if fmt == "docx":
        return render_docx(report)
    if fmt == "json":
        import json
        return json.dumps(report, indent=2, ensure_ascii=False)
    raise ValueError(f"unknown report format {fmt!r}")


# -- shared helpers ------------------------------------------------------------------------

def gaps_by_severity(report: dict) -> list[tuple[str, list[dict]]]:
    """[(severity, findings missing or partial)], missing before partial within a severity."""
    out = []
    for severity in SEVERITIES:
        items = [f for f in report["findings"] if f["status"] != "present" and f["severity"] == severity]
        items.sort(key=lambda f: (f["status"] != "missing", f["title"]))
        if items:
            out.append((severity, items))
    return out


def present_findings(report: dict) -> list[dict]:
    return [f for f in report["findings"] if f["status"] == "present"]


def lacking(finding: dict) -> list[str]:
    return finding.get("missing_element_titles") or finding.get("missing_elements") or []


def where(evidence: dict) -> str:
    parts = []
    if evidence.get("number"):
        parts.append(f"§ {evidence['number']}")
    if evidence.get("heading"):
        parts.append(evidence["heading"])
    if evidence.get("page"):
        parts.append(f"p. {evidence['page']}")
    return ", ".join(parts) or evidence["clause_id"]


def _doc_line(report: dict) -> str:
    doc = report["document"]
    pages = f"{doc['pages']} pages, " if doc.get("pages") else ""
    return f"{doc['path']} ({doc['format']}, {pages}{doc['characters']:,} characters)"


def _summary_line(report: dict) -> str:
    s = report["summary"]
    return f"{s['missing']} missing, {s['partial']} partial, {s['present']} present"


# -- text -----------------------------------------------------------------------------------

_ANSI = {"high": "\033[1;31m", "medium": "\033[33m", "low": "\033[36m", "present": "\033[32m",
         "bold": "\033[1m", "dim": "\033[2m", "reset": "\033[0m"}


def render_text(report: dict, *, color: bool = False, width: int | None = None) -> str:
    width = width or min(shutil.get_terminal_size((88, 24)).columns, 100)

    def c(style: str, text: str) -> str:
        return f"{_ANSI[style]}{text}{_ANSI['reset']}" if color else text

    def wrap(text: str, indent: str) -> list[str]:
        return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent) or [indent]

    out = [c("bold", f"clausecheck report: {report['document']['path']}"),
           f"{_doc_line(report)}",
           f"Playbook: {report['playbook']['name']} (version {report['playbook']['version']})",
           c("bold", f"Summary: {_summary_line(report)}"), ""]
    gaps = gaps_by_severity(report)
    if gaps:
        out.append(c("bold", "WHAT TO FIX"))
    for severity, findings in gaps:
        out.append(c(severity, f"{severity.upper()} severity"))
        for f in findings:
            out.append(f"  {c(severity, STATUS_LABEL[f['status']])}  {c('bold', f['title'])}  [{f['requirement']}]")
            out += wrap(f"Risk: {f['risk']}", "      ")
            if f["status"] == "partial":
                out += wrap(f"Lacks: {', '.join(lacking(f))}", "      ")
                for e in f["evidence"][:1]:
                    out += wrap(f"Found in {where(e)}: \u201c{e['snippet']}\u201d", "      ")
            out += wrap(f"Suggested wording: {f['recommendation']}", "      ")
            out.append("")
    present = present_findings(report)
    if present:
        out.append(c("bold", "PRESENT"))
        for f in present:
            e = f["evidence"][0] if f["evidence"] else None
            line = f"  {c('present', '✓')} {f['title']}"
            if e:
                line += f": {where(e)}"
            out.append(line)
            if e:
                snippet = e["snippet"] if len(e["snippet"]) <= width - 10 else e["snippet"][:width - 12] + "…"
                out.append(c("dim", f"      \u201c{snippet}\u201d"))
        out.append("")
    warnings = report["document"].get("warnings") or []
    if warnings:
        out.append(c("bold", "WARNINGS"))
        out += [f"  ! {w}" for w in warnings]
    return "\n".join(out).rstrip() + "\n"


# -- markdown -------------------------------------------------------------------------------

def _md(text: str) -> str:
    """Contract text in markdown: escape what would become markup."""
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(report: dict) -> str:
    out = [f"# clausecheck report: {_md(report['document']['path'])}", "",
           f"- **Document:** {_md(_doc_line(report))}",
           f"- **Playbook:** {_md(report['playbook']['name'])} (version {report['playbook']['version']})",
           f"- **Summary:** {_summary_line(report)}", ""]
    gaps = gaps_by_severity(report)
    if gaps:
        out += ["## What to fix", ""]
    for severity, findings in gaps:
        out += [f"### {severity.capitalize()} severity", ""]
        for f in findings:
            out.append(f"#### {STATUS_LABEL[f['status']]}: {_md(f['title'])} (`{f['requirement']}`)")
            out.append("")
            out.append(f"- **Risk:** {_md(f['risk'])}")
            if f.get("rationale"):
                out.append(f"- **Why it matters:** {_md(f['rationale'])}")
            if f["status"] == "partial":
                out.append(f"- **Lacks:** {_md(', '.join(lacking(f)))}")
                for e in f["evidence"][:1]:
                    out.append(f"- **Found in {_md(where(e))}:** \u201c{_md(e['snippet'])}\u201d")
            out.append(f"- **Suggested wording:** {_md(f['recommendation'])}")
            out.append("")
    present = present_findings(report)
    if present:
        out += ["## Present", "", "| Requirement | Where | Evidence |", "|---|---|---|"]
        for f in present:
            e = f["evidence"][0] if f["evidence"] else {"clause_id": "", "snippet": ""}
            out.append(f"| {_md(f['title'])} | {_md(where(e))} | \u201c{_md(e['snippet'])}\u201d |")
        out.append("")
    warnings = report["document"].get("warnings") or []
    if warnings:
        out += ["## Warnings", ""] + [f"- {_md(w)}" for w in warnings] + [""]
    return "\n".join(out)


# -- HTML -----------------------------------------------------------------------------------

_CSS = """
:root{--high:#b42318;--medium:#b54708;--low:#175cd3;--ok:#067647;--ink:#1d2939;--muted:#667085;--line:#eaecf0}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
margin:0;background:#f9fafb}main{max-width:980px;margin:0 auto;padding:32px 24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;border-bottom:1px solid var(--line);padding-bottom:6px}
.meta{color:var(--muted);margin:0 0 20px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{flex:1;min-width:140px;background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card b{display:block;font-size:28px}.card.missing b{color:var(--high)}.card.partial b{color:var(--medium)}
.card.present b{color:var(--ok)}.finding{background:#fff;border:1px solid var(--line);border-left:5px solid var(--line);
border-radius:8px;padding:14px 18px;margin:12px 0;break-inside:avoid}.finding.high{border-left-color:var(--high)}
.finding.medium{border-left-color:var(--medium)}.finding.low{border-left-color:var(--low)}
.finding h3{margin:0 0 6px;font-size:16px}.badge{display:inline-block;font-size:12px;font-weight:600;padding:1px 8px;
border-radius:999px;margin-right:6px;vertical-align:middle;border:1px solid}.badge.missing{color:var(--high)}
.badge.partial{color:var(--medium)}.badge.present{color:var(--ok)}.badge.sev{color:var(--muted)}
.finding p{margin:6px 0}.label{color:var(--muted);font-weight:600}blockquote{margin:8px 0;padding:6px 12px;
border-left:3px solid var(--line);color:#344054;background:#f9fafb}.rec{background:#f0f9ff;border-radius:6px;padding:8px 12px}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;vertical-align:top;padding:6px 8px;
border-bottom:1px solid var(--line);font-size:14px}th{color:var(--muted);font-weight:600}
.warn{background:#fffaeb;border:1px solid #fedf89;border-radius:8px;padding:10px 14px}
footer{color:var(--muted);font-size:13px;margin-top:32px}
@media print{body{background:#fff;font-size:11pt}main{padding:0;max-width:none}.card,.finding{border-color:#999}
.rec,blockquote{background:none}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
"""


def _e(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def render_html(report: dict) -> str:
    doc = report["document"]
    s = report["summary"]
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>clausecheck: {_e(doc['path'])}</title><style>{_CSS}</style></head><body><main>",
        f"<h1>Contract review: {_e(doc['path'].replace(chr(92), '/').rsplit('/', 1)[-1])}</h1>",
        f"<p class=\"meta\">{_e(_doc_line(report))} · playbook {_e(report['playbook']['name'])} "
        f"(version {_e(report['playbook']['version'])})</p>",
        '<div class="cards">',
        f'<div class="card missing"><b>{s["missing"]}</b>missing</div>',
        f'<div class="card partial"><b>{s["partial"]}</b>partial</div>',
        f'<div class="card present"><b>{s["present"]}</b>present</div></div>',
    ]
    gaps = gaps_by_severity(report)
    if gaps:
        parts.append("<h2>What to fix</h2>")
    for severity, findings in gaps:
        for f in findings:
            parts.append(f'<section class="finding {severity}"><h3><span class="badge {f["status"]}">'
                         f'{_e(STATUS_LABEL[f["status"]])}</span><span class="badge sev">{_e(severity)}</span>'
                         f'{_e(f["title"])}</h3>')
            parts.append(f'<p><span class="label">Risk:</span> {_e(f["risk"])}</p>')
            if f.get("rationale"):
                parts.append(f'<p><span class="label">Why it matters:</span> {_e(f["rationale"])}</p>')
            if f["status"] == "partial":
                parts.append(f'<p><span class="label">Lacks:</span> {_e(", ".join(lacking(f)))}</p>')
                for e in f["evidence"][:1]:
                    parts.append(f'<p><span class="label">Found in {_e(where(e))}:</span></p>'
                                 f"<blockquote>{_e(e['snippet'])}</blockquote>")
            parts.append(f'<p class="rec"><span class="label">Suggested wording:</span> '
                         f'{_e(f["recommendation"])}</p>')
            if f.get("source"):
                parts.append(f'<p class="meta">Source: {_e(f["source"])}</p>')
            parts.append("</section>")
    present = present_findings(report)
    if present:
        parts.append("<h2>Present</h2><table><tr><th>Requirement</th><th>Where</th><th>Evidence</th></tr>")
        for f in present:
            e = f["evidence"][0] if f["evidence"] else {"clause_id": "", "snippet": "", "confidence": 0}
            parts.append(f"<tr><td>{_e(f['title'])}</td><td>{_e(where(e))}</td>"
                         f"<td>\u201c{_e(e['snippet'])}\u201d</td></tr>")
        parts.append("</table>")
    warnings = doc.get("warnings") or []
    if warnings:
        parts.append('<h2>Warnings</h2><div class="warn"><ul>' + "".join(f"<li>{_e(w)}</li>" for w in warnings)
                     + "</ul></div>")
    parts.append("<h2>Clauses</h2><table><tr><th>№</th><th>Heading</th><th>Page</th><th>Categories</th></tr>")
    for clause in report["clauses"]:
        if not clause["labels"]:
            continue
        labels = ", ".join(f"{category_title(l['category'])} ({l['confidence']:.2f})" for l in clause["labels"])
        heading = clause.get("heading") or " ".join(clause["text"].split()[:12]) + " …"
        parts.append(f"<tr><td>{_e(clause.get('number') or '')}</td><td>{_e(heading)}</td>"
                     f"<td>{_e(clause.get('page') or '')}</td><td>{_e(labels)}</td></tr>")
    parts.append("</table>")
    tool = report["tool"]
    parts.append(f"<footer>Generated by {_e(tool['name'])} {_e(tool['version'])} (model {_e(tool['model'])}). "
                 "An automated first reading: a lawyer decides.</footer></main></body></html>")
    return "\n".join(parts)


# -- DOCX ------------------------------------------------------------------------------------

def render_docx(report: dict) -> bytes:
    import datetime

    import docx
    from docx.shared import Pt, RGBColor

    colours = {"high": RGBColor(0xB4, 0x23, 0x18), "medium": RGBColor(0xB5, 0x47, 0x08),
               "low": RGBColor(0x17, 0x5C, 0xD3)}
    d = docx.Document()
    d.core_properties.author = "clausecheck"
    d.core_properties.title = f"Contract review: {report['document']['path']}"
    fixed = datetime.datetime(2000, 1, 1)
    d.core_properties.created = d.core_properties.modified = fixed
    d.core_properties.last_modified_by = "clausecheck"
    d.add_heading(f"Contract review: {report['document']['path']}", level=0)
    d.add_paragraph(f"{_doc_line(report)}\nPlaybook: {report['playbook']['name']} "
                    f"(version {report['playbook']['version']})")
    table = d.add_table(rows=2, cols=3)
    table.style = "Light Grid Accent 1"
    for i, status in enumerate(("missing", "partial", "present")):
        table.cell(0, i).text = status.capitalize()
        table.cell(1, i).text = str(report["summary"][status])
    gaps = gaps_by_severity(report)
    if gaps:
        d.add_heading("What to fix", level=1)
    for severity, findings in gaps:
        d.add_heading(f"{severity.capitalize()} severity", level=2)
        for f in findings:
            h = d.add_heading(level=3)
            run = h.add_run(f"{STATUS_LABEL[f['status']]}: ")
            run.font.color.rgb = colours[severity]
            h.add_run(f["title"])
            d.add_paragraph(f"Risk: {f['risk']}")
            if f.get("rationale"):
                d.add_paragraph(f"Why it matters: {f['rationale']}")
            if f["status"] == "partial":
                d.add_paragraph(f"Lacks: {', '.join(lacking(f))}")
                for e in f["evidence"][:1]:
                    d.add_paragraph(f"Found in {where(e)}: \u201c{e['snippet']}\u201d", style="Quote")
            p = d.add_paragraph()
            p.add_run("Suggested wording: ").bold = True
            p.add_run(f["recommendation"])
    present = present_findings(report)
    if present:
        d.add_heading("Present", level=1)
        for f in present:
            e = f["evidence"][0] if f["evidence"] else None
            p = d.add_paragraph(style="List Bullet")
            p.add_run(f["title"]).bold = True
            if e:
                p.add_run(f" ({where(e)}): \u201c{e['snippet']}\u201d")
    warnings = report["document"].get("warnings") or []
    if warnings:
        d.add_heading("Warnings", level=1)
        for w in warnings:
            d.add_paragraph(w, style="List Bullet")
    for style in ("Normal",):
        d.styles[style].font.size = Pt(10.5)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()
