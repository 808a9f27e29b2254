"""DOCX loader: what a reader of the Word document sees, in order, numbered as Word numbers it."""

from __future__ import annotations

import hashlib
import io
import re
import time
import zipfile

import pytest
from docx_fixtures import (LEGAL_LEVELS, abstract, build_docx, deleted, inserted, level, member, moved_from,
                           moved_to, num, numbering, para, paragraph_style, rezip, run, table, text_box)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from shared_data import need_shared

from clausecheck.errors import InputError, LimitExceeded
from clausecheck.limits import Limits
from clausecheck.loaders import load
from clausecheck.loaders.docx import load_docx
from clausecheck.loaders.docx_numbering import format_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(data: bytes, **kwargs):
    return load_docx(data, "contract.docx", hashlib.sha256(data).hexdigest(), **kwargs)


def numbers(doc) -> list[str | None]:
    return [b.number for b in doc.blocks]


# -- automatic numbering -----------------------------------------------------------------

def test_three_level_numbering_restarts_sub_levels_and_honours_a_start_override():
    body = [
        para("Definitions", num=(1, 0)),
        para("Terms. Capitalised words have these meanings.", num=(1, 1)),
        para("Affiliate means a controlled entity;", num=(1, 2)),
        para("Services means the work in Schedule 1;", num=(1, 2)),
        para("Interpretation. Headings do not affect meaning.", num=(1, 1)),
        para("the singular includes the plural;", num=(1, 2)),
        para("This paragraph is not numbered."),
        para("Services", num=(1, 0)),
        para("Scope. The Supplier provides the Services.", num=(1, 1)),
        para("on time;", num=(1, 2)),
        # A list instance of the same abstract list restarted at 7 ("Set numbering value").
        para("Charges", num=(2, 0)),
        para("Fees. The Customer pays the Fees.", num=(2, 1)),
        para("Term", num=(1, 0)),  # the list goes on from the restarted value
    ]
    doc = read(build_docx(body, numbering_xml=numbering(
        abstract(1, LEGAL_LEVELS), num(1, 1), num(2, 1, start_overrides={0: 7}))))
    assert numbers(doc) == ["1.", "1.1", "(a)", "(b)", "1.2", "(a)", None, "2.", "2.1", "(a)",
                            "7.", "7.1", "8."]
    assert [b.level for b in doc.blocks] == [0, 1, 2, 2, 1, 2, None, 0, 1, 2, 0, 1, 0]
    # The number is put before the text, as the reader sees it, for the clause segmenter.
    assert doc.blocks[1].text == "1.1 Terms. Capitalised words have these meanings."
    assert doc.blocks[3].text == "(b) Services means the work in Schedule 1;"
    assert doc.blocks[6].text == "This paragraph is not numbered."
    assert all(b.kind == "list_item" for b in doc.blocks if b.number)
    assert "\n\n1.2 Interpretation. Headings do not affect meaning.\n\n" in doc.text


def test_article_and_section_numbering_from_heading_styles_with_legal_numbering():
    # Heading styles tied to list levels by w:pStyle, the list given by the styles' numPr;
    # Heading 2 gets its level from the level that names it (no ilvl in the style).
    levels = [level(0, "upperRoman", "Article %1", pstyle="Heading1"),
              level(1, "decimalZero", "Section %1.%2", is_lgl=True, pstyle="Heading2"),
              level(2, "lowerRoman", "(%3)")]
    styles = [paragraph_style("Heading1", "heading 1", num=(5, 0)),
              paragraph_style("Heading2", "heading 2", num=(5, None)),
              # a body style based on Heading 2 inherits its numbering
              paragraph_style("ClauseText", "Clause Text", based_on="Heading2")]
    body = []
    for article in range(4):
        body.append(para(f"Article title {article + 1}", style="Heading1"))
        body.append(para("Scope of this article.", style="Heading2"))
        body.append(para("An inherited clause.", style="ClauseText"))
    body.append(para("first item", num=(5, 2)))
    body.append(para("second item", num=(5, 2)))
    body.append(para("third item", num=(5, 2)))
    body.append(para("fourth item", num=(5, 2)))
    body.append(para("Schedule heading with numbering switched off", style="Heading1", num=(0, None)))
    doc = read(build_docx(body, numbering_xml=numbering(abstract(3, levels), num(5, 3)), styles=styles))
    assert numbers(doc) == [
        "Article I", "Section 1.01", "Section 1.02",
        "Article II", "Section 2.01", "Section 2.02",
        "Article III", "Section 3.01", "Section 3.02",
        "Article IV", "Section 4.01", "Section 4.02",
        "(i)", "(ii)", "(iii)", "(iv)", None]
    assert doc.blocks[9].text == "Article IV Article title 4"
    assert doc.blocks[0].kind == "heading" and doc.blocks[1].kind == "heading"
    assert doc.blocks[-1].text == "Schedule heading with numbering switched off"


