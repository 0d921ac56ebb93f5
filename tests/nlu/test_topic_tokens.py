"""The words of a message as the topic reader sees them."""

from __future__ import annotations

from nlu.topic_tokens import breaks, tokens


def test_words_are_lower_case_without_a_possessive_and_a_cue_typo_is_fixed() -> None:
    assert [t.norm for t in tokens("Alzheimer's care, I want to understnad it")] == [
        "alzheimer",
        "care",
        "i",
        "want",
        "to",
        "understand",
        "it",
    ]


def test_punctuation_or_a_spaced_dash_ends_a_topic() -> None:
    text = "python, excel - and sql"
    python, excel, and_, sql = tokens(text)
    assert breaks(text, python, excel) and breaks(text, excel, and_)
    assert not breaks(text, and_, sql)
