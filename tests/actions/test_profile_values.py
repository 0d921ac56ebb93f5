"""The profile's values are defined once (data/profile.yml, actions/profile_values.py) and read
by the NLU, the form and the course store; domain.yml's copies agree with them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from actions import profile_values
from actions.profile_form import NO_GOAL
from actions.profile_values import DELIVERIES, GOALS, LEVELS, SUBJECTS

ROOT = Path(__file__).resolve().parents[2]


def test_the_views_read_like_the_lists_they_replace() -> None:
    assert tuple(GOALS) == ("upskill", "career_change", "explore", "further_study")
    assert tuple(LEVELS) == ("introductory", "undergraduate", "postgraduate")
    assert tuple(DELIVERIES) == ("online", "blended")
    assert len(SUBJECTS) == 22 and SUBJECTS["computing-it"] == "Computing and IT"
    assert "cybersecurity" in SUBJECTS and "cooking" not in SUBJECTS
    assert SUBJECTS.get("cooking", "cooking") == "cooking"
    assert LEVELS[0] == "introductory" and LEVELS[-2:] == ("undergraduate", "postgraduate")
    assert LEVELS.index("postgraduate") == 2 and "any" not in GOALS
    assert repr(DELIVERIES) == "('online', 'blended')"


def test_domain_slot_values_agree_with_the_profile_file() -> None:
    slots = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["slots"]
    assert slots["goal"]["values"] == [*GOALS, NO_GOAL]
    assert slots["level"]["values"] == list(LEVELS)
    assert slots["delivery"]["values"] == list(DELIVERIES)


def test_nothing_is_read_at_import_and_the_nlu_does_not_import_the_store_models() -> None:
    code = (
        "import sys\n"
        "import actions.profile_values as p, actions.store.models\n"
        "assert p.profile_values.cache_info().currsize == 0\n"
        "for m in [m for m in sys.modules if m.startswith('actions.store')]:\n"
        "    del sys.modules[m]\n"
        "import nlu.extraction, nlu.evaluate, nlu.goal_classifier\n"
        "assert 'actions.store.models' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_loader_imports_no_sqlalchemy() -> None:
    code = "import sys, actions.profile_values\nassert 'sqlalchemy' not in sys.modules\n"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("goals: [upskill]\nsubjects: {a: A}\nlevels: [x]\n", r"expected exactly the keys"),
        (
            "goals: [upskill, 'Career change']\nsubjects: {a: A}\nlevels: [x]\ndeliveries: [y]\n",
            r"profile\.yml: goals\[1\] = 'Career change' is not a lower-case id",
        ),
        (
            "goals: [upskill]\nsubjects: {law: ''}\nlevels: [x]\ndeliveries: [y]\n",
            r"profile\.yml: subjects\[law\] has no label",
        ),
        (
            "goals: [upskill, upskill]\nsubjects: {a: A}\nlevels: [x]\ndeliveries: [y]\n",
            r"profile\.yml: goals lists a value twice",
        ),
    ],
)
def test_a_broken_profile_file_is_named_with_its_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "profile.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        profile_values.profile_values(path)


def test_the_subjects_everyday_names_are_the_nlus_subject_phrases() -> None:
    words = profile_values.subject_words()
    assert words["nursing"] == "health-social-care" and words["python"] == "computing-it"
    # One definition: "writing" is the NLU's arts-humanities, not a second list's study skills.
    assert words["writing"] == "arts-humanities"
    assert set(words.values()) <= set(SUBJECTS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("phrases: [a]\n", r"subjects\.yml: phrases must be a mapping"),
        ("phrases: {astrology: [stars]}\n", r"phrases\['astrology'\] is not a subject"),
        ("phrases: {law: legal}\n", r"phrases\[law\] must be a list"),
    ],
)
def test_a_broken_subject_phrases_file_is_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "subjects.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        profile_values.subject_words(path)