def test_level_restart_never_letters_and_empty_numbered_paragraphs():
    levels = [level(0, "upperLetter", "%1."),
              level(1, "decimal", "%2)", restart=0),  # never restarts: runs on across parts
              level(2, "ordinal", "%3")]
    body = [para("Part", num=(1, 0)), para("one", num=(1, 1)), para("two", num=(1, 1)),
            para("Part", num=(1, 0)), para("three", num=(1, 1)),
            para("", num=(1, 0)),  # an empty item still shows "C." and takes the number
            para("Part", num=(1, 0)),
            para("deep", num=(1, 2))]
    doc = read(build_docx(body, numbering_xml=numbering(abstract(1, levels), num(1, 1))))
    assert numbers(doc) == ["A.", "1)", "2)", "B.", "3)", "D.", "1st"]


def test_an_empty_heading_that_only_carries_a_section_break_takes_no_number():
    # Cover page, then a section break in an empty "Heading 1" paragraph, then the terms:
    # the terms start at "1." as the published agreements show them.
    styles = [paragraph_style("Heading1", "heading 1", num=(1, 0)),
              paragraph_style("Heading2", "heading 2", num=(1, 1))]
    body = [para("Cover page"), para("", style="Heading1", section_break=True),
            para("Service", style="Heading1"), para("Access. The Customer may use it.", style="Heading2")]
    doc = read(build_docx(body, styles=styles, numbering_xml=numbering(abstract(1, LEGAL_LEVELS), num(1, 1))))
    assert [b.text for b in doc.blocks] == ["Cover page", "1. Service", "1.1 Access. The Customer may use it."]


def test_bullets_have_no_number_and_no_bullet_character():
    levels = [level(0, "bullet", "\uf0b7"), level(1, "bullet", "o")]
    body = [para("Key obligations:"), para("keep records", num=(9, 0)), para("allow audits", num=(9, 1))]
    doc = read(build_docx(body, numbering_xml=numbering(abstract(4, levels), num(9, 4))))
    assert [b.text for b in doc.blocks] == ["Key obligations:", "keep records", "allow audits"]
    assert numbers(doc) == [None, None, None]
    assert [b.kind for b in doc.blocks] == ["paragraph", "list_item", "list_item"]
    assert [b.level for b in doc.blocks] == [None, 0, 1]


def test_number_formats():
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 40, 1999)] == ["IV", "IX", "XIV", "XL", "MCMXCIX"]
    assert [format_number(n, "ordinal") for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)] == \
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd"]
    assert format_number(21, "cardinalText") == "Twenty-one"
    assert format_number(12, "ordinalText") == "Twelfth"
    assert format_number(3, "decimalZero") == "03"
    assert format_number(3, "none") == ""


# -- reading order, tables, text boxes ---------------------------------------------------

def test_tables_come_between_the_paragraphs_around_them():
    body = [para("The parties agree the following charges."),
            table([["Service", "Monthly fee"], ["Hosting", "EUR 1,000"], ["Support", ["EUR 200", "billed yearly"]]]),
            table([[["Note: fees exclude VAT.", "Rates are fixed for the first year."]]]),
            para("Invoices are payable within thirty (30) days.")]
    doc = read(build_docx(body))
    assert [b.text for b in doc.blocks] == [
        "The parties agree the following charges.",
        "Service | Monthly fee",
        "Hosting | EUR 1,000",
        "Support | EUR 200\nbilled yearly",
        "Note: fees exclude VAT.",  # a one-cell box reads as paragraphs
        "Rates are fixed for the first year.",
        "Invoices are payable within thirty (30) days."]
    assert [b.kind for b in doc.blocks] == ["paragraph"] + ["table"] * 5 + ["paragraph"]


def test_numbering_counts_through_table_cells_in_document_order():
    body = [para("Scope", num=(1, 0)),
            table([[para("Deliverables", num=(1, 1)), "Described in Schedule 2"]]),
            para("Acceptance", num=(1, 1))]
    doc = read(build_docx(body, numbering_xml=numbering(abstract(1, LEGAL_LEVELS), num(1, 1))))
    assert [b.text for b in doc.blocks] == ["1. Scope", "1.1 Deliverables | Described in Schedule 2",
                                            "1.2 Acceptance"]
    assert doc.blocks[1].number == "1.1"


