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


def test_our_config_with_seed_is_the_shipped_config_when_nothing_takes_a_seed() -> None:
    from bench.nlu_quality import ROOT, our_config_with_seed

    original = yaml.safe_load((ROOT / "config.yml").read_text())
    assert not any("random_seed" in c for c in original["pipeline"])
    assert yaml.safe_load(our_config_with_seed(7)) == original


def test_spread_gives_mean_lowest_and_highest() -> None:
    from bench.nlu_quality import NluScore, spread

    scores = [NluScore("a", "m", 10, 0.9, f1, 0.8, 0.7, 0.6, 1.0) for f1 in (0.918, 0.942, 0.932)]
    out = spread(scores)
    assert out["runs"] == 3
    assert out["intent_macro_f1"] == 0.9307
    assert (out["intent_macro_f1_min"], out["intent_macro_f1_max"]) == (0.918, 0.942)
    assert out["slot_exact_match"] == 0.8
