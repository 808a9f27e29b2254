"""The gap checker: which playbook requirements a contract meets, partly meets or lacks.

Input is the list of classified clauses (dicts as in the report JSON, with their decided
labels and facts); output is the report's ``categories``, ``findings`` and ``summary``.
"""

from __future__ import annotations

import re

from .nlp.parties import as_roles, in_their_words, named_sides, side_words
from .nlp.shapes import clause_body, is_bare_definition, without_denials
from .playbook import Playbook, Requirement
from .taxonomy import CATEGORY_IDS

SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}
STATUS_ORDER = {"missing": 0, "partial": 1, "present": 2}
EVIDENCE_PER_FINDING = 3
SNIPPET_CHARS = 280
# Evidence is reordered to show the clauses that meet elements first only among clauses
# whose confidence is at least this share of the best one's (see _evidence_order).
EVIDENCE_CONFIDENCE_RATIO = 0.75


def document_categories(clauses: list[dict]) -> list[dict]:
    """Every taxonomy category once: present when at least one clause carries it."""
    out = []
    for category in CATEGORY_IDS:
        scored = []
        best = 0.0
        for clause in clauses:
            probability = clause.get("probabilities", {}).get(category, 0.0)
            best = max(best, probability)
            if any(label["category"] == category for label in clause["labels"]):
                scored.append((probability, clause["id"]))
        scored.sort(key=lambda item: -item[0])
        out.append({"category": category, "present": bool(scored), "confidence": round(best, 4),
                    "clause_ids": [clause_id for _, clause_id in scored]})
    return out


