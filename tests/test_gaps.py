import pytest

from clausecheck.gaps import check, fails, snippet, worst_severity
from clausecheck.nlp.facts import find_facts
from clausecheck.playbook import load_playbook


def clause(cid, text, *categories, confidence=0.9):
    return {"id": cid, "number": None, "heading": None, "page": 2, "text": text,
            "labels": [{"category": c, "confidence": confidence} for c in categories],
            "facts": [f.to_dict() for f in find_facts(text)],
            "probabilities": {c: confidence for c in categories}}


def findings_by_id(clauses):
    categories, findings, summary = check(load_playbook(), clauses)
    return {f["requirement"]: f for f in findings}, categories, summary


def test_missing_partial_present():
    clauses = [
        clause("c1", "Either party may terminate this Agreement for material breach upon written notice.",
               "termination"),
        clause("c2", "The Provider shall maintain professional liability insurance of at least $5,000,000.",
               "insurance"),
    ]
    findings, categories, summary = findings_by_id(clauses)
    assert findings["termination-rights"]["status"] == "partial"
    assert findings["termination-rights"]["missing_elements"] == ["notice-period"]
    assert findings["insurance"]["status"] == "present"
    assert findings["insurance"]["evidence"][0] == {
        "clause_id": "c2", "page": 2, "number": None, "heading": None,
        "snippet": clauses[1]["text"], "confidence": 0.9}
    assert findings["audit-rights"]["status"] == "missing" and findings["audit-rights"]["evidence"] == []
    assert summary["present"] + summary["partial"] + summary["missing"] == len(findings)
    present = {c["category"] for c in categories if c["present"]}
    assert present == {"termination", "insurance"}
    assert len(categories) == 17


def test_notice_period_makes_termination_present():
    findings, _, _ = findings_by_id([clause(
        "c1", "The Client may terminate for convenience on ninety (90) days' notice, or at once for breach.",
        "termination")])
    assert findings["termination-rights"]["status"] == "present"


def test_data_protection_elements():
    text = ("The Provider shall process Personal Data in accordance with the GDPR and maintain appropriate "
            "security measures.")
    findings, _, _ = findings_by_id([clause("c1", text, "data_protection")])
    assert findings["data-protection"]["status"] == "partial"
    assert findings["data-protection"]["missing_elements"] == ["breach-notification", "limited-access"]


def test_fail_on_and_worst_severity():
    findings = [{"status": "missing", "severity": "medium"}, {"status": "present", "severity": "high"}]
    assert worst_severity(findings) == "medium"
    assert fails(findings, "medium") and fails(findings, "low") and not fails(findings, "high")
    assert not fails(findings, "none")
    assert worst_severity([{"status": "present", "severity": "high"}]) is None


def test_snippet_is_short_and_flat():
    long = "word " * 200
    s = snippet(long)
    assert len(s) <= 282 and s.endswith("…") and "\n" not in snippet("a\n\nb")


def test_items_of_a_clause_count_for_its_elements():
    parent = clause("c1", "Either party may terminate this Agreement on thirty (30) days' notice if the other party:",
                    "termination")
    items = [dict(clause("c2", "(a) commits a material breach; or"), parent="c1"),
             dict(clause("c3", "(b) becomes insolvent or undergoes a change of control."), parent="c1")]
    findings, _, _ = findings_by_id([dict(parent, parent=None), *items])
    assert findings["termination-insolvency-control"]["status"] == "present"
    assert findings["termination-rights"]["status"] == "present"


def test_evidence_shows_first_the_clauses_that_do_what_the_requirement_asks():
    general = clause("c1", "The Provider shall comply with the GDPR when it processes Client Personal Data.",
                     "data_protection", confidence=0.95)
    breach = clause("c2", "The Provider shall notify the Client of any personal data breach within 24 hours of "
                          "becoming aware of it.", "data_protection", confidence=0.85)
    security = clause("c3", "The Provider shall implement appropriate technical and organisational security measures "
                            "to protect Client Personal Data.", "data_protection", confidence=0.8)
    findings, _, _ = findings_by_id([general, breach, security])
    assert [e["clause_id"] for e in findings["data-protection"]["evidence"]] == ["c2", "c3", "c1"]


