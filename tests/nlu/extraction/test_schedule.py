"""The schedule around an amount of study time (nlu/extraction/schedule.py)."""

from __future__ import annotations

import pytest

from nlu.extraction.schedule import (
    days_near,
    summary_amount,
    times_after,
    times_before,
    total_after,
    unitless_amounts,
)


def _days(text: str, amount: str) -> set[str] | None:
    start = text.index(amount)
    return days_near(text, start, start + len(amount))


@pytest.mark.parametrize(
    ("text", "amount", "days"),
    [
        ("wednesday and thursday evenings, 2 hours each", "2 hours", {"wed", "thu"}),
        ("1 hour a day monday tae friday", "1 hour", {"mon", "tue", "wed", "thu", "fri"}),
        ("3 hours a day mon-wed", "3 hours", {"mon", "tue", "wed"}),
        ("2 hours a day, friday through sunday", "2 hours", {"fri", "sat", "sun"}),
        ("weekends, 3 hours each day", "3 hours", {"sat", "sun"}),
        ("3 hours daily except saturday", "3 hours", {"mon", "tue", "wed", "thu", "fri", "sun"}),
        ("1 hour every day apart from weekends", "1 hour", {"mon", "tue", "wed", "thu", "fri"}),
        ("i work monday to friday so 2 hours a day at weekends", "2 hours", {"sat", "sun"}),
        ("2 hours a day", "2 hours", None),
        ("monday is busy. 2 hours a day", "2 hours", None),  # another sentence
    ],
)
def test_days_near_reads_the_nearest_days_in_the_sentence(
    text: str, amount: str, days: set[str] | None
) -> None:
    assert _days(text, amount) == days


def test_times_after_reads_a_count_right_after_an_amount() -> None:
    assert times_after(" four times a week") == 4
    assert times_after(", twice a week") == 2
    assert times_after(" a week") is None
    assert times_after(" and four times a week") is None


def test_times_before_reads_a_count_right_before_an_amount() -> None:
    scan = "2 x 90 min a week"
    assert times_before(scan, scan.index("90")) == 2
    assert times_before("3x 1hr", 3) == 3
    assert times_before("about 90 min a week", 6) is None


def test_total_after() -> None:
    assert total_after(" in total")
    assert total_after(" total.")
    assert not total_after(" a week in total")


def test_unitless_amounts_next_to_days_but_not_clock_times() -> None:
    assert [a[2] for a in unitless_amounts("three on saturday and two on sunday")] == [3, 2]
    assert [a[2] for a in unitless_amounts("3 hours sat and 3 sun")] == [3]
    assert unitless_amounts("9 till 3 on weekdays") == []
    assert unitless_amounts("20 on saturday") == []  # too many to be hours


def test_summary_amount_is_the_learners_own_sum() -> None:
    text = "an hour most weeknights, so 4 a week"
    found = summary_amount(text)
    assert found is not None and found[2] == 4
    assert summary_amount("so 4 of us") is None