def check_requirement(requirement: Requirement, clauses: list[dict],
                      children: dict[str, list[dict]] | None = None,
                      by_id: dict[str, dict] | None = None, parties: dict[str, str] | None = None) -> dict:
    """One finding: the requirement's status, missing elements and evidence.

    ``parties`` maps the names a contract gives its sides to "provider" or "client"
    (:func:`clausecheck.nlp.parties.party_roles`), so that "Calloway may assign" is read as
    the provider assigning.
    """
    wanted = set(requirement.categories)
    matched = []
    set_aside = []  # (confidence, clause, why): clauses of the kind that do not count
    by_id = {c["id"]: c for c in clauses} if by_id is None else by_id
    for clause in clauses:
        confidences = [label["confidence"] for label in clause["labels"] if label["category"] in wanted]
        if not confidences:
            continue
        if requirement.subject is not None:
            words = as_roles(_sentence_of(clause, by_id), parties)
            # "The Client shall have no right to audit" is about audits and meets no audit
            # requirement; nor does "The Provider may audit the Client's records", which
            # protects the other side.
            why = "it denies the protection" if requirement.denied_by(words) else \
                "it has the protection the wrong way round" if requirement.the_wrong_way_round(words) else None
            if why:
                set_aside.append((max(confidences), clause, why))
                continue
        matched.append((max(confidences), clause))
    if requirement.rests_on_subject and matched and not any(_names_subject(requirement, c) for _, c in matched):
        # The claims procedure of indemnities that are all set aside gives no indemnity; records
        # the provider keeps give no right to audit them.
        why = "it only supports the clauses set aside" if set_aside else "it does not say what the requirement asks"
        set_aside += [(confidence, clause, why) for confidence, clause in matched]
        matched = []

    missing_elements = []
    not_of_kind = []  # (confidence, clause, why): clauses that lack an essential element
    if matched:
        # A clause's items belong to it: "may terminate if the other party: (a) …; (b) becomes
        # insolvent" meets the insolvency element through its item (b); and an item is read
        # with its lead-in: "(b) becomes insolvent" is a right to terminate in that clause.
        children = _children(clauses) if children is None else children
        # A definition meets no element: '"Privacy Laws" means laws on … breach notification'
        # is no promise to notify a breach.
        definition = [is_bare_definition(clause["text"]) for _, clause in matched]
        met_by_clause = [set() if is_def else _elements_met(requirement, _scope(clause, children, by_id), by_id)
                         for (_, clause), is_def in zip(matched, definition)]
        # A clause that lacks an essential element is not of this requirement ("a service
        # credit for missed service levels" for a penalty if data is not protected).
        keep, not_of_kind = _of_the_kind(requirement, matched, met_by_clause, definition)
        if all(definition[i] for i in keep):
            keep = []  # definitions alone are no protection ('"Charges" means the charges in clause 8')
        matched, met_by_clause, definition = ([xs[i] for i in keep] for xs in (matched, met_by_clause, definition))
    if matched:
        met = set().union(*met_by_clause)
        missing_elements = [e for e in requirement.elements if e.id not in met]
        status = "partial" if missing_elements else "present"
        # Ordering looks at the elements a clause names in words (insolvency, change of control,
        # breach), not at those any number meets (an amount, a duration): a doubtful clause
        # that happens to quote a price should not go before the payment terms.
        # (A requirement whose only element is a number, a fee schedule's prices, orders by it.)
        worded = {e.id for e in requirement.elements if not e.facts} or {e.id for e in requirement.elements}
        # A fragment ("(a) Privacy Laws;", an item of a list of laws) proves little: last, as definitions.
        last = [d or _is_fragment(clause) for d, (_, clause) in zip(definition, matched)]
        order = _evidence_order([c for c, _ in matched], [m & worded for m in met_by_clause], last)
        matched = [matched[i] for i in order]
    else:
        status = "missing"
        # Say why the clauses that look like it do not count; beside a finding that some
        # clause meets, they would only be noise.
        set_aside += not_of_kind
    return {
        "requirement": requirement.id,
        "title": requirement.title,
        "status": status,
        "severity": requirement.severity,
        "risk": requirement.risk,
        "rationale": requirement.rationale,
        "recommendation": requirement.recommendation,
        "source": requirement.source,
        "categories": list(requirement.categories),
        "missing_elements": [e.id for e in missing_elements],
        "missing_element_titles": [e.title for e in missing_elements],
        "evidence": [_evidence(clause, confidence) for confidence, clause in matched[:EVIDENCE_PER_FINDING]],
        # Why a clause a reviewer will see is not counted: "Customer may not assign" for a limit
        # on the provider's assignment.
        "set_aside": [{**_evidence(clause, confidence), "reason": why}
                      for confidence, clause, why in sorted(set_aside, key=lambda item: -item[0])[:EVIDENCE_PER_FINDING]],
    }


def _is_fragment(clause: dict, words: int = 4, ends: tuple[str, ...] = (".",)) -> bool:
    """A clause of a few words that makes no sentence: an item of a list ("(a) Privacy Laws;"),
    or with ``ends`` (".", ";", ":") a title ("16. Customer indemnity")."""
    body = clause_body(clause["text"], clause.get("number"), clause.get("heading"))
    return len(body.split()) <= words and not body.rstrip().endswith(ends)


def _names_subject(requirement: Requirement, clause: dict) -> bool:
    """Whether the clause's text (not its heading: "11.2 Indemnity Procedure") names the subject;
    a title with no text ("16. Customer indemnity", read as a heading or not) names nothing."""
    body = clause_body(clause["text"], clause.get("number"), clause.get("heading"))
    if " ".join(body.split()).lower() == " ".join((clause.get("heading") or "").split()).lower() \
            or _is_fragment(clause, words=8, ends=(".", ";", ":")):
        return False
    return bool(requirement.subject.search(body))