def test_a_termination_right_that_names_neither_insolvency_nor_control_is_not_evidence_of_one():
    convenience = clause("c1", "The Client may terminate this Agreement for convenience on ninety (90) days' notice.",
                         "termination", confidence=0.95)
    insolvency = clause("c2", "Either party may terminate this Agreement at once if the other becomes insolvent.",
                        "termination", confidence=0.85)
    control = clause("c3", "The Client may terminate this Agreement if the Provider undergoes a change of control.",
                     "termination", confidence=0.8)
    findings, _, _ = findings_by_id([convenience, insolvency, control])
    assert [e["clause_id"] for e in findings["termination-insolvency-control"]["evidence"]] == ["c2", "c3"]
    # Termination rights: the most confident clause already has what the requirement asks.
    assert findings["termination-rights"]["evidence"][0]["clause_id"] == "c1"
    # Alone, it leaves the requirement missing, and the report says why.
    findings, _, _ = findings_by_id([convenience])
    finding = findings["termination-insolvency-control"]
    assert finding["status"] == "missing"
    assert [(s["clause_id"], s["reason"]) for s in finding["set_aside"]] == \
        [("c1", "it has neither insolvency or bankruptcy nor change of control")]


def test_a_doubtful_clause_does_not_jump_ahead_of_the_evidence():
    sure = clause("c1", "The Provider shall comply with the GDPR when it processes Client Personal Data.",
                  "data_protection", confidence=0.95)
    doubtful = clause("c2", "The Provider shall notify the Client of any personal data breach within 24 hours.",
                      "data_protection", confidence=0.3)
    findings, _, _ = findings_by_id([sure, doubtful])
    assert [e["clause_id"] for e in findings["data-protection"]["evidence"]] == ["c1", "c2"]


def test_the_clause_a_status_rests_on_is_shown_though_the_model_is_less_sure_of_it():
    general = [clause(f"c{i}", f"The Provider shall comply with the GDPR when it processes Client Personal Data of "
                               f"region {i}.", "data_protection", confidence=0.99 - i / 100) for i in range(1, 5)]
    breach = clause("c9", "The Provider shall notify the Client of any personal data breach within 24 hours.",
                    "data_protection", confidence=0.6)
    findings, _, _ = findings_by_id(general + [breach])
    finding = findings["data-protection"]
    assert "breach-notification" not in finding["missing_elements"]
    assert [e["clause_id"] for e in finding["evidence"]][:2] == ["c1", "c9"]


def test_an_item_is_read_after_its_lead_in():
    # "(a) general liability insurance of $1,000,000" names no one; its lead-in does.
    lead = clause("c1", "14.1 Customer shall maintain, at its own expense, the following insurance:", "insurance")
    item = clause("c2", "(a) commercial general liability insurance of at least $1,000,000 per occurrence;",
                  "insurance")
    lead["number"], item["number"], item["parent"] = "14.1", "(a)", "c1"
    findings, _, _ = findings_by_id([lead, item])
    assert findings["insurance"]["status"] == "missing"
    lead["text"] = "14.1 Provider shall maintain, at its own expense, the following insurance:"
    findings, _, _ = findings_by_id([lead, item])
    assert findings["insurance"]["status"] == "present"


def test_a_definition_meets_no_element_and_comes_last():
    definition = clause("c1", '"Privacy Laws" means all laws on the privacy and security of personal data, '
                              "including data breach notification laws and laws restricting access to personal data.",
                        "data_protection", confidence=0.9)
    # A definition alone is no protection (TAXONOMY.md: definitions are no category).
    findings, _, _ = findings_by_id([definition])
    assert findings["data-protection"]["status"] == "missing"
    duty = clause("c2", "The Provider shall notify the Client of any personal data breach within 48 hours.",
                  "data_protection", confidence=0.7)
    findings, _, _ = findings_by_id([definition, duty])
    assert [e["clause_id"] for e in findings["data-protection"]["evidence"]] == ["c2", "c1"]
    assert findings["data-protection"]["missing_elements"] == ["security-measures", "limited-access"]


def test_a_term_length_is_no_notice_period_but_a_cure_period_is():
    term = clause("c1", "This Agreement continues for twelve (12) months. Either party may terminate it by written "
                        "notice if the other commits a material breach.", "termination")
    findings, _, _ = findings_by_id([term])
    assert findings["termination-rights"]["missing_elements"] == ["notice-period"]
    for text in ("Either party may terminate if a material breach is not cured within thirty (30) days after "
                 "written notice of it.",
                 "Either party may end this Agreement by notice of non-renewal given at least ninety (90) days "
                 "prior to the expiration of the term."):
        findings, _, _ = findings_by_id([clause("c1", text, "termination")])
        assert "notice-period" not in findings["termination-rights"]["missing_elements"], text


