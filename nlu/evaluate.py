"""Score a trained Rasa model on the held-out NLU test set (tests/nlu/heldout.yml).

Run from the repository root:

    .venv/bin/python -m nlu.evaluate                      # newest model in models/
    .venv/bin/python -m nlu.evaluate --model models/20250101-120000.tar.gz \\
        --min-intent-f1 0.85 --min-slot-match 0.80 --json var/nlu-eval.json

It reports intent accuracy, intent macro-F1 (over the intents present in the test set) with a
per-intent table, per-slot accuracy (over every example, where "empty and empty" counts as right,
and over only the examples that state the slot), slot exact-match (the share of examples whose
whole slot set is right) and the first N errors. Exit code: 0 when every minimum is met, 1 when a
minimum is missed, 2 for a usage, data or model error.

The scoring (`score`) is pure and knows nothing about Rasa; only `predict_with_rasa` loads a model,
and it imports Rasa inside the function so that `--help` and the unit tests stay fast.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from actions.answers import said
from actions.profile_values import GOALS, LEVELS, SUBJECTS, WISH_SLOTS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "tests" / "nlu" / "heldout.yml"
DEFAULT_MODELS = ROOT / "models"
DEFAULT_ERRORS = 20

DOMAIN = ROOT / "domain.yml"


def domain_intents(path: Path = DOMAIN) -> tuple[str, ...]:
    """The intents, in the order domain.yml (their one definition) lists them."""
    import yaml

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = [i if isinstance(i, str) else next(iter(i)) for i in document.get("intents") or []]
    if not names:
        raise ValueError(f"{path}: no intents")
    return tuple(names)


INTENTS: tuple[str, ...] = domain_intents()
#: The slots scored: the wishes the sets label (delivery is not), then list positions.
SLOTS: tuple[str, ...] = (*(s for s in WISH_SLOTS if s != "delivery"), "course_index")
NUMERIC_SLOTS = frozenset({"budget", "hours_per_week", "max_weeks"})
# The values a categorical slot may take (data/profile.yml, read on first use).
CATEGORICAL_VALUES: dict[str, Collection[str]] = {
    "goal": GOALS,
    "level": LEVELS,
    "subject": SUBJECTS,
}
NUMBER_TOLERANCE = 0.01

# A normalised slot value: number slots are floats, credit_bearing a bool, course_index a tuple of
# ints, categorical slots lower-case strings. A predicted value that cannot be normalised is kept
# as a lower-case string, so it never equals a well-formed gold value.
SlotValue = str | float | bool | tuple[int, ...]


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True)
class Example:
    """One gold example: the text, its intent and every slot it states."""

    text: str
    intent: str
    slots: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Prediction:
    """What the model said about one example."""

    intent: str | None
    slots: Mapping[str, Any] = field(default_factory=dict)
    confidence: float | None = None


@dataclass
class IntentScore:
    intent: str
    support: int
    predicted: int
    true_positives: int
    precision: float
    recall: float
    f1: float


@dataclass
class SlotScore:
    slot: str
    examples: int
    correct: int
    accuracy: float
    stated: int
    correct_stated: int
    accuracy_stated: float | None
    missed: int  # stated but left empty
    wrong: int  # stated and filled with another value
    spurious: int  # not stated but filled
    filled: int = 0  # examples the model filled the slot for
    precision: float | None = None  # right fills over all fills (None when it never filled)


@dataclass
class ErrorCase:
    index: int
    text: str
    expected_intent: str
    predicted_intent: str | None
    expected_slots: dict[str, Any]
    predicted_slots: dict[str, Any]
    wrong_slots: list[str]


@dataclass
class Report:
    examples: int
    intent_accuracy: float
    intent_macro_f1: float
    per_intent: list[IntentScore]
    unexpected_intents: dict[str, int]
    slots: list[SlotScore]
    slot_exact_match: float
    full_match: float
    errors: list[ErrorCase]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------- normalising


def _as_int(raw: Any) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    if isinstance(raw, str):
        try:
            number = float(raw.strip())
        except ValueError:
            return None
        return int(number) if number.is_integer() else None
    return None


def _as_float(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    if isinstance(raw, str):
        try:
            number = float(raw.strip().replace(",", ""))
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _fallback(raw: Any) -> str:
    return str(raw).strip().lower()


def normalise_slot_value(slot: str, raw: Any) -> SlotValue:
    """Bring a gold or predicted slot value to a comparable form (idempotent)."""
    if slot == "course_index":
        items = list(raw) if isinstance(raw, (list, tuple)) else [raw]
        ints = [_as_int(item) for item in items]
        if all(i is not None for i in ints):
            return tuple(i for i in ints if i is not None)
        return ", ".join(_fallback(item) for item in items)
    if slot in NUMERIC_SLOTS:
        number = _as_float(raw)
        return number if number is not None else _fallback(raw)
    if slot == "credit_bearing":
        if isinstance(raw, bool):
            return raw
        text = _fallback(raw)
        if text in ("true", "false"):
            return text == "true"
        return text
    return _fallback(raw)


def values_equal(slot: str, gold: Any, predicted: Any) -> bool:
    """Whether a predicted slot value matches the gold one (None means empty)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    g = normalise_slot_value(slot, gold)
    p = normalise_slot_value(slot, predicted)
    if isinstance(g, float) and isinstance(p, float):
        return abs(g - p) <= NUMBER_TOLERANCE
    return type(g) is type(p) and g == p