def _of_the_kind(requirement: Requirement, matched: list, met_by_clause: list[set[str]],
                 definition: list[bool]) -> tuple[list[int], list]:
    """Which matched clauses have every essential element, and one element at least where the
    requirement needs one (their indices), and why the others do not count: (confidence,
    clause, "it has no …"). Definitions are dropped silently."""
    essential = [e for e in requirement.elements if e.essential]
    keep, not_of_kind = [], []
    for i, ((confidence, clause), met) in enumerate(zip(matched, met_by_clause)):
        lacking = next((e for e in essential if e.id not in met), None)
        if lacking is None and requirement.needs_an_element and not met:
            titles = [_lower_first(e.title) for e in requirement.elements]
            why = f"it has neither {titles[0]} nor {titles[1]}" if len(titles) == 2 else \
                f"it has no {titles[0]}" if len(titles) == 1 else \
                f"it has none of {', '.join(titles[:-1])} and {titles[-1]}"
        elif lacking is not None:
            why = f"it has no {_lower_first(lacking.title)}"
        else:
            keep.append(i)
            continue
        if not definition[i]:
            not_of_kind.append((confidence, clause, why))
    return keep, not_of_kind


def _lower_first(title: str) -> str:
    return title[:1].lower() + title[1:]


def _evidence(clause: dict, confidence: float) -> dict:
    return {"clause_id": clause["id"], "page": clause.get("page"), "number": clause.get("number"),
            "heading": clause.get("heading"), "snippet": snippet(clause["text"]), "confidence": round(confidence, 4)}


def _evidence_order(confidences: list[float], met_by_clause: list[set[str]], definition: list[bool]) -> list[int]:
    """The order a reviewer should read the matched clauses in.

    First, one by one, the most confident clause that meets an element no earlier clause met,
    among the clauses the model is nearly as sure of as of its best one: for "termination on
    insolvency or change of control" the insolvency clause and the change-of-control clause
    come before the termination-for-convenience clause the model is a little surer of. Then
    (after the best clause, if none of those met an element) the same way, a less sure clause
    that alone meets an element: the status rests on it, so a reviewer must see it (the data
    protection penalty clause, not a third service-credit clause). Then the rest, most
    confident first, definitions last.
    """
    by_confidence = sorted(range(len(confidences)), key=lambda i: (definition[i], -confidences[i]))
    order, covered = [], set()
    for floor in (EVIDENCE_CONFIDENCE_RATIO * max(confidences, default=0.0), 0.0):
        if floor == 0.0 and not order and by_confidence:  # a doubtful clause does not go first
            order.append(by_confidence[0])
            covered |= met_by_clause[by_confidence[0]]
        while True:
            nxt = next((i for i in by_confidence if confidences[i] >= floor and met_by_clause[i] - covered), None)
            if nxt is None:
                break
            order.append(nxt)
            covered |= met_by_clause[nxt]
    chosen = set(order)
    return order + [i for i in by_confidence if i not in chosen]


def _sentence_of(clause: dict, by_id: dict[str, dict]) -> str:
    """The clause's words without its number and heading, after its parent's lead-in: item
    "(a) general liability insurance of $1,000,000" is read as "Customer shall maintain the
    following insurance: (a) general liability …"."""
    words = _items_after_lead_in(clause["text"], clause.get("number"), clause.get("heading"))
    lead = _lead_in(clause, by_id)
    return f"{clause_body(lead['text'], lead.get('number'), lead.get('heading'))} {words}" if lead else words


def _items_after_lead_in(text: str, number: str | None, heading: str | None) -> str:
    """The clause's words, each paragraph of a list read after the lead-in that opens it.

    Lists whose items are paragraphs of one clause (Word bullets, items without numbers):
    in "The Customer will:" / "comply with all laws ...;" the second paragraph is the
    Customer's promise, not the Provider's, and the direction rules read one sentence at a
    time. So it is read as "The Customer will: comply with all laws ...;".
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    if not any(p.endswith(":") for p in paragraphs[:-1]):
        return clause_body(text, number, heading)
    paragraphs[0] = clause_body(paragraphs[0], number, heading)
    out: list[str] = []
    lead = ""
    for i, paragraph in enumerate(paragraphs):
        item = f"{lead} {paragraph}" if lead else paragraph
        if paragraph.endswith(":") and i + 1 < len(paragraphs):
            lead = item  # a list opens: its items carry these words (a nested one, both lead-ins)
            continue
        out.append(item if item.endswith((".", ";")) else item + ";")
    return " ".join(out)


def _lead_in(clause: dict, by_id: dict[str, dict]) -> dict | None:
    """The parent whose words end in a colon, and so begin the item's sentence, or None."""
    parent = by_id.get(clause.get("parent"))
    return parent if parent is not None and parent["text"].rstrip().endswith(":") else None