# A weak clause lacks the element (any length of time does not make it), a good one has it.
ELEMENT_CASES = [
    ("service_levels", "quality-standards", "measurable-targets",
     "The Provider shall perform the Services in accordance with industry standards and shall report on its "
     "performance. The Client shall notify any defect within ten (10) days.",
     "The Provider shall respond to every Priority 1 ticket within four (4) hours and report its performance monthly."),
    ("transition", "exit-transition", "assistance-period",
     "Within thirty (30) days after termination, each party shall return all data and confidential information "
     "of the other party.",
     "On termination the Provider shall provide transition assistance for up to six (6) months, including the "
     "transfer of knowledge and data to the Client's new provider."),
]


@pytest.mark.parametrize("category, requirement, element, weak, good", ELEMENT_CASES,
                         ids=[case[2] for case in ELEMENT_CASES])
def test_a_time_limit_alone_does_not_meet_the_element(category, requirement, element, weak, good):
    findings, _, _ = findings_by_id([clause("c1", weak, category)])
    assert findings[requirement]["missing_elements"] == [element]
    findings, _, _ = findings_by_id([clause("c1", good, category)])
    assert findings[requirement]["status"] == "present"


def test_what_happens_after_termination_is_no_right_to_terminate():
    after = clause("c1", "On termination of this Agreement for material breach, the Customer shall pay all amounts "
                         "accrued within thirty (30) days after receiving notice.", "termination")
    findings, _, _ = findings_by_id([after])
    assert findings["termination-rights"]["missing_elements"] == ["right-to-terminate"]
    for right in ("Either party may terminate this Agreement for material breach on thirty (30) days' notice.",
                  "This Agreement shall remain in effect until terminated by either Party upon thirty (30) days' "
                  "prior written notice of a material breach."):
        findings, _, _ = findings_by_id([clause("c1", right, "termination")])
        assert findings["termination-rights"]["status"] == "present", right


DENIALS = [
    ("audit_rights", "audit-rights", "The Client shall have no right to audit, inspect or visit the Provider's premises."),
    ("insurance", "insurance", "The Provider is not required to maintain any insurance in connection with this Agreement."),
    ("transition", "exit-transition", "The Provider shall have no obligation to provide any transition or exit "
                                      "assistance on or after termination."),
    ("business_continuity", "business-continuity", "The Provider does not maintain a business continuity or disaster "
                                                   "recovery plan for the Services."),
    ("service_levels", "quality-standards", "No service levels apply to the Services."),
    ("penalties", "service-credits", "The Client may terminate this Agreement for convenience on 120 days' notice. "
                                     "No termination fee or other penalty shall be payable by the Client on such a "
                                     "termination."),
]