def entities_to_slots(entities: Iterable[Mapping[str, Any]]) -> dict[str, SlotValue]:
    """Map Rasa entities to slot values.

    Only entities named like a slot and said outright count (not the ones kept in case the
    message answers a question, see actions.answers). Entities are taken in order of
    appearance (their `start`); exact duplicates (same entity, span and value, e.g. from two
    extractors) count once. course_index collects every value in order ("compare 1 and 3" ->
    (1, 3)); for any other slot the last value wins, as with Rasa's from_entity slot mappings.
    """
    keyed: list[tuple[float, int, Mapping[str, Any]]] = []
    for position, entity in enumerate(said(entities)):
        if entity.get("entity") not in SLOTS or entity.get("value") is None:
            continue
        start = entity.get("start")
        order = float(start) if isinstance(start, (int, float)) else math.inf
        keyed.append((order, position, entity))
    keyed.sort(key=lambda item: (item[0], item[1]))

    seen: set[tuple[Any, Any, Any, str]] = set()
    raw_values: dict[str, list[Any]] = {}
    for _, _, entity in keyed:
        name = entity["entity"]
        key = (name, entity.get("start"), entity.get("end"), repr(entity["value"]))
        if entity.get("start") is not None and key in seen:
            continue
        seen.add(key)
        raw_values.setdefault(name, []).append(entity["value"])

    slots: dict[str, SlotValue] = {}
    for name, values in raw_values.items():
        if name == "course_index":
            flat: list[Any] = []
            for value in values:
                flat.extend(value if isinstance(value, (list, tuple)) else [value])
            slots[name] = normalise_slot_value(name, flat)
        else:
            slots[name] = normalise_slot_value(name, values[-1])
    return slots


def prediction_from_parse(parsed: Mapping[str, Any]) -> Prediction:
    """Turn the dict returned by `Agent.parse_message` into a Prediction."""
    intent = parsed.get("intent") or {}
    name = intent.get("name") if isinstance(intent, Mapping) else None
    confidence = intent.get("confidence") if isinstance(intent, Mapping) else None
    return Prediction(
        intent=str(name) if name else None,
        slots=entities_to_slots(parsed.get("entities") or []),
        confidence=float(confidence) if isinstance(confidence, (int, float)) else None,
    )


# --------------------------------------------------------------------------- the test set


