"""Tests for nlu.gates (no model or servers: the parser and the stack are stand-ins)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import nlu.gates as gates
from nlu.evaluate import Prediction, load_examples


def test_the_gates_file_names_every_independent_set_once():
    loaded = gates.load_gates()
    names = [g.data.name for g in loaded]
    assert len(names) == len(set(names))
    independent = {p.name for p in (gates.ROOT / "tests/nlu/independent").glob("*.yml")}
    assert independent <= set(names)
    assert "heldout.yml" in names
    assert all(g.minimums for g in loaded)
    assert {g.kind for g in loaded if g.data.name.startswith("answers")} == {"context"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("speed: []\n", "unknown section"),
        ("parse:\n  - {json: x.json}\n", "needs 'data'"),
        ("parse:\n  - {data: tests/nlu/heldout.yml, min_read: 0.9}\n", "needs 'data'"),
        ("context:\n  - {data: tests/nlu/nothing-here.yml}\n", "no set at"),
    ],
)
def test_a_bad_gates_file_is_named(tmp_path: Path, text: str, message: str):
    path = tmp_path / "gates.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        gates.load_gates(path)


def test_every_set_is_scored_and_each_failure_named(monkeypatch, tmp_path: Path, capsys):
    heldout = gates.ROOT / "tests/nlu/heldout.yml"
    gold = {e.text: e for e in load_examples(heldout)}
    loads: list[Path] = []

    def fake_parser(model: Path) -> Any:
        loads.append(model)
        return lambda texts: [Prediction(gold[t].intent, dict(gold[t].slots)) for t in texts]

    stacks: list[Path] = []

    @contextmanager
    def fake_stack(model: Path) -> Any:
        stacks.append(model)
        # A learner who is never understood: every answer stays unread.
        yield (lambda sender, text: []), (lambda sender: {})

    monkeypatch.setattr(gates, "rasa_parser", fake_parser)
    monkeypatch.setattr(gates, "real_stack", fake_stack)
    answers = gates.ROOT / "tests/nlu/independent/answers_fresh2.yml"
    model = tmp_path / "model.tar.gz"
    chosen = [
        gates.Gate("parse", heldout, tmp_path / "a.json", {"min_intent_f1": 0.99}),
        gates.Gate("parse", heldout, None, {"min_slot_match": 0.99}),
        gates.Gate("context", answers, None, {"min_read": 0.5}),
    ]
    failed = gates.run_gates(model, chosen)
    assert loads == [model] and stacks == [model]  # one load, one stack for all
    assert failed == ["tests/nlu/independent/answers_fresh2.yml"]
    assert (tmp_path / "a.json").is_file()
    assert "read 0.000 is below" in capsys.readouterr().out