# The playbook is written for the client: a protection that only the other side gets or gives
# to itself is the wrong way round.
WRONG_WAY = [
    # a statement, not a promise: "indemnifies"
    ("indemnity", "indemnity", "The Client indemnifies the Provider against all losses arising from third-party claims."),
    # the provider auditing or inspecting itself, or the client, is no audit right of the client's
    ("audit_rights", "audit-rights", "The Provider carries out internal audits of its own staff at least once a year; "
                                     "the results are the Provider's Confidential Information."),
    ("audit_rights", "audit-rights", "After notifying the Client, the Contractor's internal audit department shall be "
                                     "entitled to inspect the workplaces at the Client's sites."),
    # whom the client gives access for visits is who visits
    ("audit_rights", "audit-rights", "The Client shall give the Provider safe access to its premises for on-site "
                                     "visits."),
    # the items of a list are read after its lead-in: these are the Client's duties
    ("compliance", "legal-compliance", "The Client will:\n\ngive the Provider remote access to its systems;\n\n"
                                       "comply with all laws that apply to its business;\n\nhold valid licences for "
                                       "any software it asks the Provider to install."),
    ("audit_rights", "audit-rights", "The Provider may audit the Client's records and premises once a year to "
                                     "verify the fees payable."),
    ("audit_rights", "audit-rights", "Licensor may, at any time during the term, inspect Licensee's use of the "
                                     "Software."),
    ("insurance", "insurance", "The Client shall, at its own cost, maintain public liability insurance of at least "
                               "GBP 1,000,000."),
    ("business_continuity", "business-continuity", "The Customer shall maintain back-ups of all of its data and "
                                                   "is responsible for its own disaster recovery."),
    ("compliance", "legal-compliance", "The Customer shall comply with all applicable laws in its use of the "
                                       "Services."),
    ("termination", "termination-rights", "The Supplier may terminate this Agreement on thirty (30) days' notice "
                                          "if the Customer fails to pay."),
    # A parenthesis before the verb, a sentence that names no side, a refusal to the client.
    ("audit_rights", "audit-rights", "Provider, or an independent auditor appointed by Provider, may audit Customer's "
                                     "use of the Services. Provider will give ten business days' notice of an audit."),
    ("business_continuity", "business-continuity", "Customer is solely responsible for making regular backup copies "
                                                   "of its data. Provider does not undertake to keep backups."),
    ("indemnity", "indemnity", "Customer agrees to indemnify, defend and hold harmless Provider against all claims."),
    ("termination", "termination-rights", "Customer may not terminate this Agreement before the end of the "
                                          "Subscription Term, whether for convenience or otherwise."),
    # A limit on the client, none on the provider.
    ("assignment", "assignment-subcontracting", "Customer may not assign this Agreement without Provider's prior "
                                                "written consent. Provider may assign this Agreement without "
                                                "Customer's consent."),
    ("assignment", "assignment-subcontracting", "The Vendor may engage subcontractors to perform any part of the "
                                                "Services without the consent of the Client."),
]
RIGHT_WAY = [
    ("compliance", "legal-compliance", "The Provider will:\n\ngive the Client monthly reports;\n\ncomply with all "
                                       "laws that apply to the Services;\n\nhold valid licences for the Services."),
    ("audit_rights", "audit-rights", "The Provider shall permit the Client and its auditors to audit its records."),
    # the provider acting on what an audit found is not the provider auditing
    ("audit_rights", "audit-rights", "The Provider shall remedy each audit finding within thirty days."),
    ("audit_rights", "audit-rights", "Either party may audit the other's records on ten days' notice."),
    ("insurance", "insurance", "The Client may require the Provider to maintain cyber insurance of EUR 5,000,000."),
    ("insurance", "insurance", "Each party shall maintain insurance. The Client shall maintain employer's liability "
                               "insurance."),
    ("termination", "termination-rights", "The Client may terminate this Agreement on thirty (30) days' notice if "
                                          "the Supplier is in material breach."),
    # "Company" can be either side: such a clause is taken as it reads.
    ("insurance", "insurance", "The Company shall maintain public liability insurance of GBP 1,000,000."),
    ("termination", "termination-rights", "The Company may terminate this Agreement for cause. The Consultant may "
                                          "terminate it on thirty (30) days' written notice."),
    ("termination", "termination-rights", "The Company or the Contractor may terminate this Agreement at any time on "
                                          "thirty (30) days' notice."),
    ("audit_rights", "audit-rights", 'Customer and its auditors (the "Auditors") may, on fifteen (15) Business Days\' '
                                     "notice (or shorter notice after a Security Incident), audit Supplier's records."),
    ("audit_rights", "audit-rights", "The Client may not audit more than once in any year, except after a security "
                                     "incident."),
    ("business_continuity", "business-continuity", "Customer shall be responsible for any costs of qualifying a backup "
                                                   "supplier, and Supplier shall cooperate with the qualification of "
                                                   "any backup supplier."),
    ("assignment", "assignment-subcontracting", "Neither party may assign this Agreement without the other's consent."),
    ("assignment", "assignment-subcontracting", "The Supplier shall not subcontract any part of the Services without "
                                                "the Customer's prior written consent."),
    ("assignment", "assignment-subcontracting", "The Provider may subcontract the Services with the Client's prior "
                                                "written consent."),
]


MEETS_NOTHING = [(f"denial-{d[1]}", *d) for d in DENIALS] + [(f"wrong-way-{w[1]}-{i}", *w) for i, w in enumerate(WRONG_WAY)]


