"""Topics the learner would take instead: searched when the topic has no course."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.recommend import send_recommendations
from actions.topic_alternatives import also_named_line, alternatives_named
from tests.actions.conftest import extracted, make_tracker


def _tracker(text: str, topic: str, *, listed: bool = False):  # type: ignore[no-untyped-def]
    entities = extracted(text)
    events = [{"event": "user", "text": text, "parse_data": {"entities": entities}}]
    if listed:
        events.append({"event": "slot", "name": "last_results", "value": ["x"]})
    events.append({"event": "user", "text": "skip", "parse_data": {"entities": []}})
    return make_tracker("skip", slots={"topic": topic}, events=events, entities=[])


def test_the_alternatives_are_those_said_with_the_topic() -> None:
    text = "I'd like something on metallurgy or materials, or maintenance"
    assert alternatives_named(_tracker(text, "metallurgy"), "metallurgy") == [
        "materials",
        "maintenance",
    ]
    assert alternatives_named(_tracker(text, "welding"), "welding") == []  # another topic
    # once a list was shown, they are not named again
    listed = _tracker(text, "metallurgy", listed=True)
    assert alternatives_named(listed, "metallurgy", unlisted=True) == []
    assert alternatives_named(listed, "metallurgy") == ["materials", "maintenance"]


def test_the_line_naming_alternatives() -> None:
    assert also_named_line([]) is None
    line = also_named_line(["Norwegian"])
    assert line is not None and '"courses on Norwegian"' in line


def _said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


async def test_a_topic_without_courses_gives_way_to_an_alternative(store) -> None:
    """ "metallurgy or materials, or maintenance" had been "I have no course on metallurgy"
    and nothing else (the catalogue has courses on materials and on maintenance)."""
    text = "I'm a maintenance fitter, I'd like something on metallurgy or materials, or maintenance"
    dispatcher = CollectingDispatcher()
    events = await send_recommendations(dispatcher, _tracker(text, "metallurgy"))
    said = _said(dispatcher)
    assert said.startswith("I have no course on metallurgy in the catalogue; you named materials")
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["topic"] == "materials" and slots["absent_topic"] == "metallurgy"
    listed = [line for line in said.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert listed and "Materials" in listed[0]


async def test_a_topic_with_courses_names_the_alternatives_once(store) -> None:
    text = "I'd love to learn a little Frisian or Norwegian, whichever you have"
    dispatcher = CollectingDispatcher()
    await send_recommendations(dispatcher, _tracker(text, "Frisian"))
    said = _said(dispatcher)
    assert "Frisian" in said.splitlines()[1] or "Frisian" in said.splitlines()[0]
    assert 'say "courses on Norwegian"' in said
    again = CollectingDispatcher()
    await send_recommendations(again, _tracker(text, "Frisian", listed=True))
    # (a Norwegian course may be listed as close in meaning; the alternative is not named)
    assert 'courses on Norwegian"' not in _said(again)


async def test_no_course_on_any_alternative_is_said_of_all(store) -> None:
    text = "anything on pottery or ceramics??"
    dispatcher = CollectingDispatcher()
    events = await send_recommendations(dispatcher, _tracker(text, "pottery"))
    assert _said(dispatcher).startswith("I have no course on pottery or ceramics")
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots["absent_topic"] == "pottery or ceramics"