def load_examples(path: Path) -> list[Example]:
    """Read a test set file. Raises ValueError when its structure is wrong."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    if not isinstance(document, Mapping) or not isinstance(document.get("examples"), list):
        raise ValueError(f"{path}: expected a mapping with an 'examples' list")
    examples: list[Example] = []
    for number, item in enumerate(document["examples"], start=1):
        if not isinstance(item, Mapping):
            raise ValueError(f"{path}: example {number} is not a mapping")
        text, intent, slots = item.get("text"), item.get("intent"), item.get("slots") or {}
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}: example {number} has no text")
        if not isinstance(intent, str) or not intent:
            raise ValueError(f"{path}: example {number} ({text!r}) has no intent")
        if not isinstance(slots, Mapping):
            raise ValueError(f"{path}: example {number} ({text!r}): slots must be a mapping")
        unknown_keys = set(item) - {"text", "intent", "slots"}
        if unknown_keys:
            raise ValueError(f"{path}: example {number} has unknown keys {sorted(unknown_keys)}")
        examples.append(Example(text=text, intent=intent, slots=dict(slots)))
    return examples


def _slot_problem(slot: str, value: Any) -> str | None:
    if slot in CATEGORICAL_VALUES:
        if not isinstance(value, str) or value not in CATEGORICAL_VALUES[slot]:
            return f"{slot}={value!r} is not one of {sorted(CATEGORICAL_VALUES[slot])}"
    elif slot in NUMERIC_SLOTS:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            return f"{slot}={value!r} must be a number >= 0"
    elif slot == "credit_bearing":
        if not isinstance(value, bool):
            return f"credit_bearing={value!r} must be true or false"
    elif slot == "course_index":
        items = value if isinstance(value, list) else [value]
        if not items or any(isinstance(i, bool) or not isinstance(i, int) for i in items):
            return f"course_index={value!r} must be an int or a list of ints"
        if any(i == 0 or i < -1 for i in items):
            return f"course_index={value!r}: positions are 1-based, -1 means the last one"
    else:
        return f"unknown slot {slot!r}"
    return None


def validate_examples(examples: Sequence[Example]) -> list[str]:
    """Problems with the labels (unknown intents, slots or values); empty when all is well."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, example in enumerate(examples, start=1):
        where = f"example {number} ({example.text!r})"
        if example.intent not in INTENTS:
            problems.append(f"{where}: unknown intent {example.intent!r}")
        for slot, value in example.slots.items():
            problem = _slot_problem(slot, value)
            if problem:
                problems.append(f"{where}: {problem}")
        key = " ".join(example.text.lower().split())
        if key in seen:
            problems.append(f"{where}: duplicate of example {seen[key]}")
        seen.setdefault(key, number)
    return problems


# --------------------------------------------------------------------------- scoring


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _intent_order(intents: Iterable[str]) -> list[str]:
    rank = {name: i for i, name in enumerate(INTENTS)}
    return sorted(set(intents), key=lambda name: (rank.get(name, len(rank)), name))


def _display_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for slot in sorted(slots, key=lambda s: (SLOTS.index(s) if s in SLOTS else len(SLOTS), s)):
        value = normalise_slot_value(slot, slots[slot])
        if isinstance(value, tuple):
            shown[slot] = list(value)
        elif isinstance(value, float) and value.is_integer():
            shown[slot] = int(value)
        else:
            shown[slot] = value
    return shown


