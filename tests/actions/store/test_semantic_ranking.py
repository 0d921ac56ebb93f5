"""How the search uses closeness: when the topic is the subject's own name, the request text."""

from __future__ import annotations

import pytest

from actions.store.results import LearnerProfile
from actions.store.semantic_ranking import meaning_query, names_subject


@pytest.mark.parametrize(
    ("topic", "subject", "named"),
    [
        ("cyber security", "cybersecurity", True),
        ("data science", "data-science-ai", True),
        ("arts", "arts-humanities", True),
        ("graphic design", "design", False),  # "graphic" is more than the subject
        ("selling", "marketing", False),
        (None, "marketing", False),
        ("marketing", None, False),
    ],
)
def test_a_topic_names_its_subject_only_in_the_subjects_own_words(
    topic: str | None, subject: str | None, named: bool
) -> None:
    assert names_subject(topic, subject) is named


def test_a_short_request_is_read_with_its_subject_a_long_one_without() -> None:
    short = LearnerProfile(topic="python", subject="data-science-ai")
    assert meaning_query(short, None) == "python (Data science and AI)"
    story = "I have run a bakery for ten years and now I want to learn python for my stock"
    long = LearnerProfile(topic="python", subject="data-science-ai", context=story)
    text = meaning_query(long, None)
    assert text is not None and "Data science" not in text and "python" in text
