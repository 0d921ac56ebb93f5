"""Gate: topic search quality on the independent sets, through the real REST channel.

The gates and the sets ``make test`` holds are in :mod:`tests.search_eval.gates` (shared with
``make eval-search``, which holds every set). ``make eval-search`` prints the numbers and
writes the transcripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.search_eval.gates import IN_MAKE_TEST, below_gate
from tests.search_eval.harness import EVAL_SET, evaluate, write_transcripts
from tests.servers import ROOT, Chat, Server

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", sorted(IN_MAKE_TEST))
def test_topic_requests_get_courses_on_the_topic(stack: dict[str, Server], name: str) -> None:
    def say(sender: str, message: str) -> list[dict[str, Any]]:
        return Chat(stack["rasa"].url, sender).say(message)

    scores, outcomes = evaluate(say, EVAL_SET.with_name(name))
    write_transcripts(outcomes, ROOT / "test-artifacts" / f"search-eval-{Path(name).stem}.jsonl")
    summary = scores.as_dict()
    assert scores.topic_requests >= 80 and scores.absent_topics >= 20, summary
    below = below_gate(name, summary)
    assert not below, (below, summary)
