"""The spaCy pipeline: a whitespace tokenizer plus clausecheck's own components.

    nlp = build_pipeline()            # clause_segmenter -> legal_facts -> clause_classifier
    doc = run(nlp, document)          # doc.spans["clauses"], doc.spans["facts"]

No downloaded spaCy model is needed: the components work from numbering, headings,
patterns and the shipped scikit-learn classifier.
"""

from __future__ import annotations

from ..document import Document

# Contracts can be long; spaCy's default limit (1M characters) guards memory for parsers we
# do not run. The loaders' own limits (file size, pages) bound the text instead.
MAX_CHARACTERS = 50_000_000


def build_pipeline(model_dir: str | None = None, *, classify: bool = True):
    """The clausecheck pipeline; ``classify=False`` leaves the classifier out (segment + facts)."""
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARACTERS
    nlp.tokenizer = WhitespaceTokenizer()
    nlp.add_pipe("clause_segmenter")
    nlp.add_pipe("legal_facts")
    if classify:
        nlp.add_pipe("clause_classifier", config={"model": str(model_dir) if model_dir else None})
    return nlp


class WhitespaceTokenizer:
    """Tokens split at whitespace.

    Our components read characters (numbering, headings, regular patterns), not tokens, so
    English affix rules would only cost time: a quarter of a contract's analysis. Nor do they
    read lexical attributes (like_num, is_stop, ...), which are not computed. The vocabulary
    is kept from one document to the next (known words tokenize three times faster) and
    started afresh once it holds ``max_words`` words, so that a worker's memory stays flat
    over an archive of thousands of contracts.
    """

    def __init__(self, max_words: int = 200_000) -> None:
        self.max_words = max_words
        self._tokenizer = None

    def __call__(self, text: str):
        if self._tokenizer is None or len(self._tokenizer.vocab) > self.max_words:
            from spacy.tokenizer import Tokenizer
            from spacy.vocab import Vocab

            vocab = Vocab()
            vocab.lex_attr_getters = {}
            self._tokenizer = Tokenizer(vocab)
        return self._tokenizer(text)


def run(nlp, document: Document):
    """Run the pipeline over a loaded Document, keeping its provenance on ``doc._.document``."""
    doc = nlp.make_doc(document.text)
    doc._.document = document
    doc.user_data["clausecheck_text"] = document.text  # the same string; spares rebuilding it
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


__all__ = ["build_pipeline", "run"]
