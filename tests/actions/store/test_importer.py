"""The catalogue importer: validation before writing, upserts, pruning and the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from actions.store.catalogue_check import COLUMNS, CatalogueError, validate_file
from actions.store.db import get_engine
from actions.store.importer import import_catalogue, import_catalogues
from actions.store.learners import get_shortlist, save_shortlist
from actions.store.models import Course, Provider, Subject
from tests.actions.store.conftest import REAL_CATALOGUE, ROOT, WriteCsv, course_row


def count_courses(url: str) -> int:
    engine = get_engine(url)
    if not inspect(engine).has_table("courses"):
        return 0
    with Session(engine, future=True) as session:
        return int(session.execute(select(func.count()).select_from(Course)).scalar_one())


def snapshot(url: str) -> dict[str, dict[str, Any]]:
    """Every course's stored values except the import time."""
    table = Course.__table__
    columns = [c for c in table.columns if c.name != "imported_at"]
    with get_engine(url).connect() as conn:
        return {row.id: dict(row._mapping) for row in conn.execute(select(*columns))}


# -- the real catalogue ----------------------------------------------------------------


def test_real_catalogue_imports_fully_and_reimports_identically(db_url: str) -> None:
    engine = get_engine(db_url)
    first = import_catalogue(engine, REAL_CATALOGUE)
    assert (first.rows_total, first.rows_valid, first.rows_invalid) == (1608, 1608, 0)
    assert (first.inserted, first.updated, first.deleted) == (1608, 0, 0)
    assert first.catalogue == "courses"
    assert first.elapsed_s < 5.0
    assert count_courses(db_url) == 1608
    before = snapshot(db_url)

    second = import_catalogue(engine, REAL_CATALOGUE)
    assert (second.inserted, second.updated, second.deleted) == (0, 1608, 0)
    assert count_courses(db_url) == 1608
    assert snapshot(db_url) == before

    with Session(engine, future=True) as session:
        assert session.execute(select(func.count()).select_from(Subject)).scalar_one() == 22
        providers = session.execute(select(func.count()).select_from(Provider)).scalar_one()
        assert providers > 100
        aws = session.get(Course, "futurelearn-aws-solutions-architect-microcredential")
        assert aws is not None
        assert (aws.price, aws.currency, aws.cost_gbp) == (550.0, "GBP", 550.0)
        assert aws.credits == 10.0 and aws.credit_scheme == "CATS" and aws.credit_bearing
        assert aws.weekly_hours == 10.0  # 100 hours over 10 weeks; hours_per_week not published
        assert aws.hours_per_week is None
        unknown = session.get(Course, "university-o-introduction-to-electrochemistry")
        assert unknown is not None
        assert unknown.price is None and unknown.cost_gbp is None
        assert unknown.cost_rule == "price not published"
        assert unknown.provider_name == "University of Birmingham"


def test_provider_csv_with_required_columns_only_and_extra_columns(
    db_url: str, write_csv: WriteCsv
) -> None:
    header = ["id", "title", "subject", "credential_type", "price_model", "delivery", "cohort"]
    path = write_csv(
        "provider-x.csv",
        [["px-1", "Intro to Things", "science", "short-course", "unknown", "online", "May"]],
        header=header,
    )
    report = import_catalogue(get_engine(db_url), path)
    assert report.inserted == 1
    assert [str(w) for w in report.warnings] == [
        f"{path}:1: column 'cohort': unknown column, ignored"
    ]
    with Session(get_engine(db_url), future=True) as session:
        course = session.get(Course, "px-1")
        assert course is not None
        assert course.catalogue == "provider-x"
        assert course.cost_gbp is None and course.provider_id is None


# -- refusals: every problem at path:line, column, reason; nothing written -------------

GOOD = [course_row("c-1"), course_row("c-2"), course_row("c-3")]