def score(gold: Sequence[Example], predictions: Sequence[Prediction]) -> Report:
    """Score predictions against the gold examples (same order, same length)."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold examples but {len(predictions)} predictions")
    if not gold:
        raise ValueError("nothing to score: the test set is empty")
    n = len(gold)

    # Intents.
    gold_intents = _intent_order(example.intent for example in gold)
    support = Counter(example.intent for example in gold)
    predicted = Counter(p.intent for p in predictions if p.intent is not None)
    hits = Counter(e.intent for e, p in zip(gold, predictions, strict=True) if e.intent == p.intent)
    per_intent: list[IntentScore] = []
    for intent in gold_intents:
        precision = _ratio(hits[intent], predicted[intent])
        recall = _ratio(hits[intent], support[intent])
        per_intent.append(
            IntentScore(
                intent=intent,
                support=support[intent],
                predicted=predicted[intent],
                true_positives=hits[intent],
                precision=precision,
                recall=recall,
                f1=_f1(precision, recall),
            )
        )
    macro_f1 = sum(s.f1 for s in per_intent) / len(per_intent)
    accuracy = sum(hits.values()) / n
    unexpected = {name: count for name, count in sorted(predicted.items()) if name not in support}
    none_count = sum(1 for p in predictions if p.intent is None)
    if none_count:
        unexpected["(none)"] = none_count

    # Slots.
    slot_names = list(SLOTS) + sorted({s for e in gold for s in e.slots} - set(SLOTS))
    wrong_by_example: list[list[str]] = [[] for _ in range(n)]
    for i, (example, prediction) in enumerate(zip(gold, predictions, strict=True)):
        for slot in set(example.slots) | set(prediction.slots):
            if not values_equal(slot, example.slots.get(slot), prediction.slots.get(slot)):
                wrong_by_example[i].append(slot)

    slot_scores: list[SlotScore] = []
    for slot in slot_names:
        correct = stated = correct_stated = missed = wrong = spurious = filled = 0
        for example, prediction in zip(gold, predictions, strict=True):
            g, p = example.slots.get(slot), prediction.slots.get(slot)
            ok = values_equal(slot, g, p)
            correct += ok
            filled += p is not None
            if g is not None:
                stated += 1
                correct_stated += ok
                if p is None:
                    missed += 1
                elif not ok:
                    wrong += 1
            elif p is not None:
                spurious += 1
        slot_scores.append(
            SlotScore(
                slot=slot,
                examples=n,
                correct=correct,
                accuracy=correct / n,
                stated=stated,
                correct_stated=correct_stated,
                accuracy_stated=correct_stated / stated if stated else None,
                missed=missed,
                wrong=wrong,
                spurious=spurious,
                filled=filled,
                precision=correct_stated / filled if filled else None,
            )
        )

    slots_right = [not wrong for wrong in wrong_by_example]
    intents_right = [e.intent == p.intent for e, p in zip(gold, predictions, strict=True)]
    errors = [
        ErrorCase(
            index=i,
            text=example.text,
            expected_intent=example.intent,
            predicted_intent=prediction.intent,
            expected_slots=_display_slots(example.slots),
            predicted_slots=_display_slots(prediction.slots),
            wrong_slots=sorted(wrong_by_example[i]),
        )
        for i, (example, prediction) in enumerate(zip(gold, predictions, strict=True))
        if not (intents_right[i] and slots_right[i])
    ]
    return Report(
        examples=n,
        intent_accuracy=accuracy,
        intent_macro_f1=macro_f1,
        per_intent=per_intent,
        unexpected_intents=unexpected,
        slots=slot_scores,
        slot_exact_match=sum(slots_right) / n,
        full_match=sum(a and b for a, b in zip(intents_right, slots_right, strict=True)) / n,
        errors=errors,
    )


def check_minimums(
    report: Report, min_intent_f1: float | None, min_slot_match: float | None
) -> list[str]:
    """Reasons the report misses a minimum; empty when it meets them all."""
    failures: list[str] = []
    if min_intent_f1 is not None and report.intent_macro_f1 < min_intent_f1:
        failures.append(
            f"intent macro-F1 {report.intent_macro_f1:.3f} is below --min-intent-f1 "
            f"{min_intent_f1:.3f}"
        )
    if min_slot_match is not None and report.slot_exact_match < min_slot_match:
        failures.append(
            f"slot exact-match {report.slot_exact_match:.3f} is below --min-slot-match "
            f"{min_slot_match:.3f}"
        )
    return failures


# --------------------------------------------------------------------------- printing


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]
    lines = []
    for line_number, row in enumerate([list(headers), *map(list, rows)]):
        cells = [
            str(cell).ljust(width) if column == 0 else str(cell).rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  " + "  ".join(cells).rstrip())
        if line_number == 0:
            lines.append("  " + "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _compact(slots: Mapping[str, Any]) -> str:
    if not slots:
        return "{}"
    return "{" + ", ".join(f"{k}: {json.dumps(v)}" for k, v in slots.items()) + "}"


def format_report(report: Report, max_errors: int = DEFAULT_ERRORS) -> str:
    """The human-readable report (everything except the header)."""
    out: list[str] = []
    out.append(
        f"Intents: accuracy {report.intent_accuracy:.3f}, macro-F1 {report.intent_macro_f1:.3f} "
        f"(over {len(report.per_intent)} intents in the test set)"
    )
    out.append(
        _table(
            ["intent", "support", "predicted", "precision", "recall", "f1"],
            [
                [
                    s.intent,
                    str(s.support),
                    str(s.predicted),
                    _pct(s.precision),
                    _pct(s.recall),
                    _pct(s.f1),
                ]
                for s in report.per_intent
            ],
        )
    )
    if report.unexpected_intents:
        listed = ", ".join(f"{k} x{v}" for k, v in report.unexpected_intents.items())
        out.append(f"  predicted intents absent from the test set: {listed}")
    out.append("")
    out.append(
        f"Slots: exact match {report.slot_exact_match:.3f} (every slot of the message right), "
        f"intent and slots both right {report.full_match:.3f}"
    )
    out.append(
        _table(
            [
                "slot",
                "acc (all)",
                "stated",
                "recall",
                "precision",
                "missed",
                "wrong",
                "spurious",
            ],
            [
                [
                    s.slot,
                    _pct(s.accuracy),
                    str(s.stated),
                    _pct(s.accuracy_stated),
                    _pct(s.precision),
                    str(s.missed),
                    str(s.wrong),
                    str(s.spurious),
                ]
                for s in report.slots
            ],
        )
    )
    out.append("  acc (all): over every example (empty and empty counts as right)")
    out.append(
        "  recall: right over the examples whose message states the slot; "
        "precision: right over the examples the model filled it for"
    )
    out.append("")
    if not report.errors:
        out.append("Errors: none")
    elif max_errors > 0:
        shown = report.errors[:max_errors]
        out.append(f"Errors (first {len(shown)} of {len(report.errors)}):")
        for error in shown:
            out.append(f"  #{error.index + 1} {error.text!r}")
            if error.expected_intent != error.predicted_intent:
                got = error.predicted_intent or "(none)"
                out.append(f"      intent: expected {error.expected_intent}, got {got}")
            if error.wrong_slots:
                out.append(
                    f"      slots : expected {_compact(error.expected_slots)}, "
                    f"got {_compact(error.predicted_slots)}"
                )
    else:
        out.append(f"Errors: {len(report.errors)} (use --errors N to list them)")
    return "\n".join(out)


# --------------------------------------------------------------------------- the model


def resolve_model(path: Path) -> Path:
    """A model archive: `path` itself, or the newest *.tar.gz in the folder `path`."""
    if path.is_file():
        return path
    if path.is_dir():
        archives = sorted(path.glob("*.tar.gz"), key=lambda p: (p.stat().st_mtime, p.name))
        if archives:
            return archives[-1]
        raise FileNotFoundError(
            f"no model (*.tar.gz) in {path}/: train one first, e.g. `rasa train`"
        )
    raise FileNotFoundError(f"no model file or folder at {path}")


Predictor = Callable[[Path, Sequence[str]], list[Prediction]]


Parser = Callable[[Sequence[str]], list[Prediction]]


def rasa_parser(model_path: Path) -> Parser:
    """Load the Rasa model once; the returned function parses texts with it (several sets
    can then be scored without loading the model again, see nlu.gates)."""
    import asyncio
    import logging
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    logging.getLogger("rasa").setLevel(logging.WARNING)
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    # Rasa's structured debug lines carry each message's text: an evaluation set must not be
    # printed where a developer reads the numbers.
    configure_structlog(logging.WARNING)

    agent = Agent.load(str(model_path))

    def parse(texts: Sequence[str]) -> list[Prediction]:
        async def parse_all() -> list[dict[str, Any]]:
            return [await agent.parse_message(text) for text in texts]

        return [prediction_from_parse(parsed) for parsed in asyncio.run(parse_all())]

    return parse


def predict_with_rasa(model_path: Path, texts: Sequence[str]) -> list[Prediction]:
    """Load the Rasa model once and parse every text with it."""
    return rasa_parser(model_path)(texts)


# --------------------------------------------------------------------------- the command


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} must be between 0 and 1 (e.g. 0.85)")
    return value


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m nlu.evaluate",
        description=(
            "Score a trained Rasa NLU model on the held-out test set (never trained on).\n"
            "Reports intent accuracy and macro-F1 with a per-intent table, per-slot accuracy\n"
            "(over all examples and over those that state the slot), slot exact-match and\n"
            "the first errors.\n\n"
            "exit code: 0 every given minimum met, 1 a minimum missed, 2 usage/data/model error"
        ),
        epilog=(
            "examples:\n"
            "  python -m nlu.evaluate\n"
            "  python -m nlu.evaluate --model models/ --min-intent-f1 0.85 --min-slot-match 0.8\n"
            "  python -m nlu.evaluate --config-label 'DIET 100 epochs' --json var/eval.json "
            "--errors 0"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--model",
        type=Path,
        default=DEFAULT_MODELS,
        metavar="PATH",
        help="a model .tar.gz, or a folder whose newest .tar.gz is used (default: models/)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="PATH",
        help="the labelled test set (default: tests/nlu/heldout.yml)",
    )
    parser.add_argument(
        "--min-intent-f1",
        type=_fraction,
        metavar="X",
        help="fail (exit 1) when intent macro-F1 is below X, a fraction between 0 and 1",
    )
    parser.add_argument(
        "--min-slot-match",
        type=_fraction,
        metavar="Y",
        help="fail (exit 1) when slot exact-match is below Y, a fraction between 0 and 1",
    )
    parser.add_argument(
        "--json",
        type=Path,
        metavar="PATH",
        help="also save every number and every error as JSON to PATH",
    )
    parser.add_argument(
        "--errors",
        type=_non_negative,
        default=DEFAULT_ERRORS,
        metavar="N",
        help=f"list the first N errors (default: {DEFAULT_ERRORS}; 0 lists none)",
    )
    parser.add_argument(
        "--config-label",
        default="",
        metavar="TEXT",
        help="free text printed in the header and saved in the JSON, to tell pipelines apart",
    )
    parser.add_argument(
        "--side-by-side",
        nargs="+",
        type=Path,
        metavar="JSON",
        help="evaluate nothing: print the headline numbers of earlier --json reports side by side",
    )
    return parser


def _slot_number(report: Mapping[str, Any], slot: str, key: str) -> float | None:
    for row in report.get("slots") or []:
        if row.get("slot") == slot:
            value = row.get(key)
            return float(value) if isinstance(value, (int, float)) else None
    return None


#: The headline numbers of a report (issue #12's targets), as (label, getter) pairs.
HEADLINES: tuple[tuple[str, Callable[[Mapping[str, Any]], float | None]], ...] = (
    ("examples", lambda r: r.get("examples")),
    ("intent macro-F1", lambda r: r.get("intent_macro_f1")),
    ("intent accuracy", lambda r: r.get("intent_accuracy")),
    ("slot exact-match", lambda r: r.get("slot_exact_match")),
    ("goal recall", lambda r: _slot_number(r, "goal", "accuracy_stated")),
    ("goal precision", lambda r: _slot_number(r, "goal", "precision")),
    ("subject recall", lambda r: _slot_number(r, "subject", "accuracy_stated")),
    ("hours recall", lambda r: _slot_number(r, "hours_per_week", "accuracy_stated")),
    ("budget recall", lambda r: _slot_number(r, "budget", "accuracy_stated")),
    # A report of nlu.evaluate_context: answers read as the answer to the question asked.
    ("answers in context", lambda r: r.get("read_rate")),
)


def side_by_side(reports: Sequence[tuple[str, Mapping[str, Any]]]) -> str:
    """The headline numbers of several reports, one column each."""
    rows = []
    for label, get in HEADLINES:
        cells = []
        for _, report in reports:
            value = get(report)
            if value is None:
                cells.append("-")
            elif label == "examples":
                cells.append(str(int(value)))
            else:
                cells.append(f"{value:.3f}")
        rows.append([label, *cells])
    return _table(["", *(name for name, _ in reports)], rows)


def main(argv: Sequence[str] | None = None, predictor: Predictor | None = None) -> int:
    args = build_parser().parse_args(argv)
    predict = predictor or predict_with_rasa
    if args.side_by_side:
        try:
            reports = [(p.stem, json.loads(p.read_text("utf-8"))) for p in args.side_by_side]
        except (OSError, ValueError) as error:
            print(f"error: cannot read a report: {error}", file=sys.stderr)
            return 2
        print(side_by_side(reports))
        return 0

    try:
        model_path = resolve_model(args.model)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return run_set(
        lambda texts: predict(model_path, texts),
        model_path,
        args.data,
        min_intent_f1=args.min_intent_f1,
        min_slot_match=args.min_slot_match,
        json_path=args.json,
        errors=args.errors,
        config_label=args.config_label,
    )


def run_set(
    parse: Parser,
    model_path: Path,
    data: Path,
    *,
    min_intent_f1: float | None = None,
    min_slot_match: float | None = None,
    json_path: Path | None = None,
    errors: int = DEFAULT_ERRORS,
    config_label: str = "",
) -> int:
    """Score one labelled set with ``parse``, print the report (and save it as JSON); the
    exit code: 0 every minimum met, 1 one missed, 2 the set cannot be read."""
    try:
        examples = load_examples(data)
    except (OSError, ValueError) as error:
        print(f"error: cannot read the test set: {error}", file=sys.stderr)
        return 2
    problems = validate_examples(examples)
    if problems:
        print(f"error: {len(problems)} problem(s) in {data}:", file=sys.stderr)
        for problem in problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    predictions = parse([example.text for example in examples])
    seconds = time.perf_counter() - started
    report = score(examples, predictions)
    failures = check_minimums(report, min_intent_f1, min_slot_match)

    header = ["Course Advisor NLU evaluation"]
    if config_label:
        header.append(f"  config : {config_label}")
    header += [
        f"  model  : {model_path}",
        f"  data   : {data} ({len(examples)} examples)",
        f"  time   : {seconds:.1f} s to parse "
        f"({1000 * seconds / len(examples):.0f} ms per example)",
        "",
    ]
    print("\n".join(header))
    print(format_report(report, errors))
    print()

    minimums = {"min_intent_f1": min_intent_f1, "min_slot_match": min_slot_match}
    if failures:
        print("FAILED:")
        for failure in failures:
            print(f"  {failure}")
    elif any(value is not None for value in minimums.values()):
        print("OK: every minimum is met")

    if json_path:
        payload = {
            "config_label": config_label,
            "model": str(model_path),
            "data": str(data),
            "seconds": seconds,
            **report.to_dict(),
            "minimums": minimums,
            "passed": not failures,
            "failures": failures,
        }
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"saved {json_path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
