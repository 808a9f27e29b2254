"""The model card written next to every trained model, from the model's own metadata."""

from __future__ import annotations

from pathlib import Path

ATTRIBUTION = """\
- **CUAD v1** (training split, 392 contracts from SEC EDGAR): The Atticus Project, CC BY 4.0.
  Hendrycks, Burns, Chen, Ball, "CUAD: An Expert-Annotated NLP Dataset for Legal Contract
  Review", NeurIPS 2021.
- **ContractNLI** (234 NDAs): Koreeda & Manning, "ContractNLI: A Dataset for Document-level
  Natural Language Inference for Contracts", Findings of EMNLP 2021, CC BY 4.0.
- **LEDGAR** (1,000-provision sample, via LexGLUE): Tuggener et al., LREC 2020; Chalkidis et al.,
  ACL 2022; CC BY 4.0.
- **Common Paper** standard agreements: Copyright Common Paper, Inc., CC BY 4.0.
- **Bonterms** standard agreements: CC0 1.0.

Our own contribution — the reviewed labels in `corpus/labels/` and the labelling functions in
`clausecheck/model/cues.py` and `corpus/labelling.py` — is part of this repository."""


def _fmt(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def write_model_card(directory: str | Path, meta: dict) -> Path:
    """Write MODEL_CARD.md for a saved model directory and return its path."""
    info = meta.get("info", {})
    test = info.get("test_metrics", {})
    expert = info.get("test_metrics_expert_cells", {})
    cv = info.get("cross_validation_metrics", {})
    splits = info.get("splits", {})
    lines = [
        "# clause-classifier: model card",
        "",
        "Multi-label classifier of contract clauses into the 17 categories of clausecheck's taxonomy.",
        "It is applied to every clause the segmenter cuts (text plus the clause's or its section's",
        "heading) and writes `span._.labels`; the gap checker reads the decided labels.",
        "",
        "## Model",
        "",
        "- Features: TF-IDF word 1–2-grams, character 3–5-grams (within words) and heading words"
        + (f"; and the votes of the taxonomy's rules (`clausecheck/model/cues.py`: per category, a strong "
           f"phrase, the rules' positive vote, a heading rule, a mention without a veto), weighted "
           f"{meta['cues']['weight']}; the model records the rules' fingerprint ({meta['cues']['fingerprint']}) "
           "and refuses to run with other rules." if meta.get("cues") else "."),
        "- Estimator: one linear model per category — chosen by grouped cross-validation among "
        + ", ".join(f"`{c['model']}` (C={c['C']}{', cues ' + str(c['cues']) if c.get('cues') else ''}): "
                    f"CV macro-F1 {_fmt(c.get('cv_macro_f1'))}"
                    for c in info.get("comparison", [])) + f"; kept: `{meta.get('model')}` (C={meta.get('C')}).",
        "- Probabilities: Platt scaling fitted on out-of-fold scores; one decision threshold per",
        "  category, chosen for F1 on the same out-of-fold scores.",
        "- Files: `model.json` (configuration, metrics), `vocabulary.json`, `weights.npz` (numeric",
        "  arrays only). Loading reads JSON and `numpy.load(allow_pickle=False)`: no code from the",
        "  files runs.",
        "",
        "## Data",
        "",
        "The corpus is built by `corpus/build_corpus.py` from `../shared/data` (see `corpus/README.md`):",
        "clause units cut by clausecheck's own segmenter from CUAD contracts, ContractNLI NDAs, a LEDGAR",
        "sample and 25 standard-form DOCX agreements. Labels come, in order of trust, from reviewers'",
        "decisions (`corpus/labels/`), CUAD's expert annotations where its category maps exactly onto",
        "ours (audit rights, insurance, liability cap, assignment, governing law), LEDGAR's provision",
        "labels and ContractNLI's evidence spans. Labelling functions only propose: a unit they call",
        "positive that no reviewer or expert source confirmed is left out (\"undecided\") of both",
        "training and scoring for that category; their negatives are kept.",
        "",
        "Review went in rounds, each reviewer deciding units for one category from the text alone",
        "(the automatic decision not shown): the labelling functions' positives and hard negatives,",
        "then every unit carrying a category's keywords (\"terminat\", \"fees\", \"confidential\", ...)",
        "that a labelling function had called negative (a fifth of those were in fact positives), on",
        "the held-out contracts first and then on the development ones. The selection of units never",
        "depended on a model's prediction. The conventions reviewers settled are in",
        "`corpus/review_conventions.md`; the label commits give each round's counts.",
        "",
        f"- Development contracts: {splits.get('development', {}).get('contracts', '?')} "
        f"({splits.get('development', {}).get('clauses', '?')} clauses), 4-fold grouped cross-validation.",
        f"- Held-out test contracts: {splits.get('test', {}).get('contracts', '?')} "
        f"({splits.get('test', {}).get('clauses', '?')} clauses): a contract's split is a hash of its",
        "  name, so no contract is on both sides; the test contracts took no part in any choice.",
        "",
        "## Metrics on held-out contracts",
        "",
        "| category | precision | recall | F1 | support | F1, expert cells | cross-validated F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for category, s in test.get("categories", {}).items():
        cv_f1 = cv.get("categories", {}).get(category, {}).get("f1")
        expert_f1 = expert.get("categories", {}).get(category, {}).get("f1")
        lines.append(f"| {category} | {_fmt(s['precision'])} | {_fmt(s['recall'])} | {_fmt(s['f1'])} | "
                     f"{s['support']} | {_fmt(expert_f1)} | {_fmt(cv_f1)} |")
    for avg in ("micro", "macro"):
        s = test.get(avg, {})
        lines.append(f"| **{avg} average** | {_fmt(s.get('precision'))} | {_fmt(s.get('recall'))} | "
                     f"**{_fmt(s.get('f1'))}** | {s.get('support', '')} | {_fmt(expert.get(avg, {}).get('f1'))} | "
                     f"{_fmt(cv.get(avg, {}).get('f1'))} |")
    micro, macro = test.get("micro", {}).get("f1"), test.get("macro", {}).get("f1")
    weak = [c for c, v in test.get("categories", {}).items() if v["f1"] is not None and v["f1"] < 0.65]
    met = micro is not None and micro >= 0.85 and macro is not None and macro >= 0.80 and not weak
    lines += [
        "",
        "**Project targets** (micro-F1 ≥ 0.85, macro-F1 ≥ 0.80, every category ≥ 0.65): "
        + ("met." if met else f"**not met** — micro {_fmt(micro)}, macro {_fmt(macro)}; below 0.65: "
           f"{', '.join(weak) or 'none'}."),
    ]
    lines += [
        "",
        "Support is the number of positive clauses among the decided ones. Categories with few",
        "held-out positives have wide uncertainty; the cross-validated column (all development",
        "contracts) is the steadier estimate. The figures are reproduced by",
        "`clausecheck evaluate --corpus corpus/build/corpus.jsonl --split test`.",
        "",
        "*Expert cells*: most negatives in the corpus are the labelling functions' own (no reviewer",
        "or expert source decided them). A model that reads those rules' votes is rewarded for",
        "agreeing with them there, so the first F1 column (and the cross-validated one) flatters",
        "it; the expert-cells column counts every positive but only the negatives a reviewer,",
        "CUAD's exhaustive annotation or LEDGAR's boilerplate labels gave",
        "(`benchmarks/expert_labels.py`). Compare models on it.",
        "",
        "## Limits",
        "",
        "- Labels are partly weak: categories with few reviewed examples learn mostly the vocabulary",
        "  of those examples. Clauses the labelling functions missed and no reviewer saw count as",
        "  negatives.",
        "- The contracts are mostly US commercial agreements (EDGAR filings) and NDAs; outsourcing",
        "  agreements under other laws may use wording the model has not seen.",
        "- A linear bag-of-n-grams model does not read negation (\"no audit rights are granted\").",
        "",
        "## Retraining",
        "",
        "```bash",
        "python corpus/build_corpus.py --shared ../shared --out corpus/build/corpus.jsonl",
        "clausecheck train --corpus corpus/build/corpus.jsonl --out models/clause-classifier",
        "```",
        "",
        "Training is deterministic (hash-based splits and folds, liblinear/LinearSVC with fixed",
        "settings); retraining from a clean clone reproduces the metrics above.",
        "",
        "## Data licences and attribution",
        "",
        ATTRIBUTION,
        "",
    ]
    path = Path(directory) / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
