"""The topic cue lists load from data, and a bad strength names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.topic_cues import STRENGTHS, topic_cues


def test_cues_are_grouped_by_first_word_longest_first() -> None:
    cues = topic_cues()
    want = dict(cues.by_first_word["want"])
    assert want[("want", "to", "try", "my", "hand", "at")] == STRENGTHS["strong"]
    assert want[("want", "to", "try")] == STRENGTHS["weak"]
    lengths = [len(cue) for cue, _ in cues.by_first_word["want"]]
    assert lengths == sorted(lengths, reverse=True)
    assert "something" in cues.indefinites and "behind" in cues.aspect_words


def test_an_unknown_strength_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cues.yml"
    path.write_text("before:\n  surely:\n    - courses on\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues\.yml: unknown cue strength 'surely'"):
        topic_cues(path)


def test_vocabulary_phrases_ending_in_a_stop_word_are_compounds() -> None:
    compounds = topic_cues().compounds
    assert ("machine", "learning") in compounds  # listed in topic_cues.yml
    assert ("leading", "people") in compounds  # a lay term of the topic vocabulary
    assert ("lead", "people") in compounds
