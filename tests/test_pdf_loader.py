"""PDF loader: pages, paragraphs, running lines, hyphens, reading order and bad PDFs.

Every PDF here is drawn by tests/pdf_fixtures.py from our own text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pdf_fixtures import write_image_only_pdf, write_pdf, write_rotated_pdf, write_two_column_pdf
from reportlab.lib.pdfencrypt import StandardEncryption

import clausecheck
from clausecheck.errors import InputError, LimitExceeded
from clausecheck.limits import Limits
from clausecheck.loaders.pdf import load_pdf
from clausecheck.loaders.pdf_layout import Line, build_paragraphs, is_page_number, strip_running_lines

ENGINES = ["pypdfium2", "pdfplumber"]

PAGE_1 = [
    "MASTER SERVICES AGREEMENT",
    'This Agreement is made between Alder Ltd ("Client") and Birch Services plc ("Provider") for '
    "the provision of managed payroll services to the Client's offices.",
    "1. DEFINITIONS",
    '1.1 "Services" means the payroll services described in Schedule 1, including any subcontractor '
    "support that the Provider arranges under clause 1.2.",
    "1.2 The Provider may appoint a sub-\ncontractor with the Client's consent, and shall ensure that the third-\n"
    "party complies with this Agreement as if it were the Provider.",
]
PAGE_2 = [
    "2. TERM AND TERMINATION",
    "2.1 This Agreement continues for three (3) years. Either party may give notice of termi-\n"
    "nation for a material breach that is not remedied within thirty (30) days of a notice describing it.",
    "2.2 On termination the Provider shall deliver an exit plan covering:\n(a) the transfer of data;\n"
    "(b) the return of equipment; and\n"
    # a full line that wraps before "(10)", as a typesetter would wrap it
    "(c) the keeping of payroll records, time sheets, expense claims and tax returns for a ten\n(10) year period.",
]
PAGE_3 = [
    "CONFIDENTIALITY",
    "Each party shall keep the other party's Confidential Information secret and use it only to perform "
    "this Agreement, and shall not disclose it except as the law requires.",
    "3. GOVERNING LAW",
    "3.1 This Agreement is governed by the laws of England and Wales.",
]
HEADER = "Alder / Birch - Master Services Agreement - Confidential"
FOOTER = "MSA version 3 (draft of 7 March 2024)"


def _load(path: Path, engine: str = "pypdfium2", limits: Limits = Limits()):
    data = path.read_bytes()
    return load_pdf(data, str(path), hashlib.sha256(data).hexdigest(), engine=engine, limits=limits)


@pytest.fixture(scope="module")
def contract_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "msa.pdf"
    return write_pdf(path, [PAGE_1, PAGE_2, PAGE_3], header=HEADER, footer=FOOTER,
                     page_number="Page {n} of {total}")


@pytest.fixture(scope="module")
def loaded(contract_pdf):
    return {engine: _load(contract_pdf, engine) for engine in ENGINES}


def _block(doc, startswith: str):
    return next(b for b in doc.blocks if b.text.startswith(startswith))


@pytest.mark.parametrize("engine", ENGINES)
def test_every_paragraph_knows_its_page(loaded, engine):
    doc = loaded[engine]
    assert doc.format == "pdf" and doc.pages == 3 and doc.warnings == []
    assert _block(doc, "MASTER SERVICES AGREEMENT").page == 1
    assert _block(doc, "1.2 The Provider").page == 1
    assert _block(doc, "2.1 This Agreement").page == 2
    assert _block(doc, "3.1 This Agreement is governed").page == 3
    assert [b.page for b in doc.blocks] == sorted(b.page for b in doc.blocks)
    for block in doc.blocks:  # offsets point at the block in the document text
        assert doc.text[block.start:block.end] == block.text
    assert doc.page_at(doc.text.index("England and Wales")) == 3


@pytest.mark.parametrize("engine", ENGINES)
def test_paragraphs_are_rebuilt_from_lines(loaded, engine):
    doc = loaded[engine]
    texts = [b.text for b in doc.blocks]
    # A wrapped paragraph is one block, its lines joined by a single space.
    assert PAGE_1[1] in texts
    # Numbered lines and list items start their own blocks even without a blank line.
    assert "2.2 On termination the Provider shall deliver an exit plan covering:" in texts
    assert "(a) the transfer of data;" in texts and "(b) the return of equipment; and" in texts
    # "(10)" at the start of a wrapped line continues the sentence: not an item.
    assert "(c) the keeping of payroll records, time sheets, expense claims and tax returns for a ten (10) year " \
        "period." in texts
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert "CONFIDENTIALITY" in headings and "2. TERM AND TERMINATION" in headings
    assert _block(doc, "Each party shall keep").kind == "paragraph"


@pytest.mark.parametrize("engine", ENGINES)
def test_running_headers_footers_and_page_numbers_are_removed(loaded, engine):
    text = loaded[engine].text
    assert HEADER not in text and "Master Services Agreement - Confidential" not in text
    assert "draft of 7 March 2024" not in text
    assert "Page 1 of 3" not in text and "Page 2 of 3" not in text and "of 3" not in text
    # The title at the top of page 1 is content, not a header.
    assert text.startswith("MASTER SERVICES AGREEMENT")


def test_other_page_number_styles_are_removed(tmp_path):
    pages = [["1. Alder appoints Birch to run its payroll.", "The Services start on the Effective Date."],
             ["2. Birch shall pay its own staff and taxes.", "Invoices are due within thirty days."],
             ["3. Either party may end this agreement on notice.", "Exit assistance lasts six months."],
             ["4. English law governs this agreement.", "The courts of London decide disputes."]]
    dashed = _load(write_pdf(tmp_path / "dashed.pdf", pages, page_number="- {n} -"))
    bare = _load(write_pdf(tmp_path / "bare.pdf", pages, page_number="{n}"))
    for doc in (dashed, bare):
        assert [b.text for b in doc.blocks] == [text for page in pages for text in page]


def test_content_at_the_top_of_one_page_is_kept(tmp_path):
    # Two pages open with different headings, one heading recurs only once: all content.
    pages = [["SCHEDULE 1 - SERVICES", "The Provider runs payroll for 400 staff."],
             ["SCHEDULE 2 - CHARGES", "The Client pays 1,200 pounds a month."],
             ["SCHEDULE 3 - EXIT", "The Provider returns all data on exit."]]
    doc = _load(write_pdf(tmp_path / "schedules.pdf", pages, header="Alder / Birch MSA"))
    texts = [b.text for b in doc.blocks]
    assert texts == ["SCHEDULE 1 - SERVICES", "The Provider runs payroll for 400 staff.",
                     "SCHEDULE 2 - CHARGES", "The Client pays 1,200 pounds a month.",
                     "SCHEDULE 3 - EXIT", "The Provider returns all data on exit."]


@pytest.mark.parametrize("engine", ENGINES)
def test_hyphenated_words_are_rejoined_and_real_hyphens_kept(loaded, engine):
    text = loaded[engine].text
    assert "notice of termination for a material breach" in text  # broken word re-joined
    assert "third-party complies" in text  # a compound keeps its hyphen
    # "sub-" is a compound prefix, but the document writes "subcontractor" elsewhere.
    assert "appoint a subcontractor with" in text
    assert "termi-" not in text and "sub-contractor" not in text


def test_word_broken_across_a_page_is_finished_on_its_first_page(tmp_path):
    pages = [["4. The Provider shall keep records of every payment and shall provide them on the Client's "
              "request within the reasonable time that the parties agree in the implemen-"],
             ["tation plan for the Services.", "5. Nothing else applies."]]
    doc = _load(write_pdf(tmp_path / "across.pdf", pages))
    assert _block(doc, "4. The Provider").text.endswith("agree in the implementation")
    assert _block(doc, "4. The Provider").page == 1
    assert _block(doc, "plan for the Services.").page == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_two_columns_are_read_column_by_column(tmp_path, engine):
    left = ["1. Alder shall provide the payroll services described in the first schedule to this agreement.",
            "2. Birch shall pay the charges within thirty days of each invoice it receives."]
    right = ["3. Either party may end this agreement on ninety days notice to the other.",
             "4. The laws of England govern this agreement and any dispute under it."]
    doc = _load(write_two_column_pdf(tmp_path / "columns.pdf", left, right), engine)
    order = [doc.text.index(marker) for marker in ("1. Alder", "2. Birch", "3. Either", "4. The laws")]
    assert order == sorted(order)
    assert [b.text for b in doc.blocks] == left + right


@pytest.mark.parametrize("engine", ENGINES)
def test_landscape_page_turned_by_rotate_reads_in_order(tmp_path, engine):
    paragraphs = ["SCHEDULE 4 - SERVICE LEVELS",
                  "1. The Provider shall answer 90% of support calls within sixty seconds in each month of the "
                  "Term, measured over all calls received during business hours.",
                  "2. Service credits are the Client's sole remedy for missing a service level."]
    doc = _load(write_rotated_pdf(tmp_path / "landscape.pdf", paragraphs), engine)
    assert [b.text for b in doc.blocks] == paragraphs


def test_pdfplumber_gives_the_same_document(loaded):
    fast, plumber = loaded["pypdfium2"], loaded["pdfplumber"]
    assert [(b.text, b.page, b.kind) for b in fast.blocks] == [(b.text, b.page, b.kind) for b in plumber.blocks]


@pytest.mark.parametrize("engine", ENGINES)
def test_image_only_page_is_a_warning(tmp_path, engine):
    path = write_pdf(tmp_path / "partly-scanned.pdf", [PAGE_1, None, PAGE_3])
    doc = _load(path, engine)
    assert doc.pages == 3
    assert doc.warnings == ["page 2 has no text layer (scanned? OCR needed)"]
    assert {b.page for b in doc.blocks} == {1, 3}


@pytest.mark.parametrize("engine", ENGINES)
def test_blank_page_is_no_scan(tmp_path, engine):
    doc = _load(write_pdf(tmp_path / "blank-page.pdf", [PAGE_1, [], PAGE_3]), engine)
    assert doc.pages == 3 and doc.warnings == []


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_that_all_repeat_are_content_not_headers(tmp_path, engine):
    # The same short notice printed on every page: each line "repeats at the page edge",
    # but taking them all for headers would report a readable contract as blank.
    notice = ["NOTICE OF TERMINATION", "The Client terminates the Services Agreement on 30 days' notice."]
    doc = _load(write_pdf(tmp_path / "repeated.pdf", [notice] * 4), engine)
    assert "terminates the Services Agreement" in doc.text
    assert {b.page for b in doc.blocks} == {1, 2, 3, 4}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("stamp", [None, "Filed 2024-03-07 ref 1234"])
def test_image_only_pdf_is_an_error(tmp_path, engine, stamp):
    # A stamp printed over every scanned page is no text layer for the contract.
    path = write_image_only_pdf(tmp_path / "scan.pdf", pages=1 if stamp else 2, stamp=stamp)
    with pytest.raises(InputError) as err:
        _load(path, engine)
    assert err.value.reason == "no text layer: scanned PDF, OCR needed"
    assert str(path) in str(err.value)


@pytest.mark.parametrize("engine", ENGINES)
def test_password_protected_pdf_is_an_error(tmp_path, engine):
    path = write_pdf(tmp_path / "locked.pdf", [PAGE_1],
                     encrypt=StandardEncryption("open-sesame", ownerPassword="owner"))
    with pytest.raises(InputError) as err:
        _load(path, engine)
    assert err.value.reason == "encrypted PDF: password required"


@pytest.mark.parametrize("engine", ENGINES)
def test_owner_password_only_pdf_is_read(tmp_path, engine):
    # Permissions-only encryption (no password to open) does not stop a reader.
    path = write_pdf(tmp_path / "restricted.pdf", [PAGE_3],
                     encrypt=StandardEncryption("", ownerPassword="owner", canModify=0, canCopy=0))
    assert "governed by the laws of England" in _load(path, engine).text


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_corrupt_or_truncated_pdf_is_an_error(tmp_path, contract_pdf, engine, damage):
    data = contract_pdf.read_bytes()
    bad = data[: len(data) // 2] if damage == "truncated" else b"%PDF-1.4\n" + bytes(range(256)) * 40
    path = tmp_path / f"{damage}.pdf"
    path.write_bytes(bad)
    with pytest.raises(InputError) as err:
        _load(path, engine)
    assert err.value.reason.startswith("corrupt or truncated PDF (")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_page_box_with_a_name_for_a_number_is_an_error_not_a_crash(tmp_path, engine):
    # Found by the mutation property test: pdfplumber raised again while closing the file.
    from hostile_inputs import pdf_bytes

    data = pdf_bytes([["1. Services. The Provider shall provide the Services."]] * 2, compress=False)
    path = tmp_path / "box.pdf"
    path.write_bytes(data.replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 /! 842]"))
    try:
        doc = _load(path, engine)
    except InputError as exc:  # a reason naming the file, whichever the engine gives
        assert str(exc).startswith(str(path))
    else:
        assert doc.pages == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_too_many_pages_names_the_option(contract_pdf, engine):
    with pytest.raises(LimitExceeded) as err:
        _load(contract_pdf, engine, limits=Limits(max_pages=2))
    assert "3 pages" in err.value.reason and "--max-pages" in err.value.reason


def test_load_dispatches_pdf_by_content(contract_pdf, tmp_path):
    doc = clausecheck.load(contract_pdf)
    assert doc.format == "pdf" and doc.pages == 3
    assert doc.sha256 == hashlib.sha256(contract_pdf.read_bytes()).hexdigest()
    renamed = tmp_path / "msa.txt"  # the bytes decide, not the extension
    renamed.write_bytes(contract_pdf.read_bytes())
    assert clausecheck.load(renamed).format == "pdf"
    assert clausecheck.load(contract_pdf, pdf_engine="pdfplumber").text == doc.text


def test_segmenter_finds_the_clauses_and_their_pages(loaded):
    from clausecheck.nlp.segmenter import split_clauses

    doc = loaded["pypdfium2"]
    clauses = split_clauses(doc.text, frozenset(b.start for b in doc.blocks if b.kind == "heading"))
    numbers = [c.number for c in clauses if c.number]
    assert numbers[:9] == ["1", "1.1", "1.2", "2", "2.1", "2.2", "(a)", "(b)", "(c)"]
    by_number = {c.number: c for c in clauses if c.number}
    assert doc.page_at(by_number["2.1"].start) == 2 and doc.page_at(by_number["3.1"].start) == 3


# -- the layout rules on hand-made lines --------------------------------------------------

def test_page_number_shapes():
    for text in ("12", "Page 3 of 10", "- 4 -", "page 7", "iv", "A-1", "3/10"):
        assert is_page_number(text), text
    for text in ("(5)", "(a)", "1.", "Exhibit 2", "12 months", "Section 4"):
        assert not is_page_number(text), text


def test_signature_lines_that_recur_mid_page_are_not_running_footers():
    signature = ["By: ____", "Name: Jane Doe", "Title: Director"]
    words = ["alder", "birch", "cedar", "elm"]

    def page(word: str) -> list[Line]:
        texts = [f"Signed for {word} holdings", f"acting by its board of {word}", f"under the {word} deed",
                 f"{word} witness one", *signature, f"{word} witness two", f"{word} seal", f"{word} date",
                 f"Signed for {word} trading", *signature]
        return [Line(text) for text in texts]

    pages = [page(word) for word in words]
    assert strip_running_lines(pages) == pages


def test_running_line_with_a_changing_number_is_removed():
    words = ["alder", "birch", "cedar", "elm", "fir", "hazel", "oak"]
    pages = [[Line(f"The {w} clause starts here"), Line(f"and the {w} clause goes on"), Line(f"Supply Agreement {n}")]
             for n, w in enumerate(words, start=1)]
    assert [[ln.text for ln in p] for p in strip_running_lines(pages)] == \
        [[f"The {w} clause starts here", f"and the {w} clause goes on"] for w in words]


def test_all_caps_text_that_wraps_stays_one_paragraph():
    lines = [Line("THE SERVICES ARE PROVIDED AS IS AND THE PROVIDER GIVES NO WARRANTY OF"),
             Line("MERCHANTABILITY OR FITNESS FOR A PARTICULAR"), Line("PURPOSE.")]
    paragraphs = build_paragraphs([lines])
    assert [p.text for p in paragraphs] == [" ".join(ln.text for ln in lines)]
    assert not paragraphs[0].heading


def test_hyphen_rule_follows_the_document_spelling():
    lines = [Line("The co-"), Line("operation of the parties and their co-"), Line("ordination."),
             Line("Co-operation is required."), Line("Coordination is not.")]
    text = build_paragraphs([lines])[0].text
    assert "The co-operation of" in text  # written "co-operation" elsewhere
    assert "their coordination." in text  # written "coordination" elsewhere


def test_suspended_hyphen_keeps_its_space():
    lines = [Line("All pre-"), Line("and post-closing covenants survive.")]
    assert build_paragraphs([lines])[0].text == "All pre- and post-closing covenants survive."


def test_hyphens_of_compounds_numbers_and_capitals_stay():
    lines = [Line("Reimbursement of out-of-"), Line("pocket costs on a 30-"), Line("day invoice, for NON-"),
             Line("INFRINGEMENT of the follow-"), Line("up study; the follow study and the up"),
             Line("front fee are separate, and the notice of termi-"), Line("nation is written.")]
    text = build_paragraphs([lines])[0].text
    assert "out-of-pocket costs on a 30-day invoice, for NON-INFRINGEMENT of the follow-up study" in text
    assert "notice of termination is written." in text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_narrow_columns_full_lines_do_not_end_its_paragraphs(tmp_path, engine):
    # In a column half the page wide a full line has eight or nine words: it must not read as
    # a short line that ends its paragraph ("... the other party's Confidential" / "Information").
    left = ["9.1 Each party must keep the other party's Confidential Information confidential and must not use "
            "or disclose it except as needed to perform its obligations under this Agreement.",
            "9.2 A party may disclose the other party's Confidential Information to its employees and "
            "professional advisers who need to know it, if they are bound by duties of confidence."]
    right = ["10.1 The Supplier must keep the Council Data secure at all times using measures that meet good "
             "industry practice, and must tell the Council of any security breach within one Business Day.",
             "10.2 The Supplier must store the Council Data only in New Zealand or Australia unless the Council "
             "agrees otherwise in writing, and must not sell or disclose it to anyone."]
    doc = _load(write_two_column_pdf(tmp_path / "columns.pdf", left, right), engine)
    assert [b.text for b in doc.blocks] == left + right
