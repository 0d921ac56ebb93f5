"""How much the NLU's scores move from one training to the next (issue #12, item 5).

A classifier that starts from random weights (DIET, which this pipeline used until session
8) gives a slightly different model each time from the same data and config. This trains
the NLU ``--trainings`` times, each with another ``random_seed`` for every component that
takes one, scores every model on each set with :mod:`nlu.evaluate`, and prints each
training's numbers, the mean and the range. A pipeline with no seed (the shipped one is
deterministic) is trained as it is each time: the range shows whether it really is::

    .venv/bin/python -m nlu.spread --trainings 3 \\
        --data tests/nlu/independent/intents.yml tests/nlu/independent/intents_fresh.yml

Only the NLU is trained (``rasa train nlu``, into a temporary folder): the dialogue
policies do not depend on the seed. Exit code 0, or 2 when a training or a set fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from nlu.evaluate import ROOT, load_examples, predict_with_rasa, score

CONFIG = ROOT / "config.yml"
#: The seeds of the trainings, in order (the first is the shipped config's, 42).
SEEDS: tuple[int, ...] = (42, 7, 1234, 2024, 99)
#: The headline numbers reported per set.
NUMBERS: tuple[tuple[str, Callable[[Any], float]], ...] = (
    ("intent macro-F1", lambda r: r.intent_macro_f1),
    ("intent accuracy", lambda r: r.intent_accuracy),
    ("slot exact-match", lambda r: r.slot_exact_match),
)


def seeded_config(config: Mapping[str, Any], seed: int) -> dict[str, Any]:
    """``config`` with ``random_seed: seed`` on every pipeline component that has one
    (a copy of ``config`` when none has)."""
    pipeline = [
        {**component, "random_seed": seed} if "random_seed" in component else dict(component)
        for component in config.get("pipeline") or []
    ]
    return {**config, "pipeline": pipeline}


def train(config: Mapping[str, Any], seed: int, folder: Path) -> Path:
    """Train the NLU with ``seed``; the model archive."""
    path = folder / f"config-{seed}.yml"
    path.write_text(yaml.safe_dump(seeded_config(config, seed), sort_keys=False), "utf-8")
    name = f"nlu-seed-{seed}"
    command = [
        sys.executable, "-m", "rasa", "train", "nlu", "--config", str(path),
        "--nlu", str(ROOT / "data" / "nlu"), "--domain", str(ROOT / "domain.yml"),
        "--out", str(folder), "--fixed-model-name", name,
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    model = folder / f"{name}.tar.gz"
    if done.returncode != 0 or not model.is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise RuntimeError(f"training with seed {seed} failed: " + " | ".join(tail))
    return model


def summary(values: Sequence[float]) -> str:
    """``mean (min-max)`` of the values."""
    return f"{statistics.mean(values):.3f} ({min(values):.3f}-{max(values):.3f})"


def spread(
    results: Mapping[str, Sequence[Mapping[str, float]]],
) -> dict[str, dict[str, dict[str, float]]]:
    """Per set and number: each training's value, the mean, the lowest and the highest."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, runs in results.items():
        out[name] = {}
        for number, _ in NUMBERS:
            values = [run[number] for run in runs]
            out[name][number] = {
                "mean": round(statistics.mean(values), 4),
                "min": round(min(values), 4),
                "max": round(max(values), 4),
                **{f"run{i + 1}": round(v, 4) for i, v in enumerate(values)},
            }
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nlu.spread", description=__doc__)
    parser.add_argument("--trainings", type=int, default=3, choices=range(2, len(SEEDS) + 1))
    parser.add_argument("--data", type=Path, nargs="+", required=True, metavar="SET")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the numbers here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    sets = {path.name: load_examples(path) for path in args.data}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in sets}
    with tempfile.TemporaryDirectory(prefix="nlu-spread-") as tmp:
        for seed in SEEDS[: args.trainings]:
            try:
                model = train(config, seed, Path(tmp))
            except RuntimeError as exc:
                print(exc, file=sys.stderr)
                return 2
            for name, examples in sets.items():
                predictions = predict_with_rasa(model, [e.text for e in examples])
                report = score(examples, predictions)
                numbers = {number: float(get(report)) for number, get in NUMBERS}
                results[name].append(numbers)
                shown = ", ".join(f"{k} {v:.3f}" for k, v in numbers.items())
                print(f"seed {seed:>5}  {name}: {shown}", flush=True)
    found = spread(results)
    for name, runs in results.items():
        shown = "; ".join(
            f"{number} {summary([run[number] for run in runs])}" for number, _ in NUMBERS
        )
        print(f"{name} over {args.trainings} trainings: {shown}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(found, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