MALFORMED = [
    pytest.param(
        [course_row("c-1"), course_row("c-2", duration_weeks="six")],
        3,
        "duration_weeks",
        "not a number: 'six'",
        id="bad-number",
    ),
    pytest.param(
        [course_row("c-1", hours_per_week="90")],
        2,
        "hours_per_week",
        "out of range",
        id="hours-out-of-range",
    ),
    pytest.param(
        [course_row("c-1", duration_weeks="0")],
        2,
        "duration_weeks",
        "out of range (must be > 0)",
        id="zero-weeks",
    ),
    pytest.param(
        [course_row("c-1"), course_row("c-2"), course_row("c-3", subject="data-science")],
        4,
        "subject",
        "unknown value 'data-science'; did you mean 'data-science-ai'?",
        id="unknown-subject",
    ),
    pytest.param(
        [course_row("c-1", subject="astrology")],
        2,
        "subject",
        "unknown value 'astrology' (allowed: arts-humanities, business-management,",
        id="unknown-subject-no-suggestion",
    ),
    pytest.param(
        [course_row("c-1", title="")],
        2,
        "title",
        "required value is empty",
        id="missing-required",
    ),
    pytest.param(
        [course_row("c-1"), course_row("c-2"), course_row("c-1")],
        4,
        "id",
        "duplicate id 'c-1' (first on line 2)",
        id="duplicate-id",
    ),
    pytest.param(
        [course_row("c-1"), ["c-2", "Short row", "Prov"]],
        3,
        "platform",
        "missing: the row has 3 fields, the header 25",
        id="short-row",
    ),
    pytest.param(
        [[*course_row("c-1").values(), "surplus"]],
        2,
        "#26",
        "extra field: the row has 26 fields, the header 25",
        id="long-row",
    ),
    pytest.param(
        [course_row("c-1", price="10", price_model="free")],
        2,
        "price",
        "given but price_model is free",
        id="free-with-price",
    ),
    pytest.param(
        [course_row("c-1", price="0", price_model="one-off")],
        2,
        "price",
        "0 is only allowed when price_model is free",
        id="zero-price-not-free",
    ),
    pytest.param(
        [course_row("c-1", price="-5")],
        2,
        "price",
        "out of range (must be >= 0)",
        id="negative-price",
    ),
    pytest.param(
        [course_row("c-1", currency="JPY")],
        2,
        "currency",
        "unknown value 'JPY'",
        id="bad-currency",
    ),
    pytest.param(
        [course_row("c-1", price="10", currency="")],
        2,
        "currency",
        "required when a price is given",
        id="price-without-currency",
    ),
    pytest.param(
        [course_row("c-1", cpd_accredited="yes")],
        2,
        "cpd_accredited",
        "expected 'true' or empty",
        id="bad-boolean",
    ),
    pytest.param(
        [course_row("c-1", level="beginner")],
        2,
        "level",
        "unknown value 'beginner'",
        id="bad-level",
    ),
    pytest.param(
        [course_row("c-1", credits="-1")],
        2,
        "credits",
        "out of range",
        id="negative-credits",
    ),
    pytest.param(
        [course_row("c-1", credit_scheme="US")],
        2,
        "credit_scheme",
        "unknown value 'US'",
        id="bad-credit-scheme",
    ),
    pytest.param(
        [course_row("c-1", description="two\nlines"), course_row("c-2", delivery="in person")],
        4,  # the quoted newline makes c-2 start on physical line 4
        "delivery",
        "unknown value 'in person'",
        id="line-numbers-are-physical",
    ),
]


@pytest.mark.parametrize(("rows", "line", "column", "reason"), MALFORMED)
def test_malformed_file_is_refused_whole(
    db_url: str, write_csv: WriteCsv, rows: list[Any], line: int, column: str, reason: str
) -> None:
    path = write_csv("bad.csv", rows)
    with pytest.raises(CatalogueError) as caught:
        import_catalogue(get_engine(db_url), path)
    messages = [str(p) for p in caught.value.problems]
    expected = f"{path}:{line}: column '{column}': "
    assert any(m.startswith(expected) and reason in m for m in messages), messages
    assert "nothing was written" in str(caught.value)
    assert count_courses(db_url) == 0


def test_unknown_values_suggest_the_closest(write_csv: WriteCsv) -> None:
    path = write_csv("bad.csv", [course_row("c-1", delivery="onlin")])
    (problem,) = validate_file(path).problems
    assert problem.reason == (
        "unknown value 'onlin' (allowed: online, blended); did you mean 'online'?"
    )


def test_bad_header_is_refused_even_with_skip_invalid(db_url: str, write_csv: WriteCsv) -> None:
    header = [c for c in COLUMNS if c != "subject"]
    path = write_csv("noheader.csv", [course_row("c-1")], header=header)
    with pytest.raises(CatalogueError) as caught:
        import_catalogue(get_engine(db_url), path, skip_invalid=True)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:1: column 'subject': required column missing from the header"
    ]
    assert count_courses(db_url) == 0


# -- --skip-invalid and --prune ------------------------------------------------------


def test_skip_invalid_imports_the_good_rows_and_lists_the_rest(
    db_url: str, write_csv: WriteCsv
) -> None:
    rows = [
        course_row("c-1"),
        course_row("c-2", price="lots"),
        course_row("c-3"),
        course_row("c-1"),
        course_row("c-4"),
    ]
    path = write_csv("mixed.csv", rows)
    report = import_catalogue(get_engine(db_url), path, skip_invalid=True)
    assert (report.rows_total, report.rows_valid, report.rows_invalid) == (5, 3, 2)
    assert report.inserted == 3
    assert [str(p) for p in report.skipped] == [
        f"{path}:3: column 'price': not a number: 'lots'",
        f"{path}:5: column 'id': duplicate id 'c-1' (first on line 2)",
    ]
    assert count_courses(db_url) == 3


