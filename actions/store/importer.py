"""Import course catalogues (CSV) into the course store.

Usage::

    python -m actions.store.importer [CSV ...] [--db URL] [--skip-invalid] [--prune] [--quiet]

With no CSV the catalogue ``data/catalogue/courses.csv`` is imported; with no
``--db`` the database is ``COURSE_DB_URL`` or ``var/courses.db``.
A provider's own CSV in the same schema (``data/catalogue/README.md``) imports the
same way; columns the schema does not know are reported and ignored.

Validation first, then writing. Every row of every file is checked before anything
is written: required fields, allowed values, numbers and their ranges, duplicate
ids, rows longer or shorter than the header, and bytes that are not UTF-8. Each
problem is reported as ``path:line: column 'name': reason`` (physical line in the
file; the header is line 1). A file with any bad row is refused whole and nothing
is written (exit code 1), unless ``--skip-invalid``: then the valid rows are
imported and the skipped ones are listed.

Re-importing is safe. Courses are upserted by id: a re-import updates rows, never
duplicates them. Each course remembers its catalogue (the file name without
``.csv``, or ``--catalogue``). Courses that are no longer in the file are KEPT by
default; ``--prune`` deletes the courses of that same catalogue that the file no
longer lists (a row skipped as invalid does not count as removed). Deleting a
course also removes it from learners' shortlists.

The same operations are available to code and tests: :func:`validate_file`,
:func:`validate_rows`, :func:`import_catalogue` and :func:`import_catalogues`;
refusals raise :class:`CatalogueError`, which carries the list of problems.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import math
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from actions.store.db import (
    REPO_ROOT,
    StoreError,
    create_schema,
    database_url,
    get_engine,
    translate_error,
)
from actions.store.models import (
    CREDENTIAL_TYPES,
    CREDIT_CREDENTIALS,
    CREDIT_SCHEMES,
    CURRENCIES,
    DELIVERIES,
    LEVELS,
    PRICE_MODELS,
    SUBJECTS,
    Course,
    Provider,
    Subject,
    utcnow,
)
from actions.store.pricing import course_cost
from actions.store.search import rank_scores
from actions.store.topics import is_follow_on

DEFAULT_CATALOGUE = REPO_ROOT / "data" / "catalogue" / "courses.csv"

COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "provider",
    "platform",
    "credential_type",
    "subject",
    "level",
    "duration_weeks",
    "hours_per_week",
    "hours_total",
    "price",
    "currency",
    "price_model",
    "price_as_of",
    "credits",
    "credit_scheme",
    "credit_level",
    "cpd_accredited",
    "delivery",
    "partner",
    "start_dates",
    "description",
    "url",
    "source",
    "evidence_level",
)
REQUIRED: tuple[str, ...] = ("id", "title", "subject", "credential_type", "price_model", "delivery")
_TEXT_COLUMNS = (
    "platform",
    "price_as_of",
    "credit_level",
    "partner",
    "start_dates",
    "description",
    "url",
    "source",
    "evidence_level",
)
# (column, lower bound exclusive?, lower, upper) for numbers: (0 < x <= upper) or (0 <= x).
_NUMBERS: dict[str, tuple[bool, float, float]] = {
    "duration_weeks": (True, 0.0, 520.0),
    "hours_per_week": (True, 0.0, 80.0),
    "hours_total": (True, 0.0, 520.0 * 80.0),
    "price": (False, 0.0, 1_000_000.0),
    "credits": (False, 0.0, 1_000.0),
}
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")
_MAX_ID = 200
_CHUNK = 500  # ids per IN (...) clause
_WRITE_BATCH = 5_000
_SQLITE_IMPORT_CACHE_KIB = 64 * 1024


# -- problems and results -------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a catalogue file, at a physical line and column."""

    path: str
    line: int  # 1 = header; 0 = the file as a whole
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.column is None:
            return f"{where}: {self.reason}"
        return f"{where}: column '{self.column}': {self.reason}"


class CatalogueError(StoreError):
    """A catalogue was refused; ``problems`` lists every reason (nothing was written)."""

    def __init__(self, problems: Sequence[Problem], message: str | None = None) -> None:
        self.problems = list(problems)
        super().__init__(message or "\n".join(str(p) for p in self.problems))


