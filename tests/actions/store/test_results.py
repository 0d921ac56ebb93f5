"""What a search gives back: whether the list is on the topic, and whether there is more."""

from __future__ import annotations

from actions.store.results import SearchResult
from actions.store.topic_match import BROAD, FULL, NONE, PARTIAL, TopicMatch


def _result(topic: TopicMatch | None = None, **kw: int) -> SearchResult:
    counts = {"total_matching": 5, "total_candidates": 5, "offset": 0, **kw}
    return SearchResult([], [], [], True, topic=topic, **counts)


def test_on_topic_only_when_the_courses_are_about_the_whole_topic() -> None:
    def topic(status: str) -> TopicMatch:
        return TopicMatch(topic="x", status=status, groups=[("x",)])

    assert _result().on_topic
    assert _result(topic(FULL)).on_topic and _result(topic(BROAD)).on_topic
    assert not _result(topic(PARTIAL)).on_topic and not _result(topic(NONE)).on_topic


def test_has_more_counts_the_page_shown() -> None:
    assert _result(total_candidates=5, offset=0).has_more  # none of the 5 shown yet
    assert not _result(total_candidates=0).has_more
    assert not _result(total_candidates=3, offset=3).has_more
