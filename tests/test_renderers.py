"""The report views (text, markdown, HTML, DOCX) and the report JSON Schema.

Most tests render the hand-written example report (report_example.py: every status and
severity, hostile contract text); one renders a real analysis, so the views keep up with
what the gap checker actually writes.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clausecheck.report.render import render
from clausecheck.report.text import render_text
from clausecheck.taxonomy import CATEGORY_IDS
from report_example import ATTRIBUTE_BREAK, FORMULA, SCRIPT, example_report

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "clausecheck/report/schema.json").read_text())
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def report() -> dict:
    return example_report()


def _titles(report: dict, *statuses: str) -> list[str]:
    return [f["title"] for f in report["findings"] if f["status"] in statuses]


# -- every view ------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_text_view_names_every_finding(report, fmt):
    out = render(report, fmt)
    assert isinstance(out, str)
    for title in _titles(report, "missing", "partial", "present"):
        assert title in out, (fmt, title)
    assert "None" not in out  # no Python value leaks into a view


def test_json_view_is_the_report_itself(report):
    assert json.loads(render(report, "json")) == report


def test_unknown_format_is_refused(report):
    with pytest.raises(ValueError, match="unknown report format"):
        render(report, "pdf")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_a_contract_with_nothing_missing_says_so(report, fmt):
    report["findings"] = [f for f in report["findings"] if f["status"] == "present"]
    report["summary"] = {"present": len(report["findings"]), "partial": 0, "missing": 0}
    out = render(report, fmt)
    if fmt == "docx":
        assert "Missing (" not in _docx_text(out) and "Present (5)" in _docx_text(out)
    else:
        assert "every requirement of the playbook is met" in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_views_need_only_the_fields_the_schema_requires(report, fmt):
    for finding in report["findings"]:
        for optional in ("source", "categories", "missing_element_titles"):
            finding.pop(optional, None)
        finding["rationale"] = finding["risk"] = ""
        for evidence in finding["evidence"]:
            evidence.pop("number", None)
            evidence.pop("heading", None)
    for clause in report["clauses"]:
        clause.pop("parent")
        clause["heading"] = None
    report["document"]["warnings"] = []
    report["playbook"].pop("sources")
    out = render(report, fmt)
    text = _docx_text(out) if fmt == "docx" else out
    assert "§ 9.1" in text and "Notification of a data breach" not in text and "Breach notification" in text
    assert "Risk" not in text and "Why it matters" not in text and "Guidance" not in text and "None" not in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_a_text_file_without_pages_gives_no_page_numbers(report, fmt):
    report["document"].update(format="text", pages=None, path="draft.txt")
    for clause in report["clauses"]:
        clause["page"] = None
    for finding in report["findings"]:
        for evidence in finding["evidence"]:
            evidence["page"] = None
    out = render(report, fmt)
    text = _docx_text(out) if fmt == "docx" else out
    assert "None" not in text and "p. " not in text and "page 4" not in text
    assert "§ 7.3" in text


# -- text --------------------------------------------------------------------------------------

def test_text_lists_gaps_by_severity_before_what_is_present(report):
    text = render(report, "text")
    high, medium, low = (text.index(f"{s} severity") for s in ("HIGH", "MEDIUM", "LOW"))
    present, warnings = text.index("PRESENT (5)"), text.index("WARNINGS (2)")
    assert text.index("WHAT TO FIX (9)") < high < medium < low < present < warnings
    for f in report["findings"]:
        at = text.index(f["title"])
        if f["status"] == "present":
            assert at > present
        else:
            group = {"high": (high, medium), "medium": (medium, low), "low": (low, present)}[f["severity"]]
            assert group[0] < at < group[1], f["title"]
    # within a severity, missing requirements come before partial ones
    assert text.index("Business continuity and disaster recovery") < text.index("Data protection and security")


def test_text_gives_risk_lacking_elements_evidence_and_wording_for_a_partial_finding(report):
    text = render_text(report, width=88)
    block = text[text.index("PARTIAL  Audit and on-site inspection rights"):text.index("Termination rights with")]
    assert "Risk     Loss of managerial control" in block
    assert "Lacks    On-site visits or inspection of premises" in block
    assert "Found    § 9.1 Audit, p. 5: “The Provider shall keep complete records" in block
    assert "Suggest  The Client and its auditors may" in block
    # element ids stand in, readable, where the gap checker gave no titles
    assert "Lacks    Change procedure; Price cap" in text


def test_text_present_requirements_take_one_line_each(report):
    lines = render_text(report, width=88).splitlines()
    start = lines.index("PRESENT (5)")
    present = lines[start + 1:start + 6]
    assert all(line.startswith("  ✓ ") for line in present)
    confidentiality = next(line for line in present if "Confidentiality" in line)
    assert "§ 7.1" in confidentiality and "p. 4" in confidentiality and "“Each party shall keep" in confidentiality
    assert lines[start + 6] == ""


@pytest.mark.parametrize("width", [40, 60, 88, 100])
def test_text_is_wrapped_to_the_width(report, width):
    lines = render_text(report, width=width).splitlines()
    assert max(len(line) for line in lines) <= width
    assert max(len(line) for line in lines) >= width - 8  # and uses it


def test_text_has_ansi_colours_only_when_asked(report):
    plain = render(report, "text")
    assert "\x1b" not in plain
    coloured = render(report, "text", color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == plain


def test_terminal_escapes_in_contract_text_are_removed(report):
    # A contract can carry ESC sequences that clear the screen or retitle the terminal.
    hostile = "\x1b[2J\x1b]0;owned\x07\x9b31m"
    report["findings"][1]["evidence"][0]["snippet"] += hostile
    report["findings"][1]["title"] += "\x1b[8m"
    for color in (False, True):
        out = render(report, "text", color=color)
        assert "\x1b[2J" not in out and "\x1b]" not in out and "\x07" not in out and "\x9b" not in out
        assert "\x1b[8m" not in out


# -- markdown ------------------------------------------------------------------------------------

def test_markdown_has_the_text_structure(report):
    md = render(report, "markdown")
    order = [md.index(h) for h in ("# Contract review", "## What to fix", "### High severity (5)",
                                   "### Medium severity (2)", "### Low severity (2)", "## Present (5)",
                                   "## Warnings (2)")]
    assert order == sorted(order)
    assert "#### Partial: Data protection and security" in md
    assert "> The Provider shall notify the Client without undue delay" in md


def test_markdown_shows_contract_markup_as_text(report):
    report["findings"][0]["evidence"][0]["snippet"] = "Fees | Rates [click](javascript:alert(1)) *bold* " + SCRIPT
    md = render(report, "markdown")
    assert not re.search(r"(?<!\\)<(script|img)", md) and not re.search(r"(?<!\\)\]\(javascript", md)
    assert "\\<script\\>" in md
    row = next(line for line in md.splitlines() if line.startswith("| Quality standards"))
    assert row.count(" | ") == 3 and "Fees \\| Rates" in row  # the cell's pipe does not split the table


# -- HTML ------------------------------------------------------------------------------------------

class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(k, v or "") for k, v in attrs]
        self.ids |= {v for k, v in attrs if k == "id"}

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_escapes_contract_text_and_keeps_it_readable(report):
    report["document"]["path"] = "contracts/<b onmouseover=alert(1)>x</b>.pdf"
    page = render(report, "html")
    parsed = _parse(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attributes)
    assert "&lt;b onmouseover=alert(1)&gt;x&lt;/b&gt;.pdf" in page
    assert SCRIPT not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    text = "".join(parsed.text)  # what the reader sees: the contract's words, as written
    assert SCRIPT in text and ATTRIBUTE_BREAK in text and FORMULA in text


def test_html_is_one_self_contained_file(report):
    page = render(report, "html")
    parsed = _parse(page)
    links = [value for name, value in parsed.attributes if name in ("src", "href", "action", "srcset", "data")]
    assert not [v for v in links if "http" in v or "//" in v]
    assert all(v.startswith("#") and v[1:] in parsed.ids for v in links)  # in-page links only, all resolve
    assert {"link", "script", "img", "iframe", "object", "embed"}.isdisjoint(parsed.tags)
    assert "url(" not in page and "@import" not in page
    csp = next(v for k, v in parsed.attributes if k == "content" and "default-src" in v)
    assert "default-src 'none'" in csp and "style-src 'unsafe-inline'" in csp and "script-src" not in csp


def test_html_has_summary_findings_evidence_appendix_and_print_styles(report):
    page = render(report, "html")
    assert '<span class="n">4</span><span class="what">Missing' in page
    assert page.index("What to fix") < page.index(">Present <") < page.index(">Clauses <")
    assert '<span class="badge partial">partial</span>' in page
    assert "page 5 · confidence 88%" in page  # evidence with its page
    text = "".join(_parse(page).text)
    for clause in report["clauses"]:
        assert clause["heading"] in text
    assert "@media print" in page and "break-inside:avoid" in page
    assert "page 10 has no text layer" in page


# -- DOCX ------------------------------------------------------------------------------------------

def _docx_text(data: bytes) -> str:
    import docx
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def test_docx_opens_with_headings_for_every_finding(report):
    import docx
    data = render(report, "docx")
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Summary", "Missing (4)"]
    assert "Partial (5)" in headings and "Present (5)" in headings
    for title in _titles(report, "missing", "partial", "present"):
        assert any(h.endswith(title) for h in headings), title
    text = _docx_text(data)
    assert "Suggested wording:" in text and SCRIPT in text and FORMULA in text
    assert "§ 9.1 Audit, page 5 (confidence 88%)" in text
    wording = [p.text for p in document.paragraphs if p.style.name == "Suggested Wording"]
    assert len(wording) == 9 and wording[0].startswith("On expiry or termination")
    assert "PAGE" in document.sections[0].footer._element.xml  # page numbers in the footer
    assert document.core_properties.title == 'Contract review: Helix MSA "final" v3.pdf'


def test_docx_is_deterministic(report):
    data = render(report, "docx")
    assert render(example_report(), "docx") == data
    entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {entry.date_time for entry in entries} == {(2000, 1, 1, 0, 0, 0)}  # not the time of the run


def test_docx_takes_its_dates_from_the_report(report):
    import docx
    report["date"] = "2024-05-14T09:30:00+00:00"
    document = docx.Document(io.BytesIO(render(report, "docx")))
    when = datetime.datetime(2024, 5, 14, 9, 30, tzinfo=datetime.timezone.utc)
    assert document.core_properties.created == when and document.core_properties.modified == when


@pytest.mark.parametrize("fmt", ["docx", "html", "text", "markdown"])
def test_characters_xml_cannot_hold_do_not_break_a_view(report, fmt):
    # python-docx refuses control characters, and a lone surrogate cannot be encoded at all.
    report["clauses"][3]["text"] += " \x01\x0b\ud800"
    report["findings"][1]["evidence"][0]["snippet"] = "\x02Each \ud83d party\x0c shall"
    report["findings"][1]["recommendation"] += "\x00"
    out = render(report, fmt)
    if isinstance(out, str):
        out.encode("utf-8")
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", ANSI.sub("", out))
    else:
        assert "Each \ufffd party shall" in _docx_text(out)


# -- schema ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def test_the_example_report_is_valid(validator, report):
    assert not list(validator.iter_errors(report))


@pytest.mark.parametrize("break_it", [
    lambda r: r.pop("findings"),
    lambda r: r["findings"][0].update(status="maybe"),
    lambda r: r["findings"][0].update(severity="critical"),
    lambda r: r["document"].update(format="rtf"),
    lambda r: r["categories"].pop(),
    lambda r: r["findings"][2]["evidence"][0].pop("page"),
    lambda r: r.update(unexpected=1),
], ids=["no-findings", "status-maybe", "severity", "format", "category-missing", "evidence-page", "extra-top-key"])
def test_the_schema_rejects_a_broken_report(validator, report, break_it):
    break_it(report)
    assert list(validator.iter_errors(report))


def test_the_schema_allows_extra_fields_inside_objects(validator, report):
    report["findings"][0]["note"] = "added by a later version"
    report["clauses"][0]["kind"] = "definition"
    assert not list(validator.iter_errors(report))


def test_the_schema_knows_every_category_of_the_taxonomy():
    categories = SCHEMA["properties"]["categories"]
    assert categories["items"]["properties"]["category"]["enum"] == list(CATEGORY_IDS)
    assert categories["minItems"] == categories["maxItems"] == len(CATEGORY_IDS)


# -- a real analysis ------------------------------------------------------------------------------

CONTRACT = f"""SERVICES AGREEMENT

