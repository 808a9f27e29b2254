"""Which party is the provider, when a contract names its sides by proper names."""

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
