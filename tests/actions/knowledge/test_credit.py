"""Tests for actions.knowledge.credit: conversions, progress, awards, explanations."""

from __future__ import annotations

import math

import pytest

from actions.knowledge import credit
from actions.knowledge.credit import (
    AWARDS,
    RECOGNITION_CAVEAT,
    TOPICS,
    CreditError,
    convert_credits,
    detect_topic,
    explain,
    find_award,
    hours_for_credits,
    personalised_progress,
    progress_towards,
)

# --- conversions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "source", "target", "expected"),
    [
        (15, "CATS", "ECTS", 7.5),
        (120, "CATS", "ECTS", 60),
        (30, "CATS", "ECTS", 15),
        (15, "CATS", "US", 4),
        (120, "CATS", "US", 32),
        (4, "US", "CATS", 15),
        (7.5, "ECTS", "CATS", 15),
        (15, "SCQF", "ECTS", 7.5),
        (15, "SCQF", "CATS", 15),
        (60, "ECTS", "US", 32),
        (0, "ECTS", "CATS", 0),
        (15, "uk", "european", 7.5),
        (15, " cats ", "us credit hours", 4),
    ],
)
def test_convert_credits(amount: float, source: str, target: str, expected: float) -> None:
    assert convert_credits(amount, source, target) == pytest.approx(expected)


def test_schemes_are_the_four_supported() -> None:
    assert set(credit.SCHEMES) == {"CATS", "SCQF", "ECTS", "US"}


@pytest.mark.parametrize(
    ("credits", "scheme", "low", "high"),
    [
        (10, "CATS", 100, 100),
        (15, "CATS", 150, 150),
        (20, "SCQF", 200, 200),
        (5, "ECTS", 125, 150),
        (7.5, "ECTS", 187.5, 225),
        (4, "US", 150, 150),
        (0, "CATS", 0, 0),
    ],
)
def test_hours_for_credits(credits: float, scheme: str, low: float, high: float) -> None:
    estimate = hours_for_credits(credits, scheme)
    assert estimate.low == pytest.approx(low)
    assert estimate.high == pytest.approx(high)
    assert estimate.is_range is (low != high)


@pytest.mark.parametrize(
    ("credits", "scheme", "expected"),
    [
        (10, "CATS", "10 credits is about 100 hours of study."),
        (5, "ECTS", "5 ECTS is about 125–150 hours of study."),
        (180, "CATS", "180 credits is about 1,800 hours of study."),
    ],
)
def test_hours_sentence(credits: float, scheme: str, expected: str) -> None:
    assert hours_for_credits(credits, scheme).sentence() == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: hours_for_credits(-1),
        lambda: hours_for_credits(5000),
        lambda: hours_for_credits(600, "ECTS"),
        lambda: hours_for_credits(math.nan),
        lambda: hours_for_credits(math.inf),
        lambda: hours_for_credits("15"),  # type: ignore[arg-type]
        lambda: hours_for_credits(True),
        lambda: hours_for_credits(10, "klingon"),
        lambda: convert_credits(-7.5, "ECTS", "CATS"),
        lambda: convert_credits(15, "CATS", "martian"),
        lambda: progress_towards([15, -15], "pg_certificate"),
        lambda: progress_towards([15, (10, "parsecs")], "pg_certificate"),
        lambda: progress_towards([15], "spaceship licence"),
        lambda: progress_towards([2000], "masters"),
        lambda: progress_towards("15, 15", "masters"),  # type: ignore[arg-type]
    ],
)
def test_invalid_inputs_raise_value_error(call: object) -> None:
    assert callable(call)
    with pytest.raises(ValueError):
        call()


def test_credit_error_is_a_value_error_with_a_clear_message() -> None:
    with pytest.raises(CreditError, match="negative"):
        hours_for_credits(-5)
    with pytest.raises(CreditError, match="Unknown credit scheme"):
        convert_credits(1, "CATS", "nope")


def test_format_number() -> None:
    assert credit.format_number(15.0) == "15"
    assert credit.format_number(7.5) == "7.5"
    assert credit.format_number(1800) == "1,800"
    assert credit.format_number(11.25) == "11.25"


