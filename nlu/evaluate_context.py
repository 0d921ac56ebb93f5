"""Answers in context: is a message typed in reply to one of the form's questions read as the
answer to that question? (issue #12; the set is ``tests/nlu/independent/answers.yml``).

For every answer this holds a real conversation through the REST channel (catalogue store,
action server and Rasa server, as the end-to-end tests start them): an opening that gets the
question asked, the answer, then the conversation's slots from the tracker endpoint.

- The opening is a button payload, so that the evaluation measures the answer, not the opening:
  ``/find_course`` gets the goal asked; ``/find_course{"goal": G}`` the subject;
  ``/find_course{"goal": G, "subject": S}`` the optional refinements. G and S are values the
  answer does not label (so an answer restating them is not read right by accident).
- An answer with slots is read when every labelled slot holds the labelled value and no other of
  the seven wish slots changed.
- An ``open`` answer (the learner left the question open) is read when the assistant does not ask
  the same question a third time: the answer is sent again while the question is asked again,
  and the question may be asked twice in a row (the second time it explains the choices).

    .venv/bin/python -m nlu.evaluate_context --model models/course-advisor.tar.gz
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from nlu.evaluate import ROOT, SLOTS, _slot_problem, values_equal

DEFAULT_DATA = ROOT / "tests" / "nlu" / "independent" / "answers.yml"
DEFAULT_MODEL = ROOT / "models" / "course-advisor.tar.gz"
#: The form's questions in the order it asks them, and the slot each one requests.
QUESTIONS: dict[str, str] = {
    "goal": "goal",
    "subject": "subject",
    "refinements": "refinements_done",
}
WISH_SLOTS: tuple[str, ...] = tuple(s for s in SLOTS if s != "course_index")
#: The form asks a question at most twice in a row (actions/ask.MAX_ASKS).
MAX_ASKS = 2
PRIOR_GOALS = ("upskill", "explore")
PRIOR_SUBJECTS = ("business-management", "marketing")

Say = Callable[[str, str], list[dict[str, Any]]]  # (sender, message) -> replies
Slots = Callable[[str], dict[str, Any]]  # sender -> the conversation's slots


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    slots: Mapping[str, Any] = field(default_factory=dict)
    open: bool = False


@dataclass
class Outcome:
    answer: Answer
    asked: bool  # the opening got the question asked
    read: bool
    moved_on: bool  # the first answer closed the question
    wrong: dict[str, Any]  # slot -> (expected, got) for an answer with slots
    asks: int  # times the question was asked in a row at the end
    replies: list[str] = field(default_factory=list)


def load_answers(path: Path = DEFAULT_DATA) -> list[Answer]:
    """Read the answers; raises ValueError for an unknown question, slot or value."""
    import yaml

    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(document, Mapping) or not isinstance(document.get("answers"), list):
        raise ValueError(f"{path}: expected a mapping with an 'answers' list")
    answers = []
    for number, item in enumerate(document["answers"], start=1):
        answer = Answer(
            str(item.get("question")),
            str(item.get("text") or ""),
            dict(item.get("slots") or {}),
            bool(item.get("open")),
        )
        problems = [_slot_problem(s, v) for s, v in answer.slots.items() if s in WISH_SLOTS]
        problems += [f"unknown slot {s!r}" for s in answer.slots if s not in WISH_SLOTS]
        if answer.question not in QUESTIONS:
            problems.append(f"unknown question {answer.question!r}")
        if not answer.text.strip():
            problems.append("no text")
        if answer.open and answer.slots:
            problems.append("an open answer has no slots")
        found = [p for p in problems if p]
        if found:
            raise ValueError(f"{path}: answer {number} ({answer.text!r}): {'; '.join(found)}")
        answers.append(answer)
    return answers


def _other(values: Sequence[str], labelled: Any) -> str:
    return values[1] if labelled == values[0] else values[0]


def opening(answer: Answer) -> str:
    """The button payload that gets ``answer.question`` asked."""
    if answer.question == "goal":
        return "/find_course"
    entities = {"goal": _other(PRIOR_GOALS, answer.slots.get("goal"))}
    if answer.question == "refinements":
        entities["subject"] = _other(PRIOR_SUBJECTS, answer.slots.get("subject"))
    return "/find_course" + json.dumps(entities, separators=(",", ":"))


def times_asked(slots: Mapping[str, Any], requested: str) -> int:
    """How many times in a row the question for ``requested`` was asked ("asked" slot)."""
    name, _, count = str(slots.get("asked") or "").rpartition(":")
    return int(count) if name == requested and count.isdigit() else 0


def judge(answer: Answer, before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Wrong slots of an answer with slots: slot -> [expected, got]; empty when read."""
    wrong: dict[str, Any] = {}
    for slot in WISH_SLOTS:
        expected = answer.slots[slot] if slot in answer.slots else before.get(slot)
        if not values_equal(slot, expected, after.get(slot)):
            wrong[slot] = [expected, after.get(slot)]
    return wrong


