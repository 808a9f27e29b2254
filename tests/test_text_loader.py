"""Text exports of filed agreements: the page numbers they print are pages, not text."""

import clausecheck
from clausecheck.loaders import load

FILLER = ("The Vendor shall perform the Services in a professional manner and in accordance with the "
          "Service Levels set out in Exhibit B, and shall keep records of its performance.\n") * 8


def export(tmp_path, marker):
    text = (f"1. SERVICES\n\n{FILLER}\nThe Vendor shall report to the Hospital each month on the Claims\n"
            "submitted, the appeals filed and the Net\n\n"
            f"{marker(1)}\n\n"
            f"Collections.\n\n2. FEES\n\n{FILLER}\n{marker(2)}\n\n3. TERM\n\n{FILLER}\n{marker(3)}\n\n"
            "4. GOVERNING LAW\n\nThis Agreement is governed by the laws of the State of New York.\n")
    path = tmp_path / "filed.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_printed_page_numbers_give_pages_and_leave_the_text(tmp_path):
    for marker in (lambda n: f"                    - {n} -", lambda n: f"Page {n} of 3", lambda n: f"     {n}"):
        document = load(export(tmp_path, marker))
        assert document.pages == 4
        assert "- 2 -" not in document.text and "Page 2" not in document.text
        law = next(b for b in document.blocks if b.text.startswith("This Agreement is governed"))
        assert law.page == 4
        # The sentence the page break cut in two is one paragraph again.
        assert any(b.text.endswith("the Net\nCollections.") and b.page == 1 for b in document.blocks)


def test_findings_cite_the_page_of_a_text_export(tmp_path):
    report = clausecheck.analyze(export(tmp_path, lambda n: f"- {n} -")).to_dict()
    law = next(f for f in report["findings"] if f["requirement"] == "governing-law")
    assert law["evidence"][0]["page"] == 4


def test_numbers_that_are_not_page_numbers_stay(tmp_path):
    # A numbered table: its numbers go up by one but a page holds more than a row.
    path = tmp_path / "table.txt"
    path.write_text("Schedule of sites\n\n1\n\nDublin office\n\n2\n\nCork office\n\n3\n\nGalway office\n",
                    encoding="utf-8")
    document = load(path)
    assert document.pages is None
    assert "\n2\n" in document.text or document.text.count("\n\n2\n\n") == 1


def test_markdown_headings_give_numbers_and_titles_and_its_marks_go(tmp_path):
    path = tmp_path / "msa.md"
    path.write_text("# Master Services Agreement\n\n## 9. Term and Termination\n\n### 9.2 Termination for Cause\n"
                    "Either party may terminate this Agreement on **thirty (30) days'** written notice if the other "
                    "commits a material breach of the `Agreement`.\n\n| Item | Fee |\n|---|---|\n| Support | $100 |\n",
                    encoding="utf-8")
    document = load(path)
    assert "#" not in document.text and "**" not in document.text and "---" not in document.text
    report = clausecheck.analyze(path).to_dict()
    numbers = [c["number"] for c in report["clauses"]]
    assert "9" in numbers and "9.2" in numbers
    clause = next(c for c in report["clauses"] if c["number"] == "9.2")
    assert clause["heading"] == "Termination for Cause" and "thirty (30) days' written notice" in clause["text"]
