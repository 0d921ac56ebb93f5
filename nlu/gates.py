"""``make test``'s NLU regression gates, all in one process (``tests/nlu/gates.yml``).

The model is loaded once for every labelled set (``nlu.evaluate``), and one stack of
servers holds the conversations of every answer set (``nlu.evaluate_context``): loading
the model and starting the servers once per set was most of the gates' time. Every set
is scored even after one fails, so a run shows all that got worse.

    .venv/bin/python -m nlu.gates --model models/course-advisor.tar.gz
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from nlu.evaluate import ROOT, rasa_parser, resolve_model, run_set
from nlu.evaluate_context import load_answers, real_stack, run_answers

DEFAULT_GATES = ROOT / "tests" / "nlu" / "gates.yml"


@dataclass(frozen=True)
class Gate:
    kind: str  # "parse": a labelled set; "context": answers in context
    data: Path
    json: Path | None
    minimums: Mapping[str, float]


_MINIMUMS = {"parse": ("min_intent_f1", "min_slot_match"), "context": ("min_read",)}


def load_gates(path: Path = DEFAULT_GATES) -> list[Gate]:
    """The gates of ``path``; raises ValueError naming an unknown key or a missing set."""
    import yaml

    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(document) - set(_MINIMUMS)
    if unknown:
        raise ValueError(f"{path}: unknown section(s) {sorted(unknown)}; expected parse, context")
    gates = []
    for kind, allowed in _MINIMUMS.items():
        for item in document.get(kind) or []:
            extra = set(item) - {"data", "json", *allowed}
            if extra or "data" not in item:
                raise ValueError(
                    f"{path}: {kind} gate {item!r}: needs 'data'; may have json, "
                    f"{', '.join(allowed)}"
                )
            data = ROOT / str(item["data"])
            if not data.is_file():
                raise ValueError(f"{path}: no set at {item['data']}")
            gates.append(
                Gate(
                    kind,
                    data,
                    ROOT / str(item["json"]) if item.get("json") else None,
                    {k: float(item[k]) for k in allowed if k in item},
                )
            )
    return gates


def run_gates(model: Path, gates: Sequence[Gate], errors: int = 0) -> list[str]:
    """Score every gate; the sets that failed (or could not be read)."""
    failed: list[str] = []
    parse_gates = [g for g in gates if g.kind == "parse"]
    if parse_gates:
        parse = rasa_parser(model)
        for gate in parse_gates:
            code = run_set(
                parse,
                model,
                gate.data,
                min_intent_f1=gate.minimums.get("min_intent_f1"),
                min_slot_match=gate.minimums.get("min_slot_match"),
                json_path=gate.json,
                errors=errors,
            )
            if code:
                failed.append(str(gate.data.relative_to(ROOT)))
            print()
    context_gates = [g for g in gates if g.kind == "context"]
    if context_gates:
        with real_stack(model) as (say, slots_of):
            for gate in context_gates:
                code = run_answers(
                    say,
                    slots_of,
                    load_answers(gate.data),
                    model=model,
                    data=gate.data,
                    min_read=gate.minimums.get("min_read"),
                    errors=errors,
                    json_path=gate.json,
                )
                if code:
                    failed.append(str(gate.data.relative_to(ROOT)))
                print()
    return failed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlu.gates", description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models", metavar="PATH")
    parser.add_argument("--gates", type=Path, default=DEFAULT_GATES, metavar="PATH")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors a set")
    args = parser.parse_args(argv)
    try:
        gates = load_gates(args.gates)
        model = resolve_model(args.model)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failed = run_gates(model, gates, args.errors)
    if failed:
        print(f"NLU GATES FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"OK: all {len(gates)} NLU gates met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
