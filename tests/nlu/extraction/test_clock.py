"""Study time said as a span of clock times."""

from __future__ import annotations

import pytest

from nlu.extraction import as_dict, extract
from nlu.extraction.clock import clock_spans


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("from 9pm to 11pm", 2.0),
        ("from 9 to 11pm", 2.0),
        ("11 to 1pm on saturdays", 2.0),  # from the morning
        ("9pm to 1am", 4.0),
        ("from 10am to 12", 2.0),
        ("between 1pm and 4pm", 3.0),
        ("10 till 1", 3.0),  # a 12-hour clock
        ("from 7.30 to 9", 1.5),
        ("evenings, half seven till half nine", 2.0),  # half past seven
        ("0600 to 0700", 1.0),
    ],
)
def test_a_span_lasts_as_the_clock_says(text: str, hours: float) -> None:
    assert [span.hours for span in clock_spans(text)] == [hours]


@pytest.mark.parametrize(
    "text",
    [
        "from 6 to 8 weeks",  # a range of weeks
        "2 to 3 hours a week",
        "between 5 and 10 pounds",
        "i have 2 to 3 kids",
        "level 5 to 6",
        "i read 6 to 8 books a year",  # nothing says they are times
    ],
)
def test_other_ranges_are_no_span(text: str) -> None:
    assert clock_spans(text) == []


@pytest.mark.parametrize(
    ("text", "weekly"),
    [
        ("I can study from 9pm to 11pm every night, because I work the day shift.", 14),
        ("Evenings 6 to 8, Monday to Thursday, for the HR course.", 8),
        ("I am available 0600 to 0700 daily before work.", 7),
        ("Evenings, half seven till half nine, but only Tuesdays and Thursdays.", 4),
        ("I am available between 1pm and 4pm, when it is too hot, six days a week.", 18),
        ("like 9:30 till 2:30 but not every day maybe three days a week", 15),
        ("I can study Monday mornings when we're closed, 10 till 1!", 3),
    ],
)
def test_a_span_times_its_days_is_the_weekly_study_time(text: str, weekly: int) -> None:
    assert as_dict(extract(text)).get("hours_per_week") == weekly


@pytest.mark.parametrize(
    "text",
    [
        "I work from 9 to 5 Monday to Friday",  # working time
        "I can study from 7 to 9",  # per day or per week: not said
    ],
)
def test_a_span_without_study_days_is_not_read(text: str) -> None:
    assert "hours_per_week" not in as_dict(extract(text))
