"""A contract in a style the samples do not have, read by the shipped model.

tests/contracts/us_master_services_agreement.txt was written for these tests (by us, from
scratch): a US-style master services agreement ("ARTICLE 12 TERMINATION", "Section 12.04",
WHEREAS recitals, New York law, an SLA exhibit). It has every protection of the default
playbook except one we left out on purpose: nothing makes the supplier pay when data is not
protected (its service credits are for service-level misses only).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clausecheck.cli import main
from clausecheck.model import default_model_dir

MSA = Path(__file__).parent / "contracts" / "us_master_services_agreement.txt"


@pytest.fixture(scope="module")
def findings() -> dict[str, dict]:
    if not (default_model_dir() / "model.json").exists():
        pytest.skip(f"no shipped clause model at {default_model_dir()} (train one with `clausecheck train`)")
    result = CliRunner().invoke(main, ["scan", str(MSA), "--format", "json"])
    assert result.exit_code == 0, result.output
    return {f["requirement"]: f for f in json.loads(result.stdout)["findings"]}


def test_only_the_gap_we_wrote_is_reported(findings):
    gaps = {rid: f["missing_elements"] for rid, f in findings.items() if f["status"] != "present"}
    assert gaps == {"data-breach-penalty": ["tied-to-data-breach"]}


def test_evidence_quotes_the_clause_that_does_what_the_requirement_asks(findings):
    def numbers(requirement):
        return [e["number"] for e in findings[requirement]["evidence"]]

    assert numbers("termination-insolvency-control")[:2] == ["Section 12.04", "Section 17.03"]
    assert numbers("termination-rights")[0] == "Section 12.02"
    assert numbers("audit-rights")[0] in {"Section 9.02", "Section 9.03"}
    assert numbers("insurance")[0] == "Section 16.01"
    assert numbers("governing-law")[0] == "Section 18.01"
    # Not the definition of "Privacy Laws", which names breach notification laws.
    assert numbers("data-protection")[0].startswith("Section 8.")
    assert numbers("exit-transition")[0].startswith("Section 13.")
