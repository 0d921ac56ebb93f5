"""Gate: topic search quality on the independent sets, through the real REST channel.

The targets are precision@3 and hit@1 0.90, honest "no course on X" 0.95 and no silent
off-topic first course; they are NOT met yet (README, "Topic search quality"). These
thresholds are regression gates a little under what was measured (retrieval.yml:
0.750 / 0.882 / 0.935, 3 silent; the fresh batch: 0.712 / 0.836 / 0.889, 8 silent; the
third batch, written after the first session-5 changes: 0.523 / 0.672 / 0.824, 17 silent;
the fourth, written after the context ranking: 0.589 / 0.683 / 0.824, 12 silent; the fifth,
written after the whole-request search and never tuned on: 0.556 / 0.683 / 0.969, 25
silent; the sixth, written in session 6 to confirm changes: 0.533 / 0.644 / 0.900, 22 silent).
``make eval-search`` prints the numbers and writes the transcripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.search_eval.harness import EVAL_SET, evaluate, write_transcripts
from tests.servers import ROOT, Chat, Server

pytestmark = pytest.mark.slow

GATES = {
    # set: (min precision@3, min hit@1, min honest-miss rate, max silent off-topic); a few
    # points under what session 22 measured with meaning leading described requests
    # (README), as trainings and runs differ a little. The comments give each batch's history.
    "retrieval.yml": (0.85, 0.94, 0.93, 5),
    "retrieval_fresh.yml": (0.79, 0.90, 0.89, 8),
    "retrieval_fresh2.yml": (0.75, 0.88, 0.79, 9),
    "retrieval_fresh3.yml": (0.80, 0.92, 0.82, 5),
    "retrieval_fresh4.yml": (0.76, 0.91, 0.96, 9),
    "retrieval_fresh5.yml": (0.75, 0.90, 0.93, 7),
    "retrieval_fresh6.yml": (0.67, 0.80, 0.85, 23),
    "retrieval_fresh7.yml": (0.65, 0.83, 0.93, 10),
    # session 10's blind batch (176 + 40): 0.500 / 0.608 / 0.850 / 48 on first run, 0.534 /
    # 0.665 / 0.900 / 37 after the session's changes
    "retrieval_fresh8.yml": (0.67, 0.82, 0.86, 20),
    # session 11's blind batch (180 + 40): 0.702 / 0.867 / 0.900 / 15, the same with session
    # 10's code (a change it did not confirm was taken back)
    "retrieval_fresh9.yml": (0.79, 0.90, 0.86, 12),
    # session 14's blind batch (125 + 25): 0.555 / 0.672 / 0.760 / 26 with session 13's code
    "retrieval_fresh10.yml": (0.69, 0.83, 0.80, 16),
    # session 15's blind batch (110 + 25): 0.624 / 0.709 / 0.880 / 18 with session 14's code
    "retrieval_fresh11.yml": (0.70, 0.83, 0.92, 12),
}


@pytest.mark.parametrize("name", sorted(GATES))
def test_topic_requests_get_courses_on_the_topic(stack: dict[str, Server], name: str) -> None:
    min_precision, min_hit, min_honest, max_silent = GATES[name]

    def say(sender: str, message: str) -> list[dict[str, Any]]:
        return Chat(stack["rasa"].url, sender).say(message)

    scores, outcomes = evaluate(say, EVAL_SET.with_name(name))
    write_transcripts(outcomes, ROOT / "test-artifacts" / f"search-eval-{Path(name).stem}.jsonl")
    summary = scores.as_dict()
    assert scores.topic_requests >= 80 and scores.absent_topics >= 20, summary
    assert scores.precision_at_3 >= min_precision, summary
    assert scores.hit_at_1 >= min_hit, summary
    assert scores.honest_miss_rate >= min_honest, summary
    assert scores.silent_off_topic <= max_silent, summary
