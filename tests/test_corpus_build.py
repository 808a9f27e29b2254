"""The corpus builder: labelling functions, the CUAD overlap rule, unit cutting, and a small build.

Clauses here are our own sentences. The last tests run the builder on a few documents of
../shared/data and are skipped when that folder is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from clausecheck.taxonomy import CATEGORY_IDS  # noqa: E402
from corpus import build_corpus, sources  # noqa: E402
from corpus.labelling import cuad_overlap, label_unit, positives  # noqa: E402

SHARED = REPO / ".." / "shared"

# Unambiguous clauses per category (text, own heading) ...
POS = {
 "confidentiality": [("The Recipient shall keep the Discloser's Confidential Information secret and shall not disclose it to any third party without prior written consent.", None),
                     ("Upon request, each party will return or destroy all Confidential Information of the other party in its possession.", None)],
 "data_protection": [("The Processor shall notify the Controller of any Personal Data Breach without undue delay and in any event within 48 hours.", None),
                     ("Vendor will implement appropriate technical and organisational measures to protect Customer Data against unauthorised access.", "Security")],
 "service_levels": [("The Hosting Services will be available 99.9% of the time in each calendar month, excluding scheduled maintenance.", None),
                    ("Priority 1 incidents shall have a response time of one hour and a resolution time of four hours.", "Support")],
 "audit_rights": [("Upon thirty days notice, Client may audit Supplier's books and records relating to the Services, once per calendar year.", None)],
 "governance": [("The parties shall establish a steering committee that meets quarterly to review performance and resolve escalated issues.", None),
                ("Supplier shall appoint an account manager who will deliver a monthly status report to the Customer.", None)],
 "fees": [("Customer shall pay each undisputed invoice within thirty (30) days of receipt. Late payments accrue interest at one percent per month.", None),
          ("All fees are exclusive of sales, use and value added taxes, which Customer shall bear.", "Fees")],
 "change_control": [("Either party may submit a change request proposing changes to the scope of the Services; no change is binding until both parties sign a change order.", None),
                    ("Supplier may not increase the fees more than once in any twelve-month period, and any increase shall not exceed the rise in the consumer price index.", None)],
 "penalties": [("If Availability falls below the Service Level, Provider shall issue Service Credits against the next invoice as set out in the table below.", None),
               ("For each day of delay beyond the Delivery Date, Contractor shall pay liquidated damages of $500 per day.", None)],
 "liability_cap": [("In no event shall either party be liable for any indirect, incidental or consequential damages, and each party's aggregate liability shall not exceed the fees paid in the twelve months before the claim.", None)],
 "indemnity": [("Supplier shall indemnify, defend and hold harmless Customer from and against all losses arising from third-party claims of infringement.", None)],
 "insurance": [("Contractor shall maintain commercial general liability insurance of at least $2,000,000 per occurrence and provide certificates of insurance on request.", None)],
 "termination": [("Either party may terminate this Agreement for convenience on ninety (90) days' written notice to the other party.", None),
                 ("Customer may terminate this Agreement immediately if Supplier commits a material breach that it fails to cure within thirty days.", None)],
 "transition": [("Upon expiry or termination, Supplier shall provide transition assistance to Customer and any successor provider for up to six months.", None),
                ("Within thirty days after termination, Provider shall return all Customer Data in a standard format and then delete its copies.", None)],
 "business_continuity": [("Provider shall maintain and test at least annually a business continuity and disaster recovery plan, with a recovery time objective of four hours.", None),
                         ("Licensor shall deposit the source code of the Software with an escrow agent and keep the deposit current.", None)],
 "assignment": [("Neither party may assign or transfer this Agreement without the prior written consent of the other party, except in connection with a merger.", None),
                ("Supplier shall not subcontract any of its obligations without Customer's prior written approval.", None)],
 "compliance": [("Supplier shall comply with all applicable laws and regulations, including anti-bribery laws, in performing the Services.", None),
                ("Each party shall obtain and maintain all licenses and permits required by applicable law to perform its obligations.", None)],
 "governing_law": [("This Agreement is governed by the laws of the State of Delaware, and the parties submit to the exclusive jurisdiction of its courts.", None),
                   ("Any dispute arising under this Agreement shall be finally settled by arbitration under the rules of the American Arbitration Association.", None)],
}
# ... and hard negatives: they mention the topic but do not do what the category says.
NEG = {
 "confidentiality": [("\"Confidential Information\" means any information disclosed by one party to the other that is marked as confidential.", None)],
 "data_protection": [("The Borrower grants the Lender a security interest in all of its accounts and inventory to secure the Loans.", None)],
 "service_levels": [("The parties agree that money damages may be inadequate and that specific performance is an available remedy.", "Specific Performance")],
 "audit_rights": [("Supplier shall send Customer an invoice at the end of each month for the Services performed.", None)],
 "governance": [("All notices under this Agreement shall be in writing and sent by certified mail to the addresses set out above.", "Notices")],
 "fees": [("Each party's aggregate liability shall not exceed the fees paid by Customer in the twelve months preceding the claim.", None)],
 "change_control": [("This Agreement may not be amended except by a written instrument signed by both parties.", "Amendments")],
 "penalties": [("Customer may terminate this Agreement for convenience at any time without penalty upon thirty days notice.", None)],
 "liability_cap": [("Supplier shall maintain professional liability insurance with limits of at least $1,000,000.", None)],
 "indemnity": [("Contractor shall maintain general liability insurance and name Customer as an additional insured.", None)],
 "insurance": [("The parties shall comply with all applicable laws in performing their obligations.", None)],
 "termination": [("Sections 5, 7 and 9 shall survive any termination or expiration of this Agreement.", None)],
 "transition": [("This Agreement is governed by the laws of England and Wales.", None)],
 "business_continuity": [("Neither party is liable for any failure to perform caused by events beyond its reasonable control, including fire, flood, war or acts of God.", "Force Majeure")],
 "assignment": [("Employee hereby assigns to the Company all right, title and interest in any inventions made during employment.", None)],
 "compliance": [("To the extent permitted by applicable law, the Supplier disclaims all implied warranties of merchantability.", None)],
 "governing_law": [("Supplier shall comply with all applicable export control laws and regulations.", None)],
}
# Clauses that are no category at all (TAXONOMY.md "notes for labellers").
GENERAL_NEG = [
 ("If any provision of this Agreement is held invalid or unenforceable, the remaining provisions shall remain in full force and effect.", None),
 ("This Agreement may be executed in counterparts, each of which shall be deemed an original.", None),
 ("WHEREAS, the Customer wishes to obtain certain services from the Supplier and the Supplier wishes to provide them;", None),
 ("\"Services\" means the services described in each Statement of Work, including any deliverables.", None),
]


def test_every_category_has_positive_and_hard_negative_examples():
    assert set(POS) == set(CATEGORY_IDS)
    assert set(NEG) == set(CATEGORY_IDS)


@pytest.mark.parametrize("category,text,heading", [(c, t, h) for c, items in POS.items() for t, h in items])
def test_labelling_functions_find_clear_positives(category, text, heading):
    votes = label_unit(text, heading)
    assert votes[category].positive, f"{category} missed"
    assert votes[category].reasons, "a positive vote must say why"


@pytest.mark.parametrize("category,text,heading", [(c, t, h) for c, items in NEG.items() for t, h in items])
def test_labelling_functions_reject_hard_negatives(category, text, heading):
    assert category not in positives(text, heading)


@pytest.mark.parametrize("text,heading", GENERAL_NEG)
def test_boilerplate_definitions_and_recitals_get_no_category(text, heading):
    assert positives(text, heading) == set()


def test_a_definition_mentioning_confidential_information_is_a_hard_negative():
    votes = label_unit(NEG["confidentiality"][0][0])
    assert not votes["confidentiality"].positive
    assert votes["confidentiality"].mentions  # so it can be proposed to reviewers as a hard negative
    assert votes["confidentiality"].vetoed == "definition"


def test_a_clause_covering_two_topics_gets_both():
    text = "Provider shall comply with all applicable laws, including data protection laws such as the GDPR."
    assert {"compliance", "data_protection"} <= positives(text)


def test_inherited_heading_needs_support_from_the_text():
    child = "The Customer may request a copy of the most recent report."
    assert not label_unit(child, "Term and Termination", None)["termination"].positive
    assert label_unit(child + " Either party may cancel on notice.", "Term and Termination", None)["termination"].positive
    clause = "Either party may end the arrangement upon written notice if the other becomes insolvent."
    assert "termination" in positives(clause, "Termination")


def test_force_majeure_counts_for_continuity_only_with_a_recovery_plan():
    bare = "Neither party is liable for delays caused by events beyond its reasonable control, such as flood or fire."
    with_plan = bare + " The Supplier shall nevertheless maintain and invoke its disaster recovery plan."
    assert "business_continuity" not in positives(bare, "Force Majeure")
    assert "business_continuity" in positives(with_plan, "Force Majeure")


# -- CUAD overlap rule --------------------------------------------------------------------

def test_cuad_overlap_rule():
    # unit [1000, 1400)
    assert cuad_overlap(1000, 1400, []) == "neg"
    assert cuad_overlap(1000, 1400, [(1100, 1200)]) == "pos"  # excerpt inside the unit
    assert cuad_overlap(1000, 1400, [(1300, 1500)]) == "pos"  # half the excerpt in the unit
    assert cuad_overlap(1000, 1400, [(500, 3000)]) == "pos"  # unit inside a long excerpt
    assert cuad_overlap(1000, 1400, [(1350, 1600)]) == "undecided"  # a sentence spills into the unit
    assert cuad_overlap(1000, 1400, [(1390, 1800)]) == "neg"  # a few characters: no overlap
    assert cuad_overlap(1000, 1400, [(0, 900), (1500, 1600)]) == "neg"
    assert cuad_overlap(1000, 1400, [(1350, 1600), (1010, 1100)]) == "pos"  # any excerpt decides


def test_locate_finds_excerpts_with_other_whitespace_and_omitted_parts():
    text = "1. Term.  The term is\n  two years.\n\nPage 3\n\nand renews yearly. 2. Fees. Nothing."
    start = text.index("The term")
    assert sources.locate(text, "The term is two years.") == (start, text.index("years.") + len("years."))
    start, end = sources.locate(text, "two years.<omitted>and renews yearly.")
    assert text[start:end].startswith("two years.") and text[start:end].endswith("renews yearly.")
    assert sources.locate(text, "a sentence that is not there") is None


# -- unit cutting -------------------------------------------------------------------------

def _contract(n_long_sentences: int) -> str:
    sentence = "The Supplier shall perform the services with due care and report progress every week. "
    return ("12. Termination\n\n"
            "(a) Either party may terminate this Agreement on ninety days notice to the other party.\n\n"
            "(b) " + sentence * n_long_sentences + "\n\n"
            "(c) Too short.\n\n"
            "13. Governing Law. This Agreement is governed by the laws of the State of New York.")


def test_units_skip_headings_and_short_clauses_and_inherit_headings():
    text = _contract(2)
    units = sources.cut_units(text, "doc.txt", "doc.txt", "cuad")
    bodies = [u.text for u in units]
    assert not any(b.strip() == "12. Termination" for b in bodies)
    assert not any("Too short" in b for b in bodies)
    sub = next(u for u in units if u.text.startswith("(a)"))
    assert sub.heading == "Termination" and sub.own_heading is None
    for u in units:
        assert text[u.start:u.end] == u.text


def test_long_units_are_cut_at_sentence_boundaries():
    text = _contract(60)  # clause (b) is about 5,300 characters
    units = [u for u in sources.cut_units(text, "doc.txt", "doc.txt", "cuad") if "due care" in u.text]
    assert len(units) >= 4
    assert all(len(u.text) <= sources.PIECE_MAX for u in units)
    assert all(u.text.rstrip().endswith(".") for u in units)
    assert all(u.heading == "Termination" for u in units)
    assert sources.cut_units(text, "doc.txt", "g", "cuad")[1].start == units[0].start  # deterministic


def test_one_paragraph_per_line_text_keeps_original_offsets():
    original = ("MUTUAL NON-DISCLOSURE AGREEMENT\n"
                "1. The Recipient shall hold the Confidential Information in strict confidence.\n"
                "2. The Recipient shall return all documents containing Confidential Information on request.")
    doubled, to_original = sources._double_newlines(original)
    units = sources.cut_units(doubled, "nda", "nda", "contractnli", to_original, original)
    assert [u.text[:2] for u in units] == ["1.", "2."]
    for u in units:
        assert original[u.start:u.end] == u.text


# -- the builder on real data (skipped without ../shared) ---------------------------------

needs_shared = pytest.mark.skipif(not (SHARED / "data" / "cuad").is_dir(),
                                  reason="../shared/data (CUAD, ContractNLI, LEDGAR, templates) not present")


def _build(tmp_path: Path, name: str, labels: Path) -> Path:
    out = tmp_path / name
    code = build_corpus.main(["--shared", str(SHARED), "--out", str(out), "--labels", str(labels),
                              "--proposals", "--proposals-dir", str(tmp_path / f"proposals-{name}"),
                              "--limit-cuad", "3", "--limit-other", "3"])
    assert code == 0
    return out


@needs_shared
@pytest.mark.shared
def test_builder_writes_the_corpus_format_deterministically_and_applies_reviews(tmp_path):
    labels = tmp_path / "labels"
    labels.mkdir()
    first = _build(tmp_path, "a.jsonl", labels)
    rows = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert rows
    kinds = set()
    for row in rows:
        assert set(row) == {"text", "labels", "source", "heading", "group", "ignore", "by_rules"}
        assert row["text"].strip() and len(row["text"].split()) >= 6
        assert set(row["labels"]) <= set(CATEGORY_IDS) and set(row["ignore"]) <= set(CATEGORY_IDS)
        assert not set(row["labels"]) & set(row["ignore"])
        # by_rules: negatives only the labelling functions decided, never CUAD's exhaustive ones
        assert not set(row["by_rules"]) & (set(row["labels"]) | set(row["ignore"]))
        if row["source"].startswith("cuad/"):
            assert not set(row["by_rules"]) & set(build_corpus.CUAD_EXACT_CATEGORIES)
        path, span = row["source"].rsplit("#", 1)
        start, end = map(int, span.split("-"))
        assert end - start == len(row["text"])
        kinds.add(path.split("/")[0])
    assert kinds == {"cuad", "contractnli", "ledgar_lexglue_sample", "contract_docx_templates"}
    assert any(row["labels"] for row in rows) and any(not row["labels"] for row in rows)
    cuad_text = (SHARED / "data" / rows[0]["source"].rsplit("#", 1)[0]).read_text(encoding="utf-8")
    start, end = map(int, rows[0]["source"].rsplit("#", 1)[1].split("-"))
    assert cuad_text[start:end] == rows[0]["text"]

    proposals = sorted((tmp_path / "proposals-a.jsonl").glob("*.jsonl"))
    assert {p.stem for p in proposals} == set(build_corpus.PROPOSAL_CATEGORIES) | {"MANIFEST"}
    proposal = json.loads((tmp_path / "proposals-a.jsonl" / "fees.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert {"key", "source", "start", "end", "heading", "text", "proposed", "reasons"} <= set(proposal)

    # Same inputs, byte-identical output.
    assert _build(tmp_path, "b.jsonl", labels).read_bytes() == first.read_bytes()

    # A reviewed decision wins over the labelling functions.
    target = rows[0]
    path, span = target["source"].rsplit("#", 1)
    start, end = map(int, span.split("-"))
    flipped = "fees" not in target["labels"]
    (labels / "fees.jsonl").write_text(json.dumps({"source": path, "start": start, "end": end, "label": flipped}) + "\n",
                                       encoding="utf-8")
    reviewed = [json.loads(line) for line in _build(tmp_path, "c.jsonl", labels).read_text(encoding="utf-8").splitlines()]
    row = next(r for r in reviewed if r["source"] == target["source"])
    assert ("fees" in row["labels"]) is flipped
    assert "fees" not in row["by_rules"]  # a reviewer decided it


def _decided(start: int, end: int) -> build_corpus.Decided:
    unit = sources.Unit("doc.txt", start, end, "x" * (end - start), None, None, "doc.txt", "cuad")
    return build_corpus.Decided(unit, {}, {}, set(), {})


def test_reviewed_labels_follow_a_changed_segmentation_by_overlap():
    # The reviewer saw [0, 1400); the segmenter now cuts [0, 1800) and [1801, 2600).
    whole, rest = _decided(0, 1800), _decided(1801, 2600)
    moved = build_corpus._relocate([whole, rest], 0, 1400, True)
    assert moved == [(whole, True)]
    # A reviewed negative span covering several new units makes each of them negative ...
    pieces = [_decided(0, 500), _decided(501, 1000), _decided(1001, 1400)]
    assert [d for _, d in build_corpus._relocate(pieces, 0, 1400, False)] == [False, False, False]
    # ... but a positive one cannot say which piece holds the clause: undecided.
    assert [d for _, d in build_corpus._relocate(pieces, 0, 1400, True)] == [None, None, None]
