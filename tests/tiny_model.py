"""A tiny clause model trained in seconds from sentences we wrote, for CLI and batch tests
that must not depend on the shipped model's exact behaviour."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from clausecheck.model.classifier import ClauseClassifier
from clausecheck.taxonomy import CATEGORY_IDS

EXAMPLES: dict[str, list[str]] = {
    "confidentiality": ["Each party shall keep the Confidential Information of the other party secret.",
                        "The Recipient shall not disclose Confidential Information to any third party."],
    "data_protection": ["The Provider shall process Personal Data only in accordance with the GDPR.",
                        "The Provider shall notify the Client of any personal data breach within 48 hours."],
    "service_levels": ["The Provider shall meet the service levels, including 99.9% availability.",
                       "The Provider shall answer 90% of calls within 30 seconds, measured monthly."],
    "audit_rights": ["The Client may audit the Provider's records and premises on reasonable notice.",
                     "The Client and its auditors may inspect the facilities used for the Services."],
    "governance": ["Each party shall appoint an account manager and the steering committee shall meet monthly.",
                   "The Provider shall deliver a monthly performance report to the Client."],
    "fees": ["The Client shall pay the fees in Schedule 2 within thirty days of invoice.",
             "All charges are exclusive of VAT and payable in euros."],
    "change_control": ["Any change to the Services requires a written change request signed by both parties.",
                       "The Provider may not charge for changes unless agreed in a change order."],
    "penalties": ["If a service level is missed, the Client is entitled to a service credit of 5% of the monthly fee.",
                  "The Provider shall pay liquidated damages of EUR 10,000 per data breach."],
    "liability_cap": ["Neither party's total liability shall exceed the fees paid in the prior twelve months.",
                      "Neither party is liable for indirect or consequential damages."],
    "indemnity": ["The Provider shall indemnify and hold harmless the Client against all third-party claims.",
                  "The Supplier shall defend and indemnify the Customer from losses arising from its negligence."],
    "insurance": ["The Provider shall maintain professional indemnity insurance of at least EUR 5 million.",
                  "The Supplier shall carry cyber liability insurance and provide certificates on request."],
    "termination": ["Either party may terminate this Agreement on ninety days' written notice.",
                    "The Client may terminate this Agreement at once if the Provider becomes insolvent."],
    "transition": ["On termination the Provider shall provide exit assistance and transfer knowledge to the successor.",
                   "The Provider shall return all Client data and continue the Services during the transition period."],
    "business_continuity": ["The Provider shall maintain and test a disaster recovery and business continuity plan.",
                            "The Provider shall keep a backup site able to restore the Services within 24 hours."],
    "assignment": ["The Provider shall not assign this Agreement or subcontract without the Client's consent.",
                   "Neither party may transfer its rights under this Agreement without prior written consent."],
    "compliance": ["The Provider shall comply with all applicable laws and hold all required licences and permits.",
                   "The Provider shall comply with anti-bribery laws and export control regulations."],
    "governing_law": ["This Agreement is governed by the laws of England and the courts of London have jurisdiction.",
                      "Any dispute shall be settled by arbitration under the ICC Rules."],
}
NEGATIVES = ["This Agreement may be executed in counterparts.", "Headings are for convenience only.",
             "Notices shall be sent to the addresses set out above.", "\"Services\" means the services in Schedule 1.",
             "This Agreement is the entire agreement between the parties."]


def train_tiny_model(directory: Path) -> Path:
    texts, Y = [], []
    categories = list(CATEGORY_IDS)
    for category, examples in EXAMPLES.items():
        for text in examples:
            texts.append(text)
            Y.append([int(c == category) for c in categories])
    for text in NEGATIVES:
        texts.append(text)
        Y.append([0] * len(categories))
    clf = ClauseClassifier(categories=categories, vectorizer_params={
        "word": {"min_df": 1}, "char": {"min_df": 1}, "heading": {"min_df": 1}})
    clf.fit(texts, [""] * len(texts), np.array(Y))
    clf.thresholds_[:] = 0.3
    clf.save(directory, info={"name": "tiny-test-model", "trained": "test"})
    return directory
