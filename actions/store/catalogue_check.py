"""Check a course catalogue (CSV) before anything is written: required fields, allowed
values, numbers and their ranges, duplicate ids, rows longer or shorter than the header,
and bytes that are not UTF-8. Every problem is a :class:`Problem` at a physical line and
column (``path:line: column 'name': reason``); the good rows come back typed, with the
values computed at import (cost in GBP, weekly hours, credit, goal scores). Used by
:mod:`actions.store.importer`, which writes only what passed."""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actions.store.db import StoreError
from actions.store.models import (
    CREDENTIAL_TYPES,
    CREDIT_CREDENTIALS,
    CREDIT_SCHEMES,
    CURRENCIES,
    DELIVERIES,
    LEVELS,
    PRICE_MODELS,
    SUBJECTS,
)
from actions.store.pricing import course_cost
from actions.store.ranking import rank_scores
from actions.store.topics import is_follow_on, is_starter_title

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
    row["starter_title"] = is_starter_title(row["title"])
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


__all__ = [
    "COLUMNS",
    "REQUIRED",
    "CatalogueError",
    "Problem",
    "Validation",
    "validate_file",
    "validate_rows",
]