@pytest.mark.parametrize("case, category, requirement, text", MEETS_NOTHING, ids=[m[0] for m in MEETS_NOTHING])
def test_a_clause_that_denies_the_protection_or_has_it_the_wrong_way_round_does_not_meet_it(
        case, category, requirement, text):
    findings, _, _ = findings_by_id([clause("c1", text, category)])
    assert findings[requirement]["status"] == "missing"
    # ... and the report says which clause it set aside, and why.
    (set_aside,) = findings[requirement]["set_aside"]
    assert set_aside["clause_id"] == "c1"
    assert set_aside["reason"] == ("it denies the protection" if case.startswith("denial")
                                   else "it has the protection the wrong way round")


STILL_MEETS = [
    ("bounded-denial", "audit_rights", "audit-rights", "The Client may audit the Provider's records on ten days' "
                                                       "notice. The Provider is not required to permit an audit more "
                                                       "than once in any year."),
    ("scoped-denial", "service_levels", "quality-standards", "The Provider is not bound by the service levels in "
                                                             "relation to traffic carried by other networks."),
    ("conditional-denial", "penalties", "service-credits", "The Provider shall credit 5% of the monthly fee for each "
                                                           "missed service level. No service credit shall be payable "
                                                           "where the failure is caused by the Client."),
    ("denial-followed-by-a-duty", "governance", "governance-communication",
     "The Consultant is not required to attend regular meetings. On reasonable notice, the Consultant shall meet the "
     "Company's managers."),
] + [(f"right-way-{w[1]}-{i}", *w) for i, w in enumerate(RIGHT_WAY)]


@pytest.mark.parametrize("case, category, requirement, text", STILL_MEETS, ids=[m[0] for m in STILL_MEETS])
def test_a_limited_denial_or_a_protection_given_to_the_client_or_both_still_meets_it(case, category, requirement, text):
    findings, _, _ = findings_by_id([clause("c1", text, category)])
    assert findings[requirement]["status"] != "missing"


@pytest.mark.parametrize("text, met", [
    ("The Provider shall not assign this Agreement without the Client's prior written consent.", {"consent-to-assign"}),
    ("Neither party may assign its rights or delegate its duties hereunder.",
     {"consent-to-assign", "consent-to-subcontract"}),
    ("The Supplier shall not sub-contract any of the Services.", {"consent-to-subcontract"}),
    ("The Provider shall not assign this Agreement or subcontract any part of the Services without the Client's "
     "prior written consent.", {"consent-to-assign", "consent-to-subcontract"}),
    ("Any assignment of this Agreement requires thirty days' written notice to the other party.", set()),
    ("Subcontracting shall not relieve the Provider of its obligations under this Agreement.", set()),
    # Consent to something else: a change of control, moving data abroad.
    ("The Client may terminate if there is a change in control of the Provider without the Client's prior "
     "written consent.", set()),
    ("The Provider must not transfer Customer Data outside Australia without the prior written consent of the "
     "Customer.", set()),
])
def test_consent_to_assign_or_subcontract_is_what_meets_the_assignment_limit(text, met):
    findings, _, _ = findings_by_id([clause("c1", text, "assignment")])
    finding = findings["assignment-subcontracting"]
    if finding["status"] == "missing":
        # A clause that speaks of no assignment or subcontracting (a change of control) is no
        # limit on them, and says so.
        assert not met and finding["set_aside"][0]["reason"] == "it does not say what the requirement asks"
        return
    assert {"consent-to-assign", "consent-to-subcontract"} - set(finding["missing_elements"]) == met


@pytest.mark.parametrize("text, status", [
    # records kept, or handed over on request, give no right to audit them
    ("The Provider shall keep complete and accurate records of the Services for six years after termination.",
     "missing"),
    ("The Provider shall keep records of each security breach and give the Client a copy on request.", "missing"),
    ("The Provider shall permit the Client, on reasonable notice, to review the books and records of the Provider.",
     "partial"),
    ("The Provider shall give the Client access to its premises and records to verify compliance.", "present"),
])
def test_only_a_clause_that_speaks_of_audit_inspection_or_access_is_an_audit_right(text, status):
    finding = findings_by_id([clause("c1", text, "audit_rights")])[0]["audit-rights"]
    assert finding["status"] == status