# --- awards ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "credits"),
    [
        ("certhe", 120),
        ("diphe", 240),
        ("foundation_degree", 240),
        ("bachelors", 360),
        ("integrated_masters", 480),
        ("pg_certificate", 60),
        ("pg_diploma", 120),
        ("masters", 180),
        ("undergraduate_year", 120),
    ],
)
def test_award_sizes(key: str, credits: int) -> None:
    assert AWARDS[key].credits == credits


@pytest.mark.parametrize(
    ("key", "minimum"),
    [("pg_certificate", 40), ("pg_diploma", 90), ("masters", 150)],
)
def test_minimum_credit_at_level_7(key: str, minimum: int) -> None:
    assert AWARDS[key].min_credits_at_level == minimum
    assert AWARDS[key].fheq_level == 7


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("PG Cert", "pg_certificate"),
        ("pgcert", "pg_certificate"),
        ("postgrad certificate", "pg_certificate"),
        ("a Postgraduate Certificate in Education", "pg_certificate"),
        ("PG Dip", "pg_diploma"),
        ("postgraduate diploma", "pg_diploma"),
        ("MSc", "masters"),
        ("an MA", "masters"),
        ("master's", "masters"),
        ("Masters", "masters"),
        ("Master’s in data science", "masters"),
        ("MBA", "masters"),
        ("degree", "bachelors"),
        ("BSc", "bachelors"),
        ("a bachelor's", "bachelors"),
        ("honours degree", "bachelors"),
        ("first year of uni", "undergraduate_year"),
        ("the first year of a degree", "undergraduate_year"),
        ("one year at university", "undergraduate_year"),
        ("CertHE", "certhe"),
        ("Certificate of Higher Education", "certhe"),
        ("DipHE", "diphe"),
        ("foundation degree", "foundation_degree"),
        ("integrated masters", "integrated_masters"),
        ("MEng", "integrated_masters"),
        ("pg_certificate", "pg_certificate"),
        ("integrated_masters", "integrated_masters"),
    ],
)
def test_find_award(text: str, key: str) -> None:
    award = find_award(text)
    assert award is not None
    assert award.key == key


@pytest.mark.parametrize(
    "text", ["", "   ", "PhD", "a doctorate", "I want to master Python", "a certificate", "bed"]
)
def test_find_award_none(text: str) -> None:
    assert find_award(text) is None


# --- progress ----------------------------------------------------------------


def test_progress_three_fifteens_towards_pg_certificate() -> None:
    progress = progress_towards([15, 15, 15], "pg_certificate")
    assert progress.total_uk_credits == 45
    assert progress.award_credits == 60
    assert progress.remaining == 15
    assert progress.counted == 3
    assert progress.unknown == 0
    assert progress.sentence() == (
        "3 x 15 credits = 45 of the 60 credits for a PG Certificate (15 still to go)."
    )


@pytest.mark.parametrize(
    ("courses", "award", "total", "remaining", "fragment"),
    [
        ([15, (10, "ECTS")], "pg_certificate", 35, 25, "15 + 20 credits = 35 of the 60"),
        ([(7.5, "ECTS"), (7.5, "ECTS")], "pg_certificate", 30, 30, "2 x 15 credits = 30"),
        ([(4, "US"), 15], "masters", 30, 150, "30 of the 180 credits for a taught master's degree"),
        ([(15, "SCQF"), 15], "pg_diploma", 30, 90, "(90 still to go)"),
        ([(30, "ECTS")], "pg_certificate", 60, 0, "exactly the 60 credits"),
    ],
)
def test_progress_mixed_schemes(
    courses: list[float | tuple[float, str]],
    award: str,
    total: float,
    remaining: float,
    fragment: str,
) -> None:
    progress = progress_towards(courses, award)
    assert progress.total_uk_credits == pytest.approx(total)
    assert progress.remaining == pytest.approx(remaining)
    assert fragment in progress.sentence()


def test_progress_mixed_scheme_mentions_conversion() -> None:
    sentence = progress_towards([15, (10, "ECTS")], "pg_certificate").sentence()
    assert "10 ECTS = 20" in sentence


def test_progress_default_scheme_applies_to_plain_numbers() -> None:
    progress = progress_towards([7.5, 7.5], "pg_certificate", scheme="ECTS")
    assert progress.total_uk_credits == 30


def test_progress_unknown_credits_counted_separately() -> None:
    progress = progress_towards([15, None, 15, (None, "ECTS")], "pg_certificate")
    assert progress.counted == 2
    assert progress.unknown == 2
    assert progress.total_uk_credits == 30
    sentence = progress.sentence()
    assert "2 x 15 credits = 30 of the 60" in sentence
    assert "2 courses do not state credits" in sentence


