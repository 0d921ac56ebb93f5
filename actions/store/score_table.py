"""Relevance scores handed to the database as one bound parameter.

The search orders its candidates by their full-text scores. Written as
``CASE courses.id WHEN ... THEN ... END``, a list of 200 scores is 400 bound values:
building, cache-keying and compiling that statement in SQLAlchemy took about a third
of a search's time in a large catalogue, and every list length is a new statement
shape. Here the scores travel as one JSON object, which the database turns into a
table (``json_each`` in SQLite and PostgreSQL) read once per statement: the
statement's shape no longer depends on the scores.

Several kinds of score (meaning, the request's other words, the topic's words) are
columns of one table, each course's scores a JSON array. In PostgreSQL the table is a
subquery the planner hash-joins. In SQLite it is copied into a temporary table keyed
by course id (one per connection, emptied each time): joined as a subquery, SQLite
3.40 sometimes built an automatic index on it and sometimes scanned it once per
candidate, depending on its guess of the table's size (47-56 ms instead of 3.5 ms for
5,700 candidates of a 100,000-course catalogue); joining ``json_each`` directly
re-reads the JSON for every course.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import JSON, Float, String, bindparam, cast, column, func, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import FromClause


def score_table(session: Session, *columns: Mapping[str, float]) -> FromClause:
    """A ``(key, s0, s1, ...)`` table of course id and one score per mapping in
    ``columns`` (``NULL`` where a mapping has no score for the course), from one bound
    JSON object. In SQLite it lives until the next call on the same connection: one
    table per statement."""
    keys = dict.fromkeys(key for scores in columns for key in scores)
    document = json.dumps({key: [scores.get(key) for scores in columns] for key in keys})
    if session.get_bind().dialect.name != "postgresql":
        return _temporary_table(session, len(columns), document)
    rows = func.json_each(cast(bindparam(None, document, type_=String), JSON)).table_valued(
        "key", "value"
    )
    values = [rows.c.value.op("->>")(i).label(f"s{i}") for i in range(len(columns))]
    return select(rows.c.key, *values).subquery()


def _temporary_table(session: Session, width: int, document: str) -> FromClause:
    """SQLite: the scores in ``document`` copied into ``temp.search_scores_<width>``."""
    name = f"search_scores_{width}"
    names = [f"s{i}" for i in range(width)]
    session.execute(
        text(
            f"CREATE TEMP TABLE IF NOT EXISTS {name} "
            f"(key TEXT PRIMARY KEY, {', '.join(n + ' REAL' for n in names)})"
        )
    )
    session.execute(text(f"DELETE FROM temp.{name}"))
    values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(width))
    session.execute(
        text(f"INSERT INTO temp.{name} SELECT key, {values} FROM json_each(:document)"),
        {"document": document},
    )
    return table(name, column("key"), *(column(n) for n in names), schema="temp")


def score_of(table: FromClause, column: int = 0, default: float = 0.0) -> Any:
    """A course's score in ``table``'s ``column`` (joined on its id), ``default`` when
    it has none."""
    return func.coalesce(cast(table.c[f"s{column}"], Float), default)


__all__ = ["score_of", "score_table"]