1. TERMINATION

1.1 Either party may terminate this Agreement upon written notice for material breach. {SCRIPT} {ATTRIBUTE_BREAK}

2. INSURANCE

2.1 The Provider shall maintain professional indemnity insurance of at least EUR 5 million. {FORMULA}

3. CONFIDENTIALITY

3.1 Each party shall keep the Confidential Information of the other party secret.
"""


def test_a_real_analysis_is_valid_and_renders_in_every_format(tiny_model, tmp_path, validator):
    from clausecheck.analysis import Analyzer
    path = tmp_path / "contract.txt"
    path.write_text(CONTRACT)
    data = Analyzer(model_dir=tiny_model).analyze(path).to_dict()
    assert not list(validator.iter_errors(data))
    text = render(data, "text")
    assert text.index("WHAT TO FIX") < text.index("PRESENT")
    page = render(data, "html")
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert render(data, "markdown").startswith("# Contract review: contract.txt")
    assert render(data, "docx")[:2] == b"PK"


def test_an_item_is_cited_with_its_parents_number_and_heading():
    from clausecheck.report.render import clause_name

    clauses = {
        "c1": {"id": "c1", "number": "§ 12", "heading": "Contractual penalty", "parent": None},
        "c2": {"id": "c2", "number": "(2)", "heading": None, "parent": "c1"},
        "c3": {"id": "c3", "number": "Section 8.02", "heading": "Security", "parent": None},
        "c4": {"id": "c4", "number": "(b)", "heading": None, "parent": "c3"},
        "c5": {"id": "c5", "number": "(ii)", "heading": None, "parent": "c4"},
        "c6": {"id": "c6", "number": "9.2", "heading": "Termination", "parent": "c7"},
        "c7": {"id": "c7", "number": "9", "heading": "Term", "parent": None},
        "c8": {"id": "c8", "number": None, "heading": "How can this agreement end?", "parent": None},
        "c9": {"id": "c9", "number": None, "heading": None, "parent": "c8"},
    }
    def name(cid):
        return clause_name({"clause_id": cid}, clauses)

    assert name("c2") == "§ 12(2) Contractual penalty"
    assert name("c5") == "Section 8.02(b)(ii) Security"
    assert name("c6") == "§ 9.2 Termination"  # a full number stands on its own
    assert name("c1") == "§ 12 Contractual penalty"
    # a paragraph of a section without numbers is known by the section's title
    assert name("c9") == "How can this agreement end?"


SCHEDULED_CONTRACT = """\
CONTENTS