def test_a_contract_that_names_its_parties_is_read_by_their_sides():
    free = clause("c1", "Calloway may assign this Agreement or subcontract any of the Services without the consent "
                        "of Harborview.", "assignment")
    audit = clause("c2", "Calloway may audit Harborview's use of the reports once a year.", "audit_rights")
    parties = {"Calloway": "provider", "Harborview": "client"}
    _, read, _ = check(load_playbook(), [free, audit], parties)
    read = {f["requirement"]: f for f in read}
    assert read["assignment-subcontracting"]["status"] == "missing"
    assert read["audit-rights"]["status"] == "missing"
    assert read["audit-rights"]["set_aside"][0]["reason"] == "it has the protection the wrong way round"
    # Without knowing the sides, the clauses are taken as they read.
    unread, _, _ = findings_by_id([free, audit])
    assert unread["audit-rights"]["status"] != "missing"


def test_suggested_wording_calls_the_sides_what_the_contract_calls_them():
    clauses = [clause(f"c{i}", text, "fees") for i, text in enumerate([
        "The Customer shall pay the Contractor the Charges within 30 days.",
        "The Contractor shall invoice the Customer monthly.",
        "The Contractor shall keep records of the Charges for the Customer."])]
    findings, _, _ = findings_by_id(clauses)
    wording = findings["assignment-subcontracting"]["recommendation"]
    assert wording.startswith("The Contractor shall not assign") and "the Customer's prior written consent" in wording
    _, named, _ = check(load_playbook(), clauses, {"Calloway": "provider", "Harborview": "client"})
    wording = {f["requirement"]: f for f in named}["assignment-subcontracting"]["recommendation"]
    assert wording.startswith("Calloway shall not assign") and "Harborview's prior written consent" in wording


def test_a_sum_paid_for_a_data_breach_is_a_penalty_tied_to_it_without_the_word_penalty():
    findings, _, _ = findings_by_id([clause(
        "c1", "If a Breach of Unsecured PHI is caused by the Vendor, the Vendor shall pay the Client $250 for each "
              "individual whose PHI was affected, within thirty days after written demand.", "penalties")])
    assert findings["data-breach-penalty"]["status"] == "present"
    # A credit for missed service levels is no penalty tied to a data breach.
    findings, _, _ = findings_by_id([clause(
        "c1", "If the Vendor misses a service level, the Vendor shall pay the Client a service credit of 5% of the "
              "monthly charges.", "penalties")])
    # ... and is not of the requirement at all: missing, and the report says why.
    finding = findings["data-breach-penalty"]
    assert finding["status"] == "missing" and finding["evidence"] == []
    assert finding["set_aside"][0]["reason"] == "it has no penalty triggered by a data or confidentiality breach"


@pytest.mark.parametrize("text, limited", [
    ("No Change shall be made or charged unless both parties sign a Change Order stating its price.", False),
    ("Any charges for a Change shall be calculated using only the rates set out in Schedule 3 and shall not exceed "
     "the price stated in the Change Order.", True),
    ("The Provider shall not charge for any change that takes less than forty hours of effort.", True),
    # A capped index rise is no limit on what a change costs; nor are "then-current rates".
    ("The Charges may be adjusted once a year by the percentage change in the Consumer Price Index, capped at 3 "
     "per cent.", False),
    ("The Vendor may charge for any Change at its then-current rates, whether or not the Client agrees the "
     "charges first.", False),
    # a change order that is not needed before the invoice limits nothing
    ("The parties shall record each Change in a written change order, but the absence of a signed Change Order "
     "shall not prevent the Provider from invoicing for a Change the Client has instructed.", False),
])
def test_a_limit_on_what_a_change_costs_is_one_sentence_with_the_change_its_price_and_the_limit(text, limited):
    finding = findings_by_id([clause("c1", text, "change_control")])[0]["change-control"]
    assert (finding["status"] != "missing" and "cost-limits" not in finding["missing_elements"]) == limited
    # A clause with neither a change procedure nor a cost limit is no change control at all.
    if finding["status"] == "missing":
        assert finding["set_aside"][0]["reason"] == \
            "it has neither a change request procedure nor limits on what a change may cost"


def test_plain_english_ends_the_agreement_and_tells_of_a_breach():
    findings, _, _ = findings_by_id([
        clause("c1", "Either of us may end this agreement by giving the other at least 60 days' written notice. You may "
                     "also end it at once if we seriously break it (a material breach).", "termination"),
        clause("c2", "If we become aware of a personal data breach, or of any other loss of, damage to or unauthorised "
                     "access to Your Data, we will tell you within 48 hours. We encrypt Your Data and limit access to "
                     "named staff.", "data_protection")])
    assert findings["termination-rights"]["status"] == "present"
    assert "breach-notification" not in findings["data-protection"]["missing_elements"]
    # "unauthorised access to the information" tells nobody anything.
    protection_only, _, _ = findings_by_id([clause(
        "c1", "We protect against unauthorised access to the information you give us.", "data_protection")])
    assert "breach-notification" in protection_only["data-protection"]["missing_elements"]


