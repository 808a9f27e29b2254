"""Build clausecheck's training corpus (and the proposals reviewers label) from shared/data.

    python corpus/build_corpus.py --shared ../shared --proposals
    python corpus/build_corpus.py --shared ../shared --out corpus/build/corpus.jsonl

Every source document is cut into clause units with the project's segmenter (see
corpus/sources.py). Per unit and category the decision comes from, in order of trust:

1. a reviewed label in corpus/labels/<category>.jsonl (keys and decisions, no text);
2. CUAD's exhaustive annotation for the categories that map exactly (positive, negative, or
   undecided when the unit only grazes an excerpt: listed in ``ignore``);
3. positive-only evidence: CUAD subset categories, LEDGAR labels, ContractNLI evidence;
4. the labelling functions of corpus/labelling.py.

Same inputs give byte-identical outputs: documents are read in sorted order and every
sample is chosen by a hash of the unit key and the seed, never by ``random``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from clausecheck.taxonomy import CATEGORY_IDS  # noqa: E402
from corpus import labelling as lf  # noqa: E402
from corpus import sources  # noqa: E402

# Categories CUAD does not label exhaustively: their labels rest on the labelling functions
# until reviewed, so reviewers get proposals for them (transition too, to double-check CUAD's
# broader Post-Termination Services).
PROPOSAL_CATEGORIES: tuple[str, ...] = (
    "confidentiality", "data_protection", "service_levels", "governance", "fees", "change_control",
    "penalties", "indemnity", "compliance", "business_continuity", "termination", "transition",
)
CUAD_EXACT_CATEGORIES = frozenset(lf.CUAD_EXACT.values())
# CUAD's Post-Termination Services is broader than our transition: its negatives hold for us,
# its positives are proposals for review.
CUAD_POSITIVES_NEED_REVIEW = frozenset({"transition"})

# Categories whose positives are most easily confused: their LF positives make good hard
# negatives for each other.
NEAR: dict[str, tuple[str, ...]] = {
    "confidentiality": ("data_protection", "transition"),
    "data_protection": ("confidentiality", "business_continuity", "compliance"),
    "service_levels": ("penalties", "governance"),
    "governance": ("service_levels", "audit_rights"),
    "fees": ("change_control", "penalties", "audit_rights"),
    "change_control": ("fees",),
    "penalties": ("fees", "liability_cap", "service_levels", "indemnity"),
    "indemnity": ("insurance", "liability_cap"),
    "compliance": ("governing_law", "data_protection"),
    "business_continuity": ("data_protection",),
    "termination": ("transition", "assignment"),
    "transition": ("termination", "confidentiality"),
}

DEFAULT_SEED = 13
MAX_PROPOSED_POSITIVES = 400
MAX_HARD_NEGATIVES = 150
NEGATIVES_PER_CUAD_CONTRACT = 40


@dataclass
class Decided:
    """A unit with its per-category decisions."""

    unit: sources.Unit
    auto: dict[str, str]  # category -> pos | neg | undecided, before review
    reasons: dict[str, list[str]]
    mentions: set[str]
    vetoes: dict[str, str]
    lf_positive: set[str] = field(default_factory=set)  # what the labelling functions alone say
    # categories decided by an expert source (CUAD's annotators, LEDGAR's labels, ContractNLI's
    # evidence spans) rather than by the labelling functions alone
    trusted: set[str] = field(default_factory=set)
    # category -> reviewer's decision; None: inside a reviewed positive span that the current
    # segmentation cuts finer, so which piece holds the clause is not known (ignored in training)
    reviewed: dict[str, bool | None] = field(default_factory=dict)

    def final(self, cat: str) -> str:
        if cat in self.reviewed:
            decision = self.reviewed[cat]
            return "undecided" if decision is None else "pos" if decision else "neg"
        if self.auto[cat] == "pos" and cat not in self.trusted:
            # Labelling functions propose, they do not decide: about half of their positives
            # were wrong in review. An unreviewed proposal is left out of training and scoring;
            # their negatives are kept, since reviews found they miss almost no real clause.
            return "undecided"
        return self.auto[cat]

    def by_rules(self, cat: str) -> bool:
        """Whether the label is the labelling functions' negative alone: no reviewer, no
        expert source (CUAD's exhaustive categories, LEDGAR's boilerplate labels) said so."""
        if self.final(cat) != "neg" or cat in self.reviewed or cat in self.trusted:
            return False
        if self.unit.kind == "cuad" and cat in CUAD_EXACT_CATEGORIES:
            return False
        return not (self.unit.kind == "ledgar" and self.unit.extra.get("ledgar") in lf.LEDGAR_NONE)


def _h(seed: int, *parts: str) -> str:
    return hashlib.sha1(":".join([str(seed), *parts]).encode("utf-8")).hexdigest()


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# -- deciding ------------------------------------------------------------------------------

def decide(unit: sources.Unit, cuad_excerpts: dict[str, list[tuple[int, int]]] | None) -> Decided:
    votes = lf.label_unit(unit.text, unit.heading, unit.own_heading)
    auto: dict[str, str] = {}
    reasons: dict[str, list[str]] = {}
    vetoes: dict[str, str] = {}
    for cat, vote in votes.items():
        auto[cat] = "pos" if vote.positive else "neg"
        reasons[cat] = list(vote.reasons)
        if vote.vetoed:
            vetoes[cat] = vote.vetoed
    mentions = {cat for cat, vote in votes.items() if vote.mentions}
    lf_positive = {cat for cat, vote in votes.items() if vote.positive}

    trusted: set[str] = set()

    def force(cat: str, why: str) -> None:
        auto[cat] = "pos"
        reasons[cat].insert(0, why)
        trusted.add(cat)

    if unit.kind == "cuad" and cuad_excerpts is not None:
        for cat in CUAD_EXACT_CATEGORIES:
            names = [n for n, c in lf.CUAD_EXACT.items() if c == cat]
            spans = [span for n in names for span in cuad_excerpts.get(n, [])]
            decision = lf.cuad_overlap(unit.start, unit.end, spans)
            lf_says = auto[cat] == "pos"
            auto[cat] = decision
            if decision == "pos" and cat not in CUAD_POSITIVES_NEED_REVIEW:
                trusted.add(cat)
                reasons[cat] = [f"CUAD {'/'.join(names)} excerpt"] + reasons[cat][:2]
            elif decision == "undecided":
                reasons[cat] = [f"CUAD {'/'.join(names)}: small overlap, undecided"]
            elif lf_says and cat in lf.CUAD_NEGATIVE_OVERRIDE:
                auto[cat] = lf.CUAD_NEGATIVE_OVERRIDE[cat]
                if auto[cat] == "pos":  # a forum clause CUAD's narrower Governing Law leaves out
                    trusted.add(cat)
                note = "LF positive where CUAD has none" + (", undecided" if auto[cat] == "undecided" else "")
                reasons[cat] = [note] + reasons[cat][:3]
            else:
                reasons[cat] = []
        for name, cat in lf.CUAD_SUBSET.items():
            if lf.cuad_overlap(unit.start, unit.end, cuad_excerpts.get(name, [])) == "pos":
                # A proposal, not a decision: CUAD's excerpt spans (e.g. a whole escrow
                # exhibit, termination fees as "liquidated damages") are wider than ours.
                auto[cat] = "pos"
                reasons[cat].insert(0, f"CUAD {name} excerpt")
    if unit.kind == "ledgar":
        label = unit.extra.get("ledgar")
        if label in lf.LEDGAR_NONE:
            for cat in auto:
                if auto[cat] == "pos":
                    auto[cat] = "neg"
                    vetoes[cat] = f"LEDGAR label {label}"
                    reasons[cat] = []
        mapped = lf.LEDGAR_MAP.get(label)
        if mapped:
            force(mapped, f"LEDGAR label {label}")
    if unit.kind == "contractnli":
        hyps = sorted(set(unit.extra.get("nli", [])) & lf.NLI_CONFIDENTIALITY)
        if hyps:
            force("confidentiality", "ContractNLI evidence " + ",".join(hyps))
    return Decided(unit, auto, reasons, mentions, vetoes, lf_positive, trusted=trusted)


def collect(shared_data: Path, limit_cuad: int | None = None, limit_other: int | None = None,
            log=print) -> tuple[list[Decided], dict]:
    """All units of all sources, decided, in a fixed order."""
    t0 = time.time()
    stats: dict = {}
    annotations, ann_stats = sources.load_cuad_annotations(shared_data)
    stats["cuad_excerpts"] = ann_stats
    decided: list[Decided] = []
    counts = Counter()
    for doc in sources.cuad_documents(shared_data, limit_cuad):
        txt_path = doc.source[len("cuad/"):]
        by_cat: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for cat, s, e in annotations.get(txt_path, []):
            by_cat[cat].append((s, e))
        for unit in doc.units:
            decided.append(decide(unit, by_cat))
        counts["cuad"] += 1
    for loader, name in ((sources.contractnli_documents, "contractnli"), (sources.ledgar_documents, "ledgar"),
                         (sources.docx_documents, "docx")):
        for doc in loader(shared_data, limit_other):
            for unit in doc.units:
                decided.append(decide(unit, None))
            counts[name] += 1
    stats["documents"] = dict(counts)
    stats["units"] = Counter(d.unit.kind for d in decided)
    readers = Counter(d.unit.extra.get("reader") for d in decided if d.unit.kind == "docx")
    stats["docx_reader"] = dict(readers)
    log(f"read {dict(counts)} -> {len(decided)} units in {time.time() - t0:.1f}s "
        f"(CUAD excerpts {ann_stats}; DOCX reader {dict(readers)})")
    return decided, stats


# -- reviewed labels -----------------------------------------------------------------------

# Carrying a reviewed decision over to the units of a changed segmentation, by overlap:
# a positive goes to a unit holding nearly all of the reviewed span (and not much else); a
# negative to every unit lying almost entirely inside the reviewed span.
RELOCATE_POS_SPAN = 0.8
RELOCATE_POS_UNIT = 0.5
RELOCATE_NEG_UNIT = 0.9


def _relocate(units: list[Decided], start: int, end: int, label: bool) -> list[tuple[Decided, bool | None]]:
    out: list[tuple[Decided, bool | None]] = []
    for d in units:
        overlap = min(d.unit.end, end) - max(d.unit.start, start)
        if overlap <= 0:
            continue
        unit_len = d.unit.end - d.unit.start
        if label and overlap >= RELOCATE_POS_SPAN * (end - start) and overlap >= RELOCATE_POS_UNIT * unit_len:
            out.append((d, True))
        elif overlap >= RELOCATE_NEG_UNIT * unit_len:
            out.append((d, False if not label else None))
    if label and not any(decision for _, decision in out):
        return [(d, None) for d, _ in out]
    return out


def read_reviewed(labels_dir: Path, decided: list[Decided], log=print) -> dict[str, int]:
    """Apply corpus/labels/<category>.jsonl to the units; return how the labels were matched.

    A label names its unit by source and offsets; when the segmenter has changed since the
    review, the unit is found by its text hash, else by overlap (see ``_relocate``).
    """
    by_key = {d.unit.key: d for d in decided}
    by_hash: dict[tuple[str, str], Decided] = {}
    by_source: dict[str, list[Decided]] = defaultdict(list)
    for d in decided:
        by_hash.setdefault((d.unit.source, text_sha1(d.unit.text)), d)
        by_source[d.unit.source].append(d)
    counts = Counter({"exact": 0, "by_hash": 0, "by_overlap": 0, "unmatched": 0})
    if not labels_dir.is_dir():
        return dict(counts)
    for path in sorted(labels_dir.glob("*.jsonl")):
        cat = path.stem
        if cat not in CATEGORY_IDS:
            log(f"warning: {path.name}: not a taxonomy category, ignored")
            continue
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    source, start, end = row["source"], int(row["start"]), int(row["end"])
                    label = row["label"]
                    if not isinstance(label, bool):
                        raise ValueError("label must be true or false")
                except (ValueError, KeyError, TypeError) as exc:
                    log(f"warning: {path.name}:{n}: bad line ({exc}), ignored")
                    continue
                d = by_key.get(f"{source}#{start}-{end}")
                how = "exact"
                if d is None and row.get("sha1"):
                    d = by_hash.get((source, row["sha1"]))
                    how = "by_hash"
                if d is not None:
                    d.reviewed[cat] = label
                    counts[how] += 1
                    continue
                moved = _relocate(by_source.get(source, []), start, end, label)
                if not moved:
                    counts["unmatched"] += 1
                    continue
                for unit, decision in moved:
                    if cat not in unit.reviewed or unit.reviewed[cat] is None:  # a direct match wins
                        unit.reviewed[cat] = decision
                counts["by_overlap"] += 1
    if counts["by_overlap"] or counts["unmatched"]:
        log(f"note: {counts['by_overlap']} reviewed labels carried over by overlap, {counts['unmatched']} match "
            "no unit (the segmentation changed since the review)")
    return dict(counts)


# -- proposals -----------------------------------------------------------------------------

def _spread(items: list[Decided], limit: int, seed: int, salt: str) -> list[Decided]:
    """Up to ``limit`` items spread over documents: round-robin over groups in hash order."""
    groups: dict[str, list[Decided]] = defaultdict(list)
    for d in items:
        groups[d.unit.group].append(d)
    order = sorted(groups, key=lambda g: _h(seed, salt, g))
    queues = [sorted(groups[g], key=lambda d: _h(seed, salt, d.unit.key)) for g in order]
    chosen: list[Decided] = []
    depth = 0
    while len(chosen) < limit and any(depth < len(q) for q in queues):
        for q in queues:
            if depth < len(q):
                chosen.append(q[depth])
                if len(chosen) >= limit:
                    break
        depth += 1
    return chosen


def proposal_rows(decided: list[Decided], cat: str, seed: int) -> list[dict]:
    # A unit a reviewer has already decided for this category is not proposed again: each
    # round of review goes to units nobody has looked at.
    decided = [d for d in decided if cat not in d.reviewed]
    pos = [d for d in decided if d.auto[cat] == "pos"]
    neg = [d for d in decided if d.auto[cat] == "neg"]
    # Undecided units (CUAD and the LFs disagree, or a CUAD excerpt only grazes the unit)
    # are the ones a reviewer settles best: propose them all, before the automatic positives.
    undecided = _spread([d for d in decided if d.auto[cat] == "undecided"], MAX_PROPOSED_POSITIVES // 2, seed,
                        f"und:{cat}")
    chosen_pos = _spread(pos, MAX_PROPOSED_POSITIVES - len(undecided), seed, f"pos:{cat}")
    near = set(NEAR.get(cat, ()))
    mention_neg = [d for d in neg if cat in d.mentions]
    near_neg = [d for d in neg if any(d.auto[c] == "pos" for c in near) and cat not in d.mentions]
    half = MAX_HARD_NEGATIVES // 2
    chosen_near = _spread(near_neg, half, seed, f"near:{cat}")
    chosen_mention = _spread(mention_neg, MAX_HARD_NEGATIVES - len(chosen_near), seed, f"neg:{cat}")
    rows = []
    for d in chosen_pos:
        rows.append((d, True, d.reasons[cat]))
    for d in undecided:
        rows.append((d, cat in d.lf_positive, d.reasons[cat] + ["undecided until reviewed"]))
    for d in chosen_mention:
        why = ["hard negative: mentions the topic"]
        if cat in d.vetoes:
            why.append(f"rejected by {d.vetoes[cat]}")
        rows.append((d, False, why))
    for d in chosen_near:
        why = ["hard negative: positive for " + ",".join(sorted(c for c in near if d.auto[c] == "pos"))]
        rows.append((d, False, why))
    rows.sort(key=lambda r: _h(seed, "order", cat, r[0].unit.key))  # mixed, so reviewers are not primed
    out = []
    for d, proposed, why in rows:
        u = d.unit
        out.append({"key": u.key, "source": u.source, "start": u.start, "end": u.end, "heading": u.heading,
                    "text": u.text, "proposed": proposed, "reasons": why, "sha1": text_sha1(u.text)})
    return out


def write_jsonl(path: Path, rows) -> None:
    """Atomic write: a temp file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_proposals(decided: list[Decided], out_dir: Path, seed: int, log=print) -> dict[str, tuple[int, int]]:
    counts = {}
    for cat in PROPOSAL_CATEGORIES:
        rows = proposal_rows(decided, cat, seed)
        write_jsonl(out_dir / f"{cat}.jsonl", rows)
        p = sum(r["proposed"] for r in rows)
        counts[cat] = (p, len(rows) - p)
    total_pos = {cat: sum(d.auto[cat] == "pos" for d in decided) for cat in PROPOSAL_CATEGORIES}
    # Unit keys are offsets of the segmenter's cut: record which segmenter made them, so a
    # reviewer's labels can be traced if the segmenter changes (labels also carry a text hash).
    import clausecheck.nlp.segmenter as segmenter
    manifest = {
        "segmenter_sha1": hashlib.sha1(Path(segmenter.__file__).read_bytes()).hexdigest(),
        "docx_reader": sorted({d.unit.extra.get("reader") for d in decided if d.unit.kind == "docx"}),
        "seed": seed,
        "counts": {cat: {"proposed_positive": counts[cat][0], "hard_negative": counts[cat][1],
                         "lf_positive_all": total_pos[cat]} for cat in PROPOSAL_CATEGORIES},
    }
    write_jsonl(out_dir / "MANIFEST.jsonl", [manifest])
    log(f"{'category':<22}{'LF pos (all)':>13}{'proposed pos':>14}{'hard neg':>10}{'docs':>6}")
    for cat in PROPOSAL_CATEGORIES:
        rows_docs = len({d.unit.group for d in decided if d.auto[cat] == "pos"})
        log(f"{cat:<22}{total_pos[cat]:>13}{counts[cat][0]:>14}{counts[cat][1]:>10}{rows_docs:>6}")
    return counts