def _texts(replies: Sequence[Mapping[str, Any]]) -> list[str]:
    return [str(r["text"]) for r in replies if r.get("text")]


def converse(say: Say, slots_of: Slots, answer: Answer, sender: str) -> Outcome:
    """One conversation: the opening, the answer (again while an open question is re-asked)."""
    requested = QUESTIONS[answer.question]
    replies = _texts(say(sender, opening(answer)))
    before = slots_of(sender)
    if before.get("requested_slot") != requested:
        return Outcome(answer, False, False, False, {}, 0, replies)
    transcript = [f"bot: {text}" for text in replies] + [f"learner: {answer.text}"]
    transcript += [f"bot: {text}" for text in _texts(say(sender, answer.text))]
    after = slots_of(sender)
    moved_on = after.get("requested_slot") != requested
    if not answer.open:
        wrong = judge(answer, before, after)
        return Outcome(
            answer, True, not wrong, moved_on, wrong, times_asked(after, requested), transcript
        )
    asks = times_asked(after, requested) if not moved_on else 0
    sends = 1
    while after.get("requested_slot") == requested and asks <= MAX_ASKS and sends <= MAX_ASKS:
        transcript += [f"learner: {answer.text}"]
        transcript += [f"bot: {text}" for text in _texts(say(sender, answer.text))]
        sends += 1
        after = slots_of(sender)
        if after.get("requested_slot") == requested:
            asks = max(asks, times_asked(after, requested))
    stuck = after.get("requested_slot") == requested
    return Outcome(answer, True, asks <= MAX_ASKS and not stuck, moved_on, {}, asks, transcript)


@dataclass
class Summary:
    question: str
    answers: int
    asked: int
    read: int
    with_slots: int
    with_slots_read: int
    open: int
    open_read: int
    moved_on_at_once: int

    @property
    def rate(self) -> float:
        return self.read / self.asked if self.asked else 0.0


def summarise(outcomes: Sequence[Outcome]) -> list[Summary]:
    """One row per question, then ``all`` (rates over the conversations that got it asked)."""
    rows = []
    for question in [*QUESTIONS, "all"]:
        mine = [o for o in outcomes if question in ("all", o.answer.question)]
        asked = [o for o in mine if o.asked]
        rows.append(
            Summary(
                question,
                len(mine),
                len(asked),
                sum(o.read for o in asked),
                sum(not o.answer.open for o in asked),
                sum(o.read for o in asked if not o.answer.open),
                sum(o.answer.open for o in asked),
                sum(o.read for o in asked if o.answer.open),
                sum(o.moved_on for o in asked),
            )
        )
    return rows


def format_summary(rows: Sequence[Summary]) -> str:
    lines = [
        "  question     answers  asked   read   rate  slots read   open read  moved on at once",
        "  -----------  -------  -----  -----  -----  -----------  ---------  ----------------",
    ]
    for r in rows:
        lines.append(
            f"  {r.question:<11}  {r.answers:>7}  {r.asked:>5}  {r.read:>5}  {r.rate:.3f}"
            f"  {r.with_slots_read:>4} / {r.with_slots:<4}  {r.open_read:>3} / {r.open:<3}"
            f"  {r.moved_on_at_once:>16}"
        )
    return "\n".join(lines)


