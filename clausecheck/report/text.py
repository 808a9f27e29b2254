"""The terminal view of a report (the default output of ``clausecheck scan``).

Read at a glance, top to bottom: what was read and the counts; the gaps to fix, high
severity first, each with the risk, why it matters, what is lacking, the closest clause and
the wording to add; then one line per requirement that is met, with its clause, page and a
few quoted words; then the reader's warnings. Prose is wrapped under a label column so the
eye can run down the labels.
"""

from __future__ import annotations

import shutil
import textwrap

from .render import (DISCLAIMER, clause_index, clause_name, document_facts, file_name, flat, reference,
                     gaps_by_severity, lacking, locate, page_label, parties_line, playbook_line, present_findings,
                     quote, sanitized, severity_line, shorten, sources_line, summary_line)

DEFAULT_WIDTH = 88
MAX_WIDTH = 100  # prose wider than this is hard to read, however wide the terminal
MIN_WIDTH = 40
LABEL = 11  # "  Suggest  " : the label column of a finding
QUOTE_CHARS = 220  # the closest clause of a partial finding: two lines or so
QUOTE_MIN = 28  # a "present" line drops its clause heading to give the quote this much
QUOTE_SHORTEST = 20  # below this, the quote is left out
TITLE_MIN = 32  # a requirement's title is not cut shorter than this on a "present" line

_STYLE = {"high": "\033[1;31m", "medium": "\033[1;33m", "low": "\033[1;36m", "missing": "\033[31m",
          "partial": "\033[33m", "present": "\033[32m", "bold": "\033[1m", "dim": "\033[2m"}
_RESET = "\033[0m"
MARK = {"missing": "✗", "partial": "◐", "present": "✓"}


