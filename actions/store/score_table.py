"""Relevance scores handed to the database as one bound parameter.

The search orders its candidates by their full-text scores. Written as
``CASE courses.id WHEN ... THEN ... END``, a list of 200 scores is 400 bound values:
building, cache-keying and compiling that statement in SQLAlchemy took about a third
of a search's time in a large catalogue, and every list length is a new statement
shape. Here the scores travel as one JSON object, which the database turns into a
table (``json_each`` in SQLite, ``json_each_text`` in PostgreSQL) read once per
statement: the statement's shape no longer depends on the scores.

The table is a subquery, so that SQLite materialises it once and joins it through an
automatic index; joining ``json_each`` directly re-reads the JSON for every course
(ten times slower at 400 candidates).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import JSON, Float, String, bindparam, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery


def score_table(session: Session, scores: Mapping[str, float]) -> Subquery:
    """A ``(key, value)`` table of course id and score, from one bound JSON object."""
    document = bindparam(None, json.dumps(dict(scores)), type_=String)
    if session.get_bind().dialect.name == "postgresql":
        table = func.json_each_text(cast(document, JSON)).table_valued("key", "value")
    else:
        table = func.json_each(document).table_valued("key", "value")
    return select(table.c.key, table.c.value).subquery()


def score_of(table: Subquery, default: float = 0.0) -> Any:
    """A course's score in ``table`` (joined on its id), ``default`` when it has none."""
    return func.coalesce(cast(table.c.value, Float), default)


__all__ = ["score_of", "score_table"]
