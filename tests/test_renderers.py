"""Every report view, on a report made from a contract of ours with hostile text in it."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clausecheck.report.render import render

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "clausecheck/report/schema.json").read_text())
HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(1)> =HYPERLINK("http://x")'

CONTRACT = f"""SERVICES AGREEMENT

1. TERMINATION

1.1 Either party may terminate this Agreement upon written notice for material breach. {HOSTILE}

2. INSURANCE

2.1 The Provider shall maintain professional indemnity insurance of at least EUR 5 million.

3. CONFIDENTIALITY

3.1 Each party shall keep the Confidential Information of the other party secret.
"""


@pytest.fixture(scope="module")
def report(tiny_model, tmp_path_factory) -> dict:
    from clausecheck.analysis import Analyzer
    path = tmp_path_factory.mktemp("r") / "contract.txt"
    path.write_text(CONTRACT)
    return Analyzer(model_dir=tiny_model).analyze(path).to_dict()


def test_json_report_validates_against_the_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(report, SCHEMA)
    bad = dict(report)
    del bad["findings"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    bad = json.loads(json.dumps(report))
    bad["findings"][0]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def test_text_lists_gaps_by_severity_before_what_is_present(report):
    text = render(report, "text")
    assert "\033[" not in text
    fix, present = text.index("WHAT TO FIX"), text.index("PRESENT")
    assert fix < present
    high, medium = text.index("HIGH severity"), text.index("MEDIUM severity")
    assert high < medium < present
    assert "PARTIAL  Termination rights with notice" in text and "Lacks: A notice period" in text
    assert "Suggested wording:" in text
    assert "\033[" in render(report, "text", color=True)


def test_markdown_has_the_same_structure(report):
    md = render(report, "markdown")
    assert md.index("## What to fix") < md.index("## Present")
    assert "<script>" not in md


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_html_is_self_contained_and_escapes_contract_text(report):
    page = render(report, "html")
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not [u for u in parser.urls if re.match(r"https?:", u)]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Content-Security-Policy" in page and "@media print" in page


def test_docx_report_opens_in_word_format(report):
    import docx
    data = render(report, "docx")
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Termination rights with notice" in text and "Suggested wording" in text
    assert any(p.style.name.startswith("Heading") for p in document.paragraphs)
    assert render(report, "docx") == data  # deterministic
