import pytest

from clausecheck.nlp.segmenter import is_contents_list, split_clauses

CONTRACT = """MASTER SERVICES AGREEMENT

This Agreement is made between Alder Ltd ("Client") and Birch Services plc ("Provider").

1. DEFINITIONS

1.1 "Services" means the customer support services described in Schedule 1.

2. TERM AND TERMINATION

2.1 Term. This Agreement starts on the Effective Date and continues for three (3) years.

2.2 Termination for Convenience. The Client may terminate this Agreement on ninety (90) days' written notice.

2.3 Termination for Cause. Either party may terminate this Agreement if the other party:
(a) commits a material breach that it does not remedy within thirty (30) days; or
(b) becomes insolvent; or
(c) undergoes a change of control, in which case:
(i) the Client gives notice within sixty (60) days; and
(ii) clause 12 applies.

CONFIDENTIALITY

Each party shall keep the other party's Confidential Information secret and use it only to perform
this Agreement.

ARTICLE IV
INSURANCE

Section 4.1 Coverage. The Provider shall maintain professional indemnity insurance.
"""


def _by_number(clauses):
    return {c.number: c for c in clauses if c.number}


def test_numbers_headings_and_parents():
    clauses = split_clauses(CONTRACT)
    numbered = _by_number(clauses)
    assert ["1", "1.1", "2", "2.1", "2.2", "2.3", "(a)", "(b)", "(c)", "(i)", "(ii)"] == \
        [c.number for c in clauses if c.number][:11]
    assert numbered["2"].heading == "TERM AND TERMINATION" and numbered["2"].heading_only
    assert numbered["2.2"].heading == "Termination for Convenience"
    index = {id(c): i for i, c in enumerate(clauses)}
    assert numbered["2.2"].parent == index[id(numbered["2"])]
    assert numbered["(a)"].parent == index[id(numbered["2.3"])]
    # "(i)" after "(c)" is a roman sub-item of (c), not the letter after (h).
    assert numbered["(i)"].parent == index[id(numbered["(c)"])]
    assert numbered["(ii)"].level == numbered["(i)"].level > numbered["(c)"].level


def test_unnumbered_heading_joins_its_body():
    clauses = split_clauses(CONTRACT)
    conf = [c for c in clauses if c.heading == "CONFIDENTIALITY"][0]
    text = CONTRACT[conf.start:conf.end]
    assert text.startswith("CONFIDENTIALITY") and text.endswith("perform\nthis Agreement.")
    assert not conf.heading_only


def test_article_and_section_numbering():
    clauses = split_clauses(CONTRACT)
    numbers = [c.number for c in clauses if c.number]
    assert "ARTICLE IV" in numbers and "Section 4.1" in numbers
    section = _by_number(clauses)["Section 4.1"]
    assert section.heading == "Coverage"


def test_offsets_cover_clause_text_exactly():
    for clause in split_clauses(CONTRACT):
        text = CONTRACT[clause.start:clause.end]
        assert text == text.strip() and text


def test_wrapped_line_starting_with_a_number_is_not_a_clause():
    text = "1. Payment. The Client shall pay each invoice within the period in Section\n2. of Schedule B. Late sums bear interest.\n"
    clauses = split_clauses(text)
    assert [c.number for c in clauses] == ["1"]


def test_a_reference_or_a_number_in_brackets_split_off_by_a_break_stays_in_its_sentence():
    # PDF paragraph building can leave "13." or "(10)" on a line of its own after a page break.
    text = ("6.7 Escalation. Unresolved disputes go to the chief executives, who shall meet within ten\n\n"
            "(10) Business Days.\n\n6.8 Announcements. No press release without consent.\n\n"
            "7. Force Majeure. The Provider is relieved only if it has performed its obligations under clause\n\n"
            "13.\n\n8. Governing Law. This Agreement is governed by English law.")
    clauses = split_clauses(text)
    assert [c.number for c in clauses] == ["6.7", "6.8", "7", "8"]
    assert text[clauses[0].start:clauses[0].end].endswith("(10) Business Days.")
    assert text[clauses[2].start:clauses[2].end].endswith("under clause\n\n13.")


def test_a_title_ending_in_a_reference_word_still_starts_numbered_clauses():
    text = "SCHEDULES\n\n1. Services. The services are described here.\n\n2. Charges. The charges are listed here."
    assert [c.number for c in split_clauses(text) if not c.heading_only] == ["1", "2"]


def test_page_numbers_and_continuations_stay_in_the_clause():
    text = ("5.1 Fees. The Client shall pay the fees set out in the schedule and all\n\n7\n\n"
            "expenses approved in advance.\n\n5.2 Taxes. Fees exclude VAT.")
    clauses = split_clauses(text)
    assert [c.number for c in clauses] == ["5.1", "5.2"]
    assert text[clauses[0].start:clauses[0].end].endswith("approved in advance.")


