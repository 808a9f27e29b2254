"""The taxonomy's rule cues: their shortcut never changes an answer, and their features."""

import re

import pytest

from clausecheck.model.cues import CUE_KINDS, RULES, cue_matrix, cue_names, label_unit, required_texts
from clausecheck.taxonomy import CATEGORY_IDS
from tiny_model import EXAMPLES, NEGATIVES


@pytest.mark.parametrize("pattern,needles", [
    (r"(?:shall|will) (?:\w+ ){0,3}pay\b", ("pay",)),
    (r"\bfees?\b|\bpay|price", ("fee", "pay", "price")),
    (r"liquidated damages", ("liquidated damages",)),
    (r"service (?:level|credit)s?", ("service ",)),
    (r"\d+%", ("%",)),
    (r"\d+\s*days", ("days",)),
    (r"(?:foo|)bar", ("bar",)),
    (r"\w+ly", ("ly",)),
    (r"\d+|x", None),  # a branch without plain text: nothing is required
    (r"(?i)penalty", None),  # ignoring case: a substring test could miss "Penalty"
])
def test_required_texts(pattern, needles):
    assert required_texts(pattern) == needles


TEXTS = [t.lower() for examples in EXAMPLES.values() for t in examples] + [t.lower() for t in NEGATIVES] + [
    "the provider shall pay a service credit of 5% for each day of delay.",
    "the supplier will, at its own cost, promptly pay the penalties and liquidated damages.",
    "without penalty, either party may terminate on 30 days' notice; ninety (90) days prior to expiry.",
    "payments, prices, fees-and-charges; invoices: $1,000,000 per annum.",
    "", "a", "shall", "pay", "x" * 300,
]


def test_the_shortcut_never_changes_a_rule_s_answer():
    # A rule skipped because its required text is absent must be one that could not match.
    checked = 0
    for rules in RULES.values():
        for group in (rules.heading, rules.strong, rules.weak, rules.veto):
            for source, rule in group:
                plain = re.compile(source)
                for text in TEXTS:
                    assert rule.search(text) == bool(plain.search(text)), (source, text)
                    checked += 1
    assert checked > 10_000


def test_cue_features_say_what_the_rules_saw():
    categories = list(CATEGORY_IDS)
    texts = ["The Supplier shall maintain professional indemnity insurance of GBP 5 million.",
             "This Agreement may be executed in counterparts."]
    features = cue_matrix(texts, ["Insurance", None], categories)
    names = cue_names(categories)
    assert features.shape == (2, len(categories) * len(CUE_KINDS)) == (2, len(names))
    on = {names[j] for j in features[0].nonzero()[0]}
    assert {"insurance:phrase", "insurance:positive", "insurance:heading", "insurance:mention"} <= on
    assert not features[1].any()  # boilerplate: no category's rules fire
    assert label_unit(texts[0], "Insurance")["insurance"].positive


@pytest.mark.parametrize("text,heading,transition", [
    # Returning confidential information is confidentiality (TAXONOMY.md), not an exit.
    ("Upon termination of this Agreement, each party shall return or destroy the other party's Confidential "
     "Information.", "Return of Confidential Information", False),
    ("For six (6) months following the termination date, the Supplier shall continue to perform the Services "
     "and hand back the Customer's records.", "Rights upon Termination", True),
    ("Continuing to perform, for up to six (6) months following the termination date, any of the Services.",
     None, True),
    ("On expiry, the Supplier shall deliver all Customer Data and work product to the Customer or its "
     "successor provider.", None, True),
])
def test_transition_cues_tell_an_exit_from_returning_confidential_information(text, heading, transition):
    assert label_unit(text, heading)["transition"].positive is transition


def test_a_plain_english_heading_about_ending_the_agreement_is_a_termination_heading():
    votes = label_unit("Either of us may end this agreement by giving the other 60 days' notice.",
                       "How can this agreement end?")
    # mentioned in plain words too: the classifier reads "mentions termination" as a feature
    assert votes["termination"].positive and votes["termination"].mentions
