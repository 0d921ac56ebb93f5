"""Checking a catalogue file before anything is written: every problem at its line and
column, encodings, headers."""

from __future__ import annotations

from pathlib import Path

from actions.store.catalogue_check import COLUMNS, validate_file, validate_rows
from tests.actions.store.conftest import WriteCsv, course_row


def test_duplicate_header_column_is_refused(write_csv: WriteCsv) -> None:
    path = write_csv("dup.csv", [], header=[*COLUMNS, "price"])
    validation = validate_file(path)
    assert validation.fatal
    assert str(validation.problems[0]).startswith(f"{path}:1: column 'price': appears twice")


def test_invalid_utf8_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    good = ",".join(course_row("c-1").values())
    bad = ",".join(course_row("c-2", title="Caf\xe9 culture").values())
    path.write_bytes(
        (",".join(COLUMNS) + "\n" + good + "\n").encode() + bad.encode("latin-1") + b"\n"
    )
    (problem,) = validate_file(path).problems
    assert str(problem) == (
        f"{path}:3: column 'title': not valid UTF-8 (byte 0xE9); save the file as UTF-8"
    )


def test_utf16_and_empty_and_missing_files_are_refused(tmp_path: Path) -> None:
    utf16 = tmp_path / "utf16.csv"
    utf16.write_text(",".join(COLUMNS) + "\n", encoding="utf-16")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    missing = tmp_path / "nope.csv"
    assert "UTF-16" in str(validate_file(utf16).problems[0])
    assert "empty file" in str(validate_file(empty).problems[0])
    assert "cannot read file" in str(validate_file(missing).problems[0])


def test_bom_and_blank_lines_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    lines = [",".join(COLUMNS), ",".join(course_row("c-1").values()), ""]
    lines.append(",".join(course_row("c-2", subject="nope").values()))
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    validation = validate_file(path)
    assert len(validation.rows) == 1
    assert [p.line for p in validation.problems] == [4]


def test_every_problem_is_reported_not_just_the_first(write_csv: WriteCsv) -> None:
    rows = [course_row("c-1", subject="x", price="abc"), course_row("c-2", delivery="")]
    problems = validate_file(write_csv("many.csv", rows)).problems
    assert {(p.line, p.column) for p in problems} == {(2, "subject"), (2, "price"), (3, "delivery")}


def test_validate_rows_accepts_mappings() -> None:
    validation = validate_rows([course_row("a"), course_row("b", price_model="nonsense")])
    assert [r["id"] for r in validation.rows] == ["a"]
    assert [str(p) for p in validation.problems] == [
        "<rows>:3: column 'price_model': unknown value 'nonsense' (allowed: one-off, "
        "subscription-monthly, total-programme, free, unknown)"
    ]