# -- corpus --------------------------------------------------------------------------------

def corpus_rows(decided: list[Decided], seed: int) -> list[dict]:
    keep: list[Decided] = []
    spare: dict[str, list[Decided]] = defaultdict(list)
    for d in decided:
        has_pos = any(d.final(c) == "pos" for c in CATEGORY_IDS)
        if has_pos or d.reviewed or d.unit.kind != "cuad":
            keep.append(d)
        else:
            spare[d.unit.group].append(d)
    for group, items in spare.items():
        items.sort(key=lambda d: _h(seed, "neg", d.unit.key))
        keep.extend(items[:NEGATIVES_PER_CUAD_CONTRACT])
    order = {id(d): i for i, d in enumerate(decided)}
    keep.sort(key=lambda d: order[id(d)])
    rows = []
    for d in keep:
        rows.append({
            "text": d.unit.text,
            "labels": [c for c in CATEGORY_IDS if d.final(c) == "pos"],
            "source": d.unit.key,
            "heading": d.unit.heading,
            "group": d.unit.group,
            "ignore": [c for c in CATEGORY_IDS if d.final(c) == "undecided"],
            # Negatives no one but the labelling functions decided: the classifier reads the
            # same rules' votes, so a figure that counts these flatters it (benchmarks/expert_labels.py).
            "by_rules": [c for c in CATEGORY_IDS if d.by_rules(c)],
        })
    return rows


