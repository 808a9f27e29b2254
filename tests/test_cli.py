"""The scan and tag commands through click's CliRunner, with a tiny model of ours."""

import json
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from clausecheck.cli import main

CONTRACT = """OUTSOURCING AGREEMENT

1. TERMINATION

1.1 Either party may terminate this Agreement on ninety (90) days' written notice, or at once if the
other party commits a material breach.

2. INSURANCE

2.1 The Provider shall maintain professional indemnity insurance of at least EUR 5 million.

3. GOVERNING LAW

3.1 This Agreement is governed by the laws of England and the courts of London have jurisdiction.
"""


@pytest.fixture
def contract(tmp_path):
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT)
    return path


def run(*args, model=None):
    return CliRunner().invoke(main, [*args, *(["--model", str(model)] if model else [])])


def test_scan_json_is_only_json_and_follows_the_design(contract, tiny_model):
    result = run("scan", str(contract), "--format", "json", model=tiny_model)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema_version"] == 1
    assert report["document"]["format"] == "text" and len(report["document"]["sha256"]) == 64
    assert {c["category"] for c in report["categories"] if c["present"]} >= {"termination", "insurance"}
    findings = {f["requirement"]: f for f in report["findings"]}
    assert findings["termination-rights"]["status"] == "present"
    assert findings["audit-rights"]["status"] == "missing"
    evidence = findings["insurance"]["evidence"][0]
    assert evidence["clause_id"] in {c["id"] for c in report["clauses"]}
    assert "EUR 5 million" in evidence["snippet"]
    assert sum(report["summary"].values()) == len(report["findings"])


def test_fail_on(contract, tiny_model):
    assert run("scan", str(contract), "--format", "json", "--fail-on", "high", model=tiny_model).exit_code == 1
    assert run("scan", str(contract), "--format", "json", model=tiny_model).exit_code == 0


def test_output_file_written_and_input_never_overwritten(contract, tiny_model, tmp_path):
    out = tmp_path / "report.json"
    assert run("scan", str(contract), "-o", str(out), model=tiny_model).exit_code == 0
    assert json.loads(out.read_text())["schema_version"] == 1  # format taken from the extension
    before = contract.read_bytes()
    result = run("scan", str(contract), "--format", "json", "-o", str(contract), model=tiny_model)
    assert result.exit_code == 2 and "refusing to overwrite an input" in result.output
    assert contract.read_bytes() == before


def test_tag_shows_numbers_headings_labels_and_facts(contract, tiny_model):
    result = run("tag", str(contract), model=tiny_model)
    assert result.exit_code == 0, result.output
    assert "1.1" in result.output and "TERMINATION" in result.output
    assert "notice_period: ninety (90) days" in result.output
    data = json.loads(run("tag", str(contract), "--format", "json", model=tiny_model).stdout)
    numbers = [c["number"] for c in data["clauses"]]
    assert numbers[:3] == ["1", "1.1", "2"] or "1.1" in numbers


def test_tag_shows_an_unheaded_clause_by_its_first_words(tmp_path, tiny_model):
    path = tmp_path / "schedule.txt"
    path.write_text("SCHEDULE 1 SERVICES\n\n1. The Supplier shall operate the help desk.\n")
    result = run("tag", str(path), model=tiny_model)
    assert "1  The Supplier shall operate" in result.output, result.output  # not "1  . The Supplier"


def test_a_table_of_contents_is_no_evidence(tmp_path, tiny_model):
    # Text exports run a contents page into one paragraph: it names insurance and audit but
    # grants neither, so neither may be reported found on its strength.
    path = tmp_path / "contents.txt"
    path.write_text("SERVICES AGREEMENT\n\nTABLE OF CONTENTS 1. DEFINITIONS 2 2. SERVICES 4 3. INSURANCE 6 "
                    "3.1 Professional Indemnity Insurance 6 3.2 Cyber Liability Insurance Certificates 7 "
                    "4. AUDIT 8 4.1 On-site Inspection of Facilities 9 5. GOVERNING LAW 10\n\n"
                    "1. DEFINITIONS\n\n\"Services\" means the help-desk services described in Schedule 1.\n\n"
                    "2. SERVICES\n\nThe Provider shall operate the help desk from its own premises.\n")
    report = json.loads(run("scan", str(path), "--format", "json", model=tiny_model).stdout)
    found = {c["category"] for c in report["categories"] if c["present"]}
    assert not found & {"insurance", "audit_rights", "governing_law"}, found
    tagged = json.loads(run("tag", str(path), "--format", "json", model=tiny_model).stdout)["clauses"]
    assert [c["labels"] for c in tagged if "TABLE OF CONTENTS" in c["text"]] == [[]]


def test_the_report_says_how_it_read_a_contracts_named_parties(tmp_path, tiny_model):
    from test_parties import PREAMBLE

    path = tmp_path / "named.txt"
    path.write_text(PREAMBLE + "6. Calloway may assign this Agreement without the consent of Harborview.\n")
    report = json.loads(run("scan", str(path), "--format", "json", model=tiny_model).stdout)
    assert report["document"]["parties"] == {"Calloway": "provider", "Harborview": "client"}
    text = run("scan", str(path), model=tiny_model).output
    assert "read Calloway as the provider, Harborview as the client" in " ".join(text.split())


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"\x00\x01\x02\x03" * 100, "unsupported file type"),
    (b"<html><body>not a contract</body></html>", "HTML file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "legacy binary Word"),
])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, tiny_model, content, reason):
    bad = tmp_path / "bad file.bin"
    bad.write_bytes(content)
    result = run("scan", str(bad), model=tiny_model)
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0, result.output
    assert str(bad) in result.output and reason in result.output
    assert "Traceback" not in result.output


def test_missing_file_and_bad_usage(tiny_model):
    result = run("scan", "/no/such/contract.pdf", model=tiny_model)
    assert result.exit_code == 2 and "/no/such/contract.pdf: no such file" in result.output
    assert CliRunner().invoke(main, ["scan", "x", "--format", "yaml"]).exit_code == 2


def test_help_is_fast_and_imports_nothing_heavy():
    code = ("import sys, time; t=time.perf_counter(); from clausecheck.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit: pass\n"
            "heavy = [m for m in ('spacy', 'sklearn', 'pypdfium2', 'docx', 'numpy') if m in sys.modules]\n"
            "print(heavy)")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]"), out
    assert time.perf_counter() - started < 5  # generous: the figure itself is measured in benchmarks


def test_plain_text_named_pdf_is_refused(tmp_path, tiny_model):
    fake = tmp_path / "contract.pdf"
    fake.write_text("This is not really a PDF file.")
    result = run("scan", str(fake), model=tiny_model)
    assert result.exit_code == 2 and "not a PDF (no %PDF header)" in result.output