def test_a_claims_procedure_gives_no_indemnity_once_every_indemnity_is_set_aside():
    procedure = clause("c2", "The party receiving a claim shall give prompt written notice of it and the other "
                             "party shall control its defense and settlement.", "indemnity", confidence=0.5)
    client_indemnity = clause("c1", "The Client shall indemnify and hold harmless the Provider against all "
                                    "third-party claims arising from the Client's data.", "indemnity")
    findings, _, _ = findings_by_id([client_indemnity, procedure])
    indemnity = findings["indemnity"]
    assert indemnity["status"] == "missing"
    assert {e["clause_id"]: e["reason"] for e in indemnity["set_aside"]} == {
        "c1": "it has the protection the wrong way round", "c2": "it only supports the clauses set aside"}
    # Beside an indemnity the right way round, the procedure is evidence as before.
    provider_indemnity = clause("c3", "The Provider shall indemnify the Client against all losses arising from "
                                      "the Provider's breach of data protection law.", "indemnity")
    findings, _, _ = findings_by_id([client_indemnity, procedure, provider_indemnity])
    assert findings["indemnity"]["status"] == "present"
    assert {e["clause_id"] for e in findings["indemnity"]["evidence"]} == {"c2", "c3"}


def test_a_breach_reported_is_a_breach_notified_though_a_citation_holds_full_stops():
    text = ("Business Associate shall report to Covered Entity any use or disclosure of PHI not provided for by this "
            "Agreement of which it becomes aware, including any Breach of Unsecured PHI as required by 45 C.F.R. "
            "Section 164.410, without unreasonable delay. Business Associate shall implement administrative, "
            "physical and technical safeguards, and shall limit access to PHI to its workforce members who need it.")
    findings, _, _ = findings_by_id([clause("c1", text, "data_protection")])
    assert findings["data-protection"]["status"] == "present"


@pytest.mark.parametrize("text, tested", [
    ("The Provider shall maintain a business continuity plan and test it at least once a year.", True),
    ("The Provider shall maintain a disaster recovery plan with a recovery time objective of four (4) hours.", True),
    # a test environment, a restore on request, and a recovery time promised by no one
    ("The Provider shall keep a business continuity plan and separate test and production environments.", False),
    ("The Provider shall keep a business continuity plan and restore files from the latest backup on request; it does "
     "not commit to any recovery time or recovery point.", False),
    # a deadline to hand over the plan is no recovery time
    ("The Provider shall deliver its disaster recovery plan to the Client within 20 Business Days.", False),
])
def test_a_continuity_plan_is_tested_or_has_a_recovery_time_only_when_the_clause_says_so(text, tested):
    finding = findings_by_id([clause("c1", text, "business_continuity")])[0]["business-continuity"]
    assert ("testing-or-recovery-time" not in finding["missing_elements"]) == tested


@pytest.mark.parametrize("text, licensed", [
    ("The Provider shall comply with all laws and hold all licences and permits needed to perform the Services.", True),
    ("The Provider shall comply with all laws and obtain every regulatory approval the Services need.", True),
    # a subscriber's consent to marketing, a party's approval of samples: no licence or permit
    ("The Provider shall comply with all laws, including by obtaining the consent required under CASL before "
     "sending any commercial message.", False),
    ("The Provider shall comply with all laws and submit each product to the Client for its approval.", False),
])
def test_a_licence_or_permit_is_an_officials_not_anyones_consent(text, licensed):
    finding = findings_by_id([clause("c1", text, "compliance")])[0]["legal-compliance"]
    assert ("licences-permits" not in finding["missing_elements"]) == licensed


def test_the_insurance_of_those_the_services_are_about_is_no_insurance_cover():
    verification = clause("c1", "As part of the Services, the Vendor shall verify each patient's health insurance "
                                "eligibility and obtain prior authorization for charges of $2,500 or more.", "insurance")
    finding = findings_by_id([verification])[0]["insurance"]
    assert finding["status"] == "missing"
    assert finding["set_aside"][0]["reason"] == "it has no insurance cover"


