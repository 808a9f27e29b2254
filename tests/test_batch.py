"""``clausecheck batch`` on small trees of contracts we write ourselves (text, PDF, DOCX),
with broken files, zip archives, duplicates, resumes, a kill -9, timeouts and a crash."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from clausecheck.batch import BatchOptions, run_batch
from clausecheck.batch.outputs import safe_cell
from clausecheck.cli import main
from clausecheck.playbook import load_playbook
from pdf_fixtures import write_pdf
from tiny_model import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [s for examples in EXAMPLES.values() for s in examples]


def contract_text(title: str, clauses: int = 6, offset: int = 0) -> str:
    """A numbered contract of our own sentences (``offset`` makes each one different)."""
    parts = [title.upper()]
    for i in range(clauses):
        sentence = SENTENCES[(i + offset) % len(SENTENCES)]
        parts.append(f"{i + 1}. CLAUSE {i + 1}\n\n{i + 1}.1 {sentence}")
    return "\n\n".join(parts) + "\n"


def write_docx(path: Path, text: str) -> Path:
    import docx
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


def run(*args: str, model: Path):
    return CliRunner().invoke(main, ["batch", *args, "--model", str(model), "--no-progress"])


def journal(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]


def journal_paths(out: Path) -> list[str]:
    return [line["document"]["path"] if "document" in line else line["path"] for line in journal(out)]


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its sha256: proves inputs were not touched."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Readable contracts in three formats, three broken files and a hidden one."""
    root = tmp_path / "contracts"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "msa.txt").write_text(contract_text("Master services agreement", offset=0))
    write_pdf(root / "sub" / "hosting.pdf", [contract_text("Hosting agreement", offset=3).split("\n\n")])
    write_docx(root / "sub" / "deeper" / "support.docx", contract_text("Support agreement", offset=9))
    (root / "empty.txt").write_bytes(b"")
    (root / "sub" / "random.pdf").write_bytes(os.urandom(4000).replace(b"%PDF", b"xxxx"))
    (root / "sub" / "legacy.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (root / ".draft.txt").write_text(contract_text("Hidden draft"))
    return root


def test_mixed_tree_broken_files_become_error_rows_and_the_rest_completes(tree, tiny_model, tmp_path):
    out = tmp_path / "out"
    before = snapshot(tree)
    docx_loader = (ROOT / "clausecheck" / "loaders" / "docx.py").exists()  # written in parallel with this
    result = run(str(tree), "--out", str(out), "--workers", "2", model=tiny_model)
    assert result.exit_code == 0, result.output
    unreadable = 3 if docx_loader else 4
    assert f"{unreadable} documents could not be read: see" in result.output and "errors.csv" in result.output

    paths = journal_paths(out)
    assert sorted(paths) == sorted(str(tree / p) for p in (
        "msa.txt", "sub/hosting.pdf", "sub/deeper/support.docx", "empty.txt", "sub/random.pdf", "sub/legacy.doc"))
    errors = {Path(row["path"]).name: row["error"] for row in read_csv(out / "errors.csv")}
    assert errors.keys() == {"empty.txt", "random.pdf", "legacy.doc"} | (set() if docx_loader else {"support.docx"})
    assert "empty" in errors["empty.txt"] and "not a PDF" in errors["random.pdf"] and ".doc" in errors["legacy.doc"]

    reports = {line["document"]["path"]: line for line in journal(out) if "document" in line}
    assert reports[str(tree / "msa.txt")]["schema_version"] == 1
    assert reports[str(tree / "sub/hosting.pdf")]["document"]["format"] == "pdf"
    assert reports[str(tree / "sub/hosting.pdf")]["document"]["pages"] == 1
    assert (str(tree / "sub/deeper/support.docx") in reports) == docx_loader

    summary = {Path(row["path"]).name: row for row in read_csv(out / "summary.csv")}
    assert summary["msa.txt"]["status"] == "ok" and summary["random.pdf"]["status"] == "error"
    assert int(summary["msa.txt"]["present"]) + int(summary["msa.txt"]["partial"]) \
        + int(summary["msa.txt"]["missing"]) == len(load_playbook().requirements)
    for line in reports.values():  # each analysed document has its own HTML report
        assert list((out / "reports").glob(line["document"]["sha256"][:12] + "-*.html"))
    dashboard = (out / "index.html").read_text()
    assert "msa.txt" in dashboard and f"Could not be read ({unreadable})" in dashboard

    assert snapshot(tree) == before  # inputs untouched; all output under --out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contracts", "out"]
    assert not list(out.glob(".clausecheck-tmp-*"))


def test_summary_columns_follow_the_playbook_and_formulas_are_neutralised(tiny_model, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("=HYPERLINK(1).txt").write_text(contract_text("Formula one", offset=1))
    Path("@SUM(A1).txt").write_text(contract_text("Formula two", offset=2))
    Path("+cmd.txt").write_bytes(b"")  # an error row: path and reason both reach the CSVs
    result = run("=HYPERLINK(1).txt", "@SUM(A1).txt", "+cmd.txt", "--out", "out", "--workers", "1",
                 model=tiny_model)
    assert result.exit_code == 0, result.output

    with open("out/summary.csv", newline="") as handle:
        header = next(csv.reader(handle))
    requirement_ids = [req.id for req in load_playbook().requirements]
    assert header == ["path", "sha256", "status", "pages", "present", "partial", "missing", "worst_severity",
                      *requirement_ids, "duplicate_of", "error"]
    rows = read_csv(Path("out/summary.csv"))
    assert sorted(row["path"] for row in rows) == ["'+cmd.txt", "'=HYPERLINK(1).txt", "'@SUM(A1).txt"]
    ok = next(row for row in rows if row["path"] == "'=HYPERLINK(1).txt")
    assert ok["status"] == "ok" and all(ok[req] in ("present", "partial", "missing") for req in requirement_ids)
    assert [row["path"] for row in read_csv(Path("out/errors.csv"))] == ["'+cmd.txt"]
    # The journal keeps the true names: neutralisation is for spreadsheets only.
    assert "=HYPERLINK(1).txt" in journal_paths(Path("out"))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_formula_cells_get_a_leading_apostrophe(cell):
    assert safe_cell(cell) == "'" + cell
    assert safe_cell("msa.pdf") == "msa.pdf" and safe_cell(3) == 3


def test_zip_members_are_analysed_without_leaving_copies(tiny_model, tmp_path):
    archive = tmp_path / "archive.zip"
    pdf = write_pdf(tmp_path / "p.pdf", [contract_text("Zipped PDF", offset=4).split("\n\n")])
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inner/msa.txt", contract_text("Zipped agreement", offset=5))
        zf.write(pdf, "inner/deep/hosting.pdf")
        zf.writestr("../escape.txt", contract_text("Escaping name", offset=6))
        zf.writestr("big.txt", "x" * 200_000)  # compresses to almost nothing: a little bomb
        zf.writestr("__MACOSX/._msa.txt", b"\x00\x05junk")
    pdf.unlink()
    out = tmp_path / "out"
    result = run(str(archive), "--out", str(out), "--workers", "2", "--max-unzipped-mb", "0.1", model=tiny_model)
    assert result.exit_code == 0, result.output

    lines = {Path(p).name if "!/" not in p else p.split("!/", 1)[1]: p for p in journal_paths(out)}
    assert sorted(lines) == ["../escape.txt", "big.txt", "inner/deep/hosting.pdf", "inner/msa.txt"]
    assert lines["inner/deep/hosting.pdf"] == f"{archive}!/inner/deep/hosting.pdf"
    reports = {r["document"]["path"]: r for r in journal(out) if "document" in r}
    assert reports[f"{archive}!/inner/deep/hosting.pdf"]["document"]["format"] == "pdf"
    assert f"{archive}!/../escape.txt" in reports
    errors = read_csv(out / "errors.csv")
    assert [row["path"] for row in errors] == [f"{archive}!/big.txt"]
    assert "--max-unzipped-mb" in errors[0]["error"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.zip", "out"]  # nothing extracted
    assert not [p for p in out.rglob("*") if p.suffix in (".txt", ".pdf")]


def test_identical_files_are_analysed_once(tiny_model, tmp_path):
    root = tmp_path / "in"
    (root / "copies").mkdir(parents=True)
    text = contract_text("Same agreement", offset=7)
    (root / "a.txt").write_text(text)
    (root / "copies" / "b.txt").write_text(text)
    with zipfile.ZipFile(root / "z.zip", "w") as zf:
        zf.writestr("c.txt", text)
    out = tmp_path / "out"
    result = run(str(root), "--out", str(out), "--workers", "2", model=tiny_model)
    assert result.exit_code == 0, result.output
    assert "1 analysed" in result.output and "2 duplicates" in result.output

    lines = journal(out)
    assert sum(1 for line in lines if "document" in line) == 1
    original = next(line for line in lines if "document" in line)["document"]["path"]
    duplicates = [line for line in lines if line.get("status") == "duplicate"]
    assert len(duplicates) == 2 and all(d["duplicate_of"] == original for d in duplicates)
    rows = read_csv(out / "summary.csv")
    assert len(rows) == 3 and len({row["sha256"] for row in rows}) == 1
    assert all(row["status"] == "ok" and row["missing"] == rows[0]["missing"] for row in rows)
    assert sorted(row["duplicate_of"] for row in rows) == ["", original, original]


def test_resume_skips_done_work_and_repairs_a_cut_line(tiny_model, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(4):
        (root / f"c{i}.txt").write_text(contract_text(f"Agreement {i}", offset=i))
    (root / "broken.pdf").write_bytes(b"\x00\x01 not a pdf at all" * 10)
    out = tmp_path / "out"
    assert run(str(root), "--out", str(out), "--workers", "2", model=tiny_model).exit_code == 0

    again = run(str(root), "--out", str(out), model=tiny_model)
    assert again.exit_code == 2 and "already holds results; use --resume" in again.output

    (root / "c4.txt").write_text(contract_text("Agreement 4", offset=11))
    raw = (out / "results.jsonl").read_bytes()
    cut = raw[:raw.rstrip(b"\n").rfind(b"\n") + 1]
    lost = json.loads(raw[len(cut):])
    (out / "results.jsonl").write_bytes(cut + raw[len(cut):len(cut) + 40])  # a crash mid-line

    resumed = run(str(root), "--out", str(out), "--resume", model=tiny_model)
    assert resumed.exit_code == 0, resumed.output
    assert "2 analysed" in resumed.output and "4 already done" in resumed.output  # c4 and the cut one
    assert "1 incomplete or retried line(s) dropped" in resumed.output
    paths = journal_paths(out)
    assert sorted(paths) == sorted(str(root / n) for n in ("c0.txt", "c1.txt", "c2.txt", "c3.txt", "c4.txt",
                                                           "broken.pdf"))
    assert (lost["document"]["path"] if "document" in lost else lost["path"]) in paths
    assert len(read_csv(out / "summary.csv")) == 6

    retried = run(str(root), "--out", str(out), "--resume", "--retry-errors", model=tiny_model)
    assert retried.exit_code == 0 and "5 already done" in retried.output
    assert "0 analysed" in retried.output and "1 unreadable" in retried.output  # broken.pdf, tried again
    assert sorted(journal_paths(out)) == sorted(paths)


def _descendants(pid: int) -> set[int]:
    """Processes started (directly or not) by ``pid``, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="follows worker processes through /proc (Linux)")
def test_kill_9_mid_run_then_resume_gives_every_document_exactly_once(tiny_model, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(14):
        (root / f"c{i:02d}.txt").write_text(contract_text(f"Agreement {i}", clauses=240, offset=i))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "clausecheck", "batch", str(root), "--out", str(out), "--workers", "1",
               "--model", str(tiny_model), "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        results = out / "results.jsonl"
        while time.monotonic() < deadline and process.poll() is None:
            workers |= _descendants(process.pid)
            if results.exists() and results.read_bytes().count(b"\n") >= 2:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the batch ended before it could be killed"
        workers |= _descendants(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    done_before = len(journal(out))
    assert 2 <= done_before < 14
    assert list(out.glob(".clausecheck-tmp-*"))  # the killed run could not clean up
    # Orphaned workers notice that their parent is gone and leave by themselves.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    lingering = [pid for pid in workers if _alive(pid)]
    for pid in lingering:
        os.kill(pid, signal.SIGKILL)
    assert not lingering, "worker processes outlived the killed batch"

    resumed = run(str(root), "--out", str(out), "--resume", "--workers", "2", model=tiny_model)
    assert resumed.exit_code == 0, resumed.output
    paths = journal_paths(out)
    assert sorted(paths) == sorted(str(root / f"c{i:02d}.txt") for i in range(14))
    assert f"{14 - done_before} analysed" in resumed.output
    assert not list(out.glob(".clausecheck-tmp-*")) and not list(out.rglob(".*.tmp"))  # the resume did


def test_a_document_over_time_becomes_an_error_row_and_the_batch_goes_on(tiny_model, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a-small.txt").write_text(contract_text("Small agreement", offset=1))
    (root / "b-huge.txt").write_text(contract_text("Huge agreement", clauses=20000))  # several seconds
    (root / "c-small.txt").write_text(contract_text("Another small agreement", offset=2))
    out = tmp_path / "out"
    started = time.monotonic()
    result = run(str(root), "--out", str(out), "--workers", "1", "--timeout", "2", model=tiny_model)
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 25  # the huge one alone would take longer
    rows = {Path(row["path"]).name: row for row in read_csv(out / "summary.csv")}
    assert rows["a-small.txt"]["status"] == "ok" and rows["c-small.txt"]["status"] == "ok"
    assert rows["b-huge.txt"]["status"] == "error"
    assert read_csv(out / "errors.csv")[0]["error"] == "timed out after 2 s"


def test_a_worker_that_dies_gives_an_error_row_naming_the_file(tiny_model, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a-small.txt").write_text(contract_text("Small agreement", offset=1))
    (root / "b-huge.txt").write_text(contract_text("Huge agreement", clauses=20000))  # several seconds
    (root / "c-small.txt").write_text(contract_text("Another small agreement", offset=2))

    def kill_the_worker_soon(event):
        # The first document is done; the worker is given b-huge.txt next. Kill it then,
        # as the OOM killer or a segfault in a parser would.
        if event.task.display.endswith("a-small.txt"):
            threading.Timer(0.5, os.kill, (event.stats["pid"], signal.SIGKILL)).start()

    options = BatchOptions(out_dir=tmp_path / "out", workers=1, timeout=60, model_dir=str(tiny_model),
                           progress=False)
    result = run_batch([str(root)], options, on_event=kill_the_worker_soon)
    assert result.errors == 1 and result.analysed == 3 and result.worker_restarts >= 1
    errors = read_csv(tmp_path / "out" / "errors.csv")
    assert [Path(row["path"]).name for row in errors] == ["b-huge.txt"]
    assert "worker process died while reading this document (killed by SIGKILL" in errors[0]["error"]
    statuses = {Path(row["path"]).name: row["status"] for row in read_csv(tmp_path / "out" / "summary.csv")}
    assert statuses == {"a-small.txt": "ok", "b-huge.txt": "error", "c-small.txt": "ok"}


def test_dashboard_escapes_contract_text_and_orders_documents_by_risk(tiny_model, tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    # Few protections: riskier than the full one.
    (root / "<img src=x onerror=alert(1)>.txt").write_text(contract_text("Thin <b>agreement</b>", clauses=2))
    (root / "full.txt").write_text(contract_text("Full agreement", clauses=len(SENTENCES)))
    out = tmp_path / "out"
    assert run(str(root), "--out", str(out), "--workers", "2", model=tiny_model).exit_code == 0
    page = (out / "index.html").read_text()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;.txt" in page
    assert page.index("alert(1)") < page.index("full.txt")  # riskiest first
    assert "missing" in page and "class=bar" in page
    for report in (out / "reports").glob("*.html"):
        assert "<b>agreement</b>" not in report.read_text()


def test_bad_usage_exits_2(tiny_model, tmp_path):
    (tmp_path / "a.txt").write_text(contract_text("Agreement"))
    assert run(str(tmp_path / "missing"), "--out", str(tmp_path / "o1"), model=tiny_model).exit_code == 2
    result = run(str(tmp_path / "a.txt"), "--out", str(tmp_path / "a.txt"), model=tiny_model)
    assert result.exit_code == 2
    result = run(str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"), model=tmp_path / "no-model")
    assert result.exit_code == 2 and "no clause model" in result.output
    assert "Exit status: 0 when the batch ran to the end" in CliRunner().invoke(main, ["batch", "--help"]).output


def test_an_output_folder_inside_the_input_tree_is_not_read_back(tiny_model, tmp_path):
    root = tmp_path / "contracts"
    root.mkdir()
    (root / "msa.txt").write_text(contract_text("Agreement", offset=3))
    out = root / "results"
    assert run(str(root), "--out", str(out), "--workers", "1", model=tiny_model).exit_code == 0
    again = run(str(root), "--out", str(out), "--resume", "--workers", "1", model=tiny_model)
    assert again.exit_code == 0 and "1 document: 0 analysed" in again.output and "1 already done" in again.output
    assert journal_paths(out) == [str(root / "msa.txt")]
