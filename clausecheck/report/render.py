"""Render a report dict (the JSON of DESIGN.md) as text, markdown, HTML or DOCX.

``render(report, fmt)`` picks the view; the views live in text.py, markdown.py, html.py and
docx.py and share the reading of a report defined here, so that every view says the same
thing in the same order: first what a reviewer acts on (missing and partial requirements,
by severity, with the risk, what is lacking and suggested wording), then what is present,
with clause, page and quoted words as evidence, then the reader's warnings.

Contract text is hostile until proven otherwise: :func:`sanitized` removes the characters
that can hurt a view (terminal escape sequences, characters XML cannot hold, lone
surrogates, bidirectional overrides that make text read differently from what it says)
before any view sees the report. Each view then escapes for its own markup.
"""

from __future__ import annotations

import json
import re

from ..nlp.parties import PRONOUNS
from ..nlp.segmenter import ATTACHMENT_KINDS, ATTACHMENT_NUMBER
from ..nlp.shapes import clause_body

FORMATS = ("text", "markdown", "html", "docx", "json")
SEVERITIES = ("high", "medium", "low")
STATUSES = ("missing", "partial", "present")


def render(report: dict, fmt: str, *, color: bool = False) -> str | bytes:
    """The report in ``fmt``: text, markdown, html or json (str), docx (bytes).

    ``color`` adds ANSI colours to the text view (the CLI asks for them on a terminal only).
    """
    # Each view is imported when asked for: `clausecheck scan` pays for python-docx only
    # when it writes Word.
    if fmt == "text":
        from .text import render_text
        return render_text(report, color=color)
    if fmt in ("markdown", "md"):
        from .markdown import render_markdown
        return render_markdown(report)
    if fmt == "html":
        from .html import render_html
        return render_html(report)
    if fmt == "docx":
        from .docx import render_docx
        return render_docx(report)
    if fmt == "json":
        return json.dumps(report, indent=2, ensure_ascii=False)
    raise ValueError(f"unknown report format {fmt!r} (expected one of {', '.join(FORMATS)})")


# -- cleaning --------------------------------------------------------------------------------

# Line-like separators become newlines; other C0/C1 controls (ESC starts terminal escape
# sequences), XML's forbidden non-characters and the explicit bidi embeddings, overrides and
# isolates are dropped; a lone surrogate (possible in JSON) cannot be encoded, so it becomes
# U+FFFD.
_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_DROP = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


