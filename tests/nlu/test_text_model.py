"""The shared text classifier: n-gram features into a balanced logistic regression."""

from __future__ import annotations

from nlu.text_model import build_model


def test_character_ngrams_carry_a_typo() -> None:
    model = build_model(10.0).fit(
        ["upskill at work", "get better at my job", "change career", "a new career"],
        ["upskill", "upskill", "career_change", "career_change"],
    )
    assert model.predict(["upskil for my job"])[0] == "upskill"
    assert model.predict(["carreer change"])[0] == "career_change"