1. Services

2. Charges

SCHEDULE 1 SERVICE LEVELS

SCHEDULE 2 CHARGES

1. SERVICES

1.1 The Supplier shall provide the Services described in Schedule 1.

2. CHARGES

2.1 The Customer shall pay the Charges set out in Schedule 2.

3. Annex 5 - Exit plan forms part of this Agreement.

4. TERM

4.1 This Agreement runs for five years.

SCHEDULE 1 SERVICE LEVELS

1. Availability

1.1 The Core Systems shall be available for not less than 99.8% of each month.

SCHEDULE 2 CHARGES

1.1 The monthly service charge is GBP 80,000, invoiced monthly in arrears.

Annexure B - Service Levels

2.1 Ninety-five per cent of calls shall be answered within twenty seconds.

Exhibit C - Exit Plan

C.1 Exit Assistance. The Supplier shall provide exit assistance for six months.

SCHEDULE 3

EXIT PLAN REQUIREMENTS

1. The Exit Plan shall set out the roles of each party.

The Exit Plan is updated every year.

SCHEDULE 7.1 – CHARGES AND INVOICING

2.1 The Authority shall pay the monthly charge within 30 days of a valid invoice.
"""


def test_a_paragraph_of_a_schedule_is_cited_with_its_schedule(tiny_model, tmp_path):
    # Schedules restart their numbering: "1.1" in Schedule 2 is not clause 1.1 of the agreement.
    from clausecheck.analysis import Analyzer
    from clausecheck.report.render import clause_name

    path = tmp_path / "contract.txt"
    path.write_text(SCHEDULED_CONTRACT)
    clauses = {c["id"]: c for c in Analyzer(model_dir=tiny_model).analyze(path).to_dict()["clauses"]}

    def cited(words):
        (cid,) = [cid for cid, c in clauses.items() if c["text"].startswith(words)]
        return clause_name({"clause_id": cid}, clauses)

    assert cited("1.1 The Supplier") == "§ 1.1"  # the contents list opens no schedule
    assert cited("4.1 This Agreement") == "§ 4.1"  # "Annex 5" in a numbered clause is a mention
    assert cited("1.1 The Core Systems") == "Schedule 1, § 1.1"
    assert cited("1.1 The monthly") == "Schedule 2, § 1.1"
    assert cited("2.1 Ninety-five") == "Annexure B, § 2.1"
    assert cited("C.1 Exit") == "Exhibit C, § C.1 Exit Assistance"
    assert cited("1. The Exit Plan") == "Schedule 3, § 1"  # the label on its own line above the title
    assert cited("The Exit Plan is updated") == "Schedule 3"  # unnumbered, as a table row is
    assert cited("2.1 The Authority") == "Schedule 7.1, § 2.1"  # UK public-sector schedule numbers  # an exhibit's own numbering


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_a_clause_set_aside_is_shown_with_its_reason(report, fmt, validator):
    # A reviewer sees an assignment clause in the contract and "missing" in the report: the
    # report says which clause it set aside, and why.
    finding = next(f for f in report["findings"] if f["status"] == "missing")
    clause = report["clauses"][3]
    finding["set_aside"] = [{"clause_id": clause["id"], "page": clause["page"], "snippet": clause["text"][:120],
                             "confidence": 0.97, "reason": "it has the protection the wrong way round"}]
    assert not list(validator.iter_errors(report))
    out = render(report, fmt)
    text = _docx_text(out) if fmt == "docx" else out
    assert "Excluded" in text and "it has the protection the wrong way round" in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "docx"])
def test_every_view_says_what_the_risks_sources_are(report, fmt):
    # Risks cite "[A]" and "[B]": a reader needs the legend.
    out = render(report, fmt)
    text = " ".join((_docx_text(out) if fmt == "docx" else out).split()).replace("\\", "")  # markdown escapes [ ]
    assert "[A] Risks of Outsourcing Customer Service" in text
