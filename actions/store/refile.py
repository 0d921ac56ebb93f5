"""Re-file misfiled courses into the right subject by reviewed title rules.

The rules live in ``data/catalogue/subject_rules.yml``: an ordered list of
``{subject, patterns, why}`` where ``patterns`` are case-insensitive regular
expressions searched in the course title.
The first rule with a matching pattern decides the subject; a course no rule
matches keeps its subject. Usage::

    python -m actions.store.refile data/catalogue/courses.csv [--write]

prints a report of the moves and, with ``--write``, rewrites the CSV in place.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from actions.store.models import SUBJECTS

#: The reviewed rules shipped with the catalogue.
RULES_PATH = Path(__file__).resolve().parents[2] / "data" / "catalogue" / "subject_rules.yml"


class RuleError(ValueError):
    """A rules file that cannot be used; the message names the rule."""


@dataclass(frozen=True)
class Rule:
    """One re-filing rule: titles matching any pattern belong in ``subject``."""

    subject: str
    patterns: tuple[re.Pattern[str], ...]
    why: str

    def matches(self, text: str) -> bool:
        """Whether any pattern is found in ``text``."""
        return any(p.search(text) for p in self.patterns)


@dataclass(frozen=True)
class Move:
    """A course moved from ``old`` to ``new`` subject by the rule explained by ``why``."""

    id: str
    title: str
    old: str
    new: str
    why: str


def parse_rules(data: Any, source: str = "rules") -> list[Rule]:
    """Validate the loaded YAML ``data`` and compile it into rules."""
    if not isinstance(data, list) or not data:
        raise RuleError(f"{source}: expected a non-empty list of rules")
    rules: list[Rule] = []
    for n, item in enumerate(data, start=1):
        where = f"{source}: rule {n}"
        if not isinstance(item, dict):
            raise RuleError(f"{where}: expected a mapping with subject, patterns and why")
        subject, patterns, why = item.get("subject"), item.get("patterns"), item.get("why")
        where += f" ({subject})"
        unknown = set(item) - {"subject", "patterns", "why"}
        if unknown:
            raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        if not isinstance(subject, str) or subject not in SUBJECTS:
            raise RuleError(f"{where}: unknown subject id {subject!r}")
        if not isinstance(why, str) or not why.strip():
            raise RuleError(f"{where}: 'why' must be a non-empty string")
        if not isinstance(patterns, list) or not patterns:
            raise RuleError(f"{where}: 'patterns' must be a non-empty list")
        compiled = []
        for pattern in patterns:
            if not isinstance(pattern, str) or not pattern:
                raise RuleError(f"{where}: pattern {pattern!r} is not a non-empty string")
            try:
                compiled.append(re.compile(pattern, re.IGNORECASE))
            except re.error as exc:
                raise RuleError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc
        rules.append(Rule(subject, tuple(compiled), why.strip()))
    return rules


def load_rules(path: Path = RULES_PATH) -> list[Rule]:
    """Read and validate the rules file at ``path``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: not valid YAML: {exc}") from exc
    return parse_rules(data, str(path))


def rule_for(title: str, rules: Sequence[Rule]) -> Rule | None:
    """The first rule matching ``title``, if any."""
    return next((rule for rule in rules if rule.matches(title)), None)


def refile(
    rows: Iterable[dict[str, str]], rules: Sequence[Rule] | None = None
) -> tuple[list[dict[str, str]], list[Move]]:
    """Apply ``rules`` (default: the shipped rules) and return new rows and moves.

    Input rows are not modified; only the ``subject`` column can change.
    """
    rules = load_rules() if rules is None else rules
    new_rows: list[dict[str, str]] = []
    moves: list[Move] = []
    for row in rows:
        rule = rule_for(row["title"], rules)
        if rule is None or rule.subject == row["subject"]:
            new_rows.append(row)
            continue
        new_rows.append({**row, "subject": rule.subject})
        moves.append(Move(row["id"], row["title"], row["subject"], rule.subject, rule.why))
    return new_rows, moves


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of a catalogue CSV."""
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def render_csv(fieldnames: Sequence[str], rows: Iterable[dict[str, str]]) -> str:
    """The CSV text ``csv.DictWriter`` writes (CRLF line ends, minimal quoting)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fieldnames))
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def report(moves: Sequence[Move], total: int) -> str:
    """A readable summary: total moved, moves per (old -> new) pair, each move."""
    lines = [f"{len(moves)} of {total} courses moved"]
    pairs = Counter((m.old, m.new) for m in moves)
    for (old, new), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {n:3d}  {old} -> {new}")
    if moves:
        lines.append("")
    for m in sorted(moves, key=lambda m: (m.old, m.new, m.title)):
        lines.append(f"{m.old} -> {m.new}: {m.title} [{m.id}] ({m.why})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the report; with ``--write`` rewrite the CSV in place."""
    parser = argparse.ArgumentParser(prog="python -m actions.store.refile", description=__doc__)
    parser.add_argument("csv", type=Path, help="catalogue CSV, e.g. data/catalogue/courses.csv")
    parser.add_argument("--rules", type=Path, default=RULES_PATH, help="rules YAML file")
    parser.add_argument("--write", action="store_true", help="rewrite the CSV in place")
    args = parser.parse_args(argv)
    try:
        rules = load_rules(args.rules)
    except (OSError, RuleError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    fieldnames, rows = read_csv(args.csv)
    new_rows, moves = refile(rows, rules)
    print(report(moves, len(rows)))
    if args.write and moves:
        args.csv.write_text(render_csv(fieldnames, new_rows), encoding="utf-8", newline="")
        print(f"\nwrote {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
