import pytest

from clausecheck.nlp.facts import find_facts, words_to_number


def kinds(text):
    return [(f.kind, f.text, f.value, f.unit) for f in find_facts(text)]


def test_notice_period_in_words_and_digits():
    assert kinds("Either party may terminate on ninety (90) days' prior written notice.") == \
        [("notice_period", "ninety (90) days", 90, "day")]
    assert kinds("upon 30 days written notice") == [("notice_period", "30 days", 30, "day")]


@pytest.mark.parametrize("text, kind", [
    ("The Client may terminate if the breach is not cured within thirty (30) days after written notice.",
     "notice_period"),
    # a deadline to give a notice, and a term extended by one, are no notice periods
    ("The Client gives its notice of termination within one hundred and twenty (120) days after the Provider "
     "notifies it.", "duration"),
    ("The Provider shall notify the Client in writing within five (5) Business Days after any change of control.",
     "duration"),
    ("The Client may extend the Initial Term for one further period of twelve (12) months by written notice.",
     "duration"),
    ("Either party may terminate on sixty (60) days' notice by registered letter.", "notice_period"),
])
def test_a_time_near_a_notice_is_a_notice_period_only_when_the_notice_gives_it(text, kind):
    assert [f.kind for f in find_facts(text) if f.kind in ("notice_period", "duration")] == [kind]


def test_plain_duration_is_not_a_notice_period():
    assert kinds("The initial term is two (2) years.") == [("duration", "two (2) years", 2, "year")]
    assert kinds("within five (5) business days") == [("duration", "five (5) business days", 5, "business_day")]


def test_money_and_percentages():
    facts = kinds("liquidated damages of $250,000 or EUR 2 million, and a credit of ten percent (10%) or 5%")
    assert ("money", "$250,000", 250000, "USD") in facts
    assert ("money", "EUR 2 million", 2000000, "EUR") in facts
    assert ("percentage", "ten percent (10%)", 10, "percent") in facts
    assert ("percentage", "5%", 5, "percent") in facts


def test_laws_and_dates():
    facts = find_facts("in accordance with the General Data Protection Regulation, HIPAA and the CCPA "
                       "as of January 1, 2025")
    assert [f.name for f in facts if f.kind == "law"] == ["GDPR", "HIPAA", "CCPA"]
    assert [f.text for f in facts if f.kind == "date"] == ["January 1, 2025"]


# One way of writing each law the facts know, as contracts write it.
LAW_SPELLINGS = [
    ("GDPR", "GDPR"), ("GDPR", "General Data Protection Regulation"), ("GDPR", "Regulation (EU) 2016/679"),
    ("UK GDPR", "UK GDPR"), ("Data Protection Act", "Data Protection Act 2018"), ("HIPAA", "HIPAA"),
    ("HIPAA", "Health Insurance Portability and Accountability Act"), ("HITECH", "HITECH Act"),
    ("CCPA", "CCPA"), ("CCPA", "CPRA"), ("CCPA", "California Consumer Privacy Act"),
    ("CCPA", "California Privacy Rights Act"), ("GLBA", "GLBA"), ("GLBA", "Gramm-Leach-Bliley Act"),
    ("PIPEDA", "PIPEDA"), ("COPPA", "COPPA"), ("COPPA", "Children's Online Privacy Protection Act"),
    ("FERPA", "FERPA"), ("PCI DSS", "PCI DSS"), ("PCI DSS", "Payment Card Industry Data Security Standard"),
    ("FCPA", "FCPA"), ("FCPA", "Foreign Corrupt Practices Act"), ("UK Bribery Act", "UK Bribery Act 2010"),
    ("UK Bribery Act", "Bribery Act"), ("Sarbanes-Oxley", "Sarbanes-Oxley Act"), ("Sarbanes-Oxley", "SOX"),
    ("Export control", "Export Administration Regulations"), ("Export control", "EAR"),
    ("Export control", "ITAR"), ("Export control", "International Traffic in Arms Regulations"),
    ("OFAC sanctions", "OFAC"), ("ePrivacy", "ePrivacy Directive"),
    ("ePrivacy", "Privacy and Electronic Communications Regulations"), ("ePrivacy", "PECR"),
    ("DORA", "Digital Operational Resilience Act"), ("DORA", "DORA"), ("NIS2", "NIS2 Directive"),
    ("Modern Slavery Act", "Modern Slavery Act"), ("TUPE", "TUPE"), ("TUPE", "Transfer of Undertakings"),
    ("PIPEDA", "Personal Information Protection and Electronic Documents Act"),
    ("PDPA", "Personal Data Protection Act 2012"), ("PDPA", "Digital Personal Data Protection Act, 2023"),
    ("POPIA", "Protection of Personal Information Act"), ("Privacy Act", "Privacy Act 2020"), ("LGPD", "LGPD"),
    ("CASL", "Canada's Anti-Spam Legislation"),
]


@pytest.mark.parametrize("name, spelling", LAW_SPELLINGS)
def test_every_spelling_of_a_law_is_found(name, spelling):
    facts = [f for f in find_facts(f"The Supplier shall comply with the {spelling} at all times.") if f.kind == "law"]
    assert [(f.name, f.text) for f in facts] == [(name, spelling)]


def test_no_facts_in_references():
    assert find_facts("as set out in Section 3 of the Agreement") == []
    assert find_facts("a day of rest") == []


@pytest.mark.parametrize("words,value", [("thirty", 30), ("forty-five", 45), ("one hundred", 100),
                                         ("twenty one", 21)])
def test_words_to_number(words, value):
    assert words_to_number(words) == value


@pytest.mark.parametrize("text, amount, currency", [
    ("liquidated damages of INR 25,00,000 for each breach", 2_500_000, "INR"),
    ("cyber insurance of ₹10,00,00,000", 100_000_000, "INR"),
    ("a penalty of Rs. 2 crore", 20_000_000, "INR"),
    ("25 lakh rupees per incident", 2_500_000, "INR"),
    ("a monthly fee of S$ 40,000", 40_000, "SGD"),
])
def test_money_in_indian_and_asian_contracts(text, amount, currency):
    assert [(f.value, f.unit) for f in find_facts(text) if f.kind == "money"] == [(amount, currency)]


def test_a_currency_code_inside_a_word_is_no_money():
    assert not [f for f in find_facts("respond within four hours 24 times a year") if f.kind == "money"]


def test_a_number_in_words_above_one_hundred_is_read_whole():
    assert kinds("a cap of one hundred and fifteen percent (115%) of the charges") == \
        [("percentage", "one hundred and fifteen percent (115%)", 115, "percent")]
