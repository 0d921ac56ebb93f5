"""Gate: topic search quality on the independent set, through the real REST channel.

Thresholds sit a little under the targets (precision@3 and hit@1 0.90, honest "no
course on X" 0.95, no silent off-topic first course); ``make eval-search`` prints the
measured numbers and writes the transcripts.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.search_eval.harness import evaluate, write_transcripts
from tests.servers import ROOT, Chat, Server

pytestmark = pytest.mark.slow

MIN_PRECISION_AT_3 = 0.85
MIN_HIT_AT_1 = 0.85
MIN_HONEST_MISS = 0.93
MAX_SILENT_OFF_TOPIC = 3


def test_topic_requests_get_courses_on_the_topic(stack: dict[str, Server]) -> None:
    def say(sender: str, message: str) -> list[dict[str, Any]]:
        return Chat(stack["rasa"].url, sender).say(message)

    scores, outcomes = evaluate(say)
    write_transcripts(outcomes, ROOT / "test-artifacts" / "search-eval.jsonl")
    summary = scores.as_dict()
    assert scores.topic_requests >= 80 and scores.absent_topics >= 20, summary
    assert scores.precision_at_3 >= MIN_PRECISION_AT_3, summary
    assert scores.hit_at_1 >= MIN_HIT_AT_1, summary
    assert scores.honest_miss_rate >= MIN_HONEST_MISS, summary
    assert scores.silent_off_topic <= MAX_SILENT_OFF_TOPIC, summary
