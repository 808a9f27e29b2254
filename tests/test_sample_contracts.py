"""Our sample contracts: reproducible files, real Word numbering, and the gaps we wrote."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from clausecheck.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_contracts"
NAMES = ("thorough_outsourcing_agreement", "weak_outsourcing_agreement")


def test_regenerating_gives_identical_files(tmp_path):
    subprocess.run([sys.executable, str(SAMPLES / "generate.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True)
    for name in NAMES:
        for suffix in (".txt", ".docx", ".pdf"):
            assert (tmp_path / f"{name}{suffix}").read_bytes() == (SAMPLES / f"{name}{suffix}").read_bytes(), \
                f"{name}{suffix} is stale: run python sample_contracts/generate.py"


def test_docx_uses_automatic_numbering_three_levels_deep():
    with zipfile.ZipFile(SAMPLES / "thorough_outsourcing_agreement.docx") as z:
        body = z.read("word/document.xml").decode()
        assert "word/numbering.xml" in z.namelist()
    for level in (0, 1, 2):
        assert f'<w:ilvl w:val="{level}"/>' in body
    # The numbers Word displays are not typed into the text.
    assert "<w:t>1.1 " not in body and "<w:t>(a) " not in body


def test_tag_shows_the_numbers_word_displays():
    result = CliRunner().invoke(main, ["tag", str(SAMPLES / "thorough_outsourcing_agreement.docx"),
                                       "--no-labels", "--format", "json"])
    assert result.exit_code == 0, result.output
    import json
    numbers = [c["number"] for c in json.loads(result.stdout)["clauses"] if c["number"]]
    assert numbers[:6] == ["1", "1.1", "1.2", "1.3", "2", "2.1"]
    assert ["3.1", "(a)", "(b)", "(c)", "(d)", "3.2"] == numbers[numbers.index("3.1"):numbers.index("3.2") + 1]
    assert numbers[numbers.index("13.3"):numbers.index("13.3") + 4] == ["13.3", "(a)", "(b)", "(c)"]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_the_same_contract_reads_the_same_in_every_format(suffix):
    import clausecheck
    from clausecheck.nlp.segmenter import split_clauses
    text = clausecheck.load(SAMPLES / f"thorough_outsourcing_agreement{suffix}").text
    numbered = [c for c in split_clauses(text) if c.number]
    assert len(numbered) == len(split_clauses((SAMPLES / "thorough_outsourcing_agreement.txt").read_text())) - \
        sum(1 for c in split_clauses((SAMPLES / "thorough_outsourcing_agreement.txt").read_text()) if not c.number)
    assert "draft for review" not in text  # running header removed (PDF) or kept out of the body (DOCX)


def _gaps(path: Path) -> tuple[set[str], dict[str, list[str]]]:
    result = CliRunner().invoke(main, ["scan", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json
    findings = json.loads(result.stdout)["findings"]
    missing = {f["requirement"] for f in findings if f["status"] == "missing"}
    partial = {f["requirement"]: f["missing_elements"] for f in findings if f["status"] == "partial"}
    return missing, partial


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_shipped_model_finds_exactly_the_gaps_we_wrote(suffix):
    expected = tomllib.loads((SAMPLES / "expected_gaps.toml").read_text())
    thorough_missing, thorough_partial = _gaps(SAMPLES / f"thorough_outsourcing_agreement{suffix}")
    from clausecheck.playbook import load_playbook
    high = {r.id for r in load_playbook().requirements if r.severity == "high"}
    assert not thorough_missing & high, f"thorough contract: high-severity requirements missing: {thorough_missing}"
    weak_missing, weak_partial = _gaps(SAMPLES / f"weak_outsourcing_agreement{suffix}")
    weak = expected["weak_outsourcing_agreement"]
    assert weak_missing == set(weak["missing"])
    assert weak_partial == weak["partial"]
