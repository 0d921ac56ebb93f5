"""Tests for actions.knowledge.microcredentials: answers, sources and topic detection."""

from __future__ import annotations

import pytest

from actions.knowledge import credit
from actions.knowledge import microcredentials as micro
from actions.knowledge.microcredentials import SOURCES, TOPICS, answer, detect_topic


def test_topics() -> None:
    assert set(TOPICS) == {
        "what",
        "benefits",
        "employer_recognition",
        "length",
        "vs_degree",
        "online",
        "cost",
        "where_to_find",
        "stacking",
        "funding",
    }


@pytest.mark.parametrize("topic", TOPICS)
def test_every_answer_is_chat_sized(topic: str) -> None:
    text = answer(topic)
    assert text.strip()
    assert len(text) <= 900
    assert "  " not in text


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_names_its_sources(topic: str) -> None:
    assert SOURCES[topic]
    assert all(source.startswith(("article", "credit_facts")) for source in SOURCES[topic])


def test_sources_cover_exactly_the_topics() -> None:
    assert set(SOURCES) == set(TOPICS)


@pytest.mark.parametrize(
    ("topic", "fragments"),
    [
        ("what", ["10–20 UK credits", "100–200 hours"]),
        ("length", ["12 weeks", "10–15 weeks", "100–150 hours", "150 hours", "6 to 12 months"]),
        ("vs_degree", ["360", "180", "10–20"]),
        ("cost", ["£450–£1,200", "£100", "£250", "$500–$1,500", "£495", "14 days"]),
        ("funding", ["September 2026", "January 2027", "£38,140", "GOV.UK"]),
        ("stacking", ["4 courses of 15 credits", "60 credits of a PG Certificate"]),
        ("employer_recognition", ["finance", "LinkedIn"]),
        ("online", ["internet", "check your identity", "Common Microcredential Framework"]),
        ("where_to_find", ["FutureLearn", "catalogue"]),
        ("benefits", ["CPD", "career"]),
    ],
)
def test_answers_contain_sourced_facts(topic: str, fragments: list[str]) -> None:
    text = answer(topic)
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} missing from {topic!r}"


def test_cost_answer_says_prices_vary_and_to_check() -> None:
    text = answer("cost")
    assert "vary" in text
    assert "check the course page" in text


def test_funding_answer_warns_that_plans_change() -> None:
    assert "changed" in answer("funding")


def test_stacking_answer_carries_the_recognition_caveat() -> None:
    assert answer("stacking").endswith(credit.RECOGNITION_CAVEAT)


def test_answers_follow_the_constants() -> None:
    assert f"{micro.TYPICAL_MAX_WEEKS} weeks" in answer("length")
    assert str(credit.AWARDS["bachelors"].credits) in answer("vs_degree")


def test_unknown_topic() -> None:
    with pytest.raises(ValueError, match="Unknown microcredential topic"):
        answer("astrology")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("What is a microcredential?", "what"),
        ("what are micro-credentials", "what"),
        ("tell me more", "what"),
        ("What are the benefits?", "benefits"),
        ("why should I take one", "benefits"),
        ("is it worth it", "benefits"),
        ("Are microcredentials recognised by employers?", "employer_recognition"),
        ("will it look good on my CV", "employer_recognition"),
        ("do employers value them", "employer_recognition"),
        ("How long do they take?", "length"),
        ("how many hours a week", "length"),
        ("how much time will it take", "length"),
        ("is it 12 weeks", "length"),
        ("how do they compare to a degree", "vs_degree"),
        ("can it replace a degree", "vs_degree"),
        ("microcredential vs degree", "vs_degree"),
        ("can I do it online", "online"),
        ("do I have to study in person", "online"),
        ("How much does a microcredential cost?", "cost"),
        ("are they expensive", "cost"),
        ("what are the fees", "cost"),
        ("can I get a refund", "cost"),
        ("Where can I find them?", "where_to_find"),
        ("which universities offer microcredentials", "where_to_find"),
        ("is FutureLearn a provider", "where_to_find"),
        ("can I stack them", "stacking"),
        ("do they count towards a masters", "stacking"),
        ("can I get a loan", "funding"),
        ("what is the lifelong learning entitlement", "funding"),
        ("is there any funding", "funding"),
        ("will student finance pay for it", "funding"),
    ],
)
def test_detect_topic(text: str, topic: str) -> None:
    assert detect_topic(text) == topic


# --- issue 13: no overclaims, the caveat wherever credit may count ---------------


@pytest.mark.parametrize("topic", ["what", "vs_degree", "stacking"])
def test_answers_that_say_credit_may_count_carry_the_caveat(topic: str) -> None:
    assert answer(topic).endswith(credit.RECOGNITION_CAVEAT)


def test_what_does_not_claim_university_microcredentials_normally_carry_credit() -> None:
    text = answer("what")
    assert "normally carry academic credit" not in text
    assert "Lincoln has some worth 0 credits" in text
    assert "ExpertTracks carry none" in text


def test_identity_checks_are_not_claimed_for_every_credit_bearing_course() -> None:
    text = answer("online")
    assert "Credit-bearing courses have to confirm who you are" not in text
    assert "other providers set their own rules" in text


def test_funding_answer_says_it_is_england_only_and_lle_levels() -> None:
    text = answer("funding")
    assert text.startswith("This is about England only")
    assert "Advanced Learner Loans for courses at levels 4–6" in text


def test_vs_degree_gives_the_scottish_honours_size() -> None:
    assert "360 (480 in Scotland)" in answer("vs_degree")


def test_stacking_explanation_names_lincoln_for_lincoln() -> None:
    text = credit.explain("stacking")
    assert "Lincoln lets them stack" not in text
    assert "the University of Lincoln's own microcredentials (0, 5 or 10 credits)" in text
