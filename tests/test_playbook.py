import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from clausecheck.cli import main
from clausecheck.errors import PlaybookError
from clausecheck.playbook import load_playbook
from clausecheck.taxonomy import CATEGORY_IDS

from shared_data import SHARED

GOOD = """
name = "Mine"
version = "2"
[[requirement]]
id = "exit"
title = "Exit plan"
severity = "high"
risk = "dependency"
categories = ["transition"]
  [[requirement.elements]]
  id = "period"
  facts = ["duration"]
"""


def test_default_playbook_loads_and_covers_the_families():
    book = load_playbook()
    covered = {c for req in book.requirements for c in req.categories}
    # The design card's five families, and every taxonomy category.
    assert {"data_protection", "penalties", "termination", "change_control", "compliance"} <= covered
    assert covered == set(CATEGORY_IDS)
    for req in book.requirements:
        assert req.rationale and req.recommendation and req.source, req.id


def test_every_risk_and_mitigation_of_the_guidance_is_traced():
    book = load_playbook()
    risks = " ".join(req.risk + " " + req.source for req in book.requirements).lower()
    named_risks = ["quality control", "security and confidentiality", "communication and cultural differences",
                   "dependency on the outsourced company", "legal and regulatory compliance",
                   "loss of managerial control", "hidden costs", "threat to confidentiality and security",
                   "quality problems", "financially tied to another company", "ill will and bad publicity"]
    for risk in named_risks:
        assert risk in risks, risk
    mitigations = {"on-site": "audit-rights", "data protection agreement": "data-protection",
                   "penalty clause": "data-breach-penalty", "contingency plan": "business-continuity",
                   "transition plan": "exit-transition", "transfer knowledge": "exit-transition",
                   "licences and permits": "legal-compliance", "communication protocols": "governance-communication"}
    by_id = {req.id: req for req in book.requirements}
    for phrase, rid in mitigations.items():
        assert phrase in by_id[rid].source.lower(), (phrase, rid)


def test_seed_headings_all_appear_in_the_playbook():
    seeds = SHARED / "seeds"
    if not seeds.exists():
        pytest.skip("needs ../shared/seeds (the guidance articles)")
    text = " ".join(p.read_text() for p in seeds.glob("*.txt"))
    headings = re.findall(r"^\d\. ([^\n]+?)\.?\s*$", text, re.M)
    assert len(headings) == 6
    book_text = Path(load_playbook().path).read_text().lower()
    for heading in headings:
        assert heading.lower().strip(". ") in book_text, heading


def test_custom_playbook(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(GOOD)
    book = load_playbook(path)
    assert book.name == "Mine" and book.requirements[0].elements[0].facts == ("duration",)


@pytest.mark.parametrize("edit,message", [
    (('severity = "high"', 'severity = "urgent"'), "requirement 'exit': field 'severity' must be one of"),
    (('categories = ["transition"]', 'categories = ["exit"]'), "requirement 'exit': field 'categories': unknown category 'exit'"),
    (('facts = ["duration"]', 'patterns = ["(unclosed"]'), "requirement 'exit', element 'period': pattern"),
    (('title = "Exit plan"\n', ''), "requirement 'exit': field 'title' is required"),
    (('categories = ["transition"]', 'categories = ["transition"]\nsubject = ["(unclosed"]'),
     "requirement 'exit': field 'subject' is not a list of valid regular expressions"),
    (('categories = ["transition"]', 'categories = ["transition"]\nsubject = "exit"'),
     "requirement 'exit': field 'subject' must be a list of regular expressions"),
    (('categories = ["transition"]', 'categories = ["transition"]\nsubject = ["exit"]\nnot_by = "supplier"'),
     "requirement 'exit': field 'not_by' must be one of provider, client (got 'supplier')"),
    (('categories = ["transition"]', 'categories = ["transition"]\nnot_by = "client"'),
     "requirement 'exit': field 'not_by' needs a 'subject'"),
    (('categories = ["transition"]', 'categories = ["transition"]\nsubject = ["exit"]\nnot_by = "client"\n'
                                     'restricts = "provider"'),
     "requirement 'exit': fields 'not_by' and 'restricts' exclude each other"),
    (('version = "2"', 'version = "2"\nsources = {A = ""}'),
     "top level: [sources] must map each short name to a title"),
    (('facts = ["duration"]', "together = ['months']"),
     "requirement 'exit', element 'period': field 'together' needs two or more patterns"),
    (('facts = ["duration"]', 'facts = ["duration"]\n  essential = "yes"'),
     "requirement 'exit', element 'period': field 'essential' must be true or false"),
    (('categories = ["transition"]', 'categories = ["transition"]\nsubject = ["exit"]\nrests_on_subject = 1'),
     "requirement 'exit': field 'rests_on_subject' must be true or false"),
    (('categories = ["transition"]', 'categories = ["transition"]\nrests_on_subject = true'),
     "requirement 'exit': field 'rests_on_subject' needs a 'subject'"),
])
def test_invalid_playbook_names_requirement_and_field(tmp_path, edit, message):
    path = tmp_path / "p.toml"
    path.write_text(GOOD.replace(*edit))
    with pytest.raises(PlaybookError) as info:
        load_playbook(path)
    assert message in str(info.value)


def test_playbook_cli(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["playbook", "check"])
    assert result.exit_code == 0 and "ok:" in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('severity = "high"', 'severity = "urgent"'))
    result = runner.invoke(main, ["playbook", "check", str(bad)])
    assert result.exit_code == 2
    assert "field 'severity'" in result.output and "Traceback" not in result.output
    broken = tmp_path / "broken.toml"
    broken.write_text("name = ")
    result = runner.invoke(main, ["playbook", "check", str(broken)])
    assert result.exit_code == 2 and "not valid TOML" in result.output
    shown = runner.invoke(main, ["playbook", "show"])
    assert "data-protection" in shown.output and "[high" in shown.output


def test_an_element_met_by_patterns_together_needs_them_in_one_sentence(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(GOOD.replace('facts = ["duration"]', "together = ['\\bexit', 'months?']\n  essential = true"))
    (element,) = load_playbook(path).requirements[0].elements
    assert element.essential
    assert element.met_by(["Exit assistance lasts six months."], set())
    assert not element.met_by(["Exit assistance is given. It lasts six months."], set())