def test_text_box_text_follows_its_paragraph():
    doc = read(build_docx([para("Main text.", text_box("Boxed note.")), para("Next.")]))
    assert [b.text for b in doc.blocks] == ["Main text.", "Boxed note.", "Next."]


def test_block_paragraph_index_points_at_the_w_p_element():
    body = [para("Intro."), table([["a1", "b1"]]), para("After table.")]
    data = build_docx(body)
    doc = read(data)
    root = etree.fromstring(member(data, "word/document.xml"))
    paragraphs = list(root.find(f"{W}body").iter(f"{W}p"))
    for block in doc.blocks:
        first_text = "".join(t.text or "" for t in paragraphs[block.paragraph].iter(f"{W}t"))
        assert block.text.startswith(first_text)
    assert [b.paragraph for b in doc.blocks] == [0, 1, 3]
    # offsets: Document.text slices back to each block
    assert all(doc.text[b.start:b.end] == b.text for b in doc.blocks)


# -- tracked changes, hidden and out-of-body text ----------------------------------------

def test_tracked_changes_read_as_accepted():
    body = [para("The Supplier shall ", deleted("use reasonable efforts to "), inserted("promptly "),
                 "notify the Customer."),
            para(moved_from("Moved sentence. "), "Stays here."),
            para("Start of clause ", moved_to("Moved sentence.")),
            # only the paragraph mark is deleted, not the text: the text joins the next paragraph
            para("Joined to the next.", mark_deleted=True),
            para("Last paragraph.")]
    doc = read(build_docx(body))
    assert [b.text for b in doc.blocks] == [
        "The Supplier shall promptly notify the Customer.",
        "Stays here.",
        "Start of clause Moved sentence.",
        "Joined to the next.Last paragraph."]
    assert "reasonable efforts" not in doc.text
    assert any("tracked change" in w for w in doc.warnings)


def test_a_deleted_numbered_paragraph_takes_no_number():
    body = [para("Term", num=(1, 0)),
            para(deleted("Old clause removed in review."), num=(1, 0), mark_deleted=True),
            para("Termination", num=(1, 0)),
            para(inserted("Survival"), num=(1, 0))]
    doc = read(build_docx(body, numbering_xml=numbering(abstract(1, LEGAL_LEVELS), num(1, 1))))
    assert [b.text for b in doc.blocks] == ["1. Term", "2. Termination", "3. Survival"]


def test_hidden_text_is_left_out():
    doc = read(build_docx([para("Visible clause.", run(" Internal note.", hidden=True))]))
    assert doc.text == "Visible clause."


def test_headers_footers_and_comments_are_not_body_text():
    body = [para("The Customer may audit the Supplier once a year."), para("Governing law is Irish law.")]
    data = build_docx(body, header="CONFIDENTIAL DRAFT HEADER", footer="Page footer text 2024",
                      comments=[(0, "Reviewer comment: too weak")])
    assert b"too weak" in member(data, "word/comments.xml")  # the fixture really has them
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert any(b"CONFIDENTIAL DRAFT HEADER" in member(data, n) for n in names if "header" in n)
    assert any(b"Page footer text" in member(data, n) for n in names if "footer" in n)
    doc = read(data)
    assert doc.text == "The Customer may audit the Supplier once a year.\n\nGoverning law is Irish law."
    for stray in ("CONFIDENTIAL", "footer", "Reviewer comment"):
        assert stray not in doc.text


def test_header_only_document_has_no_text():
    with pytest.raises(InputError, match="no text in document"):
        read(build_docx([para("")], header="Only a header"))


def test_bold_paragraphs_and_heading_styles_are_marked():
    styles = [paragraph_style("Title", "Title")]
    body = [para("Master Services Agreement", style="Title"),
            para("TERMINATION", bold=True),
            para("Either party may ", run("terminate", bold=True), " on notice.")]
    doc = read(build_docx(body, styles=styles))
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
    assert [b.bold for b in doc.blocks] == [False, True, False]


def test_table_of_contents_entries_are_left_out():
    styles = [paragraph_style("TOC1", "toc 1")]
    body = [para("1. Definitions\t3", style="TOC1"), para("2. Services\t4", style="TOC1"),
            para("Definitions", num=(1, 0))]
    doc = read(build_docx(body, styles=styles, numbering_xml=numbering(abstract(1, LEGAL_LEVELS), num(1, 1))))
    assert [b.text for b in doc.blocks] == ["1. Definitions"]


def test_through_load_sniffs_and_reads_a_docx(tmp_path):
    path = tmp_path / "agreement.docx"
    path.write_bytes(build_docx([para("Confidentiality obligations survive termination.")]))
    doc = load(path)
    assert doc.format == "docx" and doc.pages is None
    assert doc.text == "Confidentiality obligations survive termination."
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


