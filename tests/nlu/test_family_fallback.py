"""A tie between interchangeable intents is no fallback; anything else is Rasa's rule."""

from __future__ import annotations

from typing import Any

from rasa.shared.nlu.training_data.message import Message

from nlu.family_fallback import FamilyFallbackClassifier, family_is_unsure

WISHES = frozenset({"find_course", "state_goal", "inform"})


def _ranking(*pairs: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def _classified(*pairs: tuple[str, float]) -> Message:
    ranking = _ranking(*pairs)
    return Message(data={"text": "...", "intent": ranking[0], "intent_ranking": ranking})


def _classifier() -> FamilyFallbackClassifier:
    config = {
        **FamilyFallbackClassifier.get_default_config(),
        "threshold": 0.3,
        "ambiguity_threshold": 0.05,
        "interchangeable": sorted(WISHES),
        "family_threshold": 0.5,
    }
    return FamilyFallbackClassifier(config)


def test_a_tie_inside_the_family_keeps_the_top_intent() -> None:
    # "... my back is finish. i want change to something with computers ... what you have?"
    message = _classified(("state_goal", 0.39), ("inform", 0.37), ("find_course", 0.15))
    (out,) = _classifier().process([message])
    assert out.data["intent"]["name"] == "state_goal"


def test_the_family_sums_its_confidence_against_its_threshold() -> None:
    ranking = _ranking(("state_goal", 0.29), ("find_course", 0.26), ("compare_courses", 0.14))
    assert family_is_unsure(ranking, WISHES, 0.5, 0.05) is False
    low = _ranking(("state_goal", 0.12), ("find_course", 0.1), ("greet", 0.09))
    assert family_is_unsure(low, WISHES, 0.5, 0.05) is True
    # "Can I start before Christmas and finish before February?" after a list
    thin = _ranking(("inform", 0.25), ("start_again", 0.11), ("state_goal", 0.11))
    assert family_is_unsure([*thin, *_ranking(("find_course", 0.11))], WISHES, 0.5, 0.05)
    message = _classified(("inform", 0.25), ("start_again", 0.11), ("state_goal", 0.11))
    (out,) = _classifier().process([message])
    assert out.data["intent"]["name"] == "nlu_fallback"


def test_an_intent_outside_the_family_close_to_the_top_still_falls_back() -> None:
    # "the missus reckons i should try somethin for fun ...": a search or a change of the list
    message = _classified(("find_course", 0.38), ("refine_search", 0.36), ("inform", 0.2))
    (out,) = _classifier().process([message])
    assert out.data["intent"]["name"] == "nlu_fallback"


def test_a_top_intent_outside_the_family_is_judged_as_rasa_does() -> None:
    assert family_is_unsure(_ranking(("greet", 0.5)), WISHES, 0.3, 0.05) is None
    tie = _classified(("out_of_scope", 0.32), ("find_course", 0.31))
    (out,) = _classifier().process([tie])
    assert out.data["intent"]["name"] == "nlu_fallback"
    sure = _classified(("greet", 0.9), ("goodbye", 0.05))
    (out,) = _classifier().process([sure])
    assert out.data["intent"]["name"] == "greet"
