"""The HTML view of a report: one self-contained page, for the screen and for print.

No external resource of any kind (fonts, images, scripts, styles): the page opens offline,
leaks nothing when opened, and a Content-Security-Policy forbids anything but its inline
styles, so that even a flaw in the escaping could not run a script or fetch a URL. Every
string from the report is escaped with ``html.escape(quote=True)``: contract text, headings
and file names are hostile until proven otherwise.

Order: title and document; summary cards; reader warnings (they qualify every finding);
an overview table of all findings; one card per missing or partial requirement (risk, why,
what is lacking, closest clause, suggested wording); what is present with its evidence;
the clauses appendix.
"""

from __future__ import annotations

import html

from ..taxonomy import title as category_title
from .render import (DISCLAIMER, SEVERITIES, clause_index, clause_name, document_facts, file_name, flat,
                     gap_counts, gaps_by_severity, lacking, locate, parties_line, playbook_line, present_findings,
                     quote, sanitized, shorten, sources_line, tool_line)

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

CSS = """
:root{--missing:#b42318;--missing-bg:#fef3f2;--partial:#b54708;--partial-bg:#fffaeb;--present:#067647;
--present-bg:#ecfdf3;--high:#b42318;--medium:#b54708;--low:#175cd3;--ink:#101828;--text:#344054;
--muted:#667085;--line:#e4e7ec;--paper:#fff;--page:#f5f6f8;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--page);color:var(--text);
font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1060px;margin:0 auto;padding:32px 28px 48px}
h1,h2,h3{color:var(--ink);line-height:1.25}
h1{font-size:26px;margin:2px 0 10px;overflow-wrap:anywhere}
h2{font-size:20px;margin:40px 0 14px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h2 .count{color:var(--muted);font-weight:500}
h3{font-size:17px;margin:0}
.kicker{margin:0;color:var(--muted);font-size:13px;font-weight:600;letter-spacing:.06em;text-transform:uppercase}
.doc{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 24px;font-size:14px}
.doc dt{color:var(--muted)}.doc dd{margin:0;overflow-wrap:anywhere}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:14px}
.card{background:var(--paper);border:1px solid var(--line);border-top:4px solid var(--line);border-radius:10px;
padding:14px 18px}
.card .n{display:block;font-size:34px;font-weight:700;line-height:1.1;color:var(--ink)}
.card .what{font-weight:600;color:var(--ink)}.card .hint{display:block;color:var(--muted);font-size:13px}
.card.missing{border-top-color:var(--missing)}.card.missing .n{color:var(--missing)}
.card.partial{border-top-color:var(--partial)}.card.partial .n{color:var(--partial)}
.card.present{border-top-color:var(--present)}.card.present .n{color:var(--present)}
.card.sevs{border-top-color:var(--ink)}.sevs ul{list-style:none;margin:4px 0 0;padding:0}
.sevs li{display:flex;justify-content:space-between;gap:8px;padding:1px 0}.sevs li b{color:var(--ink)}
.alert{margin:20px 0 0;background:var(--partial-bg);border:1px solid #fedf89;border-left:4px solid var(--partial);
border-radius:8px;padding:10px 16px}.alert ul{margin:4px 0 0;padding-left:20px}
.alert strong{color:var(--ink)}
table{width:100%;border-collapse:collapse;background:var(--paper);border:1px solid var(--line);border-radius:8px}
th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line);font-size:14px}
th{color:var(--muted);font-weight:600;font-size:12.5px;text-transform:uppercase;letter-spacing:.04em;
background:#f9fafb}
tr:last-child td{border-bottom:0}
td.num,th.num{white-space:nowrap;text-align:right}
td a{color:var(--ink);font-weight:600;text-decoration:none}td a:hover{text-decoration:underline}
.badge{display:inline-block;min-width:64px;text-align:center;font-size:12px;font-weight:700;
letter-spacing:.03em;text-transform:uppercase;padding:2px 8px;border-radius:999px;border:1px solid currentColor;
white-space:nowrap}
.badge.missing{color:var(--missing);background:var(--missing-bg)}
.badge.partial{color:var(--partial);background:var(--partial-bg)}
.badge.present{color:var(--present);background:var(--present-bg)}
.sev{font-size:12.5px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;white-space:nowrap}
.sev.high{color:var(--high)}.sev.medium{color:var(--medium)}.sev.low{color:var(--low)}
.sev::before{content:"";display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;
background:currentColor;vertical-align:1px}
h2.severity{font-size:16px;border:0;margin:28px 0 10px;text-transform:uppercase;letter-spacing:.05em}
h2.severity.high{color:var(--high)}h2.severity.medium{color:var(--medium)}h2.severity.low{color:var(--low)}
.finding{background:var(--paper);border:1px solid var(--line);border-left:5px solid var(--line);border-radius:10px;
padding:16px 20px;margin:0 0 14px}
.finding.missing{border-left-color:var(--missing)}.finding.partial{border-left-color:var(--partial)}
.finding header{display:flex;flex-wrap:wrap;align-items:center;gap:8px 10px;margin-bottom:10px}
.finding header .req{margin-left:auto;color:var(--muted)}
.finding dl{display:grid;grid-template-columns:150px 1fr;gap:8px 16px;margin:0}
.finding dt{color:var(--muted);font-weight:600;font-size:13.5px;padding-top:1px}
.finding dd{margin:0}
ul.chips{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
ul.chips li{border:1px solid #fedf89;background:var(--partial-bg);color:#93370d;border-radius:6px;padding:1px 8px;
font-size:13.5px}
blockquote{margin:0;padding:8px 14px;border-left:3px solid #d0d5dd;background:#f9fafb;color:var(--ink);
font-family:Georgia,"Times New Roman",serif;font-size:15.5px;overflow-wrap:anywhere}
.cite{display:block;margin-top:4px;color:var(--muted);font-size:13px}
.cite b{color:var(--text);font-weight:600}
.wording{border-left-color:var(--low);background:#eff8ff}
.source{margin:12px 0 0;color:var(--muted);font-size:12.5px}
.quote{font-family:Georgia,"Times New Roman",serif;color:var(--ink)}
.nohead{color:var(--muted);font-style:italic}
ul.labels{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px}
ul.labels li{background:#f2f4f7;border:1px solid var(--line);border-radius:6px;padding:0 7px;font-size:12.5px;
white-space:nowrap}
ul.labels li span{color:var(--muted)}
.facts{color:var(--muted);font-size:12.5px}
.none{color:var(--muted)}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);font-size:13px}
.scroll{overflow-x:auto}
@media screen and (max-width:760px){.cards{grid-template-columns:repeat(2,1fr)}.overview .where{display:none}.finding dl{grid-template-columns:1fr}
.finding dt{padding-top:6px}main{padding:20px 14px}}
@media print{
@page{margin:16mm 14mm}
body{background:none;font-size:10pt;color:#000}
main{max-width:none;padding:0}
h1{font-size:18pt}blockquote{font-size:10pt;padding:3pt 8pt}
h2{font-size:13pt;margin-top:22pt;break-after:avoid}h2.severity{font-size:11pt}
.cards{gap:8pt}.card{padding:6pt 10pt;border-radius:0}.card .n{font-size:20pt}
.card,.finding,table,.alert,blockquote,ul.chips li,ul.labels li,.badge,th{background:none!important}
.finding{border-radius:0;padding:8pt 10pt;break-inside:avoid}.finding dl{grid-template-columns:92pt 1fr;gap:4pt 10pt}
.finding header,.finding dt{break-after:avoid}
tr,blockquote,.alert{break-inside:avoid}
thead{display:table-header-group}
th,td{font-size:9pt;padding:4pt 6pt}
td a{font-weight:600}
.appendix{break-before:page}
footer{margin-top:16pt}
}
"""