def test_empty_and_plain_text():
    assert split_clauses("") == []
    clauses = split_clauses("Just one paragraph of text with no numbering at all.")
    assert len(clauses) == 1 and clauses[0].number is None


def test_a_numbered_title_with_a_full_stop_titles_its_sub_clauses():
    # "6. Termination." alone on its line is a title: its sub-clauses are read under it, and
    # the title is not classified as if it were a clause of two words.
    text = ("6. Termination.\n\n"
            "(a) Default. Either party may terminate this Agreement if the other party defaults.\n\n"
            "(b) Insolvency. Either party may terminate this Agreement if the other becomes insolvent.\n\n"
            "7. Fees; Payment.\nThe Client shall pay the fees within thirty (30) days of invoice.\n")
    clauses = split_clauses(text)
    numbered = _by_number(clauses)
    assert numbered["6"].heading == "Termination" and numbered["6"].heading_only
    index = {id(c): i for i, c in enumerate(clauses)}
    assert numbered["(a)"].parent == numbered["(b)"].parent == index[id(numbered["6"])]
    # With its body in the next line, the title is a heading but the clause has a body.
    assert numbered["7"].heading == "Fees; Payment" and not numbered["7"].heading_only
    # A sentence is not a title, full stop or not.
    assert split_clauses("8. The Supplier shall keep records.\n")[0].heading is None


def test_a_clause_whose_body_says_there_is_none_is_only_its_title():
    # "Insurance: Not applicable." is no insurance clause; "[Reserved]" no clause at all.
    text = ("12. INSURANCE:\n\n    Not applicable.\n\n"
            "13. Venue and Jurisdiction. Intentionally omitted.\n\n"
            "14. Audit. [Reserved]\n\n"
            "15. Records. The Supplier shall keep complete records of the Services.\n\n"
            "NON-SOLICITATION\n\nNone.\n")
    clauses = split_clauses(text)
    numbered = _by_number(clauses)
    assert numbered["12"].heading == "INSURANCE" and numbered["12"].heading_only
    assert numbered["13"].heading == "Venue and Jurisdiction" and numbered["13"].heading_only
    assert numbered["14"].heading == "Audit" and numbered["14"].heading_only
    assert numbered["15"].heading == "Records" and not numbered["15"].heading_only
    assert [c.heading_only for c in clauses if c.heading == "NON-SOLICITATION"] == [True]


def test_paragraph_sign_and_art_numbering_as_in_continental_contracts():
    text = ("§ 1 Subject of the agreement\n\n(1) The Contractor shall provide the services in Annex 1.\n\n"
            "§ 2 Audit\n\n(1) The Client may audit the Contractor's premises once a year.\n\n"
            "Art. 3 Insurance\n\nThe Contractor shall maintain liability insurance.\n\n"
            "Article 4 - Governing law\n\nThis Agreement is governed by German law, in particular\n"
            "§ 5 of the Act.\n")
    clauses = split_clauses(text)
    numbered = [(c.number, c.heading, c.level) for c in clauses if c.number and not c.number.startswith("(")]
    assert numbered == [("§ 1", "Subject of the agreement", 0), ("§ 2", "Audit", 0), ("Art. 3", "Insurance", 0),
                        ("Article 4", "Governing law", 0)]
    items = [c for c in clauses if c.number == "(1)"]
    assert [clauses[c.parent].number for c in items] == ["§ 1", "§ 2"]
    # "§ 5 of the Act" inside a sentence is a reference, not a clause.
    assert "§ 5 of the Act" in text[clauses[-1].start:clauses[-1].end]


RUN_TOGETHER_CONTENTS = """SERVICES AGREEMENT

TABLE OF CONTENTS 1. DEFINITIONS 2 2. SERVICES 4 3. FEES 6 3.1 Charges 6 3.2 Invoicing 7 4. AUDIT 8 4.1 Records 8 \
4.2 On-site Inspection 9 5. INSURANCE 10 6. TERMINATION 11 6.1 For Convenience 11 6.2 For Cause 12 7. GOVERNING LAW 13

1. DEFINITIONS

"Services" means the help-desk services described in Schedule 1.
"""


def test_a_contents_list_run_into_one_paragraph_is_marked_and_the_terms_are_not():
    clauses = split_clauses(RUN_TOGETHER_CONTENTS)
    contents = [c for c in clauses if c.contents]
    assert len(contents) == 1
    assert "TABLE OF CONTENTS 1. DEFINITIONS" in RUN_TOGETHER_CONTENTS[contents[0].start:contents[0].end]
    assert [c.number for c in clauses if not c.contents] == ["1"]
    assert not any(c.contents for c in split_clauses(CONTRACT))