def terminal_width() -> int:
    """The terminal's width (88 when the output is not a terminal), kept readable."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def render_text(report: dict, *, color: bool = False, width: int | None = None) -> str:
    """The report as plain text; ANSI colours only when ``color`` is true."""
    report = sanitized(report)
    width = max(MIN_WIDTH, min(MAX_WIDTH, width or terminal_width()))

    def c(style: str, text: str) -> str:
        return f"{_STYLE[style]}{text}{_RESET}" if color and text else text

    clauses = clause_index(report)
    doc = report["document"]
    warnings = doc.get("warnings") or []
    out: list[str] = []

    def field(label: str, text: str, indent: int = 2, column: int = 12) -> None:
        """``label`` in a column, ``text`` wrapped beside it."""
        head = " " * indent + label.ljust(column - indent)
        body = textwrap.wrap(flat(text), width=width, initial_indent=head, subsequent_indent=" " * column,
                             break_on_hyphens=False) or [head.rstrip()]
        body[0] = body[0].replace(head, " " * indent + c("dim", label) + " " * (column - indent - len(label)), 1)
        out.extend(body)

    # -- header
    out += [c("bold", line) for line in textwrap.wrap(f"Contract review: {file_name(doc['path'])}", width=width)]
    field("File", f"{doc['path']} ({document_facts(report)})")
    field("Playbook", playbook_line(report))
    if parties := parties_line(report):
        field("Parties", f"read {parties}")
    field("Result", summary_line(report))
    if severity_line(report):
        field("", severity_line(report))
    if warnings:
        field("Warnings", f"{len(warnings)}, listed at the end: findings may be incomplete")
    out.append("")

    # -- gaps, by severity
    gaps = gaps_by_severity(report)
    total = sum(len(items) for _, items in gaps)
    out.append(c("bold", f"WHAT TO FIX ({total})" if total else "WHAT TO FIX"))
    if not report["findings"]:
        out += ["  The playbook has no requirements: nothing was checked.", ""]
    elif not gaps:
        out += ["  Nothing: every requirement of the playbook is met.", ""]
    for severity, findings in gaps:
        out.append("")
        title = f"{severity.upper()} severity ({len(findings)}) "
        out.append(c(severity, title) + c("dim", "─" * (width - len(title))))
        for f in findings:
            status = f["status"]
            out.append("")
            badge = f"{MARK[status]} {status.upper()}  "
            title = textwrap.wrap(flat(f["title"]), width=width - len(badge)) or [""]
            requirement = f"  [{f['requirement']}]"
            line = c(status, badge.rstrip()) + "  " + c("bold", title[0])
            if len(title) == 1 and len(badge) + len(title[0]) + len(requirement) <= width:
                line += c("dim", requirement)  # the playbook's id, for who edits the playbook
            out.append(line)
            out += [" " * len(badge) + c("bold", more) for more in title[1:]]
            if f.get("risk"):
                field("Risk", f["risk"], 2, LABEL)
            if f.get("rationale"):
                field("Why", f["rationale"], 2, LABEL)
            if status == "partial":
                if lacking(f):
                    field("Lacks", "; ".join(lacking(f)), 2, LABEL)
                for e in f.get("evidence", [])[:1]:
                    field("Found", f"{_where(e, clauses)}: “{quote(e, clauses, QUOTE_CHARS)}”", 2, LABEL)
            for e in f.get("set_aside", [])[:1]:
                field("Excluded", f"{_where(e, clauses)}, as {e['reason']}: “{quote(e, clauses, QUOTE_CHARS)}”",
                      2, LABEL)
            if f.get("recommendation"):
                field("Suggest", f["recommendation"], 2, LABEL)
    out.append("")

    # -- what is present: one line each
    present = present_findings(report)
    if present:
        out.append(c("bold", f"PRESENT ({len(present)})"))
        for f in present:
            evidence = (f.get("evidence") or [None])[0]
            place = _where(evidence, clauses) if evidence else ""
            # One line: the quote gets what the title and place leave. A long clause heading
            # gives way first, then the end of a long title, then the quote.
            if evidence and 4 + len(f["title"]) + 3 + len(place) + 5 + QUOTE_MIN > width:
                place = _where(evidence, clauses, heading=False)
            budget = width - 4 - (3 + len(place) if place else 0)  # the title, and the quote with ' · “”'
            title = f["title"]
            if evidence and len(title) + 5 + QUOTE_SHORTEST > budget:
                title = shorten(title, max(TITLE_MIN, budget - 5 - QUOTE_SHORTEST))
            room = budget - len(title) - 5
            if not evidence or room < QUOTE_SHORTEST:
                title, room = shorten(f["title"], budget), 0
            line = c("present", f"  {MARK['present']}") + f" {title}"
            if place:
                line += c("dim", f" · {place}")
            if room:
                line += f" · “{quote(evidence, clauses, room)}”"
            out.append(line)
        out.append("")

    # -- warnings
    if warnings:
        out.append(c("bold", f"WARNINGS ({len(warnings)})"))
        for warning in warnings:
            out += textwrap.wrap(flat(warning), width=width, initial_indent="  ! ", subsequent_indent="    ")
        out.append("")

    if sources := sources_line(report):
        out += [c("dim", line) for line in textwrap.wrap(f"Sources: {sources}.", width=width)]
    out += [c("dim", line) for line in textwrap.wrap(DISCLAIMER, width=width)]
    return "\n".join(line.rstrip() for line in out) + "\n"


def _where(evidence: dict, clauses: dict[str, dict], heading: bool = True) -> str:
    """"§ 9.2 Termination, p. 7" (a long heading shortened, or left out)."""
    where = locate(evidence, clauses)
    if not where["number"] and not where["heading"] and where["page"]:
        return page_label(where["page"])  # "p. 3" says it all; "unnumbered clause" is noise
    if heading or not where["number"]:
        name = shorten(clause_name(evidence, clauses), 48)
    else:
        name = reference(evidence, clauses)[0]
    page = page_label(where["page"])
    return f"{name}, {page}" if page else name
