"""Tests for the held-out NLU test set and the scoring in nlu.evaluate (no model needed)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import types
from collections import Counter
from pathlib import Path

import pytest
import yaml

from nlu.evaluate import (
    DEFAULT_DATA,
    GOALS,
    INTENTS,
    LEVELS,
    SLOTS,
    SUBJECTS,
    Example,
    Prediction,
    check_minimums,
    domain_intents,
    entities_to_slots,
    format_report,
    load_examples,
    main,
    normalise_slot_value,
    predict_with_rasa,
    prediction_from_parse,
    resolve_model,
    score,
    validate_examples,
    values_equal,
)

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
INDEPENDENT = ROOT / "tests" / "nlu" / "independent"


# --------------------------------------------------------------------------- the test set


@pytest.fixture(scope="module")
def heldout() -> list[Example]:
    return load_examples(HELDOUT)


def test_default_data_is_the_heldout_file():
    assert DEFAULT_DATA == HELDOUT


def test_heldout_is_well_formed(heldout):
    assert validate_examples(heldout) == []
    assert len(heldout) >= 300
    for example in heldout:
        assert example.intent in INTENTS
        assert set(example.slots) <= set(SLOTS)
        if "subject" in example.slots:
            assert example.slots["subject"] in SUBJECTS
        if "goal" in example.slots:
            assert example.slots["goal"] in GOALS
        if "level" in example.slots:
            assert example.slots["level"] in LEVELS


def test_intents_are_the_domains():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert list(INTENTS) == domain["intents"]
    assert {"start_again", "why_recommended", "which_to_pick", "ask_job_value"} <= set(INTENTS)


def test_domain_intents_reads_a_domain_file(tmp_path):
    path = tmp_path / "domain.yml"
    path.write_text("intents:\n  - greet\n  - inform:\n      use_entities: []\n", "utf-8")
    assert domain_intents(path) == ("greet", "inform")
    path.write_text("slots: {}\n", "utf-8")
    with pytest.raises(ValueError, match="no intents"):
        domain_intents(path)


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("intents.yml", 300),
        ("intents_fresh.yml", 300),
        ("intents_fresh2.yml", 400),
        ("openings.yml", 300),
        ("openings_fresh.yml", 150),
    ],
)
def test_independent_sets_are_well_formed(name, size):
    examples = load_examples(INDEPENDENT / name)
    assert validate_examples(examples) == []
    assert len(examples) >= size


@pytest.mark.parametrize(
    ("name", "least"), [("intents.yml", 20), ("intents_fresh.yml", 6), ("intents_fresh2.yml", 10)]
)
def test_independent_intents_cover_every_intent(name, least):
    counts = Counter(e.intent for e in load_examples(INDEPENDENT / name))
    assert set(counts) == set(INTENTS)
    # The newest intent (session 10) has 12 messages in each set, written blind later.
    assert counts.pop("ask_price_currency") >= 12
    assert min(counts.values()) >= least


def test_heldout_covers_every_intent(heldout):
    counts = Counter(example.intent for example in heldout)
    # The five newest intents are covered by the independent sets only (written after this one).
    assert set(INTENTS) - set(counts) <= {
        "start_again",
        "why_recommended",
        "which_to_pick",
        "ask_job_value",
        "ask_price_currency",
    }
    assert set(counts) <= set(INTENTS)
    thin = {intent: n for intent, n in counts.items() if n < 10}
    assert thin == {}
    for intent in (
        "find_course",
        "state_goal",
        "inform",
        "ask_credit",
        "ask_microcredentials",
        "out_of_scope",
    ):
        assert 25 <= counts[intent] <= 40, intent


def test_heldout_covers_every_slot_and_value(heldout):
    counts = Counter(slot for example in heldout for slot in example.slots)
    assert {slot: counts[slot] for slot in SLOTS if counts[slot] < 8} == {}
    subjects = {e.slots["subject"] for e in heldout if "subject" in e.slots}
    assert subjects == set(SUBJECTS)
    assert {e.slots["goal"] for e in heldout if "goal" in e.slots} == set(GOALS)
    assert {e.slots["level"] for e in heldout if "level" in e.slots} == set(LEVELS)
    assert {e.slots["credit_bearing"] for e in heldout if "credit_bearing" in e.slots} == {
        True,
        False,
    }
    indexes = [e.slots["course_index"] for e in heldout if "course_index" in e.slots]
    assert any(isinstance(i, list) for i in indexes)
    assert -1 in indexes


def test_heldout_has_negatives_for_numbers(heldout):
    # Most messages state no number slot at all, so a model cannot score by always filling them.
    numeric = ("budget", "hours_per_week", "max_weeks")
    without = [e for e in heldout if not any(s in e.slots for s in numeric)]
    assert len(without) > len(heldout) / 2
    texts = {e.text for e in without}
    assert any("45" in t for t in texts)  # an age
    assert any("28k" in t for t in texts)  # a salary


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("version: 1\n", "'examples' list"),
        ("examples:\n  - intent: greet\n", "no text"),
        ("examples:\n  - text: hi\n", "no intent"),
        ("examples:\n  - text: hi\n    intent: greet\n    slots: [1]\n", "slots must be"),
        ("examples:\n  - text: hi\n    intent: greet\n    entities: {}\n", "unknown keys"),
    ],
)
def test_load_examples_rejects_malformed_files(tmp_path, yaml_text, message):
    path = tmp_path / "bad.yml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_examples(path)


@pytest.mark.parametrize(
    ("example", "problem"),
    [
        (Example("hi", "hello"), "unknown intent"),
        (Example("x", "inform", {"colour": "red"}), "unknown slot"),
        (Example("x", "inform", {"subject": "cyber"}), "subject="),
        (Example("x", "inform", {"goal": "promotion"}), "goal="),
        (Example("x", "inform", {"level": "masters"}), "level="),
        (Example("x", "inform", {"budget": "500"}), "budget="),
        (Example("x", "inform", {"budget": True}), "budget="),
        (Example("x", "inform", {"hours_per_week": -2}), "hours_per_week="),
        (Example("x", "inform", {"credit_bearing": "yes"}), "credit_bearing="),
        (Example("x", "compare_courses", {"course_index": [1, "2"]}), "course_index="),
        (Example("x", "course_details", {"course_index": 0}), "1-based"),
    ],
)
def test_validate_examples_finds_problems(example, problem):
    problems = validate_examples([example])
    assert len(problems) == 1
    assert problem in problems[0]


def test_validate_examples_finds_duplicates():
    problems = validate_examples([Example("Hi there", "greet"), Example("hi  there", "greet")])
    assert problems == ["example 2 ('hi  there'): duplicate of example 1"]


# --------------------------------------------------------------------------- entities to slots


def ent(entity, value, start=None, end=None, extractor="DIETClassifier"):
    out = {"entity": entity, "value": value, "extractor": extractor}
    if start is not None:
        out["start"] = start
        out["end"] = end if end is not None else start + 1
    return out


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        ([], {}),
        ([ent("budget", 500)], {"budget": 500.0}),
        ([ent("budget", "500")], {"budget": 500.0}),
        ([ent("budget", "1,200")], {"budget": 1200.0}),
        ([ent("hours_per_week", 3.5)], {"hours_per_week": 3.5}),
        ([ent("subject", "Marketing")], {"subject": "marketing"}),
        ([ent("credit_bearing", True)], {"credit_bearing": True}),
        ([ent("credit_bearing", "False")], {"credit_bearing": False}),
        ([ent("course_index", "2")], {"course_index": (2,)}),
        ([ent("course_index", -1)], {"course_index": (-1,)}),
        ([ent("course_index", [1, 3])], {"course_index": (1, 3)}),
        # in order of appearance, not in the order the extractors listed them
        (
            [ent("course_index", 3, start=14), ent("course_index", 1, start=8)],
            {"course_index": (1, 3)},
        ),
        # the same entity found by two extractors counts once
        (
            [
                ent("course_index", 2, start=5, end=6, extractor="RegexEntityExtractor"),
                ent("course_index", 2, start=5, end=6),
            ],
            {"course_index": (2,)},
        ),
        # entities that are not slots are ignored; so are empty values
        ([ent("currency", "GBP"), ent("budget", None)], {}),
        # for a single-valued slot the last one in the text wins
        (
            [ent("subject", "design", start=20), ent("subject", "marketing", start=4)],
            {"subject": "design"},
        ),
        # a value that cannot be normalised is kept as text, so it never matches
        ([ent("budget", "lots")], {"budget": "lots"}),
        ([ent("course_index", "second")], {"course_index": "second"}),
    ],
)
def test_entities_to_slots(entities, expected):
    assert entities_to_slots(entities) == expected


@pytest.mark.parametrize(
    ("slot", "gold", "predicted", "equal"),
    [
        ("budget", 500, 500.0, True),
        ("budget", 500, "500", True),
        ("budget", 500, 500.009, True),
        ("budget", 500, 500.02, False),
        ("budget", 0, None, False),
        ("budget", None, 0, False),
        ("budget", None, None, True),
        ("budget", 1, True, False),
        ("hours_per_week", 3.5, 3.5, True),
        ("credit_bearing", True, "true", True),
        ("credit_bearing", False, "False", True),
        ("credit_bearing", True, False, False),
        ("credit_bearing", True, 1, False),
        ("subject", "marketing", "MARKETING", True),
        ("subject", "marketing", "design", False),
        ("course_index", 2, [2], True),
        ("course_index", [1, 3], (1, 3), True),
        ("course_index", [1, 3], [3, 1], False),
        ("course_index", 2, "2", True),
    ],
)
def test_values_equal(slot, gold, predicted, equal):
    assert values_equal(slot, gold, predicted) is equal


def test_normalise_is_idempotent():
    for slot, raw in [("budget", "500"), ("course_index", [1, 3]), ("credit_bearing", "TRUE")]:
        once = normalise_slot_value(slot, raw)
        assert normalise_slot_value(slot, once) == once


def test_prediction_from_parse():
    parsed = {
        "text": "compare 1 and 3 under £500",
        "intent": {"name": "compare_courses", "confidence": 0.93},
        "intent_ranking": [],
        "entities": [
            ent("course_index", "3", start=14),
            ent("course_index", "1", start=8),
            ent("budget", 500, start=22),
        ],
    }
    prediction = prediction_from_parse(parsed)
    assert prediction.intent == "compare_courses"
    assert prediction.confidence == pytest.approx(0.93)
    assert prediction.slots == {"course_index": (1, 3), "budget": 500.0}


def test_prediction_from_parse_without_intent():
    prediction = prediction_from_parse({"text": "", "intent": {"name": None}, "entities": []})
    assert prediction == Prediction(intent=None, slots={}, confidence=None)


# --------------------------------------------------------------------------- scoring

GOLD = [
    Example("a", "greet", {"budget": 500}),
    Example("b", "greet"),
    Example("c", "deny", {"subject": "marketing", "course_index": [1, 3]}),
    Example("d", "thank", {"credit_bearing": True}),
]

# (name, predictions, expected top-level numbers, expected per-intent (p, r, f1),
#  expected per-slot (accuracy over all, accuracy over stated, spurious))
SCORING_CASES = [
    (
        "perfect",
        [
            Prediction("greet", {"budget": 500.0}),
            Prediction("greet"),
            Prediction("deny", {"subject": "marketing", "course_index": (1, 3)}),
            Prediction("thank", {"credit_bearing": True}),
        ],
        {
            "intent_accuracy": 1.0,
            "intent_macro_f1": 1.0,
            "slot_exact_match": 1.0,
            "full_match": 1.0,
            "errors": 0,
        },
        {"greet": (1.0, 1.0, 1.0), "deny": (1.0, 1.0, 1.0), "thank": (1.0, 1.0, 1.0)},
        {"budget": (1.0, 1.0, 0), "course_index": (1.0, 1.0, 0), "goal": (1.0, None, 0)},
    ),
    (
        "mixed",
        [
            Prediction("greet", {"budget": 500.004}),  # within tolerance
            Prediction("deny", {"budget": 45}),  # wrong intent, spurious budget
            Prediction("deny", {"subject": "Marketing", "course_index": [3, 1]}),  # wrong order
            Prediction("deny", {"credit_bearing": "true"}),  # wrong intent, right slot
        ],
        # greet: p 1/1 r 1/2 f 2/3; deny: p 1/3 r 1/1 f 1/2; thank: 0 -> macro (2/3+1/2)/3
        {
            "intent_accuracy": 0.5,
            "intent_macro_f1": (2 / 3 + 1 / 2) / 3,
            "slot_exact_match": 0.5,
            "full_match": 0.25,
            "errors": 3,
        },
        {"greet": (1.0, 0.5, 2 / 3), "deny": (1 / 3, 1.0, 0.5), "thank": (0.0, 0.0, 0.0)},
        {
            "budget": (0.75, 1.0, 1),
            "subject": (1.0, 1.0, 0),
            "course_index": (0.75, 0.0, 0),
            "credit_bearing": (1.0, 1.0, 0),
            "level": (1.0, None, 0),
        },
    ),
    (
        "all empty",
        [Prediction(None), Prediction(None), Prediction(None), Prediction(None)],
        {
            "intent_accuracy": 0.0,
            "intent_macro_f1": 0.0,
            "slot_exact_match": 0.25,
            "full_match": 0.0,
            "errors": 4,
        },
        {"greet": (0.0, 0.0, 0.0), "deny": (0.0, 0.0, 0.0), "thank": (0.0, 0.0, 0.0)},
        {"budget": (0.75, 0.0, 0), "subject": (0.75, 0.0, 0), "course_index": (0.75, 0.0, 0)},
    ),
]


@pytest.mark.parametrize(
    ("name", "predictions", "totals", "intents", "slots"),
    SCORING_CASES,
    ids=[case[0] for case in SCORING_CASES],
)
def test_score(name, predictions, totals, intents, slots):
    report = score(GOLD, predictions)
    assert report.examples == 4
    assert report.intent_accuracy == pytest.approx(totals["intent_accuracy"])
    assert report.intent_macro_f1 == pytest.approx(totals["intent_macro_f1"])
    assert report.slot_exact_match == pytest.approx(totals["slot_exact_match"])
    assert report.full_match == pytest.approx(totals["full_match"])
    assert len(report.errors) == totals["errors"]

    assert [s.intent for s in report.per_intent] == ["greet", "deny", "thank"]  # INTENTS order
    by_intent = {s.intent: s for s in report.per_intent}
    for intent, (precision, recall, f1) in intents.items():
        assert by_intent[intent].precision == pytest.approx(precision), intent
        assert by_intent[intent].recall == pytest.approx(recall), intent
        assert by_intent[intent].f1 == pytest.approx(f1), intent

    by_slot = {s.slot: s for s in report.slots}
    assert list(by_slot) == list(SLOTS)
    for slot, (accuracy, accuracy_stated, spurious) in slots.items():
        assert by_slot[slot].accuracy == pytest.approx(accuracy), slot
        if accuracy_stated is None:
            assert by_slot[slot].accuracy_stated is None
            assert by_slot[slot].stated == 0
        else:
            assert by_slot[slot].accuracy_stated == pytest.approx(accuracy_stated), slot
        assert by_slot[slot].spurious == spurious, slot


def test_score_records_errors_in_detail():
    report = score(GOLD, SCORING_CASES[1][1])
    first = report.errors[0]
    assert first.index == 1
    assert (first.expected_intent, first.predicted_intent) == ("greet", "deny")
    assert first.wrong_slots == ["budget"]
    assert first.predicted_slots == {"budget": 45}
    course = report.errors[1]
    assert course.expected_slots == {"subject": "marketing", "course_index": [1, 3]}
    assert course.wrong_slots == ["course_index"]
    slot_table = {s.slot: s for s in report.slots}
    assert (slot_table["course_index"].wrong, slot_table["course_index"].missed) == (1, 0)


def test_score_counts_predicted_intents_outside_the_gold_set():
    gold = [Example("a", "greet"), Example("b", "deny")]
    report = score(gold, [Prediction("out_of_scope"), Prediction(None)])
    assert report.unexpected_intents == {"out_of_scope": 1, "(none)": 1}
    assert [s.intent for s in report.per_intent] == ["greet", "deny"]
    assert report.intent_macro_f1 == 0.0


def test_score_counts_unknown_predicted_slots_as_errors():
    report = score([Example("a", "greet")], [Prediction("greet", {"mood": "happy"})])
    assert report.slot_exact_match == 0.0
    assert report.errors[0].wrong_slots == ["mood"]


def test_score_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="2 gold examples but 1 predictions"):
        score(GOLD[:2], [Prediction("greet")])
    with pytest.raises(ValueError, match="empty"):
        score([], [])


@pytest.mark.parametrize(
    ("min_f1", "min_slots", "failures"),
    [
        (None, None, 0),
        (0.3, 0.5, 0),
        (0.5, None, 1),
        (None, 0.6, 1),
        (0.9, 0.9, 2),
    ],
)
def test_check_minimums(min_f1, min_slots, failures):
    report = score(GOLD, SCORING_CASES[1][1])  # macro-F1 0.389, slot exact-match 0.5
    reasons = check_minimums(report, min_f1, min_slots)
    assert len(reasons) == failures
    if failures:
        assert "below" in reasons[0]


def test_format_report_lists_errors():
    report = score(GOLD, SCORING_CASES[1][1])
    text = format_report(report, max_errors=2)
    assert "macro-F1 0.389" in text
    assert "Errors (first 2 of 3)" in text
    assert "expected greet, got deny" in text
    assert "course_index: [3, 1]" in text
    assert "Errors: 3" in format_report(report, max_errors=0)


# --------------------------------------------------------------------------- model and CLI


def test_resolve_model(tmp_path):
    older, newer = tmp_path / "20240101-old.tar.gz", tmp_path / "20230101-new.tar.gz"
    older.write_bytes(b"")
    newer.write_bytes(b"")
    os.utime(older, (1_000_000, 1_000_000))
    os.utime(newer, (2_000_000, 2_000_000))
    assert resolve_model(tmp_path) == newer
    assert resolve_model(older) == older
    with pytest.raises(FileNotFoundError, match="no model"):
        resolve_model(tmp_path / "empty")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="train one first"):
        resolve_model(tmp_path / "empty")


def test_predict_with_rasa_loads_once_and_parses_every_text(monkeypatch, tmp_path):
    calls = {"load": [], "parse": []}

    class FakeAgent:
        @classmethod
        def load(cls, model_path):
            calls["load"].append(model_path)
            return cls()

        async def parse_message(self, message_data):
            calls["parse"].append(message_data)
            return {
                "text": message_data,
                "intent": {"name": "inform", "confidence": 0.5},
                "entities": [ent("budget", "400", start=6)],
            }

    levels = []
    fake_agent_module = types.ModuleType("rasa.core.agent")
    fake_agent_module.Agent = FakeAgent
    fake_log_module = types.ModuleType("rasa.utils.log_utils")
    fake_log_module.configure_structlog = levels.append
    for name in ("rasa", "rasa.core", "rasa.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "rasa.core.agent", fake_agent_module)
    monkeypatch.setitem(sys.modules, "rasa.utils.log_utils", fake_log_module)

    model = tmp_path / "model.tar.gz"
    predictions = predict_with_rasa(model, ["under £400", "£400 max"])
    assert calls == {"load": [str(model)], "parse": ["under £400", "£400 max"]}
    assert predictions == [Prediction("inform", {"budget": 400.0}, 0.5)] * 2
    # Rasa's debug lines, which carry the texts, are silenced.
    assert levels == [logging.WARNING]


def _perfect_predictor(model_path, texts):
    by_text = {e.text: e for e in load_examples(HELDOUT)}
    return [Prediction(by_text[t].intent, dict(by_text[t].slots)) for t in texts]


def _greet_predictor(model_path, texts):
    return [Prediction("greet") for _ in texts]


def test_main_with_a_perfect_predictor(tmp_path, capsys):
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    out = tmp_path / "out" / "eval.json"
    argv = [
        "--model",
        str(model),
        "--json",
        str(out),
        "--config-label",
        "perfect run",
        "--min-intent-f1",
        "0.99",
        "--min-slot-match",
        "0.99",
    ]
    assert main(argv, predictor=_perfect_predictor) == 0
    printed = capsys.readouterr().out
    assert "config : perfect run" in printed
    assert "Errors: none" in printed
    assert "OK: every minimum is met" in printed
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["intent_macro_f1"] == 1.0
    assert saved["slot_exact_match"] == 1.0
    assert saved["passed"] is True
    assert saved["config_label"] == "perfect run"
    assert saved["examples"] == len(load_examples(HELDOUT))
    assert {s["slot"] for s in saved["slots"]} == set(SLOTS)


def test_main_fails_below_the_minimums(tmp_path, capsys):
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    out = tmp_path / "eval.json"
    argv = ["--model", str(model), "--min-intent-f1", "0.5", "--errors", "3", "--json", str(out)]
    assert main(argv, predictor=_greet_predictor) == 1
    printed = capsys.readouterr().out
    assert "FAILED" in printed
    assert "below --min-intent-f1" in printed
    assert "Errors (first 3 of" in printed
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["passed"] is False
    assert saved["failures"]


def test_main_reports_a_missing_model(tmp_path, capsys):
    assert main(["--model", str(tmp_path / "nowhere")], predictor=_greet_predictor) == 2
    assert "no model" in capsys.readouterr().err


def test_main_reports_bad_data(tmp_path, capsys):
    data = tmp_path / "bad.yml"
    data.write_text("examples:\n  - text: hi\n    intent: hello\n", encoding="utf-8")
    assert main(["--data", str(data)], predictor=_greet_predictor) == 2
    assert "unknown intent" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--min-intent-f1", "85"], ["--errors", "-1"]])
def test_main_rejects_bad_arguments(argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv, predictor=_greet_predictor)
    assert exit_info.value.code == 2


def test_cli_help_runs_and_does_not_import_rasa():
    result = subprocess.run(
        [sys.executable, "-m", "nlu.evaluate", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for option in (
        "--model",
        "--data",
        "--min-intent-f1",
        "--min-slot-match",
        "--json",
        "--errors",
        "--config-label",
    ):
        assert option in result.stdout
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, nlu.evaluate; print(any(m.split('.')[0] == 'rasa' for m in sys.modules))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert probe.stdout.strip() == "False", probe.stderr


def test_slot_precision_counts_every_fill():
    gold = [
        Example("a", "inform", {"goal": "upskill"}),
        Example("b", "inform", {"goal": "explore"}),
        Example("c", "inform", {}),
        Example("d", "inform", {"goal": "explore"}),
    ]
    predictions = [
        Prediction("inform", {"goal": "upskill"}),
        Prediction("inform", {"goal": "upskill"}),  # wrong
        Prediction("inform", {"goal": "explore"}),  # spurious
        Prediction("inform", {}),  # missed
    ]
    goal = next(s for s in score(gold, predictions).slots if s.slot == "goal")
    assert (goal.filled, goal.correct_stated) == (3, 1)
    assert goal.precision == pytest.approx(1 / 3)
    assert goal.accuracy_stated == pytest.approx(1 / 3)
    budget = next(s for s in score(gold, predictions).slots if s.slot == "budget")
    assert budget.precision is None


def test_main_prints_reports_side_by_side(tmp_path, capsys):
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"")
    first, second = tmp_path / "heldout.json", tmp_path / "other.json"
    assert main(["--model", str(model), "--json", str(first)], _perfect_predictor) == 0
    assert main(["--model", str(model), "--json", str(second)], _greet_predictor) == 0
    capsys.readouterr()
    assert main(["--side-by-side", str(first), str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["heldout", "other"]
    assert next(line for line in lines if "slot exact-match" in line).split()[-2] == "1.000"
    assert any(line.split()[:3] == ["goal", "precision", "1.000"] for line in lines)
    assert main(["--side-by-side", str(tmp_path / "missing.json")]) == 2
    context = tmp_path / "context.json"
    context.write_text('{"read_rate": 0.5}', "utf-8")
    assert main(["--side-by-side", str(first), str(context)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "in context" in line)
    assert row.split()[-2:] == ["-", "0.500"]
