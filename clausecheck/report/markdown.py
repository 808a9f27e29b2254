"""The Markdown view of a report: the text view's structure, for a ticket or an email.

Contract text is escaped so that it shows as written: no markup, link, HTML tag or table
break of its own (a renderer that allows raw HTML would otherwise run it).
"""

from __future__ import annotations

import re

from .render import (DISCLAIMER, clause_index, document_facts, file_name, gaps_by_severity, lacking, locate,
                     clause_name, parties_line, playbook_line, present_findings, quote, sanitized, severity_line,
                     sources_line, summary_line, tool_line)

PRESENT_QUOTE_CHARS = 120
# Inline markup starts with these anywhere; "(" only matters after "]", "#", "+" and "1."
# only at a line start, "&" only as an entity ("&amp;"): escaping those everywhere would make
# the raw text (what an email shows) hard to read.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?\w+;))")


def md(text) -> str:
    """Text shown literally in Markdown (CommonMark and GitHub): every character that could
    start markup is backslash-escaped, and the text stays on one line."""
    text = " ".join(str("" if text is None else text).split())
    text = _SPECIAL.sub(r"\\\1", text)
    # At a line start "1. ", "- ", "+ ", "# " and "=" have meanings of their own.
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+#=])", r"\\\1", text))


def code(text) -> str:
    """An identifier in backticks (its own backticks removed)."""
    return "`" + " ".join(str(text).replace("`", "'").split()) + "`"


def render_markdown(report: dict) -> str:
    report = sanitized(report)
    clauses = clause_index(report)
    doc = report["document"]
    warnings = doc.get("warnings") or []
    out = [f"# Contract review: {md(file_name(doc['path']))}", ""]
    counts = f"**{summary_line(report)}**"
    if severity_line(report):
        counts += f" ({severity_line(report, sep=', ')})"
    out += [counts, "",
            f"- **File:** {md(doc['path'])} ({md(document_facts(report))})",
            f"- **Playbook:** {md(playbook_line(report))}"]
    if parties := parties_line(report):
        out.append(f"- **Parties:** read {md(parties)}")
    if warnings:
        out.append(f"- **Warnings:** {len(warnings)}, listed at the end: findings may be incomplete")
    out.append("")

    gaps = gaps_by_severity(report)
    out += ["## What to fix", ""]
    if not report["findings"]:
        out += ["The playbook has no requirements: nothing was checked.", ""]
    elif not gaps:
        out += ["Nothing: every requirement of the playbook is met.", ""]
    for severity, findings in gaps:
        out += [f"### {severity.capitalize()} severity ({len(findings)})", ""]
        for f in findings:
            out += [f"#### {f['status'].capitalize()}: {md(f['title'])}", ""]
            if f.get("risk"):
                out.append(f"- **Risk:** {md(f['risk'])}")
            if f.get("rationale"):
                out.append(f"- **Why it matters:** {md(f['rationale'])}")
            if f["status"] == "partial":
                if lacking(f):
                    out.append(f"- **Lacks:** {md('; '.join(lacking(f)))}")
                for e in f.get("evidence", [])[:1]:
                    out.append(f"- **Closest clause:** {md(_where(e, clauses))}: \u201c{md(quote(e, clauses))}\u201d")
            for e in f.get("set_aside", []):
                out.append(f"- **Excluded:** {md(_where(e, clauses))}, as {md(e['reason'])}: "
                           f"\u201c{md(quote(e, clauses))}\u201d")
            if f.get("recommendation"):
                out += ["- **Suggested wording:**", "", f"  > {md(f['recommendation'])}"]
            if f.get("source"):
                out += ["", f"  *Guidance: {md(f['source'])} (requirement {code(f['requirement'])})*"]
            out.append("")

    present = present_findings(report)
    if present:
        out += [f"## Present ({len(present)})", "", "| Requirement | Clause | Page | Evidence |", "|---|---|---|---|"]
        for f in present:
            evidence = (f.get("evidence") or [None])[0]
            if evidence is None:
                out.append(f"| {md(f['title'])} | | | |")
                continue
            where = locate(evidence, clauses)
            out.append(f"| {md(f['title'])} | {md(clause_name(evidence, clauses))} | {md(where['page'] or '')} | "
                       f"\u201c{md(quote(evidence, clauses, PRESENT_QUOTE_CHARS))}\u201d |")
        out.append("")

    if warnings:
        out += [f"## Warnings ({len(warnings)})", ""] + [f"- {md(w)}" for w in warnings] + [""]
    out += ["---", ""]
    if sources := sources_line(report):
        out += [f"*Sources: {md(sources)}.*", ""]
    out += [f"*{md(tool_line(report))}. {md(DISCLAIMER)}*", ""]
    return "\n".join(out)


def _where(evidence: dict, clauses: dict[str, dict]) -> str:
    where = locate(evidence, clauses)
    name = clause_name(evidence, clauses)
    return f"{name}, p. {where['page']}" if where["page"] else name
