"""index.html: the batch dashboard, one self-contained page that reads without JavaScript.

It shows the counts, a bar per playbook requirement with how often it is missing or only
partly met, the documents ordered by risk (each linking to its own report), and the files
that could not be read. A few lines of inline JavaScript only make the columns sortable.
Everything that comes from a contract or a path is HTML-escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from .outputs import Entry, report_relpath, resolve

SEVERITIES = ("high", "medium", "low")

_CSS = """
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2733;margin:0;background:#f4f6f8}
main{max-width:1200px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:32px 0 10px}
.meta{color:#5b6776;font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0 6px}
.card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:10px 16px;min-width:130px}
.card b{display:block;font-size:22px}.card span{color:#5b6776;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.bad b{color:#b42318}
section{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:16px 18px}
.chart{display:grid;grid-template-columns:minmax(220px,380px) 1fr 150px;gap:6px 12px;align-items:center}
.chart .label{font-size:13px}
.bar{display:flex;height:16px;background:#eef1f4;border-radius:3px;overflow:hidden}
.bar i{display:block;height:100%}
.m{background:#d92d20}.p{background:#f79009}
.rate{font-size:12px;color:#5b6776;white-space:nowrap}
.legend{font-size:12px;color:#5b6776;margin:0 0 10px}
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;border-radius:2px;vertical-align:-1px}
.sev{display:inline-block;font-size:11px;border-radius:3px;padding:0 5px;margin-right:6px;color:#fff}
.sev-high{background:#b42318}.sev-medium{background:#dc6803}.sev-low{background:#667085}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6eaef;vertical-align:top}
th{background:#f8fafc;position:sticky;top:0;font-size:12px;line-height:1.25;white-space:nowrap}
th.n{text-align:right}
td.gaps{min-width:300px}
th[data-type]{cursor:pointer}th[data-type]:after{content:" \\2195";color:#98a2b3;font-size:11px}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.doc{overflow-wrap:anywhere;min-width:260px;max-width:420px}
td.doc .dir{color:#5b6776;font-size:12px}
.chip{display:inline-block;font-size:11px;border-radius:10px;padding:0 7px;margin:1px 2px;white-space:nowrap}
.chip.m{background:#fee4e2;color:#912018}.chip.p{background:#fef0c7;color:#93370d}
.dup{color:#5b6776;font-size:12px}
.zero{color:#98a2b3}
.err td{color:#7a271a}
"""

_JS = """
document.querySelectorAll("table.sortable").forEach(function(table){
  table.querySelectorAll("th[data-type]").forEach(function(th){
    th.addEventListener("click", function(){
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var num = th.dataset.type === "num", asc = th.dataset.dir !== "asc";
      th.dataset.dir = asc ? "asc" : "desc";
      rows.sort(function(a, b){
        var x = a.cells[index].dataset.v || a.cells[index].textContent;
        var y = b.cells[index].dataset.v || b.cells[index].textContent;
        if (num) { x = parseFloat(x) || 0; y = parseFloat(y) || 0; }
        return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
});
"""


def e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def risk_counts(result: Entry) -> dict[tuple[str, str], int]:
    counts: Counter = Counter()
    for finding in result.findings:
        if finding["status"] in ("missing", "partial"):
            counts[(finding["status"], finding["severity"])] += 1
    return counts


def risk_key(result: Entry) -> tuple[int, ...]:
    """Riskiest first: missing high, then partial high, missing medium, partial medium, …

    A high-severity protection that is only partly there weighs more than a missing
    low-severity one.
    """
    counts = risk_counts(result)
    return tuple(counts[(status, severity)] for severity in SEVERITIES for status in ("missing", "partial"))


def _risk_score(key: tuple[int, ...]) -> int:
    """The risk key as one number, for the sortable column (each count is < 1000)."""
    score = 0
    for count in key:
        score = score * 1000 + min(count, 999)
    return score


def dashboard_html(entries: list[Entry], requirements: list[tuple[str, str, str]], *, out_dir: Path,
                   title: str, playbook: str, generated: str) -> str:
    """The dashboard page. ``requirements`` are (id, title, severity) in playbook order."""
    rows = resolve(entries)
    ok_rows = [(row, result) for row, result in rows if result.status == "ok"]
    error_rows = [(row, result) for row, result in rows if result.status != "ok"]
    unique_ok = {result.sha256 or result.path: result for _, result in ok_rows}
    duplicates = sum(1 for row, _ in rows if row.status == "duplicate")
    pages = sum(result.pages or 0 for result in unique_ok.values())
    models = sorted({result.model for result in unique_ok.values() if result.model})

    parts = [f"<!doctype html><html lang=en><head><meta charset=utf-8>"
             f"<meta name=viewport content='width=device-width,initial-scale=1'>"
             f"<title>{e(title)}</title><style>{_CSS}</style></head><body><main>",
             f"<h1>{e(title)}</h1>",
             f"<div class=meta>Playbook: {e(playbook)}"
             + (f" · model: {e(', '.join(models))}" if models else "")
             + f" · generated {e(generated)}</div>",
             "<div class=cards>",
             _card(len(rows), "documents"), _card(len(unique_ok), "analysed"),
             _card(len(error_rows), "could not be read", bad=bool(error_rows)),
             _card(duplicates, "duplicates"), _card(pages, "pages"),
             "</div>"]
    parts.append(_chart(unique_ok.values(), requirements))
    base = _common_folder([row.path for row, _ in rows])
    parts.append(_documents(ok_rows, requirements, out_dir, base))
    if error_rows:
        parts.append(_errors(error_rows, base))
    parts.append(f"</main><script>{_JS}</script></body></html>")
    return "".join(parts)


def _card(value: int, label: str, *, bad: bool = False) -> str:
    return f"<div class='card{' bad' if bad else ''}'><b>{value:,}</b><span>{e(label)}</span></div>"


def _chart(results, requirements: list[tuple[str, str, str]]) -> str:
    results = list(results)
    total = len(results)
    out = ["<h2>Missing and partial protections, by requirement</h2><section>"]
    if not total:
        out.append("<p class=meta>No document was analysed.</p></section>")
        return "".join(out)
    out.append(f"<p class=legend>Share of the {total:,} analysed documents:"
               "<i class=m></i>missing<i class=p></i>partial</p><div class=chart>")
    stats = []
    for req_id, req_title, severity in requirements:
        statuses = Counter(next((f["status"] for f in r.findings if f["requirement"] == req_id), None)
                           for r in results)
        stats.append((statuses["missing"] / total, statuses["partial"] / total, req_id, req_title, severity))
    stats.sort(key=lambda s: (-s[0], -s[1], s[2]))
    for missing, partial, req_id, req_title, severity in stats:
        out.append(f"<div class=label title='{e(req_id)}'><span class='sev sev-{e(severity)}'>{e(severity)}</span>"
                   f"{e(req_title)}</div>"
                   f"<div class=bar role=img aria-label='{missing:.0%} missing, {partial:.0%} partial'>"
                   f"<i class=m style='width:{missing * 100:.1f}%'></i>"
                   f"<i class=p style='width:{partial * 100:.1f}%'></i></div>"
                   f"<div class=rate>{missing:.0%} missing · {partial:.0%} partial</div>")
    out.append("</div></section>")
    return "".join(out)


def _documents(ok_rows, requirements: list[tuple[str, str, str]], out_dir: Path, base: str) -> str:
    titles = {req_id: req_title for req_id, req_title, _ in requirements}
    order = {req_id: i for i, (req_id, _, _) in enumerate(requirements)}
    ranked = sorted(ok_rows, key=lambda pair: (tuple(-n for n in risk_key(pair[1])), pair[0].path))
    out = ["<h2>Documents, riskiest first</h2><section>",
           f"<p class=legend>Paths below are relative to {e(base)}</p>" if base else "",
           "<table class=sortable><thead><tr>",
           "<th class=n data-type=num>Risk</th><th data-type=str>Document</th><th class=n data-type=num>Pages</th>",
           "<th class=n data-type=num>Missing<br>high</th><th class=n data-type=num>Missing<br>medium</th>",
           "<th class=n data-type=num>Missing<br>low</th><th class=n data-type=num>Partial</th>",
           "<th class=n data-type=num>Present</th><th>High-severity gaps<br>"
           "<span class='chip m'>missing</span><span class='chip p'>partial</span></th></tr></thead><tbody>"]
    for rank, (row, result) in enumerate(ranked, start=1):
        counts = risk_counts(result)
        key = risk_key(result)
        link = report_relpath(result.sha256, result.path) if result.sha256 else None
        folder, file_name = _split(row.path, base)
        name = f"<b>{e(file_name)}</b>"
        if link and (out_dir / link).exists():
            name = f"<a href='{e(quote(link))}'>{name}</a>"
        if folder:
            name += f"<div class=dir>{e(folder)}</div>"
        if row.status == "duplicate":
            name += f"<div class=dup>same file as {e(row.duplicate_of)}</div>"
        partial = sum(counts[("partial", s)] for s in SEVERITIES)
        # Only the high-severity gaps: the columns count the rest, the report lists them.
        gaps = sorted((f for f in result.findings if f["status"] in ("missing", "partial") and f["severity"] == "high"),
                      key=lambda f: (f["status"] != "missing", order.get(f["requirement"], 999)))
        chips = "".join(f"<span class='chip {'m' if f['status'] == 'missing' else 'p'}' "
                        f"title='{e(f['status'])}: {e(titles.get(f['requirement'], f['title']))}'>"
                        f"{e(f['requirement'])}</span>" for f in gaps)
        out.append(f"<tr><td class=n data-v={_risk_score(key)}>{rank}</td><td class=doc data-v='{e(row.path)}'>{name}</td>"
                   f"<td class=n>{_num(result.pages)}</td>"
                   + "".join(f"<td class=n>{_num(counts[('missing', s)])}</td>" for s in SEVERITIES)
                   + f"<td class=n>{_num(partial)}</td><td class=n>{_num(result.summary.get('present'))}</td>"
                   f"<td class=gaps>{chips}</td></tr>")
    out.append("</tbody></table></section>")
    return "".join(out)


def _errors(error_rows, base: str) -> str:
    out = [f"<h2>Could not be read ({len(error_rows):,})</h2><section><table class=sortable><thead><tr>"
           "<th data-type=str>Document</th><th data-type=str>Reason</th></tr></thead><tbody>"]
    for row, result in error_rows:
        folder, file_name = _split(row.path, base)
        out.append(f"<tr class=err><td class=doc data-v='{e(row.path)}'><b>{e(file_name)}</b>"
                   + (f"<div class=dir>{e(folder)}</div>" if folder else "")
                   + f"</td><td>{e(result.error)}</td></tr>")
    out.append("</tbody></table></section>")
    return "".join(out)


def _common_folder(paths: list[str]) -> str:
    """The folder all paths share ("" if none), so that rows show only what differs."""
    if not paths:
        return ""
    first, last = min(paths), max(paths)
    prefix = first[:next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), min(len(first), len(last)))]
    return prefix[:prefix.rfind("/") + 1] if "/" in prefix else ""


def _split(path: str, base: str) -> tuple[str, str]:
    """(folder relative to base, file name); a zip member's folder names its archive."""
    rest = path[len(base):] if base and path.startswith(base) else path
    cut = rest.rfind("/")
    return (rest[:cut + 1], rest[cut + 1:]) if cut >= 0 else ("", rest)


def _num(value: object) -> str:
    if value is None or value == "":
        return "<span class=zero>–</span>"
    return f"<span class=zero>0</span>" if value == 0 else e(value)


def minimal_report_html(report: dict) -> str:
    """A plain per-document report, used until (or if ever) the full HTML renderer fails."""
    document = report.get("document", {})
    findings = report.get("findings", [])
    out = [f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{e(document.get('path'))}</title>"
           f"<style>{_CSS}</style></head><body><main><p class=meta><a href='../index.html'>&larr; batch dashboard</a></p>"
           f"<h1>{e(document.get('path'))}</h1>",
           f"<div class=meta>{e(document.get('format'))} · {e(document.get('pages') or '–')} pages · "
           f"playbook {e((report.get('playbook') or {}).get('name'))}</div>"]
    for warning in document.get("warnings", []):
        out.append(f"<p class=meta>Warning: {e(warning)}</p>")
    out.append("<section><table><thead><tr><th>Requirement</th><th>Status</th><th>Evidence</th></tr></thead><tbody>")
    rank = {"missing": 0, "partial": 1, "present": 2}
    for finding in sorted(findings, key=lambda f: rank.get(f.get("status"), 3)):
        evidence = "".join(f"<div>p.{e(ev.get('page') or '–')}: {e(ev.get('snippet'))}</div>"
                           for ev in finding.get("evidence", []))
        out.append(f"<tr><td><span class='sev sev-{e(finding.get('severity'))}'>{e(finding.get('severity'))}</span>"
                   f"{e(finding.get('title'))}</td><td>{e(finding.get('status'))}</td><td>{evidence}</td></tr>")
    out.append("</tbody></table></section></main></body></html>")
    return "".join(out)
