"""NLU quality on the held-out test set: our pipeline against Rasa's default pipeline.

Both are scored by ``python -m nlu.evaluate`` on ``tests/nlu/heldout.yml`` (never trained on).
"Default" is the pipeline Rasa uses when ``config.yml`` names none, exactly what ``rasa init``
writes, trained with ``rasa train nlu`` on the SAME data (``data/nlu`` and our ``domain.yml``).
Our ``ProfileEntityExtractor`` is deliberately left out of it, so the row shows what the
default pipeline's own entity recognition (DIET) does with our data, which has no entity
annotations: it can only learn to fill nothing, so its slot exact-match is the share of test
messages that state no slot at all. That is the honest baseline, not a tuned competitor.

The trained default model can be kept in a cache folder, keyed by a fingerprint of the data,
domain, config and Rasa version, so that ``bench.run_all --quick`` can reuse it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.latency import ROOT, server_env
from bench.resources import training_command

HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
NLU_DATA = ROOT / "data" / "nlu"
DOMAIN = ROOT / "domain.yml"
# What `rasa init` writes (without its comments): no pipeline and no policies, so Rasa uses its
# defaults (WhitespaceTokenizer, RegexFeaturizer, LexicalSyntacticFeaturizer, two
# CountVectorsFeaturizers, DIETClassifier 100 epochs with entities, EntitySynonymMapper,
# ResponseSelector, FallbackClassifier).
DEFAULT_CONFIG = """\
recipe: default.v1
assistant_id: bench-default-pipeline
language: en
pipeline:
policies:
"""


@dataclass(frozen=True)
class NluScore:
    label: str
    model: str
    examples: int
    intent_accuracy: float
    intent_macro_f1: float
    slot_exact_match: float
    stated_slots_right: float  # share of (example, stated slot) pairs predicted right
    full_match: float
    eval_s: float


def score_from_report(label: str, report: dict[str, Any]) -> NluScore:
    """Pick the headline numbers out of ``nlu.evaluate``'s JSON."""
    stated = sum(int(s["stated"]) for s in report["slots"])
    right = sum(int(s["correct_stated"]) for s in report["slots"])
    return NluScore(
        label=label,
        model=str(report.get("model", "")),
        examples=int(report["examples"]),
        intent_accuracy=round(float(report["intent_accuracy"]), 4),
        intent_macro_f1=round(float(report["intent_macro_f1"]), 4),
        slot_exact_match=round(float(report["slot_exact_match"]), 4),
        stated_slots_right=round(right / stated, 4) if stated else 0.0,
        full_match=round(float(report["full_match"]), 4),
        eval_s=round(float(report.get("seconds", 0.0)), 1),
    )


def evaluate(model: Path, label: str, folder: Path, data: Path = HELDOUT) -> NluScore:
    """Run ``python -m nlu.evaluate`` on ``model``; RuntimeError with its output on failure."""
    out = folder / f"nlu-{label}.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "nlu.evaluate",
            "--model",
            str(model),
            "--data",
            str(data),
            "--json",
            str(out),
            "--config-label",
            label,
            "--errors",
            "0",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=server_env(),
        check=False,
    )
    (folder / f"nlu-{label}.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode not in (0, 1) or not out.exists():
        raise RuntimeError(
            f"nlu.evaluate failed for {label} (exit {done.returncode}):\n{done.stderr[-2000:]}"
        )
    return score_from_report(label, json.loads(out.read_text(encoding="utf-8")))


def no_slot_share(data: Path = HELDOUT) -> float:
    """Share of test messages that state no slot: what a model that never fills one scores on
    slot exact-match."""
    from nlu.evaluate import load_examples

    examples = load_examples(data)
    return round(sum(not e.slots for e in examples) / len(examples), 4) if examples else 0.0


def fingerprint() -> str:
    """Identifies a default-pipeline model: training data, domain, config, Rasa version."""
    digest = hashlib.sha256()
    digest.update(metadata.version("rasa").encode())
    digest.update(DEFAULT_CONFIG.encode())
    for path in [DOMAIN, *sorted(NLU_DATA.rglob("*.yml"))]:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached_default_model(cache_root: Path) -> Path | None:
    path = cache_root / f"default-nlu-{fingerprint()}.tar.gz"
    return path if path.exists() else None


def save_default_model(model: Path, cache_root: Path) -> None:
    cache_root.mkdir(parents=True, exist_ok=True)
    for old in cache_root.glob("default-nlu-*.tar.gz"):
        old.unlink()
    shutil.copy2(model, cache_root / f"default-nlu-{fingerprint()}.tar.gz")


def train_default(folder: Path, timeout_s: float = 3600, run: int = 0) -> tuple[Path, float]:
    """Train Rasa's default NLU pipeline on our data; the model and the seconds it took.
    ``run`` numbers repeated trainings (the default pipeline has no seed: each run differs)."""
    name = "default-nlu" if run == 0 else f"default-nlu-{run}"
    return train_nlu(folder, name, DEFAULT_CONFIG, timeout_s)


def our_config_with_seed(seed: int, config: Path = ROOT / "config.yml") -> str:
    """Our ``config.yml`` with ``random_seed: seed`` on every component that takes one
    (unchanged when none does: the shipped pipeline is deterministic)."""
    import yaml

    from nlu.spread import seeded_config

    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    return str(yaml.safe_dump(seeded_config(data, seed), sort_keys=False))


def train_ours(folder: Path, seed: int, timeout_s: float = 3600) -> tuple[Path, float]:
    """Train our NLU pipeline seeded by ``seed``; the model and the seconds."""
    return train_nlu(folder, f"ours-nlu-seed{seed}", our_config_with_seed(seed), timeout_s)


def spread(scores: list[NluScore]) -> dict[str, Any]:
    """Mean, lowest and highest of each score over several trainings."""
    out: dict[str, Any] = {"runs": len(scores)}
    for key in ("intent_accuracy", "intent_macro_f1", "slot_exact_match"):
        values = [float(getattr(score, key)) for score in scores]
        out[key] = round(sum(values) / len(values), 4) if values else None
        out[f"{key}_min"] = min(values) if values else None
        out[f"{key}_max"] = max(values) if values else None
    return out


def train_nlu(
    folder: Path, name: str, config_text: str, timeout_s: float = 3600
) -> tuple[Path, float]:
    """``rasa train nlu`` on our data with ``config_text`` and an empty cache; the model
    (``<folder>/models-<name>/<name>.tar.gz``) and the seconds it took."""
    config = folder / f"{name}-config.yml"
    config.write_text(config_text, encoding="utf-8")
    out = folder / f"models-{name}"
    log = folder / f"train-{name}.log"
    started = time.perf_counter()
    with log.open("wb") as handle:
        done = subprocess.run(
            training_command("nlu", out, str(config), name=name),
            cwd=ROOT,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=server_env(RASA_CACHE_DIRECTORY=str(folder / f"cache-{name}")),
            timeout=timeout_s,
            check=False,
        )
    seconds = round(time.perf_counter() - started, 1)
    model = out / f"{name}.tar.gz"
    if done.returncode != 0 or not model.exists():
        tail = log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"training {name} failed (exit {done.returncode}):\n{tail}")
    return model, seconds
