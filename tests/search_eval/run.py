"""``make eval-search``: retrieval quality through the real REST channel.

Starts a course store, the action server and the Rasa server (the same harness as the
end-to-end tests), holds every conversation of ``retrieval.yml``, prints precision@3,
hit@1, silent off-topic answers and the honest-miss rate, and writes the transcripts to
``test-artifacts/search-eval.jsonl``. With ``--min-*`` it exits 1 below a threshold, with
``--gate`` below the set's gate in :mod:`tests.search_eval.gates` (if it has one).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from tests.search_eval.gates import below_gate
from tests.search_eval.harness import EVAL_SET, evaluate, write_transcripts
from tests.servers import ROOT, rest_conversations


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.search_eval.run")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "course-advisor.tar.gz")
    parser.add_argument("--set", type=Path, default=EVAL_SET, help="the evaluation set (YAML)")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument(
        "--transcripts", type=Path, default=ROOT / "test-artifacts" / "search-eval.jsonl"
    )
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-hit", type=float, default=0.0)
    parser.add_argument("--min-honest", type=float, default=0.0)
    parser.add_argument(
        "--gate", action="store_true", help="exit 1 below the gate in tests/search_eval/gates.py"
    )
    args = parser.parse_args(argv)
    with rest_conversations(args.model, prefix="search-eval-") as say:
        scores, outcomes = evaluate(say, args.set)
    write_transcripts(outcomes, args.transcripts)
    print(f"Topic requests: {scores.topic_requests}; absent topics: {scores.absent_topics}")
    print(f"  precision@3       {scores.precision_at_3:.3f}   (target 0.90)")
    print(f"  hit@1             {scores.hit_at_1:.3f}   (target 0.90)")
    print(f"  silent off-topic  {scores.silent_off_topic}       (target 0)")
    print(f"  honest miss rate  {scores.honest_miss_rate:.3f}   (target 0.95)")
    print(f"  no course list for: {', '.join(scores.no_list) or 'none'}")
    print(f"  first course off topic: {', '.join(scores.misses) or 'none'}")
    print(f"  absent topic not admitted: {', '.join(scores.dishonest) or 'none'}")
    print(f"Transcripts: {args.transcripts}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(scores.as_dict(), indent=2) + "\n", encoding="utf-8")
    below = [
        name
        for name, value, floor in (
            ("precision@3", scores.precision_at_3, args.min_precision),
            ("hit@1", scores.hit_at_1, args.min_hit),
            ("honest miss rate", scores.honest_miss_rate, args.min_honest),
        )
        if value < floor
    ]
    if args.gate:
        below = list(dict.fromkeys(below + below_gate(args.set.name, scores.as_dict())))
    if below:
        print(f"BELOW THE GATE: {', '.join(below)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