_ANY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` without characters that could hurt a terminal, an XML file or a reader."""
    if not _ANY.search(text):  # the usual case: one pass, no copy
        return text
    text = _NEWLINES.sub("\n", text)
    text = _DROP.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def sanitized(value):
    """A deep copy of a report (or any JSON value) with :func:`clean` applied to every string."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(str(k)): sanitized(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [sanitized(v) for v in value]
    return value


# -- the reading every view shares -------------------------------------------------------------

def gaps_by_severity(report: dict) -> list[tuple[str, list[dict]]]:
    """[(severity, its missing and partial findings)], high first; missing before partial
    within a severity, then the playbook's order."""
    out = []
    for severity in SEVERITIES:
        items = [f for f in report["findings"] if f["status"] != "present" and f["severity"] == severity]
        items.sort(key=lambda f: f["status"] != "missing")  # stable: keeps the playbook order
        if items:
            out.append((severity, items))
    return out


def findings_with_status(report: dict, status: str) -> list[dict]:
    """The findings of one status, most severe first (playbook order within a severity)."""
    items = [f for f in report["findings"] if f["status"] == status]
    return sorted(items, key=lambda f: SEVERITIES.index(f["severity"]) if f["severity"] in SEVERITIES else 3)


def present_findings(report: dict) -> list[dict]:
    """The requirements met, most severe first."""
    return findings_with_status(report, "present")


def gap_counts(report: dict) -> dict[str, int]:
    """Missing + partial findings per severity (every severity, zeros included)."""
    counts = {severity: 0 for severity in SEVERITIES}
    for f in report["findings"]:
        if f["status"] != "present" and f["severity"] in counts:
            counts[f["severity"]] += 1
    return counts


def lacking(finding: dict) -> list[str]:
    """What a partial finding lacks, in words: the element titles, or where a title is not
    given its id made readable ("notice-period" -> "Notice period")."""
    ids = list(finding.get("missing_elements") or [])
    titles = list(finding.get("missing_element_titles") or [])
    out = []
    for i in range(max(len(ids), len(titles))):
        title = titles[i] if i < len(titles) else None
        out.append(title or _readable(ids[i]))
    return out


def _readable(identifier: str) -> str:
    words = re.sub(r"[-_]+", " ", str(identifier)).strip()
    return words[:1].upper() + words[1:]


def clause_index(report: dict) -> dict[str, dict]:
    return {clause["id"]: clause for clause in report.get("clauses", [])}


def locate(evidence: dict, clauses: dict[str, dict]) -> dict:
    """Number, heading and page of an evidence's clause (from the evidence, else its clause)."""
    clause = clauses.get(evidence.get("clause_id"), {})
    return {key: evidence.get(key) if evidence.get(key) is not None else clause.get(key)
            for key in ("number", "heading", "page")}


# An item's own label ("(2)", "(b)", "a)", "(iv)") names it only inside its parent.
_ITEM_LABEL = re.compile(r"^(?:\((?:[a-z]{1,2}|[ivxlc]{1,5}|\d{1,2})\)|(?:[a-z]|[ivx]{1,4})\))$", re.I)


def reference(evidence: dict, clauses: dict[str, dict]) -> tuple[str | None, str | None]:
    """How a reader cites the evidence's clause: ("§ 12(2)", "Contractual penalty").

    An item's label is joined to its parents' numbers up to the first full number ("§ 12",
    "Section 8.02", "9.1"), and an item without a heading of its own is known by the nearest
    heading on that way up. A number that opens with a word or a sign ("Section 3.01",
    "§ 5") is not given another "§".
    """
    where = locate(evidence, clauses)
    number, heading = where["number"], where["heading"]
    labels = [number] if number else []
    clause = clauses.get(evidence.get("clause_id"), {})
    while labels and _ITEM_LABEL.match(labels[-1]) and clause.get("parent") in clauses:
        clause = clauses[clause["parent"]]
        if not clause.get("number"):
            break
        labels.append(clause["number"])
        heading = heading or clause.get("heading")
    if not labels:  # a table row or an unnumbered paragraph: at least its schedule
        attachment = attachment_of(evidence.get("clause_id"), clauses)
        while not attachment and not heading and clause.get("parent") in clauses:
            # a paragraph under "How Can This Agreement End?" is known by that title
            clause = clauses[clause["parent"]]
            heading = clause.get("heading")
        return attachment, heading
    cited = labels[-1] + "".join(reversed(labels[:-1]))
    cited = cited if _WORD_NUMBER.match(cited) else f"§ {cited}"
    attachment = attachment_of(evidence.get("clause_id"), clauses)
    return (f"{attachment}, {cited}" if attachment else cited), heading


# A number cited as it stands: one that says what it numbers ("Section 3.01", "Art. 5", "§ 5")
# and a bare roman or letter label ("IV", "C"). "3.1" and an exhibit's "B.3" take a "§".
_WORD_NUMBER = re.compile(r"^(?:[^\W\d_]+\.?\s|§|[^\W\d_]+(?:\(|$))")


# A schedule, exhibit or annex title ("SCHEDULE 2 SERVICE LEVELS", "Exhibit A", "Annex 3 -
# Data processing") and the leading number of a main-body clause ("12", "Section 8.02").
# EDGAR's filing labels ("Exhibit 10.38", "Exhibit 10(xiv)") name the whole contract, not a part.
_ATTACHMENT = re.compile(rf"^(?:(schedule)\s+(\d{{1,2}}\.\d{{1,2}})\b|"  # UK public-sector "Schedule 7.1"
                         rf"({ATTACHMENT_KINDS})\s+({ATTACHMENT_NUMBER})\b(?![.(]\w))", re.I)
_LEADING_NUMBER = re.compile(r"^(?:(?:section|article|clause|§)\s*)?(\d{1,3})\b", re.I)


def attachment_of(clause_id: str | None, clauses: dict[str, dict]) -> str | None:
    """"Schedule 2" when the clause lies in a schedule (exhibit, annex...), else None.

    Schedules restart their numbering, so "4.3" in Schedule 2 is not clause 4.3 of the
    agreement, and a citation must say which is meant. A clause is in the attachment whose
    title last preceded it, until a clause continues the main body's numbering past where
    it stood at that title. A title that comes again later (a contents list naming the
    schedules) opens nothing.
    """
    titles = {cid: _attachment_title(clause) for cid, clause in clauses.items()}
    last_title = {label: cid for cid, label in titles.items() if label}
    current, ceiling, highest = None, 0, 0
    for cid, clause in clauses.items():
        label = titles[cid]
        if label and last_title[label] == cid:
            current, ceiling = label, highest
        elif not label and not clause.get("parent") and (lead := _LEADING_NUMBER.match(clause.get("number") or "")):
            if current and int(lead[1]) > ceiling:
                current = None
            highest = max(highest, int(lead[1]))
        if cid == clause_id:
            return current
    return None


def _attachment_title(clause: dict) -> str | None:
    """"Schedule 2" for a clause that is a schedule's title. A title stands alone: "5. Annex 5
    - Exit plan", an item of a numbered list, is a mention."""
    if clause.get("parent"):
        return None
    number = clause.get("number")
    title = _ATTACHMENT.match(number) if number else _ATTACHMENT.match(clause.get("heading") or "")
    if not title:
        return None
    kind, label = (title[1], title[2]) if title[1] else (title[3], title[4])
    return f"{kind.capitalize()} {label.upper()}"


def clause_name(evidence: dict, clauses: dict[str, dict]) -> str:
    """"§ 9.2 Termination for Convenience", "§ 12(2) Contractual penalty" (or the heading)."""
    cited, heading = reference(evidence, clauses)
    return " ".join(part for part in (cited, heading) if part) or "unnumbered clause"  # "c52" means nothing


def page_label(page) -> str:
    return f"p. {page}" if page else ""


def where(evidence: dict, clauses: dict[str, dict]) -> str:
    """"§ 9.2 Termination for Convenience, p. 7": where a reviewer finds the words."""
    page = locate(evidence, clauses)["page"]
    return ", ".join(part for part in (clause_name(evidence, clauses), page_label(page)) if part)


def quote(evidence: dict, clauses: dict[str, dict], limit: int | None = None) -> str:
    """The evidence's words on one line, without the clause number and heading that the
    view shows beside it ("9.2 Termination. Either party may…" -> "Either party may…")."""
    where = locate(evidence, clauses)
    text = clause_body(evidence.get("snippet") or "", where["number"], where["heading"])
    return shorten(text, limit) if limit else text


def flat(text: str) -> str:
    return " ".join((text or "").split())


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with …)."""
    text = flat(text)
    if len(text) <= limit:
        return text
    limit = max(limit, 2)
    cut = text.rfind(" ", 0, limit - 1)
    head = text[:cut] if cut > limit // 2 else text[:limit - 1]
    return head.rstrip(",;:. ") + "…"


def file_name(path: str) -> str:
    """The last part of a path, whatever the platform that wrote it."""
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] or path


def document_facts(report: dict) -> str:
    """"PDF, 14 pages, 48,210 characters"."""
    doc = report["document"]
    parts = [str(doc.get("format", "")).upper() if doc.get("format") != "text" else "text"]
    if doc.get("pages"):
        parts.append(f"{doc['pages']} page" + ("s" if doc["pages"] != 1 else ""))
    if isinstance(doc.get("characters"), int):
        parts.append(f"{doc['characters']:,} characters")
    return ", ".join(p for p in parts if p)


def summary_line(report: dict, sep: str = " · ") -> str:
    """"3 missing · 2 partial · 11 present"."""
    s = report["summary"]
    return sep.join(f"{s.get(status, 0)} {status}" for status in STATUSES)


def severity_line(report: dict, sep: str = " · ") -> str:
    """"gaps by severity: 2 high · 1 medium · 0 low", or "" when there is no gap."""
    counts = gap_counts(report)
    if not any(counts.values()):
        return ""
    return "gaps by severity: " + sep.join(f"{n} {severity}" for severity, n in counts.items())


def playbook_line(report: dict) -> str:
    playbook = report.get("playbook") or {}
    version = f", version {playbook['version']}" if playbook.get("version") else ""
    return f"{playbook.get('name', '?')}{version}"


def parties_line(report: dict) -> str | None:
    """"Calloway as the provider, Harborview as the client" (or 'BrightLedger, "we" as the
    provider, "you" as the client'): how the sides were read, when the contract names them by
    proper names or as "we" and "you" (None when it uses role names, or is unclear)."""
    parties = (report.get("document") or {}).get("parties") or {}
    sides = []
    for role in ("provider", "client"):
        names = [f'"{name}"' if name in PRONOUNS else name
                 for name in sorted(parties, key=lambda name: name in PRONOUNS) if parties[name] == role]
        if names:
            sides.append(f"{', '.join(names)} as the {role}")
    return ", ".join(sides) or None


def sources_line(report: dict) -> str | None:
    """"[A] Risks of Outsourcing Customer Service; [B] ...": what the risks' "[A]" cite."""
    sources = (report.get("playbook") or {}).get("sources") or {}
    return "; ".join(f"[{key}] {title}" for key, title in sources.items()) or None


def tool_line(report: dict) -> str:
    tool = report.get("tool") or {}
    model = f" (model {tool['model']})" if tool.get("model") else ""
    return f"{tool.get('name', 'clausecheck')} {tool.get('version', '')}".rstrip() + model


DISCLAIMER = "An automated first reading of the contract: a lawyer decides."