def test_progress_one_unknown_course_is_singular() -> None:
    assert "1 course does not state credits" in progress_towards([15, None], "masters").sentence()


def test_progress_all_unknown() -> None:
    progress = progress_towards([None, None], "masters")
    assert progress.counted == 0
    assert progress.total_uk_credits == 0
    assert progress.sentence().startswith("2 courses do not state credits")
    assert "180 credits for a taught master's degree" in progress.sentence()


def test_progress_over_the_total() -> None:
    progress = progress_towards([15] * 5, "pg_certificate")
    assert progress.remaining == 0
    assert progress.excess == 15
    assert progress.covered
    assert "that would more than cover the 60 credits for a PG Certificate" in progress.sentence()
    assert "15 more than needed" in progress.sentence()


def test_progress_exact_total() -> None:
    progress = progress_towards([20, 20, 20], "pg_certificate")
    assert progress.covered
    assert progress.remaining == 0
    assert "exactly the 60 credits" in progress.sentence()


def test_progress_zero_courses() -> None:
    progress = progress_towards([], "masters")
    assert progress.counted == 0
    assert progress.unknown == 0
    assert progress.remaining == 180
    assert "180 credits" in progress.sentence()


def test_progress_accepts_award_phrases_and_objects() -> None:
    by_phrase = progress_towards([15], "PG Cert")
    by_object = progress_towards([15], AWARDS["pg_certificate"])
    assert by_phrase.award_credits == by_object.award_credits == 60


def test_personalised_progress() -> None:
    reply = personalised_progress([15, 15, 15], "PG Cert")
    assert reply is not None
    assert "these 3 courses" in reply
    assert "45 of the 60 credits for a PG Certificate" in reply
    assert "at least 40 credits at FHEQ level 7" in reply
    assert reply.endswith(RECOGNITION_CAVEAT)


@pytest.mark.parametrize("award", [None, "", "a spaceship licence"])
def test_personalised_progress_needs_a_known_award(award: str | None) -> None:
    assert personalised_progress([15, 15], award) is None


# --- explanations -------------------------------------------------------------


@pytest.mark.parametrize("topic", TOPICS)
def test_every_explanation_ends_with_the_caveat(topic: str) -> None:
    text = explain(topic)
    assert text.endswith(RECOGNITION_CAVEAT)
    assert text.strip() != RECOGNITION_CAVEAT
    assert len(text) <= 700


@pytest.mark.parametrize(
    ("topic", "numbers"),
    [
        ("overview", [str(credit.HOURS_PER_CREDIT), "120", "150"]),
        ("degree_sizes", ["120", "240", "360", "480", "60", "180"]),
        ("masters", ["180", "150", "1,800", "60", "120"]),
        ("pg_certificate", ["60", "40", "90"]),
        ("ects", ["7.5", "60", "25–30"]),
        ("scqf", ["12", "level 10"]),
        ("us_credit", ["15", "4", "32", "120"]),
        ("transfer", [str(credit.CRANFIELD_CREDIT_BANK_YEARS)]),
        ("stacking", ["15", "60", "25–50%"]),
        ("rpl", ["30 of 60", "60 of 180", "one third", "two-thirds"]),
        ("levels", ["4–8", "12", "level 10"]),
    ],
)
def test_explanations_contain_numbers_from_constants(topic: str, numbers: list[str]) -> None:
    text = explain(topic)
    for number in numbers:
        assert number in text, f"{number!r} missing from {topic!r}"


def test_rpl_explanation_names_the_kinds() -> None:
    text = explain("rpl")
    for word in ("APL", "APCL", "APEL"):
        assert word in text


def test_transfer_explanation_says_not_automatic() -> None:
    assert "never automatically portable" in explain("transfer")


