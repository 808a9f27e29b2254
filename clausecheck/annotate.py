"""A copy of a DOCX contract with the review as Word comments.

Each clause that meets (or partly meets) a playbook requirement gets a comment saying which
requirement, with what confidence, and for a partial one what is missing and the suggested
wording; a clause set aside for a requirement (it denies the protection, or has it the
wrong way round) gets a comment saying so, with the suggested wording; a comment on the
first paragraph lists what the contract lacks. The contract's own text is not changed: the
reviewer reads the findings in Word's comment pane.
"""

from __future__ import annotations

import io
from collections import defaultdict

from .document import Document
from .report import Report

AUTHOR = "clausecheck"
INITIALS = "CC"


def annotate_docx(data: bytes, document: Document, report: Report) -> bytes:
    """The DOCX ``data`` with review comments anchored to the clauses of ``document``."""
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    paragraphs = list(body.iter(qn("w:p")))
    clauses = {c["id"]: c for c in report.clauses}

    def paragraph_of(clause: dict) -> Paragraph | None:
        block = document.block_at(clause["start"])
        if block is None or block.paragraph is None or block.paragraph >= len(paragraphs):
            return None
        return Paragraph(paragraphs[block.paragraph], word._body)

    notes: dict[str, list[str]] = defaultdict(list)
    for finding in report.findings:
        if finding["status"] == "missing":
            continue
        for evidence in finding["evidence"][:1]:  # the strongest clause carries the note
            if finding["status"] == "present":
                note = f"Meets \u201c{finding['title']}\u201d (confidence {evidence['confidence']:.2f})."
            else:
                lacking = ", ".join(finding.get("missing_element_titles") or finding["missing_elements"])
                note = (f"Partly meets \u201c{finding['title']}\u201d [{finding['severity']}]: lacks {lacking}. "
                        f"Suggested wording: {finding['recommendation']}")
            notes[evidence["clause_id"]].append(note)
    for finding in report.findings:
        if finding["status"] == "present":
            continue
        for excluded in finding.get("set_aside", [])[:1]:
            notes[excluded["clause_id"]].append(
                f"Not counted for \u201c{finding['title']}\u201d [{finding['severity']}]: {excluded['reason']}. "
                f"Suggested wording: {finding['recommendation']}")

    for clause_id, clause_notes in notes.items():
        paragraph = paragraph_of(clauses[clause_id])
        if paragraph is not None and paragraph.runs:
            word.add_comment(paragraph.runs, text="\n".join(clause_notes), author=AUTHOR, initials=INITIALS)

    missing = [f for f in report.findings if f["status"] == "missing"]
    first = next((Paragraph(p, word._body) for p in paragraphs if Paragraph(p, word._body).runs
                  and Paragraph(p, word._body).text.strip()), None)
    if first is not None:
        summary = report.summary
        header = (f"clausecheck review against \u201c{report.to_dict()['playbook']['name']}\u201d: "
                  f"{summary['present']} present, {summary['partial']} partial, {summary['missing']} missing.")
        lines = [header]
        order = {"high": 0, "medium": 1, "low": 2}
        if missing:
            lines.append("Missing:")
            for finding in sorted(missing, key=lambda f: order[f["severity"]]):
                lines.append(f"\u2022 [{finding['severity']}] {finding['title']}: {finding['recommendation']}")
        # Partial ones too: the reviewer reading only this comment should see every gap.
        partial = [f for f in report.findings if f["status"] == "partial"]
        if partial:
            lines.append("Partly met (each also noted on its clause):")
            for finding in sorted(partial, key=lambda f: order[f["severity"]]):
                lacking = ", ".join(finding.get("missing_element_titles") or finding["missing_elements"])
                lines.append(f"\u2022 [{finding['severity']}] {finding['title']}: lacks {lacking}")
        word.add_comment(first.runs, text="\n".join(lines), author=AUTHOR, initials=INITIALS)

    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
