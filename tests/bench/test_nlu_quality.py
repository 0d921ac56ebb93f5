"""bench.nlu_quality: reading nlu.evaluate's JSON and the default config (no training)."""

from __future__ import annotations

import yaml

from bench.nlu_quality import DEFAULT_CONFIG, fingerprint, no_slot_share, score_from_report


def test_score_from_report_picks_the_headline_numbers() -> None:
    report = {
        "model": "m.tar.gz",
        "examples": 4,
        "seconds": 12.34,
        "intent_accuracy": 0.75,
        "intent_macro_f1": 0.6666666,
        "slot_exact_match": 0.5,
        "full_match": 0.25,
        "slots": [
            {"slot": "budget", "stated": 2, "correct_stated": 1},
            {"slot": "subject", "stated": 2, "correct_stated": 2},
            {"slot": "level", "stated": 0, "correct_stated": 0},
        ],
    }
    score = score_from_report("ours", report)
    assert score.intent_macro_f1 == 0.6667
    assert score.stated_slots_right == 0.75
    assert score.examples == 4 and score.eval_s == 12.3


def test_default_config_names_no_pipeline_so_rasa_uses_its_defaults() -> None:
    config = yaml.safe_load(DEFAULT_CONFIG)
    assert config["pipeline"] is None and config["policies"] is None
    assert config["language"] == "en"
    assert "ProfileEntityExtractor" not in DEFAULT_CONFIG


def test_fingerprint_is_stable_and_short() -> None:
    assert fingerprint() == fingerprint()
    assert len(fingerprint()) == 16


def test_no_slot_share_is_a_fraction() -> None:
    share = no_slot_share()
    assert 0.0 < share < 1.0
