"""Imported once by the fork server, so that each batch worker forks with spaCy,
scikit-learn and the PDF engine already loaded instead of importing them itself
(seconds per worker, and pages shared between workers).

Only the fork server imports this module; the main process never does.
"""

import importlib

MODULES = ("spacy", "sklearn.feature_extraction.text", "clausecheck.analysis", "clausecheck.nlp.components",
           "clausecheck.model.classifier", "clausecheck.loaders.pdf", "clausecheck.loaders.docx",
           "clausecheck.report.render")

for _name in MODULES:
    try:
        importlib.import_module(_name)
    except Exception:  # noqa: BLE001  (a module not written yet, or failing, loads later in the worker)
        pass
