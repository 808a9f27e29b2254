"""The clause categories clausecheck tags (see TAXONOMY.md in the design notes).

Kept as data: the classifier, the report and the playbook validator all read this list,
so adding a category is one entry here plus training data.
"""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "confidentiality": "Confidentiality",
    "data_protection": "Data protection & security",
    "service_levels": "Service levels & quality",
    "audit_rights": "Audit & inspection",
    "governance": "Governance, reporting & communication",
    "fees": "Fees & payment",
    "change_control": "Change control & change fees",
    "penalties": "Penalties, liquidated damages & service credits",
    "liability_cap": "Limitation of liability",
    "indemnity": "Indemnification",
    "insurance": "Insurance",
    "termination": "Termination",
    "transition": "Transition & exit assistance",
    "business_continuity": "Business continuity & disaster recovery",
    "assignment": "Assignment, subcontracting & change of control",
    "compliance": "Compliance with laws & regulation",
    "governing_law": "Governing law & disputes",
}

CATEGORY_IDS: tuple[str, ...] = tuple(CATEGORIES)


def title(category: str) -> str:
    return CATEGORIES.get(category, category)