def _scope(clause: dict, children: dict[str, list[dict]], by_id: dict[str, dict]) -> list[dict]:
    """What a clause's elements are read in: the clause, its items, and its lead-in."""
    lead = _lead_in(clause, by_id)
    return _with_descendants(clause, children) + ([lead] if lead else [])


def _elements_met(requirement: Requirement, scope: list[dict], by_id: dict[str, dict] | None = None) -> set[str]:
    """Ids of the requirement's elements that a clause (with its items) meets.

    Each text is read alone, and each item also after its lead-in: "M&I shall maintain:" /
    "1. Commercial General Liability Insurance ... $2,000,000" is one promise to hold insurance.
    """
    texts = [clause["text"] for clause in scope]
    by_id = by_id or {}
    for clause in scope:
        lead = by_id.get(clause.get("parent"))
        if lead is not None and lead["text"].rstrip().endswith(":"):
            texts.append(f"{lead['text']} {clause['text']}")
    if requirement.subject is not None and requirement.denial is not None and \
            not (requirement.direction is not None and requirement.direction.restriction):
        # A sentence that refuses the protection meets none of its elements ("Service Credits
        # shall not be available for ... an actual or suspected Security Incident").
        texts = [without_denials(text, requirement.subject, requirement.denial) for text in texts]
    fact_kinds = {fact["kind"] for clause in scope for fact in clause.get("facts", [])}
    return {e.id for e in requirement.elements if e.met_by(texts, fact_kinds)}


def _with_descendants(clause: dict, children: dict[str, list[dict]]) -> list[dict]:
    """The clause and every clause nested under it."""
    out, stack = [], [clause]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current["id"], ()))
    return out


def _children(clauses: list[dict]) -> dict[str, list[dict]]:
    children: dict[str, list[dict]] = {}
    for clause in clauses:
        if clause.get("parent"):
            children.setdefault(clause["parent"], []).append(clause)
    return children


def check(playbook: Playbook, clauses: list[dict],
          parties: dict[str, str] | None = None) -> tuple[list[dict], list[dict], dict]:
    """(categories, findings, summary) for classified clauses against a playbook; ``parties``
    as for :func:`check_requirement`."""
    children = _children(clauses)
    by_id = {clause["id"]: clause for clause in clauses}
    findings = [check_requirement(req, clauses, children, by_id, parties) for req in playbook.requirements]
    # Suggested wording in the contract's own names for the sides ("the Contractor", "Calloway").
    words = side_words(" ".join(clause["text"] for clause in clauses), parties)
    for finding in findings:
        finding["recommendation"] = in_their_words(finding["recommendation"], words, proper=named_sides(parties))
    summary = {status: sum(1 for f in findings if f["status"] == status) for status in ("present", "partial", "missing")}
    return document_categories(clauses), findings, summary


def worst_severity(findings: list[dict]) -> str | None:
    """The highest severity among missing or partial findings, or None if all are present."""
    gaps = [f["severity"] for f in findings if f["status"] != "present"]
    return max(gaps, key=SEVERITY_RANK.get) if gaps else None


def fails(findings: list[dict], fail_on: str) -> bool:
    """Does any gap reach the ``--fail-on`` severity?"""
    if fail_on == "none":
        return False
    return any(f["status"] != "present" and SEVERITY_RANK[f["severity"]] >= SEVERITY_RANK[fail_on] for f in findings)


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[:cut if cut > limit // 2 else limit].rstrip(",;: ") + " …"