def print_counts(decided: list[Decided], rows: list[dict], log=print) -> None:
    kept = {r["source"] for r in rows}
    log(f"{'category':<22}{'positives':>10}{'reviewed+':>10}{'reviewed-':>10}{'negatives':>10}{'ignored':>9}")
    for cat in CATEGORY_IDS:
        pos = sum(cat in r["labels"] for r in rows)
        neg = sum(cat not in r["labels"] and cat not in r["ignore"] for r in rows)
        ign = sum(cat in r["ignore"] for r in rows)
        rpos = sum(1 for d in decided if d.reviewed.get(cat) is True and d.unit.key in kept)
        rneg = sum(1 for d in decided if d.reviewed.get(cat) is False and d.unit.key in kept)
        log(f"{cat:<22}{pos:>10}{rpos:>10}{rneg:>10}{neg:>10}{ign:>9}")
    log(f"{len(rows)} units, {sum(1 for r in rows if not r['labels'])} with no category, "
        f"{len({r['group'] for r in rows})} documents")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                    help="the shared folder (its data/ holds CUAD, ContractNLI, LEDGAR, templates)")
    ap.add_argument("--proposals", action="store_true", help="write review proposals per category")
    ap.add_argument("--proposals-dir", type=Path, default=REPO / "corpus" / "build" / "proposals")
    ap.add_argument("--out", type=Path, help="write the training corpus JSONL here")
    ap.add_argument("--labels", type=Path, default=REPO / "corpus" / "labels", help="reviewed labels folder")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--limit-cuad", type=int, help="only the first N CUAD contracts (tests, quick looks)")
    ap.add_argument("--limit-other", type=int, help="only the first N documents of each other source")
    args = ap.parse_args(argv)
    if not args.proposals and not args.out:
        ap.error("nothing to do: give --proposals and/or --out")
    data = args.shared / "data"
    if not (data / "cuad").is_dir():
        print(f"error: {data}: no cuad/ folder (is --shared right?)", file=sys.stderr)
        return 2
    t0 = time.time()
    decided, _ = collect(data, args.limit_cuad, args.limit_other)
    review = read_reviewed(args.labels, decided)  # proposals leave out what is already reviewed
    if args.proposals:
        write_proposals(decided, args.proposals_dir, args.seed)
        print(f"proposals written to {args.proposals_dir} ({time.time() - t0:.1f}s)")
    if args.out:
        rows = corpus_rows(decided, args.seed)
        write_jsonl(args.out, rows)
        print("reviewed labels: " + ", ".join(f"{k} {v}" for k, v in review.items()))
        print_counts(decided, rows)
        print(f"corpus written to {args.out} ({time.time() - t0:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
