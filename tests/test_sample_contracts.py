"""Our sample contracts: reproducible files, real Word numbering, one text in three formats,
and the gaps we wrote into the weak one (checked against the text, and against the shipped
model when there is one)."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

import clausecheck
from clausecheck.cli import main
from clausecheck.nlp.facts import find_facts
from clausecheck.playbook import load_playbook

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_contracts"
NAMES = ("thorough_outsourcing_agreement", "weak_outsourcing_agreement")
EXPECTED = tomllib.loads((SAMPLES / "expected_gaps.toml").read_text(encoding="utf-8"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _load_generator():
    spec = importlib.util.spec_from_file_location("sample_contracts_generate", SAMPLES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


GEN = _load_generator()
CONTRACTS = {c.name: c for c in GEN.CONTRACTS}


def _words(text: str) -> str:
    return " ".join(text.split())


# -- reproducibility ---------------------------------------------------------------------------

def test_regenerating_gives_identical_files(tmp_path):
    subprocess.run([sys.executable, str(SAMPLES / "generate.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True)
    for name in NAMES:
        for suffix in (".txt", ".docx", ".pdf"):
            assert (tmp_path / f"{name}{suffix}").read_bytes() == (SAMPLES / f"{name}{suffix}").read_bytes(), \
                f"{name}{suffix} is stale or not deterministic: run python sample_contracts/generate.py"


def test_every_cross_reference_points_at_a_clause():
    for contract in GEN.CONTRACTS:
        text = GEN.to_text(contract)
        assert "[[" not in text and "]]" not in text
    with pytest.raises(KeyError, match="no_such_section"):
        GEN._resolver(GEN.CONTRACTS[0])("see clause [[no_such_section]]")


# -- DOCX: Word's own numbering, header, footer, table -----------------------------------------

def _docx_parts(name: str) -> tuple[ElementTree.Element, ElementTree.Element, zipfile.ZipFile]:
    z = zipfile.ZipFile(SAMPLES / f"{name}.docx")
    return ElementTree.fromstring(z.read("word/document.xml")), ElementTree.fromstring(z.read("word/numbering.xml")), z


def _outline_num_id(numbering: ElementTree.Element) -> str:
    """The numId of the list whose levels are "%1." / "%1.%2" / "(%3)" lowerLetter."""
    wanted = {"0": ("decimal", "%1."), "1": ("decimal", "%1.%2"), "2": ("lowerLetter", "(%3)")}
    abstract_ids = []
    for abstract in numbering.iter(f"{W}abstractNum"):
        levels = {lvl.get(f"{W}ilvl"): (lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val"))
                  for lvl in abstract.iter(f"{W}lvl")}
        if all(levels.get(k) == v for k, v in wanted.items()):
            abstract_ids.append(abstract.get(f"{W}abstractNumId"))
    nums = [n.get(f"{W}numId") for n in numbering.iter(f"{W}num")
            if n.find(f"{W}abstractNumId").get(f"{W}val") in abstract_ids]
    assert len(nums) == 1, "expected exactly one w:num for the three-level outline list"
    return nums[0]


def _paragraph_text(p: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


@pytest.mark.parametrize("name", NAMES)
def test_docx_numbering_is_real_word_numbering_three_levels_deep(name):
    body, numbering, _ = _docx_parts(name)
    num_id = _outline_num_id(numbering)
    numbered: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for p in body.iter(f"{W}p"):
        numpr = p.find(f"{W}pPr/{W}numPr")
        if numpr is None:
            continue
        assert numpr.find(f"{W}numId").get(f"{W}val") == num_id
        numbered[int(numpr.find(f"{W}ilvl").get(f"{W}val"))].append(_paragraph_text(p))
    paras = GEN.paragraphs(CONTRACTS[name])
    for level, kind in ((0, "heading"), (1, "clause"), (2, "item")):
        assert len(numbered[level]) == sum(1 for p in paras if p.kind == kind) > 0, f"level {level}"
    typed_number = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|\([a-z]{1,3}\)|[a-z]\))\s")
    offenders = [t for texts in numbered.values() for t in texts if typed_number.match(t)]
    assert not offenders, f"numbers typed into numbered paragraphs: {offenders[:3]}"


@pytest.mark.parametrize("name", NAMES)
def test_docx_has_bold_headings_header_footer_page_field_and_a_table(name):
    body, numbering, z = _docx_parts(name)
    contract = CONTRACTS[name]
    for p in body.iter(f"{W}p"):
        numpr = p.find(f"{W}pPr/{W}numPr")
        if numpr is not None and numpr.find(f"{W}ilvl").get(f"{W}val") == "0":
            runs = [r for r in p.iter(f"{W}r") if r.find(f"{W}t") is not None]
            assert runs and all(r.find(f"{W}rPr/{W}b") is not None for r in runs), _paragraph_text(p)
    headers = [n for n in z.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
    footers = [n for n in z.namelist() if re.fullmatch(r"word/footer\d*\.xml", n)]
    assert any(contract.running_title in _paragraph_text(ElementTree.fromstring(z.read(h))) for h in headers)
    footer_xml = b"".join(z.read(f) for f in footers).decode()
    assert re.search(r"<w:instrText[^>]*>\s*PAGE\s*</w:instrText>", footer_xml)
    assert len(list(body.iter(f"{W}tbl"))) == sum(1 for p in GEN.paragraphs(contract) if p.kind == "table_header")
    assert len(list(body.iter(f"{W}tbl"))) >= 1


# -- one text, three formats -------------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_docx_and_pdf_read_word_for_word_as_the_txt(name):
    """The loaders give back the text we wrote: numbers rebuilt from Word's numbering, the
    PDF's running header and "Page N of M" footer removed, table rows in order."""
    txt = _words((SAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
    assert _words(clausecheck.load(SAMPLES / f"{name}.docx").text) == txt

    pdf = _words(clausecheck.load(SAMPLES / f"{name}.pdf").text)
    assert "Page 1 of" not in pdf and f"Dated {CONTRACTS[name].date}" not in pdf

    # The PDF has no " | " between cells, and repeats a table's header row on each page it spans.
    def comparable(text: str) -> str:
        text = text.replace(" | ", " ")
        for p in GEN.paragraphs(CONTRACTS[name]):
            if p.kind == "table_header":
                text = text.replace(" ".join(p.cells) + " ", "")
        return text
    assert comparable(pdf) == comparable(txt)


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_tag_shows_the_clause_numbers_we_wrote(suffix):
    name = "thorough_outsourcing_agreement"
    result = CliRunner().invoke(main, ["tag", str(SAMPLES / f"{name}{suffix}"), "--no-labels", "--format", "json"])
    assert result.exit_code == 0, result.output
    numbers = [c["number"] for c in json.loads(result.stdout)["clauses"] if c["number"]]
    wanted = [p.number.rstrip(".") for p in GEN.paragraphs(CONTRACTS[name]) if p.number]
    assert numbers == wanted


def test_page_counts_are_as_briefed():
    import pypdfium2

    pages = {}
    for name in NAMES:
        pdf = pypdfium2.PdfDocument(SAMPLES / f"{name}.pdf")
        pages[name] = len(pdf)
        pdf.close()
    assert 12 <= pages["thorough_outsourcing_agreement"] <= 18, pages
    assert 5 <= pages["weak_outsourcing_agreement"] <= 8, pages


# -- the gaps, from the text alone -------------------------------------------------------------

def _section_texts(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in GEN.paragraphs(CONTRACTS[name]):
        if p.section and p.kind != "heading":
            out.setdefault(p.section, []).append(p.plain())
    return out


@pytest.mark.parametrize("name", NAMES)
def test_expected_gaps_follow_from_the_text_under_the_playbook_rules(name):
    """Every playbook requirement is either written nowhere (expected missing) or written in
    the sections named in expected_gaps.toml, whose text meets exactly the elements expected."""
    expected = EXPECTED[name]
    sections = _section_texts(name)
    for requirement in load_playbook().requirements:
        where = expected["sections"].get(requirement.id, [])
        if requirement.id in expected["missing"]:
            assert not where, f"{requirement.id} is expected missing but mapped to {where}"
            continue
        assert where, f"{name}: {requirement.id} is neither expected missing nor mapped to a section"
        texts = [t for key in where for t in sections[key]]
        if requirement.id in expected.get("wrong_way", []):
            named = [t for t in texts if requirement.subject.search(t)]
            assert named and all(requirement.the_wrong_way_round(t) for t in named), requirement.id
            continue
        kinds = {fact.kind for t in texts for fact in find_facts(t)}
        if requirement.id in expected.get("lacks_essential", []):
            essential = [e for e in requirement.elements if e.essential] or \
                (list(requirement.elements) if requirement.needs_an_element else [])
            assert essential and not any(e.met_by(texts, kinds) for e in essential), requirement.id
            continue
        lacking = [e.id for e in requirement.elements if not e.met_by(texts, kinds)]
        assert lacking == expected["partial"].get(requirement.id, []), f"{name}: {requirement.id}"


def test_missing_protections_are_absent_from_the_weak_contract_even_in_passing():
    name = "weak_outsourcing_agreement"
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    absent = EXPECTED[name]["absent"]
    assert set(absent) == set(EXPECTED[name]["missing"])
    for requirement, patterns in absent.items():
        for pattern in patterns:
            found = re.search(pattern, text, re.I)
            assert not found, f"{requirement}: {found.group(0)!r} in the weak contract"
    # The GDPR is named once, in the compliance-with-laws clause, and nowhere else.
    gdpr = [key for key, texts in _section_texts(name).items() if any("GDPR" in t for t in texts)]
    assert gdpr == ["compliance"]


def test_weak_termination_and_credits_have_no_period_or_amount():
    sections = _section_texts("weak_outsourcing_agreement")
    termination_facts = [f for t in sections["termination"] for f in find_facts(t)]
    assert not [f for f in termination_facts if f.kind in ("duration", "notice_period")]
    assert any("upon written notice" in t and "material breach" in t for t in sections["termination"])
    credit_facts = [f for t in sections["credits"] for f in find_facts(t)]
    assert not [f for f in credit_facts if f.kind in ("money", "percentage")]
    assert any("as reasonably determined by the Provider" in t for t in sections["credits"])


def test_thorough_contract_has_the_specifics_the_brief_asks_for():
    text = _words((SAMPLES / "thorough_outsourcing_agreement.txt").read_text(encoding="utf-8"))
    for phrase in ("ninety (90) days' written notice", "forty-eight (48) hours", "General Data Protection "
                   "Regulation", "need-to-know basis", "liquidated damages of EUR 50,000", "on-site visits",
                   "steering committee", "shall be in English", "business continuity and disaster recovery plan",
                   "restoration of backups", "up to six (6) months", "knowledge", "return all Client Data",
                   "licences, permits", "anti-bribery", "change order", "three per cent (3%)",
                   "unless they have been agreed in writing", "change of control", "Insolvency Event",
                   "EUR 5,000,000", "governed by the laws of Ireland", "counterparts"):
        assert phrase in text, phrase


# -- the gaps, as the shipped model sees them ---------------------------------------------------

def _shipped_model_or_skip() -> None:
    from clausecheck.model import default_model_dir

    if not (default_model_dir() / "model.json").exists():
        pytest.skip(f"no shipped clause model at {default_model_dir()} (train one with `clausecheck train`)")


def _gaps(path: Path) -> tuple[set[str], dict[str, list[str]]]:
    result = CliRunner().invoke(main, ["scan", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    missing = {f["requirement"] for f in findings if f["status"] == "missing"}
    partial = {f["requirement"]: f["missing_elements"] for f in findings if f["status"] == "partial"}
    return missing, partial


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_shipped_model_finds_no_gap_in_the_thorough_contract(suffix):
    _shipped_model_or_skip()
    missing, partial = _gaps(SAMPLES / f"thorough_outsourcing_agreement{suffix}")
    assert missing == set(EXPECTED["thorough_outsourcing_agreement"]["missing"])
    assert partial == EXPECTED["thorough_outsourcing_agreement"]["partial"]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_shipped_model_finds_every_gap_of_the_weak_contract(suffix):
    """Nothing we left out of the weak contract is reported as present."""
    _shipped_model_or_skip()
    missing, partial = _gaps(SAMPLES / f"weak_outsourcing_agreement{suffix}")
    expected = EXPECTED["weak_outsourcing_agreement"]
    gaps = missing | set(partial)
    assert set(expected["missing"]) <= gaps
    assert set(expected["partial"]) <= gaps
    for requirement, elements in expected["partial"].items():
        assert set(elements) <= set(partial.get(requirement, elements)), requirement


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_shipped_model_finds_exactly_the_gaps_we_wrote(suffix):
    _shipped_model_or_skip()
    for name in NAMES:
        missing, partial = _gaps(SAMPLES / f"{name}{suffix}")
        expected_missing = set(EXPECTED[name]["missing"]) | set(EXPECTED[name].get("wrong_way", [])) \
            | set(EXPECTED[name].get("lacks_essential", []))
        assert missing == expected_missing, f"{name}{suffix}"
        assert partial == EXPECTED[name]["partial"], f"{name}{suffix}"


def test_annotated_copy_comments_on_what_meets_and_what_is_set_aside(tmp_path):
    """--annotate: a comment on each clause that meets a requirement, one on each clause set
    aside (here the weak contract's 'The Client may not assign ...'), and the missing list
    on the first paragraph; the contract's own text unchanged."""
    from click.testing import CliRunner
    from clausecheck.cli import main

    _shipped_model_or_skip()
    contract = SAMPLES / "weak_outsourcing_agreement.docx"
    out = tmp_path / "annotated.docx"
    result = CliRunner().invoke(main, ["scan", str(contract), "--annotate", str(out), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
        body = z.read("word/document.xml").decode("utf-8")
    assert "Not counted for \u201cLimits on assignment and subcontracting\u201d" in comments
    assert "it has the protection the wrong way round" in comments
    assert "Missing:" in comments and "Audit and on-site inspection rights" in comments
    assert "Partly meets" in comments
    # The summary at the top lists the partial ones too, with what they lack.
    assert "Partly met" in comments and "Termination rights with notice: lacks" in comments
    with zipfile.ZipFile(contract) as z:
        original = z.read("word/document.xml").decode("utf-8")
    strip = lambda xml: re.sub(r"<w:commentRangeStart[^>]*/>|<w:commentRangeEnd[^>]*/>|<w:r><w:rPr><w:rStyle "
                               r"w:val=\"CommentReference\"/></w:rPr><w:commentReference[^>]*/></w:r>", "", xml)
    assert re.findall(r"<w:t[^>]*>([^<]*)</w:t>", strip(body)) == re.findall(r"<w:t[^>]*>([^<]*)</w:t>", original)