# -- refusing bad input ------------------------------------------------------------------

def test_members_declaring_a_huge_unzipped_size_are_refused_before_unpacking():
    data = build_docx([para("A small contract.")])
    bomb = rezip(data, add={"word/media/filler.bin": bytes(8 * 2**20)})  # 8 MB of zeros, ~8 KB packed
    assert len(bomb) < 200_000
    with pytest.raises(LimitExceeded, match="--max-unzipped-mb"):
        read(bomb, limits=Limits(max_unzipped_mb=2))
    assert read(bomb).text == "A small contract."  # within the default limit it reads


def test_a_member_lying_about_its_size_is_stopped(tmp_path):
    """A member whose real content is larger than its header declares: the unpacking
    stops at the declared size (the CRC then fails), it never inflates the rest."""
    data = build_docx([para("A small contract.")])
    real = member(data, "word/document.xml")
    bomb = bytearray(rezip(data, replace={"word/document.xml": real + b" " * (4 * 2**20)}))
    archive = zipfile.ZipFile(io.BytesIO(bytes(bomb)))
    info = archive.getinfo("word/document.xml")
    declared = (len(real) + 10).to_bytes(4, "little")
    # patch the uncompressed size in the local header (offset 22) and the central directory (offset 24)
    bomb[info.header_offset + 22:info.header_offset + 26] = declared
    central = bytes(bomb).rfind(b"PK\x01\x02", 0, len(bomb))
    while central != -1:
        name_len = int.from_bytes(bomb[central + 28:central + 30], "little")
        if bomb[central + 46:central + 46 + name_len] == b"word/document.xml":
            bomb[central + 24:central + 28] = declared
            break
        central = bytes(bomb).rfind(b"PK\x01\x02", 0, central)
    started = time.perf_counter()
    with pytest.raises(InputError, match="damaged DOCX"):
        read(bytes(bomb))
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("declaration", [
    b'<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
])
def test_xml_entity_declarations_are_refused(declaration):
    data = build_docx([para("Text &amp; more.")])
    xml = member(data, "word/document.xml")
    head, rest = xml.split(b"?>", 1)
    evil = rezip(data, replace={"word/document.xml": head + b"?>" + declaration + rest})
    with pytest.raises(InputError, match="DTD/entity declarations.*refused for safety"):
        read(evil)


def test_entity_declaration_in_utf16_xml_is_refused():
    data = build_docx([para("Text.")])
    xml = member(data, "word/styles.xml").decode("utf-8")
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    head, rest = xml.split("?>", 1)
    evil_xml = (head + '?><!DOCTYPE w:styles [<!ENTITY a "b">]>' + rest).encode("utf-16")
    with pytest.raises(InputError, match="refused for safety"):
        read(rezip(data, replace={"word/styles.xml": evil_xml}))


def test_a_picture_with_a_doctype_is_not_mistaken_for_dangerous_xml():
    data = build_docx([para("Contract with a logo.")])
    types = member(data, "[Content_Types].xml").replace(
        b"<Default ", b'<Default Extension="svg" ContentType="image/svg+xml"/><Default ', 1)
    svg = (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>')
    doc = read(rezip(data, replace={"[Content_Types].xml": types}, add={"word/media/logo.svg": svg}))
    assert doc.text == "Contract with a logo."


def test_bzip2_members_are_refused():
    data = rezip(build_docx([para("Text.")]), compression=zipfile.ZIP_BZIP2)
    with pytest.raises(InputError, match="unsupported compression"):
        read(data)


@pytest.mark.parametrize("content_type", [b"application/vnd.ms-word.document.macroEnabled.main+xml",
                                          b"application/vnd.openxmlformats-officedocument.wordprocessingml"
                                          b".template.main+xml"])
def test_macro_enabled_documents_and_templates_are_read(content_type):
    data = build_docx([para("Scope", num=(1, 0)), para("Services.", num=(1, 1))],
                      numbering_xml=numbering(abstract(1, LEGAL_LEVELS), num(1, 1)))
    types = member(data, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type)
    assert [b.text for b in read(rezip(data, replace={"[Content_Types].xml": types})).blocks] == \
        ["1. Scope", "1.1 Services."]


def test_docx_without_document_xml_is_refused(tmp_path):
    data = rezip(build_docx([para("Text.")]), drop=("word/document.xml",))
    with pytest.raises(InputError, match="not a Word document"):
        read(data)
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(InputError):
        load(path)


@pytest.mark.parametrize("damage, reason", [
    (lambda d: d[: len(d) // 2], "corrupt zip"),
    (lambda d: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "password-protected"),
    (lambda d: rezip(d, replace={"word/document.xml": member(d, "word/document.xml")[:-40]}), "not well-formed"),
    (lambda d: rezip(d, replace={"word/document.xml": b"<?xml version='1.0'?><html><p>hi</p></html>"}),
     "not WordprocessingML"),
])
def test_damaged_files_give_one_line_errors(damage, reason):
    with pytest.raises(InputError, match=reason):
        read(damage(build_docx([para("Some text.")])))


def test_empty_document_is_refused():
    with pytest.raises(InputError, match="no text in document"):
        read(build_docx([para(""), table([["", ""]])]))


_FUZZ_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml", "[Content_Types].xml",
               "word/_rels/document.xml.rels")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_parts_raise_input_error_or_load(data):
    """Random damage inside the XML parts (zipped again, so that it reaches the parsers):
    the loader reads the file or says why not, it never fails with a traceback."""
    base = _fuzz_base()
    name = data.draw(st.sampled_from(_FUZZ_PARTS))
    xml = bytearray(member(base, name))
    alphabet = st.sampled_from(list(b'<>/"=&;: 0123456789-xw') + [0, 0xFF, 0xC3])
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(xml) - 1), alphabet), min_size=1, max_size=6))
    for offset, value in flips:
        xml[offset] = value
    try:
        doc = read(rezip(base, replace={name: bytes(xml)}))
    except InputError:
        return
    assert doc.text


