"""From a file to a Report: load, run the NLP pipeline, check the playbook.

An :class:`Analyzer` builds the pipeline and reads the playbook once, so a batch of
thousands of documents pays for them once per worker.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import __version__
from .document import Document
from .gaps import check
from .limits import DEFAULT_LIMITS, Limits
from .loaders import load
from .nlp.parties import party_roles
from .playbook import Playbook, load_playbook
from .report import SCHEMA_VERSION, Report


class Analyzer:
    """Reusable analysis: ``Analyzer().analyze("msa.pdf") -> Report``."""

    def __init__(self, playbook: Playbook | str | Path | None = None, *, model_dir: str | Path | None = None,
                 pdf_engine: str = "pypdfium2", limits: Limits = DEFAULT_LIMITS) -> None:
        from .nlp import build_pipeline

        self.playbook = playbook if isinstance(playbook, Playbook) else load_playbook(playbook)
        self.nlp = build_pipeline(str(model_dir) if model_dir else None)
        self.pdf_engine = pdf_engine
        self.limits = limits

    @property
    def model(self):
        return self.nlp.get_pipe("clause_classifier").model

    def load(self, path: str | os.PathLike) -> Document:
        return load(path, pdf_engine=self.pdf_engine, limits=self.limits)

    def analyze(self, source: str | os.PathLike | Document) -> Report:
        from .nlp import run

        document = source if isinstance(source, Document) else self.load(source)
        doc = run(self.nlp, document)
        clauses = [clause_dict(span) for span in doc.spans["clauses"]]
        parties = party_roles(document.text)
        categories, findings, summary = check(self.playbook, clauses, parties)
        for clause in clauses:  # probabilities were needed by the checker; the JSON keeps decisions
            clause.pop("probabilities", None)
        _cite_evidence(findings, clauses)
        model_info = self.model.info_
        data = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "clausecheck", "version": __version__,
                     "model": model_info.get("name", "clause-classifier") + f" ({self.model.model})"},
            "document": {"path": document.path, "sha256": document.sha256, "format": document.format,
                         "pages": document.pages, "characters": document.characters,
                         "warnings": list(document.warnings), "parties": parties},
            "playbook": {"name": self.playbook.name, "version": self.playbook.version,
                         "sources": dict(self.playbook.sources)},
            "clauses": clauses,
            "categories": categories,
            "findings": findings,
            "summary": summary,
        }
        return Report(data)


def _cite_evidence(findings: list[dict], clauses: list[dict]) -> None:
    """Each evidence says how a reader cites its clause ("Annexure C, § 3", "§ 12(2)"): a
    schedule's numbering restarts, so its bare number names the wrong clause."""
    from .report.render import reference

    by_id = {clause["id"]: clause for clause in clauses}
    for finding in findings:
        for evidence in (*finding["evidence"], *finding.get("set_aside", ())):
            evidence["cited"] = reference(evidence, by_id)[0]


def clause_dict(span) -> dict:
    """A clause span as in the report JSON (plus its probabilities, for the gap checker)."""
    from .nlp.components import span_text  # spaCy is imported only when a document is analysed

    ext = span._  # each ``span._`` access builds an accessor object: take it once
    probabilities = ext.labels or {}
    decided = ext.categories or []
    return {
        "id": ext.clause_id,
        "number": ext.number,
        "heading": ext.heading,
        "parent": ext.parent,
        "page": ext.page,
        "start": span.start_char,
        "end": span.end_char,
        "text": span_text(span),
        "labels": sorted(({"category": c, "confidence": round(probabilities.get(c, 0.0), 4)} for c in decided),
                         key=lambda label: -label["confidence"]),
        "facts": [f._.fact.to_dict() for f in ext.facts],
        "probabilities": probabilities,
    }


def analyze(source: str | os.PathLike | Document, *, playbook: Playbook | str | Path | None = None,
            model_dir: str | Path | None = None, pdf_engine: str = "pypdfium2",
            limits: Limits = DEFAULT_LIMITS) -> Report:
    """Analyse one contract against a playbook (the default outsourcing playbook if None)."""
    return Analyzer(playbook, model_dir=model_dir, pdf_engine=pdf_engine, limits=limits).analyze(source)