@dataclass
class Validation:
    """The outcome of checking one catalogue: the good rows and every problem."""

    path: str
    catalogue: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # typed, ready to store
    lines: list[int] = field(default_factory=list)  # physical line of each good row
    problems: list[Problem] = field(default_factory=list)  # errors
    warnings: list[Problem] = field(default_factory=list)
    fatal: bool = False  # the file as a whole is unusable (header, encoding)
    total_rows: int = 0
    invalid_ids: set[str] = field(default_factory=set)  # ids present but on bad rows

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def invalid_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems if p.line > 1})


@dataclass
class ImportReport:
    """What an import did."""

    path: str
    catalogue: str
    rows_total: int
    rows_valid: int
    rows_invalid: int
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    elapsed_s: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.path}: {self.inserted} inserted, {self.updated} updated, "
            f"{self.deleted} deleted (catalogue '{self.catalogue}') in {self.elapsed_s:.2f} s"
        )


# -- validation -------------------------------------------------------------------------


_UNDECODED = re.compile("[\udc80-\udcff]")


def _bad_bytes(value: str) -> str | None:
    """The first undecodable byte (kept as a surrogate escape), as ``0xNN``."""
    found = _UNDECODED.search(value)
    return None if found is None else f"0x{ord(found.group()) - 0xDC00:02X}"


def _choices(value: str, allowed: Iterable[str]) -> str:
    options = list(allowed)
    close = difflib.get_close_matches(value.lower(), options, n=1, cutoff=0.6)
    if close and len(options) > 10:
        # A long list would bury the suggestion (the 22 subjects are in the README).
        return f"unknown value '{value}'; did you mean '{close[0]}'?"
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown value '{value}' (allowed: {', '.join(options)}){hint}"


class _RowChecker:
    """Checks rows one by one, remembering ids already seen in the file."""

    def __init__(self, validation: Validation, *, check_encoding: bool = True) -> None:
        self.v = validation
        self.seen: dict[str, int] = {}
        self.check_encoding = check_encoding  # False when the file decoded cleanly

    def check(self, line: int, record: Mapping[str, str]) -> None:
        v = self.v
        v.total_rows += 1
        errors: list[Problem] = []

        def err(column: str, reason: str) -> None:
            errors.append(Problem(v.path, line, column, reason))

        raw: dict[str, str] = {}
        for column in COLUMNS:
            value = record.get(column) or ""
            if self.check_encoding and (bad := _bad_bytes(value)) is not None:
                err(column, f"not valid UTF-8 (byte {bad}); save the file as UTF-8")
                value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raw[column] = value.strip()

        for column in REQUIRED:
            if not raw[column]:
                err(column, "required value is empty")

        out: dict[str, Any] = {}
        course_id = raw["id"]
        if course_id:
            if len(course_id) > _MAX_ID:
                err("id", f"longer than {_MAX_ID} characters")
            elif not _ID_RE.fullmatch(course_id):
                err("id", f"'{course_id}' is not a valid id (letters, digits, '-', '_', '.', ':')")
            elif course_id in self.seen:
                err("id", f"duplicate id '{course_id}' (first on line {self.seen[course_id]})")
            else:
                self.seen[course_id] = line
        out["id"] = course_id
        out["title"] = raw["title"]

        subject = raw["subject"].lower()
        if subject and subject not in SUBJECTS:
            err("subject", _choices(raw["subject"], SUBJECTS))
        out["subject_id"] = subject

        def choice(column: str, allowed: Sequence[str], upper: bool = False) -> str | None:
            value = raw[column].upper() if upper else raw[column].lower()
            if not value:
                return None
            if value not in allowed:
                err(column, _choices(raw[column], allowed))
            return value

        out["credential_type"] = choice("credential_type", CREDENTIAL_TYPES)
        out["level"] = choice("level", LEVELS)
        out["price_model"] = choice("price_model", PRICE_MODELS)
        out["currency"] = choice("currency", CURRENCIES, upper=True)
        out["credit_scheme"] = choice("credit_scheme", CREDIT_SCHEMES, upper=True)
        out["delivery"] = choice("delivery", DELIVERIES)

        for column, (exclusive, low, high) in _NUMBERS.items():
            text = raw[column]
            out[column] = None
            if not text:
                continue
            try:
                number = float(text)
            except ValueError:
                err(column, f"not a number: '{text}'")
                continue
            if not math.isfinite(number):
                err(column, f"not a number: '{text}'")
            elif (exclusive and number <= low) or number < low:
                err(
                    column, f"{text} is out of range (must be {'>' if exclusive else '>='} {low:g})"
                )
            elif number > high:
                err(column, f"{text} is out of range (must be <= {high:g})")
            else:
                out[column] = number

        cpd = raw["cpd_accredited"].lower()
        if cpd not in ("", "true"):
            err("cpd_accredited", f"expected 'true' or empty, not '{raw['cpd_accredited']}'")
        out["cpd_accredited"] = cpd == "true"

        price, model = out["price"], out["price_model"]
        if model == "free" and price not in (None, 0.0):
            err("price", f"{raw['price']} given but price_model is free (use 0 or leave empty)")
        elif price == 0.0 and model is not None and model != "free":
            err("price", f"0 is only allowed when price_model is free (not {model})")
        elif price is not None and price > 0 and not out["currency"] and model != "free":
            err("currency", f"required when a price is given ({raw['price']})")

        out["provider"] = raw["provider"] or None
        for column in _TEXT_COLUMNS:
            out[column] = raw[column] or None

        if errors:
            v.problems.extend(errors)
            if course_id:
                v.invalid_ids.add(course_id)
            return
        v.rows.append(_derive(out, v.catalogue))
        v.lines.append(line)