def test_reimport_updates_values_and_keeps_removed_rows_by_default(
    db_url: str, write_csv: WriteCsv
) -> None:
    engine = get_engine(db_url)
    import_catalogue(engine, write_csv("cat.csv", GOOD))
    changed = [course_row("c-1", price="150"), course_row("c-2")]
    report = import_catalogue(engine, write_csv("cat.csv", changed, folder="v2"))
    assert (report.inserted, report.updated, report.deleted) == (0, 2, 0)
    assert count_courses(db_url) == 3
    with Session(engine, future=True) as session:
        course = session.get(Course, "c-1")
        assert course is not None and course.price == 150.0 and course.cost_gbp == 150.0


def test_prune_deletes_only_this_catalogues_missing_rows(db_url: str, write_csv: WriteCsv) -> None:
    engine = get_engine(db_url)
    import_catalogue(engine, write_csv("cat.csv", GOOD))
    import_catalogue(engine, write_csv("other.csv", [course_row("o-1")]))
    with Session(engine, future=True) as session, session.begin():
        assert save_shortlist(session, "learner", ["c-3", "c-1"]) == 2

    newer = [course_row("c-1"), course_row("c-2", title="")]  # c-2 invalid, c-3 gone
    path = write_csv("cat.csv", newer, folder="v2")
    report = import_catalogue(engine, path, prune=True, skip_invalid=True)
    assert (report.inserted, report.updated, report.deleted) == (0, 1, 1)
    with Session(engine, future=True) as session:
        ids = set(session.execute(select(Course.id)).scalars())
        # c-3 pruned; c-2 kept (its row was invalid, not removed); o-1 is another catalogue
        assert ids == {"c-1", "c-2", "o-1"}
        assert [c.id for c in get_shortlist(session, "learner")] == ["c-1"]


def test_prune_refuses_what_would_surely_be_a_mistake(db_url: str, write_csv: WriteCsv) -> None:
    engine = get_engine(db_url)
    import_catalogue(engine, write_csv("cat.csv", GOOD))
    empty = write_csv("cat.csv", [], folder="empty")
    with pytest.raises(CatalogueError, match="would delete every course of catalogue 'cat'"):
        import_catalogue(engine, empty, prune=True)
    one, two = write_csv("cat.csv", GOOD[:1], folder="a"), write_csv("cat.csv", GOOD, folder="b")
    with pytest.raises(CatalogueError, match="same catalogue name 'cat'"):
        import_catalogues(engine, [one, two], prune=True)
    assert count_courses(db_url) == 3


def test_several_files_are_validated_before_any_is_written(
    db_url: str, write_csv: WriteCsv
) -> None:
    good = write_csv("a.csv", GOOD)
    bad = write_csv("b.csv", [course_row("b-1", subject="nope")])
    with pytest.raises(CatalogueError):
        import_catalogues(get_engine(db_url), [good, bad])
    assert count_courses(db_url) == 0


def test_moving_a_course_between_catalogues_warns(db_url: str, write_csv: WriteCsv) -> None:
    engine = get_engine(db_url)
    import_catalogue(engine, write_csv("a.csv", [course_row("c-1")]))
    report = import_catalogue(engine, write_csv("b.csv", [course_row("c-1")]))
    assert report.updated == 1
    assert "came from catalogue 'a'; it now belongs to 'b'" in str(report.warnings[0])


def test_import_into_a_callers_session_is_rolled_back_with_it(
    db_url: str, write_csv: WriteCsv
) -> None:
    engine = get_engine(db_url)
    import_catalogue(engine, write_csv("a.csv", [course_row("c-1")]))
    with Session(engine, future=True) as session:
        session.begin()
        import_catalogue(session, write_csv("b.csv", [course_row("c-2")]))
        assert session.get(Course, "c-2") is not None
        session.rollback()
    assert count_courses(db_url) == 1


# -- command line ----------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "actions.store.importer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_help_documents_pruning_and_skipping() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "--skip-invalid" in result.stdout and "--prune" in result.stdout
    assert "kept unless --prune" in " ".join(result.stdout.split())


def test_cli_refuses_a_bad_file_with_exit_1(tmp_path: Path, write_csv: WriteCsv) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    path = write_csv("bad.csv", [course_row("c-1"), course_row("c-2", hours_per_week="lots")])
    result = run_cli(str(path), "--db", url)
    assert result.returncode == 1
    assert f"{path}:3: column 'hours_per_week': not a number: 'lots'" in result.stderr
    assert "nothing was written" in result.stderr
    assert count_courses(url) == 0

    skipped = run_cli(str(path), "--db", url, "--skip-invalid")
    assert skipped.returncode == 0, skipped.stderr
    assert "skipped 1 invalid row" in skipped.stderr
    assert "1 inserted, 0 updated, 0 deleted" in skipped.stdout
    assert count_courses(url) == 1


def test_cli_quiet_success_prints_nothing(tmp_path: Path, write_csv: WriteCsv) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = run_cli(str(write_csv("ok.csv", GOOD)), "--db", url, "--quiet")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert count_courses(url) == 3