@pytest.mark.parametrize("text", [
    # a price list: numbered titles, but with amounts
    "SCHEDULE OF CHARGES 1. CONSULTATION $100.00 2. SYSTEMS DEVELOPMENT $100.00 3. PROGRAMMING $90.00 "
    "4. TRAINING $75.00 5. TRAVEL at cost",
    # an operative clause that lists the sections surviving termination
    "The following Sections shall survive termination and will remain in force: 4.1 Confidentiality, "
    "4.2 Data Protection, 9.1 Indemnity, 10.3 Limitation of Liability, which are binding on the parties "
    "and are enforceable as if this Agreement had not ended.",
])
def test_a_clause_that_numbers_titles_but_has_terms_or_prices_is_no_contents_list(text):
    assert not is_contents_list(text)


def test_an_exhibits_lettered_numbering_opens_clauses_under_the_exhibit():
    text = ("12. GENERAL\n\n12.1 Survival. Sections 5 and 9 survive termination.\n\n"
            "Exhibit B – Service Level Agreement\n\n"
            "B.1 Measurement. Each Service Level is measured monthly.\n\n"
            "B.2 Service Levels. The Service Levels are as follows.\n\n"
            "(a) Availability: at least 99.5 percent in each month.\n\n"
            "B.3 Service Credits. For each Service Level missed, the Service Credit is 5 percent of the Monthly Fees.\n")
    clauses = split_clauses(text)
    numbered = _by_number(clauses)
    assert {"B.1", "B.2", "B.3"} <= set(numbered)
    exhibit = next(i for i, c in enumerate(clauses) if c.heading and c.heading.startswith("Exhibit B"))
    assert numbered["B.1"].parent == exhibit and numbered["B.3"].parent == exhibit  # not under 12.1
    assert numbered["B.3"].heading == "Service Credits"
    assert clauses[numbered["(a)"].parent] is numbered["B.2"]


def test_a_cross_reference_wrapped_onto_its_own_line_is_no_clause():
    text = ("5. SERVICE LEVELS\n\n5.1 The Vendor shall report its performance to the Client monthly in accordance with\n\n"
            "Clause 6.2.\n\n5.2 Quality management. The Vendor shall keep an ISO 9001 certificate.\n")
    clauses = split_clauses(text)
    assert [c.number for c in clauses] == ["5", "5.1", "5.2"]
    assert text[clauses[1].start:clauses[1].end].endswith("Clause 6.2.")


def test_a_schedule_label_above_its_title_stays_a_title_of_its_own():
    text = ("24. EXIT\n\n24.1 The Supplier shall provide exit assistance.\n\nSCHEDULE 4\n\nEXIT PLAN REQUIREMENTS\n\n"
            "1. The Exit Plan shall set out the roles of each party.\n\n2. The Exit Plan shall cover a planned exit.\n")
    clauses = split_clauses(text)
    titles = [(c.heading, c.heading_only) for c in clauses if c.number is None]
    assert titles == [("SCHEDULE 4", True), ("EXIT PLAN REQUIREMENTS", True)]


def test_sections_run_into_one_paragraph_are_cut_apart_when_the_numbering_continues():
    # Text exports of filed contracts print a page of sections as one paragraph.
    text = ('16. Force Majeure: Neither party is liable for delay caused by events beyond its control. '
            '17. Liability: Each party is responsible for its own acts. 18. Non-Assignment: This Agreement '
            'may not be assigned by either party without the prior written consent of the other party. '
            '19. WAIVER   The failure to enforce a provision is no waiver of it.')
    clauses = split_clauses(text)
    assert [(c.number, c.heading) for c in clauses] == [
        ("16", "Force Majeure"), ("17", "Liability"), ("18", "Non-Assignment"), ("19", "WAIVER")]
    assignment = clauses[2]
    assert text[assignment.start:assignment.end].startswith("18. Non-Assignment: This Agreement may not be assigned")
    assert text[assignment.start:assignment.end].endswith("consent of the other party.")


@pytest.mark.parametrize("text", [
    # a reference followed by a quantity
    "3. Delivery. The Supplier delivers the goods listed in Section 3. 4 Units are delivered each month.",
    # a number that does not continue the numbering (the section before is 3)
    "3. Delivery. The Supplier delivers the goods on time. 7. Liability: Each party is liable for its acts.",
])
def test_a_number_inside_a_paragraph_that_does_not_continue_the_numbering_stays_in_its_clause(text):
    assert [c.number for c in split_clauses(text)] == ["3"]


