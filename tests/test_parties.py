"""Which party is the provider, when a contract names its sides by proper names."""

import pytest

from clausecheck.nlp.parties import as_roles, defined_parties, party_roles

PREAMBLE = """REVENUE CYCLE SERVICES AGREEMENT

This Agreement is made between Harborview Health System, Inc. ("Harborview") and Calloway Revenue
Solutions LLC ("Calloway"), effective as of March 1, 2026 (the "Effective Date").

1. Calloway shall provide the Services described in Exhibit A to Harborview.
2. Calloway shall perform the Services in accordance with the Service Levels.
3. Harborview shall pay the Fees within forty-five days after receiving Calloway's invoice.
4. Calloway shall invoice Harborview monthly in arrears.
5. Harborview may audit Calloway's records on ten days' notice.
"""


def test_the_side_that_performs_is_the_provider_and_the_side_that_pays_the_client():
    assert defined_parties(PREAMBLE) == ["Harborview", "Calloway"]
    assert party_roles(PREAMBLE) == {"Calloway": "provider", "Harborview": "client"}


def test_role_names_or_an_unclear_contract_give_no_parties():
    by_role = PREAMBLE.replace("Harborview", "Customer").replace("Calloway", "Supplier")
    assert party_roles(by_role) == {}
    # Both sides perform services and both pay: no reading is clear.
    mutual = PREAMBLE + "\n6. Harborview shall provide the Services in Exhibit B to Calloway.\n" \
                        "7. Calloway shall pay the Fees for those Services.\n8. Harborview shall invoice Calloway.\n"
    assert party_roles(mutual) == {}


def test_names_are_read_as_their_roles():
    parties = {"Calloway": "provider", "Harborview": "client"}
    assert as_roles("Calloway may assign this Agreement without Harborview's consent.", parties) == \
        "Provider may assign this Agreement without Client's consent."
    assert as_roles("Calloway may assign.", {}) == "Calloway may assign."


def test_a_name_beside_a_role_name_is_the_other_side():
    # "the Authority" and "the Supplier": the Supplier is the provider, so the Authority is the client.
    text = PREAMBLE.replace("Calloway", "Supplier")
    assert party_roles(text) == {"Harborview": "client"}
    # ... and "Company" beside "Consultant" is the client, though alone it could be either.
    text = PREAMBLE.replace("Calloway", "Consultant").replace("Harborview", "Company")
    assert party_roles(text) == {"Company": "client"}


PLAIN = """OUTSOURCED SERVICES AGREEMENT

This agreement is made between Ledgerline Ltd ("Ledgerline", "we", "us", "our") and Harbour Fit-Out
Limited ("you", "your").

We will provide the Services described below. You will pay us the monthly fee within 30 days of our
invoice. We will perform the Services with reasonable skill and care. You will pay for any extra work
we agree to. We will supply a monthly report to you. You must give us access to your premises when we
need it.
"""


def test_a_contract_that_calls_its_sides_we_and_you_is_read_by_who_provides_and_who_pays():
    roles = party_roles(PLAIN)
    assert roles == {"we": "provider", "you": "client", "Ledgerline": "provider"}
    assert as_roles("You must give us access to your records so that we can audit them.", roles) == \
        "Client must give Provider access to Client records so that Provider can audit them."
    # A contract written by the client ("we" pay, "you" provide) reads the other way round.
    by_the_client = """This agreement is made between Harbour Fit-Out Limited ("we", "us", "our") and Ledgerline
Ltd ("Ledgerline", "you", "your").

You will provide the Services. We will pay you the fee. You will perform the Services with care. We will
pay you for extra work. You will supply a monthly report to us.
"""
    assert party_roles(by_the_client) == {"you": "provider", "we": "client", "Ledgerline": "provider"}


def test_the_parties_line_and_the_suggested_wording_keep_pronouns_out_of_names():
    from clausecheck.gaps import check
    from clausecheck.playbook import load_playbook
    from clausecheck.report.render import parties_line

    roles = party_roles(PLAIN)
    assert parties_line({"document": {"parties": roles}}) == 'Ledgerline, "we" as the provider, "you" as the client'
    _, findings, _ = check(load_playbook(), [], roles)
    insurance = next(f for f in findings if f["requirement"] == "insurance")
    assert insurance["recommendation"].startswith("Ledgerline shall")
    assert next(f for f in findings if f["requirement"] == "audit-rights")["recommendation"].startswith("The Client ")


PARTY_FORMS = [
    # a party acting for several entities
    ('This Agreement is made between Hudson Health System, Inc., on behalf of itself and its hospitals '
     '(collectively, "Hospital"), and Meridian Claims LLC ("Vendor").\n' + "Hospital shall pay Vendor.\n" * 5
     + "Vendor shall provide the Services.\n" * 5, ["Hospital", "Vendor"], {"Hospital": "client"}),
    # a Canadian party block: terms defined after "agree as follows" are no parties once the
    # preamble has named two, and "Service Provider" is a party
    ('NORTHSHORE TELECOM INC.\n\n("Company")\n\n- and -\n\nMAPLEVIEW CONTACT LTD.\n\n("Service Provider")\n\n'
     "NOW THEREFORE the parties agree as follows:\n\n"
     '1.1 Information disclosed by a party (the "Discloser") to the other party (the "Recipient") ...\n'
     + "The Discloser and the Recipient, Company and Service Provider.\n" * 5,
     ["Company", "Service Provider"], {"Company": "client"}),
    # names without quotes, as New Zealand and Australian government forms give them
    ("Parties\n\n1. Makarora District Council, a local authority, of 44 Ardmore Street (the Council)\n\n"
     "2. PayLine Bureau Services Limited, a company incorporated in New Zealand (the Supplier)\n\n"
     "This Agreement is made under the Local Government Act 2002 (the Act).\n"
     + "The Supplier will provide the Services to the Council and the Council will pay the Supplier.\n" * 5,
     ["Council", "Supplier"], {"Council": "client"}),
]


@pytest.mark.parametrize("text, names, roles", PARTY_FORMS, ids=["collectively", "canadian", "unquoted"])
def test_parties_defined_in_the_forms_contracts_use(text, names, roles):
    assert defined_parties(text) == names
    assert party_roles(text) == roles
