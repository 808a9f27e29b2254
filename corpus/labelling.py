"""Labelling functions for the corpus: the taxonomy's cues plus what each source says.

The cues that read a clause's own words (headings, phrases, keywords, vetoes) live in
:mod:`clausecheck.model.cues`, since the classifier reads them too; this module re-exports
them and adds the source-specific functions (CUAD excerpt overlap, LEDGAR labels,
ContractNLI evidence).
"""

from __future__ import annotations

from clausecheck.model.cues import (  # noqa: F401  (re-exported for the corpus builder and tests)
    OBLIG, RULES, Pattern, Rules, Vote, general_veto, label_unit, positives,
)


# -- source-specific labelling functions --------------------------------------------------

# CUAD categories that map exactly to ours: positives and negatives are both trusted.
CUAD_EXACT: dict[str, str] = {
    "Audit Rights": "audit_rights",
    "Insurance": "insurance",
    "Cap on Liability": "liability_cap",
    "Uncapped Liability": "liability_cap",
    "Anti-Assignment": "assignment",
    "Change of Control": "assignment",
    "Governing Law": "governing_law",
    "Post-Termination Services": "transition",
}
# Where CUAD's category is narrower or different, its negatives do not settle ours:
# CUAD's Governing Law is the choice of law only, while ours also covers jurisdiction, venue
# and arbitration, so an LF positive on a CUAD negative stands; CUAD's Post-Termination
# Services and our transition overlap only in part, so that conflict is left undecided.
CUAD_NEGATIVE_OVERRIDE: dict[str, str] = {"governing_law": "pos", "transition": "undecided"}

# CUAD categories that are a subset of ours: positives only.
CUAD_SUBSET: dict[str, str] = {
    "Termination for Convenience": "termination",
    "Liquidated Damages": "penalties",
    "Price Restrictions": "change_control",
    "Source Code Escrow": "business_continuity",
}

# Overlap rule between a unit and a CUAD excerpt. Positive when at least half the excerpt
# lies in the unit (the unit holds the annotated provision) or at least 40% of the unit is
# covered (the unit is part of a long annotated provision). Any smaller, non-trivial overlap
# (a sentence of the excerpt spilling into the next clause) leaves the category undecided.
EXCERPT_SHARE = 0.5
UNIT_SHARE = 0.4
TINY_OVERLAP = 15  # characters: whitespace or a few words at a boundary are no overlap


def cuad_overlap(unit_start: int, unit_end: int, excerpts: list[tuple[int, int]]) -> str:
    """'pos', 'neg' or 'undecided' for one category from its excerpts' (start, end)."""
    decision = "neg"
    for s, e in excerpts:
        overlap = min(e, unit_end) - max(s, unit_start)
        if overlap <= 0:
            continue
        if overlap >= EXCERPT_SHARE * (e - s) or overlap >= UNIT_SHARE * (unit_end - unit_start):
            return "pos"
        if overlap > TINY_OVERLAP:
            decision = "undecided"
    return decision


# LEDGAR labels that say what the provision does in our terms (positive only).
LEDGAR_MAP: dict[str, str] = {
    "Governing Laws": "governing_law", "Jurisdictions": "governing_law", "Venues": "governing_law",
    "Arbitration": "governing_law", "Consent To Jurisdiction": "governing_law",
    "Submission To Jurisdiction": "governing_law", "Waiver Of Jury Trials": "governing_law",
    "Terminations": "termination", "Indemnifications": "indemnity", "Indemnity": "indemnity",
    "Insurances": "insurance", "Assignments": "assignment", "Confidentiality": "confidentiality",
    "Compliance With Laws": "compliance", "Anti-Corruption Laws": "compliance", "Sanctions": "compliance",
    "Fees": "fees", "Payments": "fees", "Taxes": "fees", "Expenses": "fees",
}
# LEDGAR labels for provisions that are no category (the taxonomy's "no category" list).
LEDGAR_NONE: frozenset[str] = frozenset({
    "Entire Agreements", "Integration", "Severability", "Counterparts", "Waivers", "No Waivers", "Notices",
    "Headings", "Definitions", "Defined Terms", "Construction", "Interpretations", "Binding Effects",
    "Further Assurances", "Titles", "Effectiveness", "Effective Dates",
})

# ContractNLI hypotheses whose evidence is a confidentiality obligation (use limits, sharing,
# compelled disclosure, return, copies, survival). nda-1/2/3 are about the *definition* of
# confidential information, nda-15/18 about licences and solicitation: not used.
NLI_CONFIDENTIALITY: frozenset[str] = frozenset({
    "nda-4", "nda-5", "nda-7", "nda-8", "nda-10", "nda-11", "nda-12", "nda-13", "nda-16", "nda-17",
    "nda-19", "nda-20",
})