def _derive(row: dict[str, Any], catalogue: str) -> dict[str, Any]:
    """Add the values computed at import: cost in GBP, weekly hours, credit, ranks."""
    cost = course_cost(row["price"], row["currency"], row["price_model"], row["duration_weeks"])
    weekly = row["hours_per_week"]
    if weekly is None and row["hours_total"] is not None and row["duration_weeks"]:
        weekly = round(row["hours_total"] / row["duration_weeks"], 2)
    row["cost_gbp"] = cost.gbp
    row["cost_rule"] = cost.rule
    row["monthly_gbp"] = cost.monthly_gbp
    row["weekly_hours"] = weekly
    row["credit_bearing"] = bool(row["credits"]) or row["credential_type"] in CREDIT_CREDENTIALS
    row["catalogue"] = catalogue
    extra = (SUBJECTS.get(row["subject_id"]), row["provider"], row["platform"], row["partner"])
    row["keywords"] = " ".join(part for part in extra if part)
    row["follow_on"] = is_follow_on(row["title"])
    row.update(rank_scores(row))
    return row


def _catalogue_name(path: str | Path) -> str:
    return Path(path).stem or "catalogue"


def validate_rows(
    rows: Iterable[Mapping[str, str]],
    *,
    path: str = "<rows>",
    catalogue: str | None = None,
    first_line: int = 2,
) -> Validation:
    """Check rows given as ``{column: text}`` mappings (row *i* is on line ``first_line + i``).

    Nothing is written; the returned :class:`Validation` holds the typed good rows
    and every problem found.
    """
    validation = Validation(path=path, catalogue=catalogue or _catalogue_name(path))
    checker = _RowChecker(validation)
    for offset, record in enumerate(rows):
        checker.check(first_line + offset, record)
    return validation


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the physical line each starts on; blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    previous = 0
    for fields in reader:
        start, previous = previous + 1, reader.line_num
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        yield start, fields


