"""Award sizes per UK nation (data/catalogue/awards.yml), each pinned with its source."""

from __future__ import annotations

import pytest

from actions.knowledge import awards
from actions.knowledge.awards import (
    award_for,
    detect_nation,
    find_award,
    find_award_key,
    not_credit_rated,
    sizes_differ,
)
from actions.knowledge.credit import RECOGNITION_CAVEAT, explain
from actions.knowledge.progress import personalised_progress, progress_towards


@pytest.mark.parametrize(
    ("key", "nation", "credits", "level", "at_level"),
    [
        # credit_facts §10, SCQF credit-rated qualifications (docslib copy) and SCQF database.
        ("bachelors", "scotland", 480, 10, 90),
        ("ordinary_bachelors", "scotland", 360, 9, 60),
        ("integrated_masters", "scotland", 600, 11, 120),
        ("masters", "scotland", 180, 11, 150),
        ("pg_diploma", "scotland", 120, 11, 90),
        ("pg_certificate", "scotland", 60, 11, 40),
        # §10 SCQF database: the Open University keeps the FHEQ sizes in Scotland.
        ("bachelors", "ou", 360, 6, 90),
        ("integrated_masters", "ou", 480, 7, 120),
        # §10 QAA 2021 (bachelor's rows not verified in an excerpt) and Oxford Brookes.
        ("ordinary_bachelors", "ewni", 300, 6, 60),
        ("bachelors", "ewni", 360, 6, 90),
        # §1 QAA Credit Framework 2021.
        ("integrated_masters", "ewni", 480, 7, 120),
        ("masters", "ewni", 180, 7, 150),
        ("pg_diploma", "ewni", 120, 7, 90),
        ("pg_certificate", "ewni", 60, 7, 40),
        # §1 Leicester APL policy, Appendix 1.
        ("certhe", "ewni", 120, 4, None),
        ("diphe", "ewni", 240, 5, None),
        ("foundation_degree", "ewni", 240, 5, None),
    ],
)
def test_award_sizes_per_nation(
    key: str, nation: str, credits: int, level: int, at_level: int | None
) -> None:
    award = award_for(key, nation)
    assert award is not None
    assert (award.credits, award.level, award.min_credits_at_level) == (credits, level, at_level)
    assert award.source


def test_sizes_the_sources_lack_are_unknown_not_borrowed() -> None:
    assert award_for("certhe", "scotland") is None
    assert award_for("foundation_degree", "scotland") is None


@pytest.mark.parametrize(
    ("key", "differs"),
    [("bachelors", True), ("integrated_masters", True), ("pg_certificate", False)],
)
def test_sizes_differ(key: str, differs: bool) -> None:
    assert sizes_differ(key) is differs


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("an ordinary degree", "ordinary_bachelors"),
        ("a degree without honours", "ordinary_bachelors"),
        ("general degree", "ordinary_bachelors"),
        ("honours degree", "bachelors"),
        ("a degree", "bachelors"),
        ("MSc", "masters"),
    ],
)
def test_find_award_key(text: str, key: str) -> None:
    assert find_award_key(text) == key


@pytest.mark.parametrize("text", ["MRes", "an MPhil", "a research master's", "PhD"])
def test_research_degrees_are_not_mapped_to_a_taught_award(text: str) -> None:
    assert find_award(text) is None
    assert not_credit_rated(text) is not None


def test_masters_explanation_says_research_masters_are_not_credit_rated() -> None:
    assert "MRes, MPhil) are not typically credit-rated" in explain("masters")


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        ("I study in Scotland", "scotland"),
        ("a Scottish honours degree", "scotland"),
        ("at the Open University", "ou"),
        ("in Wales", "ewni"),
        ("how many credits is a degree", None),
    ],
)
def test_detect_nation(text: str, nation: str | None) -> None:
    assert detect_nation(text) == nation


def test_scqf_credits_towards_a_scottish_honours_degree_are_exactly_enough() -> None:
    progress = progress_towards([(480, "SCQF")], "bachelors", nation="scotland")
    assert "exactly the 480 credits" in progress.sentence()
    assert "more than needed" not in progress.sentence()


def test_scqf_credits_suggest_scotland_when_no_nation_is_given() -> None:
    progress = progress_towards([(480, "SCQF")], "honours degree")
    assert progress.award.nation == "scotland"
    assert progress.award_credits == 480


def test_answer_names_the_nation_it_assumed_when_sizes_differ() -> None:
    reply = personalised_progress([120, 120], "honours degree")
    assert reply is not None
    assert "240 of the 360 credits" in reply
    assert "I assumed England, Wales and Northern Ireland" in reply
    assert "In Scotland it is 480 (at least 90 credits at SCQF level 10)" in reply
    assert "except at the Open University (360)" in reply
    assert reply.endswith(RECOGNITION_CAVEAT)


def test_no_nation_note_when_sizes_agree() -> None:
    reply = personalised_progress([15, 15], "PG Cert")
    assert reply is not None and "Scotland" not in reply


def test_degree_sizes_explanation_covers_every_nation() -> None:
    text = explain("degree_sizes")
    for fragment in (
        "ordinary bachelor's 300",
        "bachelor's with honours 360",
        "at least 90 credits at FHEQ level 6",
        "In Scotland: ordinary bachelor's 360, bachelor's with honours 480",
        "at least 90 credits at SCQF level 10",
        "integrated master's 600",
        "the Open University keeps 360 and 480",
    ):
        assert fragment in text


def test_tables_are_loaded_once() -> None:
    assert awards.awards("scotland") is awards.awards("scotland")
