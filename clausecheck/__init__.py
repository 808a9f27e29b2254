"""clausecheck: find the protections an outsourcing contract has, lacks or only half has.

    import clausecheck
    doc = clausecheck.load("msa.docx")          # Document: text, blocks, pages
    report = clausecheck.analyze("msa.pdf")     # Report; report.to_dict() is the JSON report
    clausecheck.classify(["The Supplier shall…"])

Heavy libraries (spaCy, scikit-learn, pdfium) are imported on first use, so that
``import clausecheck`` and ``clausecheck --help`` stay fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["load", "analyze", "classify", "Analyzer", "__version__"]


def load(path, **options):
    """Read a PDF, DOCX or text contract into a :class:`~clausecheck.document.Document`."""
    from .loaders import load as _load
    return _load(path, **options)


def analyze(source, **options):
    """Analyse a contract against a playbook; returns a :class:`~clausecheck.report.Report`."""
    from .analysis import analyze as _analyze
    return _analyze(source, **options)


def classify(texts, headings=None, model=None):
    """Classify clause texts: ``[{"labels": [...], "probabilities": {...}}, ...]``."""
    from .model import classify as _classify
    return _classify(texts, headings, model)


def __getattr__(name):
    if name == "Analyzer":
        from .analysis import Analyzer
        return Analyzer
    raise AttributeError(name)