def validate_file(path: str | Path, *, catalogue: str | None = None) -> Validation:
    """Read and check one catalogue file; nothing is written."""
    shown = str(path)
    validation = Validation(path=shown, catalogue=catalogue or _catalogue_name(path))

    def fatal(line: int, column: str | None, reason: str) -> Validation:
        validation.problems.append(Problem(shown, line, column, reason))
        validation.fatal = True
        return validation

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return fatal(0, None, f"cannot read file: {exc.strerror or exc}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return fatal(0, None, "looks like UTF-16 (contains NUL bytes); save the file as UTF-8")
    # Undecodable bytes survive as surrogates and are reported per field.
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    records = _records(text)
    try:
        first = next(records, None)
        if first is None:
            return fatal(0, None, "empty file: expected a header line")
        header_line, header_fields = first
        header = [h.strip() for h in header_fields]
        seen: dict[str, int] = {}
        for index, name in enumerate(header, start=1):
            label = name or f"#{index}"
            if _bad_bytes(name) is not None:
                fatal(header_line, label, "header name is not valid UTF-8")
            elif name in seen:
                fatal(
                    header_line,
                    name,
                    f"appears twice in the header (columns {seen[name]} and {index})",
                )
            elif name and name not in COLUMNS:
                validation.warnings.append(
                    Problem(shown, header_line, name, "unknown column, ignored")
                )
            elif not name:
                validation.warnings.append(
                    Problem(shown, header_line, label, "column without a name, ignored")
                )
            seen.setdefault(name, index)
        for name in REQUIRED:
            if name not in seen:
                fatal(header_line, name, "required column missing from the header")
        if validation.fatal:
            return validation
        checker = _RowChecker(validation, check_encoding=_UNDECODED.search(text) is not None)
        width = len(header)
        for line, fields in records:
            if len(fields) != width:
                validation.total_rows += 1
                if len(fields) < width:
                    column = header[len(fields)] or f"#{len(fields) + 1}"
                    reason = f"missing: the row has {len(fields)} fields, the header {width}"
                else:
                    column = f"#{width + 1}"
                    reason = f"extra field: the row has {len(fields)} fields, the header {width}"
                validation.problems.append(Problem(shown, line, column, reason))
                row_id = fields[0].strip() if fields and header[0] == "id" else ""
                if row_id:
                    validation.invalid_ids.add(row_id)
                continue
            checker.check(line, dict(zip(header, fields, strict=True)))
    except csv.Error as exc:
        return fatal(0, None, f"not readable as CSV: {exc}")
    return validation


# -- writing ---------------------------------------------------------------------------

_COURSE_COLUMNS = tuple(c.name for c in Course.__table__.columns)


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ensure_subjects(session: Session) -> None:
    have = set(session.execute(select(Subject.id)).scalars())
    missing = [{"id": sid, "label": label} for sid, label in SUBJECTS.items() if sid not in have]
    if missing:
        session.execute(insert(Subject.__table__), missing)


def _provider_ids(session: Session, names: set[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    ordered = sorted(names)
    for chunk in _chunks(ordered, _CHUNK):
        for pid, name in session.execute(
            select(Provider.id, Provider.name).where(Provider.name.in_(chunk))
        ):
            ids[name] = pid
    missing = [{"name": name} for name in ordered if name not in ids]
    if missing:
        session.execute(insert(Provider.__table__), missing)
        for chunk in _chunks([m["name"] for m in missing], _CHUNK):
            for pid, name in session.execute(
                select(Provider.id, Provider.name).where(Provider.name.in_(chunk))
            ):
                ids[name] = pid
    return ids


def _write(session: Session, validation: Validation, *, prune: bool, now: datetime) -> ImportReport:
    """Upsert the good rows of ``validation`` (and prune) inside the caller's transaction."""
    report = ImportReport(
        path=validation.path,
        catalogue=validation.catalogue,
        rows_total=validation.total_rows,
        rows_valid=len(validation.rows),
        rows_invalid=len(validation.invalid_lines),
        skipped=list(validation.problems),
        warnings=list(validation.warnings),
    )
    providers = _provider_ids(session, {r["provider"] for r in validation.rows if r["provider"]})
    ids = [r["id"] for r in validation.rows]
    existing: dict[str, str] = {}
    for chunk in _chunks(ids, _CHUNK):
        existing.update(
            session.execute(select(Course.id, Course.catalogue).where(Course.id.in_(chunk))).all()
        )
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row, line in zip(validation.rows, validation.lines, strict=True):
        values = {name: row.get(name) for name in _COURSE_COLUMNS}
        values["provider_id"] = providers.get(row["provider"]) if row["provider"] else None
        values["imported_at"] = now
        previous = existing.get(row["id"])
        if previous is None:
            inserts.append(values)
            continue
        if previous != validation.catalogue:
            report.warnings.append(
                Problem(
                    validation.path,
                    line,
                    "id",
                    f"course '{row['id']}' came from catalogue '{previous}'; "
                    f"it now belongs to '{validation.catalogue}'",
                )
            )
        values["_id"] = values.pop("id")
        updates.append(values)
    table = Course.__table__
    for batch in _chunks(inserts, _WRITE_BATCH):
        session.execute(insert(table), list(batch))
    if updates:
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({name: bindparam(name) for name in _COURSE_COLUMNS if name != "id"})
        )
        for batch in _chunks(updates, _WRITE_BATCH):
            session.execute(statement, list(batch))
    report.inserted, report.updated = len(inserts), len(updates)

    if prune:
        keep = set(ids) | validation.invalid_ids
        stale = [
            cid
            for cid in session.execute(
                select(Course.id).where(Course.catalogue == validation.catalogue)
            ).scalars()
            if cid not in keep
        ]
        for chunk in _chunks(stale, _CHUNK):
            session.execute(delete(Course).where(Course.id.in_(chunk)))
        report.deleted = len(stale)
    return report


def _refusal(validations: Sequence[Validation]) -> CatalogueError:
    problems = [p for v in validations for p in v.problems]
    lines = [str(p) for p in problems]
    for v in validations:
        if v.problems:
            if v.fatal:
                lines.append(f"{v.path}: refused; nothing was written")
            else:
                lines.append(
                    f"{v.path}: refused: {len(v.invalid_lines)} invalid row(s) of "
                    f"{v.total_rows}; nothing was written (--skip-invalid imports the "
                    f"{len(v.rows)} valid rows)"
                )
    return CatalogueError(problems, "\n".join(lines))


def import_catalogues(
    target: Session | Engine,
    paths: Sequence[str | Path],
    *,
    skip_invalid: bool = False,
    prune: bool = False,
    catalogue: str | None = None,
) -> list[ImportReport]:
    """Validate every file, then import them all in one transaction.

    Raises :class:`CatalogueError` (nothing written) when a file cannot be read or
    has a bad header, or when any row is invalid and ``skip_invalid`` is false.
    ``catalogue`` overrides the catalogue name (only with a single file).
    """
    if catalogue is not None and len(paths) != 1:
        raise ValueError("catalogue= names a single file's catalogue")
    started = time.perf_counter()
    validations = [validate_file(p, catalogue=catalogue) for p in paths]
    if any(v.fatal for v in validations) or (
        not skip_invalid and any(v.problems for v in validations)
    ):
        raise _refusal(validations)
    if prune:
        _check_prune(validations)
    _warn_cross_file_duplicates(validations)
    validated_at = time.perf_counter()

    def run(session: Session) -> list[ImportReport]:
        connection = session.connection()
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Room for the indexes being updated (about 15 % faster at 100k rows).
            connection.exec_driver_sql(f"PRAGMA cache_size=-{_SQLITE_IMPORT_CACHE_KIB}")
        try:
            create_schema(connection)
            _ensure_subjects(session)
            now = utcnow()
            reports = []
            for v in validations:
                t0 = time.perf_counter()
                report = _write(session, v, prune=prune, now=now)
                report.elapsed_s = time.perf_counter() - t0
                reports.append(report)
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA cache_size=-2000")  # SQLite's default
        return reports

    try:
        if isinstance(target, Session):
            reports = run(target)
            target.flush()
        else:
            with Session(target, future=True) as session, session.begin():
                reports = run(session)
    except DBAPIError as exc:
        raise translate_error(exc) from exc
    # Share validation time out so each report's elapsed covers its whole import.
    share = (validated_at - started) / max(len(reports), 1)
    for report in reports:
        report.elapsed_s += share
    return reports


def _check_prune(validations: Sequence[Validation]) -> None:
    """Refuse prunes that would surely be mistakes rather than guess."""
    problems = []
    names: dict[str, str] = {}
    for v in validations:
        if not v.rows:
            problems.append(
                Problem(
                    v.path,
                    0,
                    None,
                    f"no valid rows: --prune would delete every course "
                    f"of catalogue '{v.catalogue}'; refusing",
                )
            )
        if v.catalogue in names:
            problems.append(
                Problem(
                    v.path,
                    0,
                    None,
                    f"same catalogue name '{v.catalogue}' as "
                    f"{names[v.catalogue]}: with --prune each would delete the other's "
                    "courses; import them separately or name the catalogue (--catalogue)",
                )
            )
        names.setdefault(v.catalogue, v.path)
    if problems:
        raise CatalogueError(problems, "\n".join([*map(str, problems), "nothing was written"]))


def import_catalogue(
    target: Session | Engine,
    path: str | Path = DEFAULT_CATALOGUE,
    *,
    skip_invalid: bool = False,
    prune: bool = False,
    catalogue: str | None = None,
) -> ImportReport:
    """Validate and import one catalogue file. See :func:`import_catalogues`."""
    return import_catalogues(
        target, [path], skip_invalid=skip_invalid, prune=prune, catalogue=catalogue
    )[0]


def _warn_cross_file_duplicates(validations: Sequence[Validation]) -> None:
    first: dict[str, str] = {}
    for v in validations:
        for row, line in zip(v.rows, v.lines, strict=True):
            earlier = first.get(row["id"])
            if earlier is not None and earlier != v.path:
                reason = f"id '{row['id']}' also in {earlier}; this file wins"
                v.warnings.append(Problem(v.path, line, "id", reason))
            first[row["id"]] = v.path


# -- command line --------------------------------------------------------------------


def _safe_url(url: str) -> str:
    try:
        return str(make_url(url).render_as_string(hide_password=True))
    except ArgumentError:
        return "<database>"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m actions.store.importer",
        description=(
            "Validate course catalogue CSV files and import them into the course store. "
            "Every row is checked before anything is written; problems are reported as "
            "path:line: column 'name': reason. A file with any invalid row is refused "
            "whole (exit code 1) unless --skip-invalid. Courses are upserted by id, so "
            "re-importing updates rows and never duplicates them."
        ),
        epilog=(
            "Removed rows: courses that are no longer in a file are kept unless --prune, "
            "which deletes the courses of the same catalogue (the file name without .csv) "
            "that the file no longer lists; rows skipped as invalid are not deleted. "
            "Exit codes: 0 imported, 1 refused (invalid data), 2 database or usage error."
        ),
    )
    parser.add_argument(
        "csv",
        nargs="*",
        type=Path,
        metavar="CSV",
        help=f"catalogue files (default: {DEFAULT_CATALOGUE.relative_to(REPO_ROOT)})",
    )
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: $COURSE_DB_URL or var/courses.db)"
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows and list the skipped ones instead of refusing the file",
    )
    parser.add_argument(
        "--prune",
        action="store_true",
        help="delete courses of the same catalogue that the file no longer lists",
    )
    parser.add_argument(
        "--catalogue",
        metavar="NAME",
        help="catalogue name to record (default: the file name without .csv; one file only)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="print problems only")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    args = _parser().parse_args(argv)
    paths: list[Path] = args.csv or [DEFAULT_CATALOGUE]
    if args.catalogue and len(paths) != 1:
        print("error: --catalogue needs exactly one CSV file", file=sys.stderr)
        return 2
    url = args.db or database_url()
    say = (lambda _msg: None) if args.quiet else (lambda msg: print(msg, flush=True))
    started = time.perf_counter()
    say(f"Importing {', '.join(str(p) for p in paths)} into {_safe_url(url)}")
    try:
        reports = import_catalogues(
            get_engine(url),
            paths,
            skip_invalid=args.skip_invalid,
            prune=args.prune,
            catalogue=args.catalogue,
        )
    except CatalogueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for report in reports:
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if report.skipped:
            print(f"{report.path}: skipped {report.rows_invalid} invalid row(s):", file=sys.stderr)
            for problem in report.skipped:
                print(f"  {problem}", file=sys.stderr)
        say(
            f"{report.path}: {report.rows_total} rows, {report.rows_valid} valid, "
            f"{report.rows_invalid} invalid"
        )
        say(report.summary())
    say(f"Done in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
