"""Training spread: seeds reach every seeded component; numbers summarised per set."""

from __future__ import annotations

import pytest
import yaml

from nlu.spread import CONFIG, NUMBERS, seeded_config, spread, summary


def test_every_seeded_component_gets_the_seed() -> None:
    config = {
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "DIETClassifier", "epochs": 5, "random_seed": 42},
            {"name": "ResponseSelector", "random_seed": 1},
        ]
    }
    seeded = seeded_config(config, 7)
    seeds = [c["random_seed"] for c in seeded["pipeline"] if "random_seed" in c]
    assert seeds == [7, 7]
    assert [c["name"] for c in seeded["pipeline"]] == [c["name"] for c in config["pipeline"]]
    assert config["pipeline"][1]["random_seed"] == 42  # the original is left alone


def test_a_config_without_seeds_is_trained_as_it_is() -> None:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert seeded_config(config, 7) == config


def test_spread_gives_mean_and_range_per_set_and_number() -> None:
    runs = [{name: value for name, _ in NUMBERS} for value in (0.8, 0.9, 0.85)]
    found = spread({"set.yml": runs})
    f1 = found["set.yml"]["intent macro-F1"]
    assert f1["mean"] == pytest.approx(0.85) and f1["min"] == 0.8 and f1["max"] == 0.9
    assert [f1["run1"], f1["run2"], f1["run3"]] == [0.8, 0.9, 0.85]
    assert summary([0.8, 0.9]) == "0.850 (0.800-0.900)"