def test_a_title_in_capitals_run_into_its_text_is_the_heading():
    clauses = split_clauses("24. COMPLIANCE WITH LAW   Each party shall comply with all applicable laws.\n\n"
                            "25. IBM Corporation shall provide the services.")
    assert [(c.number, c.heading) for c in clauses] == [("24", "COMPLIANCE WITH LAW"), ("25", None)]


def test_a_run_in_section_title_followed_by_its_first_sub_clause_heads_the_section():
    text = ("30. Successors. This Agreement binds successors. 31. Confidentiality 31.1 Each party keeps the "
            "other's information secret. 31.2 This clause survives for five years.")
    clauses = split_clauses(text)
    numbers = _by_number(clauses)
    assert list(numbers) == ["30", "31", "31.1", "31.2"]
    assert numbers["31"].heading == "Confidentiality" and numbers["31"].heading_only
    assert clauses[numbers["31.1"].parent] is numbers["31"]


def test_a_page_or_cell_break_inside_a_parenthesis_or_an_amount_cuts_no_clause():
    text = ("(3) The Contractor shall be responsible for the fault of its subcontractors as for its own fault (§\n\n"
            "278 BGB).\n\n(4) Hourly rates: senior consultant EUR\n\n165.00 per hour.\n")
    clauses = split_clauses(text)
    assert [c.number for c in clauses] == ["(3)", "(4)"]
    assert text[clauses[0].start:clauses[0].end].endswith("278 BGB).")
    assert text[clauses[1].start:clauses[1].end].endswith("165.00 per hour.")


def test_a_party_block_keeps_each_party_with_its_defined_name():
    text = ('BETWEEN:\n\nNORTHSHORE TELECOM INC., a corporation under the laws of Ontario\n\n("Company")\n\n- and -\n\n'
            'MAPLEVIEW CONTACT LTD., a corporation under the laws of Canada\n\n("Service Provider")\n\nRECITALS:\n\n'
            'A. Company provides telephone services.\n')
    texts = [text[c.start:c.end] for c in split_clauses(text)]
    assert any(t.startswith("BETWEEN") and t.endswith('("Company")') for t in texts)
    assert any(t.startswith("- and -") and t.endswith('("Service Provider")') for t in texts)


def test_an_item_of_a_list_run_into_the_text_is_no_clause_where_a_line_break_puts_it():
    # Hard-wrapped text exports: "(iii)" starts a line only because the line above is full.
    text = ("(a) By Vendor. Vendor shall indemnify Hospital against all losses to the extent resulting from (i)\n"
            "Vendor's breach of Section 10, (ii) any Claim coded by Vendor that violates Applicable Law,\n"
            "(iii) the negligence of Vendor, or (iv) Vendor's violation of Applicable Law.\n\n"
            "(b) By Hospital. Hospital shall indemnify Vendor against third-party claims.\n")
    assert [c.number for c in split_clauses(text)] == ["(a)", "(b)"]
    # An item list that starts on its own lines is cut as before.
    listed = "(a) The Vendor shall:\n(i) keep records; and\n(ii) report monthly.\n"
    assert [c.number for c in split_clauses(listed)] == ["(a)", "(i)", "(ii)"]


def test_a_code_section_wrapped_onto_its_own_line_is_no_clause():
    text = ("8. Books and Records. Business Associate shall provide the information required for an accounting of\n"
            "disclosures under 45 C.F.R.\nSection 164.528.\n\n9. Term. This BAA ends when the Agreement ends.\n")
    assert [c.number for c in split_clauses(text)] == ["8", "9"]


def test_an_attachment_title_opens_the_attachment_after_a_signature_block_or_a_table_row():
    text = ("20. General. This Agreement is the entire agreement.\n\nStefan Reischl, Managing Director\n\n"
            "Annex 2 – Remuneration\n\nItem Amount (net) Remarks\n\nMonthly flat fee EUR 21,400.00 up to 540 users "
            "and a further fee per user for each month\n\n"
            "Annex 3 – Agreement on Commissioned Data Processing pursuant to Art. 28 GDPR\n\n"
            "1. Subject Matter. The Contractor processes personal data on behalf of the Client.\n")
    clauses = split_clauses(text)
    headings = [c.heading for c in clauses if c.heading_only]
    assert "Annex 2 – Remuneration" in headings
    annex3 = next(c for c in clauses if c.heading and c.heading.startswith("Annex 3"))
    assert annex3.heading_only and text[annex3.start:annex3.end].startswith("Annex 3")
    assert not any(text[c.start:c.end].startswith("Stefan Reischl") and "Annex" in text[c.start:c.end]
                   for c in clauses)