def test_an_item_is_read_after_its_lead_in_for_the_elements_too():
    lead = {**clause("c1", "14.1 The Provider shall maintain at its own cost the following insurance:", "insurance"),
            "number": "14.1"}
    item = {**clause("c2", "(a) public liability cover of not less than $2,000,000 for each claim;", "insurance"),
            "number": "(a)", "parent": "c1"}
    finding = findings_by_id([lead, item])[0]["insurance"]
    assert finding["status"] == "present"


def test_a_fragment_of_a_list_comes_after_the_clauses_that_say_something():
    fragment = {**clause("c1", "(a) Privacy Laws;", "data_protection", confidence=0.99), "number": "(a)"}
    safeguards = clause("c2", "The Provider shall protect Client Personal Data with security safeguards appropriate to "
                              "its sensitivity.", "data_protection", confidence=0.7)
    findings, _, _ = findings_by_id([fragment, safeguards])
    assert [e["clause_id"] for e in findings["data-protection"]["evidence"]] == ["c2", "c1"]


@pytest.mark.parametrize("category, requirement, text, element", [
    ("penalties", "data-breach-penalty",
     "The Provider shall credit 5% of the monthly fee for each hour of unavailability. Service Credits shall not be "
     "available for any suspension of access in response to an actual or suspected Security Incident.",
     "tied-to-data-breach"),
    ("compliance", "legal-compliance",
     "The Provider will comply with all laws that apply to it. The Provider is not responsible for holding any "
     "license required for those activities.", "licences-permits"),
    # "permit" the verb is no permit
    ("compliance", "legal-compliance",
     "The Provider will comply with all laws and shall not permit any third party to breach them.",
     "licences-permits"),
])
def test_a_sentence_that_refuses_the_protection_meets_none_of_its_elements(category, requirement, text, element):
    finding = findings_by_id([clause("c1", text, category)])[0][requirement]
    assert finding["status"] == "missing" or element in finding["missing_elements"]


def test_an_inline_item_that_refuses_is_read_apart_from_the_one_that_grants():
    text = ("Boxlot shall (a) obtain all governmental approvals, permits and licenses necessary for the Service, and "
            "(b) ensure that theglobe is not required to obtain any governmental approvals, permits or licenses.")
    finding = findings_by_id([clause("c1", text, "compliance")])[0]["legal-compliance"]
    assert "licences-permits" not in finding["missing_elements"]


def test_handing_over_data_and_a_handover_document_is_knowledge_transfer_in_plain_english():
    text = ("When this agreement is coming to an end, for up to three months after it ends we will hand over all of "
            "Your Data, records and passwords, and give your new provider a written handover document.")
    finding = findings_by_id([clause("c1", text, "transition")])[0]["exit-transition"]
    assert "knowledge-transfer" not in finding["missing_elements"]


@pytest.mark.parametrize("category, requirement, lacking, reason, real", [
    # liquidated damages for hiring the provider's staff are no service credit
    ("penalties", "service-credits",
     "If the Client hires any member of the Provider's staff during the Term, the Client shall pay the Provider, as "
     "liquidated damages, fifty percent (50%) of that person's annual salary.",
     "it has no credit or penalty triggered by under-performance",
     "If the Provider fails to meet a Service Level in any month, the Client shall receive a service credit of 5% of "
     "the monthly charges."),
    # taking the work over at the start is no exit transition
    ("transition", "exit-transition",
     "The Contractor shall take over the operation of the Client's IT infrastructure in a transition phase of three "
     "months, with knowledge transfer from the Client's IT staff.",
     "it has no help on expiry or termination",
     "On expiry or termination, the Contractor shall for six months give the Client the assistance it needs to move "
     "the services to a successor, including knowledge transfer."),
])
def test_a_clause_without_the_essential_element_is_set_aside_and_the_real_one_is_the_evidence(
        category, requirement, lacking, reason, real):
    finding = findings_by_id([clause("c1", lacking, category)])[0][requirement]
    assert finding["status"] == "missing"
    assert finding["set_aside"][0]["reason"] == reason
    finding = findings_by_id([clause("c1", lacking, category), clause("c2", real, category)])[0][requirement]
    assert finding["status"] == "present"
    assert [e["clause_id"] for e in finding["evidence"]] == ["c2"]
