"""The classifier's estimator API, safe persistence, the metrics' arithmetic and `evaluate`."""

import json

import numpy as np
import pytest
from click.testing import CliRunner

from clausecheck.cli import main
from clausecheck.errors import ModelError
from clausecheck.model.classifier import ClauseClassifier, best_threshold
from clausecheck.model.metrics import evaluate_predictions

TEXTS = {
    "termination": ["Either party may terminate this Agreement on thirty days notice.",
                    "The Client may terminate this Agreement for convenience at any time.",
                    "This Agreement may be terminated by either party upon material breach."],
    "insurance": ["The Provider shall maintain general liability insurance with reputable insurers.",
                  "The Supplier shall carry professional indemnity insurance and provide certificates.",
                  "Each party shall maintain insurance coverage of at least one million dollars."],
    None: ["This Agreement may be executed in counterparts.",
           "Headings are for convenience only.",
           "Notices shall be sent to the addresses above."],
}


def tiny_classifier(cues: float = 0.0) -> ClauseClassifier:
    texts, Y = [], []
    categories = ["termination", "insurance"]
    for label, examples in TEXTS.items():
        for text in examples * 3:
            texts.append(text)
            Y.append([int(label == c) for c in categories])
    clf = ClauseClassifier(categories=categories, cues=cues, vectorizer_params={
        "word": {"min_df": 1}, "char": {"min_df": 1}, "heading": {"min_df": 1}})
    return clf.fit(texts, [""] * len(texts), np.array(Y))


def test_fit_predict_and_round_trip(tmp_path):
    clf = tiny_classifier()
    probe = ["The Client may terminate this Agreement.", "The Provider shall maintain insurance."]
    before = clf.predict_proba(probe)
    assert before[0, 0] > 0.5 > before[0, 1] and before[1, 1] > 0.5 > before[1, 0]
    clf.save(tmp_path / "m")
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["model.json", "vocabulary.json", "weights.npz"]
    loaded = ClauseClassifier.load(tmp_path / "m")
    np.testing.assert_allclose(loaded.predict_proba(probe), before, atol=2e-3)


def test_rule_cues_round_trip_and_are_pinned_to_their_rules(tmp_path):
    clf = tiny_classifier(cues=0.5)
    probe = ["The Provider shall keep all risks insured.", "Either party may end this Agreement."]
    headings = ["Insurance", "Termination"]
    before = clf.predict_proba(probe, headings)
    clf.save(tmp_path / "m")
    loaded = ClauseClassifier.load(tmp_path / "m")  # scores with its own code, cues included
    np.testing.assert_allclose(loaded.predict_proba(probe, headings), before, atol=2e-3)
    assert loaded.cues == 0.5
    # A model trained on other rules must not run: its weights would read features they were
    # not fitted to, and nothing would show it.
    meta = json.loads((tmp_path / "m" / "model.json").read_text())
    meta["cues"]["fingerprint"] = "0123456789abcdef"
    (tmp_path / "m" / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="trained with other rule cues.*retrain"):
        ClauseClassifier.load(tmp_path / "m")


def test_the_shipped_model_reads_these_rules():
    from clausecheck.model import default_model_dir
    model = ClauseClassifier.load(default_model_dir())
    assert model.cues > 0


def test_loading_refuses_pickled_arrays(tmp_path):
    clf = tiny_classifier()
    clf.save(tmp_path / "m")
    # An object array can only be stored with pickle; loading must not unpickle it.
    arrays = dict(np.load(tmp_path / "m" / "weights.npz"))
    arrays["coef"] = np.array([{"evil": 1}], dtype=object)
    np.savez(tmp_path / "m" / "weights.npz", **arrays)
    with pytest.raises(ModelError, match="unreadable model files"):
        ClauseClassifier.load(tmp_path / "m")


