from __future__ import annotations

import pytest

from nlu.extraction import extract
from nlu.refinement import find_refinements


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("money is tight so cheap as possible", ["cheaper"]),
        ("is there anythng free?", ["free"]),
        ("shorter ones please", ["shorter"]),
        ("anything lighter? 5 hours a week is too much", ["lighter"]),
        ("something with less time a week", ["lighter"]),
        ("less time overall", ["shorter"]),
        ("fewer hours and fewer weeks", ["lighter", "shorter"]),
        ("ones without credit but shorter", ["shorter"]),
        ("only ones with credit, online", ["credit", "online"]),
        ("I have free time on weekends", []),
        ("not online please", []),
        ("I'm on universal credit", []),
        ("save them to my shortlist", []),
    ],
)
def test_refinements(text, kinds) -> None:
    assert list(dict.fromkeys(r.kind for r in find_refinements(text))) == kinds


@pytest.mark.parametrize(
    ("text", "refinements"),
    [
        # an amount said with "money is tight" is the wish, not a list cheaper than the last
        ("Money is tight, thirty euro a month would be the most.", []),
        ("I can afford £300.", []),
        ("skint mate, 60 quid max", []),
        ("money is tight, anything cheaper?", ["cheaper"]),
        ("cheaper ones please, under £50", ["cheaper"]),
    ],
)
def test_means_said_with_an_amount_ask_for_no_cheaper_list(text, refinements) -> None:
    found = [e for e in extract(text) if e.entity == "refinement"]
    assert [e.value for e in found] == refinements
    assert not any(e.entity == "topic" for e in extract(text, bare_topic=True))
