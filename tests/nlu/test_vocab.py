"""The NLU's word lists as data (nlu/vocab.py): every file loads, and a broken entry is an
error that names the file and the entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actions.profile_values import SUBJECTS
from nlu import vocab
from nlu.vocab import VocabError, read

ROOT = Path(__file__).resolve().parents[2]


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sample.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_vocabulary_file_is_read_by_the_extractor() -> None:
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "nlu").rglob("*.py"))
    files = sorted(path.stem for path in vocab.NLU_VOCAB_DIR.glob("*.yml"))
    assert files, "no files under data/vocab/nlu/"
    unread = [
        name
        for name in files
        if not re.search(rf'vocab\.(?:load|phrase_table)\(\s*"{name}"', sources)
    ]
    assert not unread, f"data/vocab/nlu/ files no module loads: {unread}"


def test_a_pattern_that_does_not_compile_names_file_and_entry(tmp_path: Path) -> None:
    path = _file(tmp_path, "cues:\n  - fine\n  - 'broken(\\s+'\n")
    with pytest.raises(VocabError, match=r"sample\.yml: cues\[1\] = 'broken\(\\\\s\+'"):
        read(path, "cues").pattern("cues")


def test_an_entry_yaml_did_not_read_as_text_is_refused(tmp_path: Path) -> None:
    path = _file(tmp_path, "cues:\n  - fine\n  - no\n")
    with pytest.raises(VocabError, match=r"sample\.yml: cues\[1\] = False is not text"):
        read(path, "cues").texts("cues")


def test_a_table_value_of_the_wrong_kind_names_the_word(tmp_path: Path) -> None:
    path = _file(tmp_path, "words:\n  one: 1\n  two: 2.5\n")
    with pytest.raises(VocabError, match=r"sample\.yml: words\[two\] = 2\.5 is not a whole"):
        read(path, "words").integers("words")


def test_unknown_and_missing_keys_are_named(tmp_path: Path) -> None:
    path = _file(tmp_path, "cuess:\n  - a\n")
    with pytest.raises(VocabError, match=r"unknown keys \['cuess'\], missing keys \['cues'\]"):
        read(path, "cues")


def test_a_weighted_rule_needs_its_value_weight_and_patterns(tmp_path: Path) -> None:
    path = _file(tmp_path, "rules:\n  - goal: explore\n    weight: 1.5\n    patterns: [curious]\n")
    with pytest.raises(VocabError, match=r"sample\.yml: rules\[0\]: weight 1\.5 is not in"):
        read(path, "rules").weighted("rules", "goal", {"explore"})


def test_a_rule_value_must_be_a_known_one(tmp_path: Path) -> None:
    path = _file(tmp_path, "rules:\n  - goal: exlpore\n    weight: 0.5\n    patterns: [curious]\n")
    with pytest.raises(VocabError, match=r"sample\.yml: rules\[0\]: goal 'exlpore' is not one of"):
        read(path, "rules").weighted("rules", "goal", {"explore", "upskill"})


def test_subject_phrases_are_listed_under_known_subject_ids(tmp_path: Path) -> None:
    path = _file(tmp_path, "phrases:\n  marketing: [seo]\n  cooking: [baking]\n")
    with pytest.raises(VocabError, match=r"sample\.yml: phrases has unknown names \['cooking'\]"):
        read(path, "phrases").grouped_texts("phrases", SUBJECTS)