def _e(value) -> str:
    """Escaped for HTML text and attribute values alike."""
    return html.escape("" if value is None else str(value), quote=True)


def render_html(report: dict) -> str:
    report = sanitized(report)
    clauses = clause_index(report)
    doc = report["document"]
    anchors = {id(f): f"f{n}" for n, f in enumerate(report["findings"], 1)}
    name = file_name(doc["path"])
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
           '<meta name="referrer" content="no-referrer">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f'<meta name="generator" content="{_e(tool_line(report))}">',
           f"<title>Contract review: {_e(name)}</title>", f"<style>{CSS}</style>", "</head>", "<body>", "<main>"]
    out += _head(report, name)
    out += _overview(report, clauses, anchors)
    out += _gaps(report, clauses, anchors)
    out += _present(report, clauses, anchors)
    out += _appendix(report)
    sources = f" · sources: {_e(legend)}" if (legend := sources_line(report)) else ""
    out.append(f"<footer>{_e(tool_line(report))} · playbook {_e(playbook_line(report))}{sources} · "
               f"{_e(DISCLAIMER)}</footer>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _head(report: dict, name: str) -> list[str]:
    doc = report["document"]
    s = report["summary"]
    out = ['<header>', '<p class="kicker">Contract review</p>', f"<h1>{_e(name)}</h1>", '<dl class="doc">',
           f"<dt>File</dt><dd>{_e(doc['path'])}</dd>",
           f"<dt>Document</dt><dd>{_e(document_facts(report))}</dd>",
           f"<dt>Playbook</dt><dd>{_e(playbook_line(report))}</dd>"]
    if parties := parties_line(report):
        out.append(f"<dt>Parties</dt><dd>read {_e(parties)}</dd>")
    if doc.get("sha256"):
        out.append(f'<dt>SHA-256</dt><dd class="mono">{_e(doc["sha256"])}</dd>')
    if report.get("date"):
        out.append(f"<dt>Date</dt><dd>{_e(report['date'])}</dd>")
    out += ["</dl>", "</header>"]

    counts = gap_counts(report)
    hints = {"missing": "no clause meets it", "partial": "found, but lacking", "present": "requirement met"}
    out.append('<section class="cards" aria-label="Summary">')
    for status in ("missing", "partial", "present"):
        out.append(f'<div class="card {status}"><span class="n">{_e(s.get(status, 0))}</span>'
                   f'<span class="what">{status.capitalize()}</span><span class="hint">{hints[status]}</span></div>')
    out.append('<div class="card sevs"><span class="what">Gaps by severity</span><ul>'
               + "".join(f'<li><span class="sev {sev}">{sev}</span><b>{counts[sev]}</b></li>' for sev in SEVERITIES)
               + "</ul></div>")
    out.append("</section>")
    warnings = doc.get("warnings") or []
    if warnings:
        out.append('<div class="alert" role="note"><strong>The reader warned about this document; '
                   "findings may be incomplete:</strong><ul>"
                   + "".join(f"<li>{_e(w)}</li>" for w in warnings) + "</ul></div>")
    return out


def _where_cell(evidence: dict | None, clauses: dict) -> tuple[str, str]:
    """(clause, page) table cells for a finding's first evidence."""
    if evidence is None:
        return '<span class="none">—</span>', ""
    where = locate(evidence, clauses)
    return _e(clause_name(evidence, clauses)), _e(where["page"] or "")


def _overview(report: dict, clauses: dict, anchors: dict) -> list[str]:
    """Every finding in one table, gaps first: the page at a glance, each row linking to its card."""
    findings = [f for _, items in gaps_by_severity(report) for f in items] + present_findings(report)
    if not findings:
        return ["<h2>Findings</h2>", '<p class="none">The playbook has no requirements: nothing was checked.</p>']
    out = [f'<h2>Findings <span class="count">({len(findings)})</span></h2>',
           '<table class="overview"><thead><tr><th>Status</th><th>Severity</th><th>Requirement</th>'
           '<th class="where">Clause</th><th class="num where">Page</th></tr></thead><tbody>']
    for f in findings:
        clause, page = _where_cell((f.get("evidence") or [None])[0], clauses)
        out.append(f'<tr><td><span class="badge {_e(f["status"])}">{_e(f["status"])}</span></td>'
                   f'<td><span class="sev {_e(f["severity"])}">{_e(f["severity"])}</span></td>'
                   f'<td><a href="#{anchors[id(f)]}">{_e(f["title"])}</a></td>'
                   f'<td class="where">{clause}</td><td class="num where">{page}</td></tr>')
    out.append("</tbody></table>")
    return out


def _evidence(evidence: dict, clauses: dict) -> str:
    where = locate(evidence, clauses)
    cite = [f"<b>{_e(clause_name(evidence, clauses))}</b>"]
    if where["page"]:
        cite.append(f"page {_e(where['page'])}")
    if isinstance(evidence.get("confidence"), (int, float)):
        cite.append(f"confidence {evidence['confidence']:.0%}")
    return f'<blockquote>{_e(quote(evidence, clauses))}</blockquote><span class="cite">{" · ".join(cite)}</span>'


def _gaps(report: dict, clauses: dict, anchors: dict) -> list[str]:
    gaps = gaps_by_severity(report)
    total = sum(len(items) for _, items in gaps)
    out = [f'<h2>What to fix <span class="count">({total})</span></h2>']
    if not gaps:
        out.append('<p class="none">Nothing: every requirement of the playbook is met.</p>' if report["findings"]
                   else '<p class="none">The playbook has no requirements: nothing was checked.</p>')
    for severity, findings in gaps:
        out.append(f'<h2 class="severity {severity}">{severity} severity <span class="count">({len(findings)})'
                   "</span></h2>")
        for f in findings:
            status = f["status"]
            out += [f'<article class="finding {_e(status)}" id="{anchors[id(f)]}">', "<header>",
                    f'<span class="badge {_e(status)}">{_e(status)}</span>',
                    f'<span class="sev {_e(severity)}">{_e(severity)}</span>',
                    f"<h3>{_e(f['title'])}</h3>", f'<span class="req mono">{_e(f["requirement"])}</span>',
                    "</header>", "<dl>"]
            if f.get("risk"):
                out.append(f"<dt>Risk</dt><dd>{_e(f['risk'])}</dd>")
            if f.get("rationale"):
                out.append(f"<dt>Why it matters</dt><dd>{_e(f['rationale'])}</dd>")
            if status == "partial" and lacking(f):
                out.append('<dt>Lacks</dt><dd><ul class="chips">'
                           + "".join(f"<li>{_e(item)}</li>" for item in lacking(f)) + "</ul></dd>")
            evidence = f.get("evidence") or []
            if evidence:
                label = "Closest clause" if len(evidence) == 1 else "Closest clauses"
                out.append(f"<dt>{label}</dt><dd>" + "".join(_evidence(e, clauses) for e in evidence) + "</dd>")
            set_aside = f.get("set_aside") or []
            if set_aside:
                out.append("<dt>Excluded</dt><dd>" + "".join(
                    f'<p class="reason">Not counted: {_e(e["reason"])}.</p>' + _evidence(e, clauses)
                    for e in set_aside) + "</dd>")
            if f.get("recommendation"):
                out.append(f'<dt>Suggested wording</dt><dd><blockquote class="wording">{_e(f["recommendation"])}'
                           "</blockquote></dd>")
            out.append("</dl>")
            if f.get("source"):
                out.append(f'<p class="source">Guidance: {_e(f["source"])}</p>')
            out.append("</article>")
    return out


def _present(report: dict, clauses: dict, anchors: dict) -> list[str]:
    present = present_findings(report)
    if not present:
        return []
    out = [f'<h2>Present <span class="count">({len(present)})</span></h2>',
           '<div class="scroll"><table class="present"><thead><tr><th>Requirement</th><th>Evidence</th><th>Clause</th>'
           '<th class="num">Page</th></tr></thead><tbody>']
    for f in present:
        evidence = (f.get("evidence") or [None])[0]
        clause, page = _where_cell(evidence, clauses)
        words = f'<span class="quote">“{_e(quote(evidence, clauses, 240))}”</span>' if evidence else ""
        out.append(f'<tr id="{anchors[id(f)]}"><td><strong>{_e(f["title"])}</strong><br>'
                   f'<span class="sev {_e(f["severity"])}">{_e(f["severity"])}</span></td>'
                   f"<td>{words}</td><td>{clause}</td><td class=\"num\">{page}</td></tr>")
    out.append("</tbody></table></div>")
    return out


def _appendix(report: dict) -> list[str]:
    clauses = report.get("clauses") or []
    out = [f'<section class="appendix"><h2>Clauses <span class="count">({len(clauses)})</span></h2>']
    if not clauses:
        return out + ['<p class="none">No clause was found in the document.</p></section>']
    out.append('<div class="scroll"><table class="clauses"><thead><tr><th>No.</th><th>Heading</th><th class="num">Page</th>'
               "<th>Categories</th></tr></thead><tbody>")
    for clause in clauses:
        if clause.get("heading"):
            heading = _e(clause["heading"])
        else:
            heading = f'<span class="nohead">{_e(shorten(flat(clause.get("text", "")), 90) or "—")}</span>'
        facts = clause.get("facts") or []
        if facts:
            heading += '<br><span class="facts">' + _e(" · ".join(shorten(fact.get("text", ""), 40)
                                                                  for fact in facts[:6])) + "</span>"
        labels = clause.get("labels") or []
        cats = ('<ul class="labels">' + "".join(
            f"<li>{_e(category_title(label['category']))} <span>{_confidence(label)}</span></li>"
            for label in labels) + "</ul>") if labels else '<span class="none">—</span>'
        out.append(f"<tr><td>{_e(clause.get('number') or '')}</td><td>{heading}</td>"
                   f'<td class="num">{_e(clause.get("page") or "")}</td><td>{cats}</td></tr>')
    out.append("</tbody></table></div></section>")
    return out


def _confidence(label: dict) -> str:
    value = label.get("confidence")
    return f"{value:.0%}" if isinstance(value, (int, float)) else ""
