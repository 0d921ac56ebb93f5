from __future__ import annotations

import pytest

from actions.negation import negated, without_negated


def test_a_word_after_a_negation_cue_is_negated() -> None:
    text = "free or cheap, no exam pls"
    assert negated(text, text.index("exam"))
    assert not negated(text, text.index("pls"))
    assert not negated(text, text.index("cheap"))


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("need: addiction basics, no exam pls", "addiction", "exam"),
        ("education, not leadership", "education", "leadership"),
        ("done with retail, I want to get into coding", "coding", "retail"),
        ("anything but accounting: something creative", "creative", "accounting"),
        # the negated word's clause, when it ends within two more words
        ("classical approach (scope, risk), not software agile. Budget 400", "risk", "agile"),
        ("not a leadership course.", "not", "course"),
        # ... not the words after a joining word or a pronoun: what is wanted
        ("not python but excel", "excel", "python"),
        ("instead of Spanish I want Italian", "Italian", "Spanish"),
        ("not sure python is for me", "python", "sure"),
        # what the learner knows already is not what they want to learn
        ("i know python + js pretty good. its the data structures part", "data", "python"),
        ("I can become operations manager if I know more about supply chain", "supply", "x"),
        # ... nor the object of a negated verb: what they want to get right
        ("basic stuff like chopping and not burning pasta", "pasta", "burning"),
    ],
)
def test_without_negated_blanks_only_the_words_not_wanted(
    text: str, kept: str, dropped: str
) -> None:
    left = without_negated(text)
    assert len(left) == len(text)  # offsets are kept
    assert kept in left
    assert dropped not in left
