"""Re-filing misfiled courses by the reviewed subject rules, and its CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from actions.store.models import SUBJECTS
from actions.store.refile import (
    RULES_PATH,
    Move,
    RuleError,
    load_rules,
    main,
    parse_rules,
    read_csv,
    refile,
    render_csv,
)
from tests.actions.store.conftest import REAL_CATALOGUE, ROOT


def row(title: str, subject: str, id: str = "c-1") -> dict[str, str]:
    return {"id": id, "title": title, "subject": subject, "description": ""}


def test_shipped_rules_load_and_validate() -> None:
    rules = load_rules()
    assert rules and all(r.subject in SUBJECTS and r.patterns and r.why for r in rules)
    assert RULES_PATH == ROOT / "data" / "catalogue" / "subject_rules.yml"


@pytest.mark.parametrize(
    ("title", "old", "new"),
    [
        ("Creating engaging content for Social Media", "computing-it", "marketing"),
        ("Stock Market Investing for Beginners", "marketing", "finance-accounting"),
        (
            "Food Safety and Personal Hygiene in a Professional Kitchen",
            "photography-media",
            "health-social-care",
        ),
    ],
)
def test_misfiled_examples_move(title: str, old: str, new: str) -> None:
    new_rows, moves = refile([row(title, old)])
    assert new_rows[0]["subject"] == new
    assert moves == [Move("c-1", title, old, new, moves[0].why)] and moves[0].why


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Social Media Marketing: Managing Social Media", "marketing"),
        ("Introduction to Programming with Python", "computing-it"),
        ("Accounting for Death in War: Separating Fact from Fiction", "arts-humanities"),
        (
            "Financial Statements Unlocked: How to Understand Corporate Finance",
            "finance-accounting",
        ),
        ("Introduction to Photography Basics", "photography-media"),
        ("Introduction to Computer Networking for Teachers", "teaching-education"),
        ("R for Regression and Machine Learning in Investment", "data-science-ai"),
        ("Social Media in Healthcare: Opportunities and Challenges", "health-social-care"),
    ],
)
def test_correctly_filed_courses_stay(title: str, subject: str) -> None:
    original = row(title, subject)
    new_rows, moves = refile([original])
    assert moves == [] and new_rows == [original]


def test_refile_does_not_modify_its_input() -> None:
    original = row("Copywriting Fundamentals", "business-management")
    new_rows, _ = refile([original])
    assert original["subject"] == "business-management"
    assert new_rows[0] == {**original, "subject": "marketing"}


def test_real_catalogue_is_already_refiled_and_rewrites_byte_identically() -> None:
    fieldnames, rows = read_csv(REAL_CATALOGUE)
    new_rows, moves = refile(rows)
    assert moves == [], [(m.title, m.old, m.new) for m in moves]
    assert len(rows) == 1608 and {r["subject"] for r in rows} <= set(SUBJECTS)
    assert render_csv(fieldnames, new_rows) == REAL_CATALOGUE.read_bytes().decode("utf-8")


def test_refile_is_idempotent() -> None:
    _, rows = read_csv(REAL_CATALOGUE)
    scrambled = [{**r, "subject": "law"} for r in rows]  # every rule now has work to do
    once, first = refile(scrambled)
    twice, second = refile(once)
    assert len(first) > 100 and second == [] and twice == once


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            [{"subject": "astrology", "patterns": [r"\bstars\b"], "why": "x"}],
            "rule 1 (astrology): unknown subject id 'astrology'",
        ),
        (
            [
                {"subject": "law", "patterns": [r"\blaw\b"], "why": "x"},
                {"subject": "marketing", "patterns": [r"\bbrand(\b"], "why": "y"},
            ],
            "rule 2 (marketing): bad regular expression '\\\\bbrand(\\\\b'",
        ),
        ([{"subject": "law", "patterns": [], "why": "x"}], "rule 1 (law): 'patterns' must"),
        ([{"subject": "law", "patterns": ["x"]}], "rule 1 (law): 'why' must"),
        ([{"subject": "law", "patterns": ["x"], "why": "y", "extra": 1}], "unknown key(s) extra"),
        ({"subject": "law"}, "expected a non-empty list of rules"),
    ],
)
def test_bad_rules_give_a_clear_error(data: object, message: str) -> None:
    with pytest.raises(RuleError) as excinfo:
        parse_rules(data, "rules.yml")
    assert message in str(excinfo.value) and str(excinfo.value).startswith("rules.yml")


def test_bad_rules_file_fails_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "rules.yml"
    rules.write_text("- subject: nope\n  patterns: ['x']\n  why: y\n", encoding="utf-8")
    assert main([str(REAL_CATALOGUE), "--rules", str(rules)]) == 2
    assert "unknown subject id 'nope'" in capsys.readouterr().err


def test_cli_reports_and_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fieldnames, rows = read_csv(REAL_CATALOGUE)
    rows[0] = {**rows[0], "title": "Stock Market Investing for Beginners", "subject": "law"}
    path = tmp_path / "courses.csv"
    path.write_text(render_csv(fieldnames, rows[:20]), encoding="utf-8", newline="")

    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 of 20 courses moved\n")
    assert "1  law -> finance-accounting" in out
    assert "law -> finance-accounting: Stock Market Investing for Beginners" in out
    assert read_csv(path)[1][0]["subject"] == "law"  # no --write, no change

    assert main([str(path), "--write"]) == 0
    assert capsys.readouterr().out.endswith(f"wrote {path}\n")
    _, written = read_csv(path)
    assert written[0]["subject"] == "finance-accounting" and written[1:] == rows[1:20]
    assert main([str(path)]) == 0
    assert capsys.readouterr().out == "0 of 20 courses moved\n"


def test_cli_runs_as_a_module() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "actions.store.refile", str(REAL_CATALOGUE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.startswith("0 of 1608 courses moved")
