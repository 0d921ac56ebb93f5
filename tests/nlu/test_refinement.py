from __future__ import annotations

import pytest

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
