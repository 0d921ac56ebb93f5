"""An unsure question about the list shown is answered as the list question it likeliest is."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions.course_list import ActionCompareCourses
from actions.fallback import ActionAskRephrase
from actions.form_reading import LIST_QUESTIONS
from actions.list_question import ANSWERED_BY, likely_list_question
from actions.results import ActionWhichToPick
from tests.actions.conftest import make_tracker, texts

MICROGRIDS = "fl-renewable-energy-sustainable-electricity-supply-wi-university-of-leeds"
DUTCH = "fl-introduction-to-dutch-university-of-gronin"


def _ranking(*pairs: tuple[str, float]) -> list[dict[str, Any]]:
    return [{"name": "nlu_fallback", "confidence": 0.3}] + [
        {"name": name, "confidence": confidence} for name, confidence in pairs
    ]


def _unsure(text: str, ranking: list[dict[str, Any]], shown: list[str] | None) -> Any:
    slots = {"last_results": shown} if shown else {}
    return make_tracker(text, intent="nlu_fallback", intent_ranking=ranking, slots=slots)


def test_the_likeliest_list_question_when_they_add_up() -> None:
    which_two = _ranking(("compare_courses", 0.27), ("find_course", 0.21), ("which_to_pick", 0.15))
    text = "5 courses x 10 hours is a lot. If I only do 2, which two"
    assert likely_list_question(_unsure(text, which_two, ["a", "b"])) is ActionCompareCourses
    only_one = _ranking(("which_to_pick", 0.32), ("save_shortlist", 0.32))
    text = "Ok. Send me the title of the one you would take. Only one."
    assert likely_list_question(_unsure(text, only_one, ["a", "b"])) is ActionWhichToPick


def test_no_list_question_without_a_list_or_too_unsure_or_likeliest_something_else() -> None:
    which_two = _ranking(("compare_courses", 0.27), ("which_to_pick", 0.15))
    assert likely_list_question(_unsure("which two", which_two, None)) is None
    unsure = _ranking(("save_shortlist", 0.23), ("ask_price_currency", 0.19))
    assert likely_list_question(_unsure("the selling one's name", unsure, ["a"])) is None
    other = _ranking(("find_course", 0.3), ("compare_courses", 0.2), ("which_to_pick", 0.2))
    assert likely_list_question(_unsure("and python?", other, ["a"])) is None


async def test_an_unsure_which_one_after_a_list_is_answered(store, domain) -> None:
    tracker = _unsure(
        "Ok. Send me the title of the one you would take. Only one.",
        _ranking(("which_to_pick", 0.32), ("save_shortlist", 0.32)),
        [MICROGRIDS, DUTCH],
    )
    dispatcher = CollectingDispatcher()
    await ActionAskRephrase().run(dispatcher, tracker, domain)
    said = texts(dispatcher)
    assert "not sure I understood" not in said
    assert said.strip()


def test_every_list_question_has_its_action() -> None:
    assert set(ANSWERED_BY) == LIST_QUESTIONS
