"""Catalogue values in a learner's words: no ids, no pricing formulae, one date style."""

from __future__ import annotations

import pytest

from actions.course_list import _details
from actions.course_wording import (
    credential_label,
    how_the_price_adds_up,
    level_label,
    month_year,
    pounds,
)
from actions.store.pricing import course_cost
from actions.store.search import Recommendation
from tests.actions.conftest import make_recommendation


def _course(**changes: object) -> Recommendation:
    return make_recommendation(**changes)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("experttrack", "ExpertTrack"),
        ("short-course", "Short course"),
        ("micromasters", "MicroMasters programme"),
        ("professional-certificate", "Professional certificate"),
        ("some-new-type", "Some new type"),
        (None, "Not stated"),
    ],
)
def test_credential_types_are_named(value: str | None, label: str) -> None:
    assert credential_label(value) == label


def test_levels_are_named() -> None:
    assert level_label("postgraduate") == "Postgraduate"
    assert level_label(None) == "Not stated"


@pytest.mark.parametrize(
    ("as_of", "shown"),
    [
        ("2022-11", "November 2022"),
        ("2025-01-10", "January 2025"),
        ("May 2023", "May 2023"),
        ("Sept 2017 refresh (as reported)", "September 2017"),
        ("page undated", None),
        ("date not stated in source", None),
        ("MITx FAQ (undated): $150 per course x5 + $600 capstone exam", None),
        ("2022-13", None),
        (None, None),
    ],
)
def test_one_date_style(as_of: str | None, shown: str | None) -> None:
    assert month_year(as_of) == shown


def test_pounds() -> None:
    assert pounds(0) == "free"
    assert pounds(1200.4) == "£1,200"


def test_a_subscription_adds_up_in_words() -> None:
    assert how_the_price_adds_up(_course()) == (
        "Paid monthly: at the stated pace it takes 1 month, so about £31 in total"
    )
    euros = _course(price=23.99, currency="EUR", duration_weeks=9, cost_gbp=62.61)
    assert how_the_price_adds_up(euros) == (
        "Paid monthly: at the stated pace it takes 3 months, so about £63 in total, "
        "converted from euros at November 2022 exchange rates"
    )
    unknown = _course(duration_weeks=None, cost_gbp=None)
    assert "length is not stated, so the total is unknown" in str(how_the_price_adds_up(unknown))


def test_nothing_to_explain_for_free_or_a_price_in_pounds() -> None:
    assert how_the_price_adds_up(_course(price_model="free", price=0, cost_gbp=0)) is None
    assert how_the_price_adds_up(_course(price_model="one-off", price=300, cost_gbp=300)) is None
    dollars = _course(price_model="total-programme", price=1000, currency="USD", cost_gbp=840)
    assert how_the_price_adds_up(dollars) == (
        "One price for the whole programme, about £840, "
        "converted from US dollars at November 2022 exchange rates"
    )


def test_the_month_count_matches_the_store_total() -> None:
    # The words must describe the figure the store ranked by.
    cost = course_cost(23.99, "EUR", "subscription-monthly", 9)
    course = _course(price=23.99, currency="EUR", duration_weeks=9, cost_gbp=cost.gbp)
    assert "3 months" in cost.rule
    assert "3 months" in str(how_the_price_adds_up(course))


def test_details_show_no_internal_values() -> None:
    text = _details(_course())
    assert "Type: ExpertTrack. Level: Introductory." in text
    assert "(as of November 2022)" in text
    assert "Paid monthly: at the stated pace it takes 1 month, so about £31 in total." in text
    for internal in ("experttrack", "2022-11", " x 1 month", "subscription-monthly"):
        assert internal not in text


def test_details_of_a_free_course_say_free() -> None:
    text = _details(_course(price_model="free", price=0, cost_gbp=0, cost_rule="free"))
    assert "Price: free." in text
    assert "£0" not in text