def format_errors(outcomes: Sequence[Outcome], limit: int) -> str:
    bad = [o for o in outcomes if not o.read]
    lines = [f"Not read ({len(bad)}; first {min(limit, len(bad))}):"]
    for o in bad[:limit]:
        if not o.asked:
            why = "the opening did not get the question asked"
        elif o.answer.open:
            why = f"open, asked {o.asks} times"
        else:
            why = ", ".join(f"{s}: expected {e!r}, got {g!r}" for s, (e, g) in o.wrong.items())
        lines.append(f"  [{o.answer.question}] {o.answer.text!r}: {why}")
    return "\n".join(lines)


@contextmanager
def real_stack(model: Path) -> Iterator[tuple[Say, Slots]]:
    """The servers of tests/servers.py; yields ``say`` and ``slots_of`` (senders signed)."""
    from tests.servers import rest_stack

    with rest_stack(model, prefix="context-eval-") as (say, slots_of):
        yield say, slots_of


#: Conversations held at once (each its own sender), so the Rasa and action servers work
#: side by side; the outcomes keep the set's order.
AT_ONCE = 4


def evaluate(
    say: Say, slots_of: Slots, answers: Sequence[Answer], at_once: int = AT_ONCE
) -> list[Outcome]:
    run = uuid.uuid4().hex[:8]
    with ThreadPoolExecutor(max_workers=max(1, at_once)) as pool:
        return list(
            pool.map(
                lambda numbered: converse(say, slots_of, numbered[1], f"ctx-{run}-{numbered[0]}"),
                enumerate(answers),
            )
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m nlu.evaluate_context",
        description="Answers typed to the form's questions, read in a real conversation.",
    )
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, metavar="PATH")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="PATH")
    parser.add_argument("--limit", type=int, default=0, help="only the first N answers")
    parser.add_argument("--min-read", type=float, metavar="X", help="fail (exit 1) below X")
    parser.add_argument("--errors", type=int, default=40, metavar="N", help="list N misreads")
    parser.add_argument("--json", type=Path, metavar="PATH", help="save every outcome as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        answers = load_answers(args.data)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.limit:
        answers = answers[: args.limit]
    if not args.model.is_file():
        print(f"error: no model at {args.model}", file=sys.stderr)
        return 2
    with real_stack(args.model) as (say, slots_of):
        return run_answers(
            say,
            slots_of,
            answers,
            model=args.model,
            data=args.data,
            min_read=args.min_read,
            errors=args.errors,
            json_path=args.json,
        )


def run_answers(
    say: Say,
    slots_of: Slots,
    answers: Sequence[Answer],
    *,
    model: Path,
    data: Path,
    min_read: float | None = None,
    errors: int = 40,
    json_path: Path | None = None,
) -> int:
    """Hold a conversation per answer, print the report (and save it as JSON); the exit
    code: 0 read at least ``min_read``, 1 below it."""
    started = time.perf_counter()
    outcomes = evaluate(say, slots_of, answers)
    seconds = time.perf_counter() - started
    rows = summarise(outcomes)
    overall = rows[-1].rate
    print("Course Advisor answers in context (read as the answer to the question asked)")
    print(f"  model : {model}\n  data  : {data} ({len(answers)} answers)")
    print(f"  time  : {seconds:.0f} s\n")
    print(format_summary(rows))
    print(f"\nOverall read as the answer to the question asked: {overall:.3f} (target >= 0.95)\n")
    print(format_errors(outcomes, errors))
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "model": str(model),
            "data": str(data),
            "examples": len(outcomes),
            "read_rate": overall,
            "questions": [{**asdict(r), "rate": r.rate} for r in rows],
            "outcomes": [asdict(o) for o in outcomes],
        }
        json_path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"saved {json_path}")
    if min_read is not None and overall < min_read:
        print(f"FAILED: read {overall:.3f} is below --min-read {min_read:.3f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