def test_explain_unknown_topic() -> None:
    with pytest.raises(ValueError, match="Unknown credit topic"):
        explain("astrology")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how many credits for a masters", "masters"),
        ("How many credits is an MSc?", "masters"),
        ("what is ECTS", "ects"),
        ("how do European credits compare?", "ects"),
        ("can I transfer my credits", "transfer"),
        ("will another university accept my credits?", "transfer"),
        ("can I stack these courses?", "stacking"),
        ("do stackable credentials add up to a degree", "stacking"),
        ("what is recognition of prior learning", "rpl"),
        ("does RPL apply to me", "rpl"),
        ("can I get APL for my old course", "rpl"),
        ("will my work experience count", "rpl"),
        ("does my experience count", "rpl"),
        ("what level is a masters", "levels"),
        ("what is the FHEQ", "levels"),
        ("how much is a credit worth", "overview"),
        ("how many hours is a credit", "overview"),
        ("what are credits", "overview"),
        ("tell me something", "overview"),
        ("what is SCQF", "scqf"),
        ("I studied in Scotland", "scqf"),
        ("how do US credit hours work", "us_credit"),
        ("is this accepted by American colleges", "us_credit"),
        ("how big is a PG Cert", "pg_certificate"),
        ("how many credits for a postgraduate diploma", "pg_certificate"),
        ("how many credits is a degree", "degree_sizes"),
        ("how many credits in a bachelor's", "degree_sizes"),
        ("what about my projects", "overview"),
    ],
)
def test_detect_topic(text: str, topic: str) -> None:
    assert detect_topic(text) == topic
    assert topic in TOPICS


# --- calculator edges (issue 13) ------------------------------------------------


def test_the_limit_applies_to_the_total_not_only_to_each_course() -> None:
    with pytest.raises(CreditError, match="add up to 2,700 UK credits"):
        progress_towards([900, 900, 900], "masters")


def test_one_course_is_not_written_as_one_times() -> None:
    sentence = progress_towards([15], "pg_certificate").sentence()
    assert sentence.startswith("One course of 15 credits is 15 of the 60 credits")
    assert "1 x" not in sentence


def test_a_zero_credit_course_adds_nothing() -> None:
    sentence = progress_towards([0], "pg_certificate").sentence()
    assert sentence == (
        "One course of 0 credits adds nothing towards the 60 credits for a PG Certificate "
        "(60 still to go)."
    )
    assert "1 x 0" not in sentence


def test_one_course_reply_is_singular() -> None:
    reply = personalised_progress([15], "PG Cert")
    assert reply is not None and reply.startswith("Adding up this course:")


@pytest.mark.parametrize("amount", [0.001, 0.05])
def test_tiny_amounts_are_refused_with_a_reason(amount: float) -> None:
    with pytest.raises(CreditError, match="too small to mean anything"):
        hours_for_credits(amount)
    with pytest.raises(CreditError, match="too small"):
        progress_towards([amount], "pg_certificate")


def test_smallest_sensible_amount_is_accepted() -> None:
    assert hours_for_credits(0.5).sentence() == "0.5 credits is about 5 hours of study."


def test_undergraduate_credit_towards_a_postgraduate_award_is_warned_about() -> None:
    # The article's AWS microcredential: 10 undergraduate credits (catalogue row).
    progress = progress_towards([(10, "CATS", "undergraduate")], "PG Cert")
    warning = progress.level_warning()
    assert warning is not None
    assert "10 of these credits are undergraduate credits" in warning
    assert "at least 40 credits at FHEQ level 7" in warning
    assert "at most 20 of its 60 credits may come from a lower level" in warning
    reply = personalised_progress([(10, "CATS", "undergraduate")], "PG Cert")
    assert reply is not None and warning in reply


def test_no_level_warning_for_postgraduate_credit_or_undergraduate_awards() -> None:
    assert progress_towards([(15, "CATS", "postgraduate")], "PG Cert").level_warning() is None
    assert progress_towards([(10, "CATS", "undergraduate")], "CertHE").level_warning() is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("semester hours", "US"),
        ("semester credit hours", "US"),
        ("ECTS credits", "ECTS"),
        ("ects credit", "ECTS"),
        ("CATS points", "CATS"),
        ("UK credits", "CATS"),
        ("SCQF credit points", "SCQF"),
    ],
)
def test_scheme_names_people_use(name: str, code: str) -> None:
    assert credit.normalise_scheme(name) == code


def test_ects_explanation_says_the_ratio_is_a_convention() -> None:
    text = explain("ects")
    assert "convention" in text
    assert "2 UK credits are about 20 hours" in text
    assert "25–30 hours" in text


def test_overview_does_not_ignore_scqf() -> None:
    text = explain("overview")
    assert "SCQF" in text and "Scotland" in text
    assert "the UK's CATS system" not in text
