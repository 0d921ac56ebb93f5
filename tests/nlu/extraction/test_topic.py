"""The topic entity: how surely a topic is asked for."""

from __future__ import annotations

import pytest

from actions.answers import SAID_OUTRIGHT
from nlu.extraction import extract


def _topic(text: str) -> tuple[str, float] | None:
    found = [e for e in extract(text) if e.entity == "topic"]
    return (str(found[0].value), found[0].confidence) if found else None


@pytest.mark.parametrize(
    ("text", "topic", "outright"),
    [
        # an aspect of something said before: only inferred, it replaces no earlier topic
        ("wanna actually understand the econ behind it not just vibes", "econ", False),
        ("I enjoy baking and want to learn the science behind it", "science", False),
        ("I want to understand the maths of it", "maths", False),
        # asked for in so many words
        ("I want to learn python", "python", True),
        ("I want to learn the science of baking", "science of baking", True),
    ],
)
def test_a_topic_relating_to_something_said_before_is_only_inferred(
    text: str, topic: str, outright: bool
) -> None:
    found = _topic(text)
    assert found is not None and found[0] == topic
    assert (found[1] >= SAID_OUTRIGHT) is outright


@pytest.mark.parametrize(
    ("text", "topic", "outright"),
    [
        # who the learner is, said first with no cue: only inferred (it replaces no topic
        # asked for before: "want to learn chinese", then this at "Anything else?")
        (
            "site clerk, chinese road contractor machakos. bosses speak mandarin only",
            "site clerk",
            False,
        ),
        ("HGV driver, anything for my driver CPC? under £100", "HGV driver", False),
        # a topic said on its own
        ("kubernetes", "kubernetes", True),
        ("python for data analysis, about 5 hours a week", "python for data analysis", True),
    ],
)
def test_a_role_said_on_its_own_is_only_inferred(text: str, topic: str, outright: bool) -> None:
    found = [e for e in extract(text, bare_topic=True) if e.entity == "topic"]
    assert found and found[0].value == topic
    assert (found[0].confidence >= SAID_OUTRIGHT) is outright


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # "logistics coordinator, ..." had been searched: the field named after it is wanted
        (
            "hola. logistics coordinator, argentine antarctic program. need supply chain cert",
            "supply chain",
        ),
        ("Prison officer, 6 years. Want out. Considering counselling", "counselling"),
    ],
)
def test_a_role_said_first_gives_way_to_a_field_named_after_it(text: str, topic: str) -> None:
    found = [e for e in extract(text, bare_topic=True) if e.entity == "topic"]
    assert found and found[0].value == topic


@pytest.mark.parametrize(
    ("text", "topic", "alternatives"),
    [
        # each topic joined by "or" after the topic, a comma and a hedge allowed
        (
            "I'd like something on metallurgy or materials, or maintenance",
            "metallurgy",
            ["materials", "maintenance"],
        ),
        ("learn korean or maybe mandarin, whichever you have", "korean", ["mandarin"]),
        ("anything on pottery or ceramics??", "pottery", ["ceramics"]),
        (
            "I'd love to learn a little Dutch or Frisian or Norwegian",
            "Dutch",
            ["Frisian", "Norwegian"],
        ),
        # "or" followed by no topic: nothing else
        ("a course on python or something", "python", []),
        ("a course on first aid or similar", "first aid", []),
        ("a course on python or 5 hours a week", "python", []),
        ("a course on nutrition, online please", "nutrition", []),
        # how it is wanted, and what follows, is no part of the alternative
        ("I want to understand ADHD or autism properly from a parent side", "ADHD", ["autism"]),
    ],
)
def test_topics_joined_by_or_are_alternatives(
    text: str, topic: str, alternatives: list[str]
) -> None:
    found = extract(text)
    assert [e.value for e in found if e.entity == "topic"] == [topic]
    assert [e.value for e in found if e.entity == "topic_alternative"] == alternatives


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("I want to take welding course online, SMAW", "welding"),
        ("looking to attend pottery classes", "pottery"),
        ("i want to do a welding course", "welding"),
        ("I search a proper course for beekeeping, varroa, bee diseases", "beekeeping"),
        ("search TEFL courses under £250 please", "TEFL"),
        ("SEO or search marketing course", "search marketing"),
    ],
)
def test_taking_a_course_is_no_part_of_its_topic(text: str, topic: str) -> None:
    assert _topic(text) is not None and _topic(text)[0] == topic  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("I dream to take lessons in opera singing, breathing and voice", "opera singing"),
        ("Is there a course to relearn knitting, perhaps some crochet too?", "knitting"),
        ("also does ur catalogue have pottery or ceramics??", "pottery"),
        ("Is there something only about Scratch? Children like it very much.", "Scratch"),
        # a place or a medium, not a topic; getting a certificate is none either
        ("Is there lessons on the computer for an old beginner?", None),
        ("Will I receive certificate? My director want to see proof.", None),
        # the field after "knowledge in"; the language preferred for study is no topic
        (
            "I must show updated knowledge in structural design. I have B2 German but for "
            "technical study English is better.",
            "structural design",
        ),
    ],
)
def test_more_ways_of_naming_a_topic(text: str, topic: str | None) -> None:
    found = _topic(text)
    assert (found[0] if found else None) == topic
