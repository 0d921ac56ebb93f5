"""Thanks and sign-offs, with and without a question."""

from __future__ import annotations

import pytest

from actions.thanks import says_thanks, thanks_without_question


@pytest.mark.parametrize(
    ("text", "thanks", "closes"),
    [
        ("Thank you. I shall start with the Birmingham one. Regards, Norm.", True, True),
        ("ok cool thx", True, True),
        ("Most kind. Kind regards, Kenneth", True, True),
        ("Thanks! Is the first one online?", True, False),
        ("I will start with the Birmingham one", False, False),
        ("thanksgiving recipes course", False, False),  # whole words only
    ],
)
def test_thanks_and_whether_it_asks_anything(text: str, thanks: bool, closes: bool) -> None:
    assert says_thanks(text) is thanks
    assert thanks_without_question(text) is closes
