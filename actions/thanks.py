"""Whether a message thanks the assistant (words in ``data/vocab/thanks.yml``)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from actions.answers import cleaned
from actions.phrases import VOCAB_DIR, phrase_patterns

THANKS_PATH = VOCAB_DIR / "thanks.yml"


@lru_cache(maxsize=2)
def _thanks(path: Path = THANKS_PATH) -> re.Pattern[str]:
    return phrase_patterns(path, "thanks")["thanks"]


def says_thanks(text: str) -> bool:
    """Whether ``text`` thanks the assistant or signs off ("Kind regards, Kenneth")."""
    return _thanks().search(cleaned(text)) is not None


def thanks_without_question(text: str) -> bool:
    """Whether ``text`` thanks the assistant and asks nothing: "Thank you. I shall start
    with the Birmingham one and see how I go. Regards, Norm." closes the conversation;
    "Thanks! Is the first one online?" does not."""
    return "?" not in text and says_thanks(text)


__all__ = ["THANKS_PATH", "says_thanks", "thanks_without_question"]