_FUZZ: list[bytes] = []


def _fuzz_base() -> bytes:
    """A small numbered DOCX whose XML parts hold mostly what the loader reads."""
    if not _FUZZ:
        levels = [level(0, "decimal", "%1."), level(1, "decimal", "%1.%2", restart=1, is_lgl=True),
                  level(2, "lowerLetter", "(%3)", pstyle="Heading3")]
        body = [para("Heading", style="Heading1"), para("Clause text.", num=(1, 1)), table([["a", "b"]]),
                para("x ", inserted("y"), deleted("z")), para("item", style="Heading3")]
        styles = [paragraph_style("Heading1", "heading 1", num=(1, 0)),
                  paragraph_style("Heading3", "heading 3", num=(1, None), based_on="Heading1")]
        data = build_docx(body, styles=styles,
                          numbering_xml=numbering(abstract(1, levels), num(1, 1, start_overrides={0: 2})))
        _FUZZ.append(data)
        assert [b.number for b in read(data).blocks] == ["2.", "2.1", None, None, "(a)"]
    return _FUZZ[0]


# -- real agreements ---------------------------------------------------------------------

def test_real_agreements_load_with_numbering_in_document_order():
    folder = need_shared("contract_docx_templates")
    paths = sorted(folder.glob("*/template.docx"))
    if not paths:
        pytest.skip("no template.docx files under ../shared/data/contract_docx_templates")
    numbered_files = 0
    for path in paths:
        doc = load(path)
        name = path.parent.name
        assert doc.format == "docx" and len(doc.text) > 500, name
        assert "\uf0b7" not in doc.text and "\uf0a7" not in doc.text, name  # no bullet glyphs
        top: int | None = None
        sub: int | None = None
        for block in doc.blocks:
            if block.number is None:
                continue
            m = re.fullmatch(r"(\d+)\.", block.number)
            if m and block.level == 0:
                value = int(m.group(1))
                # top-level numbers go up one by one (or a new list starts at 1)
                assert value == 1 or (top is not None and value == top + 1), (name, block.text[:60])
                top, sub = value, None
                continue
            m = re.fullmatch(r"(\d+)\.(\d+)\.?", block.number)
            if m and top is not None:
                major, minor = int(m.group(1)), int(m.group(2))
                assert major == top, (name, block.text[:60])
                assert minor == (sub or 0) + 1, (name, block.text[:60])
                sub = minor
        if top is not None:
            numbered_files += 1
            assert any(b.kind == "heading" or b.bold for b in doc.blocks), name
    assert numbered_files >= 10  # most of these agreements use automatic numbering


def test_a_single_text_run_over_the_parser_limit_is_refused_with_the_reason(tmp_path):
    # libxml2 refuses a text node over 10 MB (we leave its huge-tree mode off); the user
    # should read that, not "damaged DOCX".
    import hostile_inputs as h

    path = h.write(tmp_path / "one-run.docx", h.docx_bytes(h.docx_members(["x" * 11_000_000])))
    with pytest.raises(InputError) as err:
        load(path)
    assert "single run of text over 10 MB" in err.value.reason and "damaged" not in err.value.reason
    assert str(path) in str(err.value)