def test_loading_something_else_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="not a clausecheck model"):
        ClauseClassifier.load(tmp_path)
    (tmp_path / "model.json").write_text(json.dumps({"format": "other"}))
    (tmp_path / "vocabulary.json").write_text("{}")
    np.savez(tmp_path / "weights.npz", a=np.zeros(1))
    with pytest.raises(ModelError, match="unknown model format"):
        ClauseClassifier.load(tmp_path)


def test_metrics_arithmetic():
    categories = ["a", "b", "c"]
    Y_true = np.array([[1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 0]])
    Y_pred = np.array([[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 1, 0]])
    scores = evaluate_predictions(Y_true, Y_pred, categories)
    a, b = scores["categories"]["a"], scores["categories"]["b"]
    assert (a["tp"], a["fp"], a["fn"], a["support"]) == (1, 1, 1, 2)
    assert a["precision"] == 0.5 and a["recall"] == 0.5 and a["f1"] == 0.5
    assert (b["tp"], b["fp"], b["fn"]) == (2, 1, 0) and b["f1"] == pytest.approx(0.8)
    assert scores["categories"]["c"]["f1"] is None  # nothing to find, nothing found
    assert scores["micro"]["f1"] == pytest.approx(2 * 3 / (2 * 3 + 2 + 1))
    assert scores["macro"]["f1"] == pytest.approx((0.5 + 0.8) / 2)


def test_metrics_ignore_masked_cells():
    scores = evaluate_predictions(np.array([[1], [0]]), np.array([[0], [1]]), ["a"],
                                  mask=np.array([[True], [False]]))
    assert scores["categories"]["a"]["fp"] == 0 and scores["categories"]["a"]["fn"] == 1


def test_best_threshold_separates_classes():
    t = best_threshold(np.array([0.9, 0.8, 0.3, 0.2]), np.array([1, 1, 0, 0]))
    assert 0.3 < t < 0.8


def test_evaluate_command_on_a_tiny_corpus(tmp_path):
    clf = tiny_classifier()
    clf.save(tmp_path / "m")
    corpus = tmp_path / "c.jsonl"
    rows = [{"text": "The Client may terminate this Agreement.", "labels": ["termination"], "source": "x#1"},
            {"text": "The Provider shall maintain insurance.", "labels": ["insurance"], "source": "x#2"},
            {"text": "This Agreement may be executed in counterparts.", "labels": [], "source": "y#1"}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows))
    result = CliRunner().invoke(main, ["evaluate", "--corpus", str(corpus), "--model", str(tmp_path / "m"),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["micro"]["f1"] == 1.0 and scores["categories"]["termination"]["support"] == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "labels": ["nonsense"]}\n')
    result = CliRunner().invoke(main, ["evaluate", "--corpus", str(bad), "--model", str(tmp_path / "m")])
    assert result.exit_code == 2 and "bad.jsonl:1: unknown category nonsense" in result.output


def test_own_tfidf_equals_scikit_learn(tmp_path):
    """The loaded model computes TF-IDF itself; it must match scikit-learn's vectorizers."""
    clf = tiny_classifier()
    clf.save(tmp_path / "m")
    loaded = ClauseClassifier.load(tmp_path / "m")
    texts = ["The Client may terminate this Agreement.", "  Insurance:\tcoverage of at least $1,000,000!  ",
             "", "a b c", "Die Kündigung erfolgt schriftlich – mit 30 Tagen Frist.", "x" * 50]
    for name, vectorizer in clf.vectorizers_.items():
        expected = vectorizer.transform(texts).toarray()
        for row, text in zip(expected, texts):
            columns, values = loaded.features_[name].transform_one(text)
            ours = np.zeros_like(row)
            ours[columns] = values
            np.testing.assert_allclose(ours, row, rtol=1e-5, atol=1e-6)


def test_loading_does_not_import_scikit_learn(tmp_path):
    import subprocess
    import sys
    tiny_classifier().save(tmp_path / "m")
    code = ("import sys; from clausecheck.model.classifier import ClauseClassifier\n"
            f"m = ClauseClassifier.load({str(tmp_path / 'm')!r}); m.predict_proba(['The Client may terminate.'])\n"
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
