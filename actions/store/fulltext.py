"""Full-text relevance with the database's own engine.

SQLite (the default): an FTS5 table ``courses_fts`` over the course's title,
description and keywords, with the porter stemmer, kept in step with ``courses`` by
triggers (so imports, updates, ``--prune`` and cascading deletes all reindex), ranked
with ``bm25`` (title weighted highest).

PostgreSQL: two generated ``tsvector`` columns (``search_tsv``: title weight A,
description B, keywords C; ``title_tsv``), always in step because the database
computes them, a GIN index, ``websearch_to_tsquery('english', ...)`` and
``ts_rank_cd``.

Both give the same thing to the search (:class:`Relevance`): the most relevant courses
matching every group of a topic, their scores (lower is more relevant) and which of
them match in the title itself.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Float, String, bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from actions.store.topics import PREFIX, Group

logger = logging.getLogger(__name__)

#: Most relevant courses considered for one topic (bounds the cost of broad topics).
MAX_MATCHES = 200
#: bm25 column weights: title, description, keywords.
_BM25_WEIGHTS = "10.0, 3.0, 1.0"

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE courses_fts USING fts5(title, description, keywords, "
    "content='courses', content_rowid='rowid', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS courses_fts_insert AFTER INSERT ON courses BEGIN "
    "INSERT INTO courses_fts(rowid, title, description, keywords) "
    "VALUES (new.rowid, new.title, new.description, new.keywords); END",
    "CREATE TRIGGER IF NOT EXISTS courses_fts_delete AFTER DELETE ON courses BEGIN "
    "INSERT INTO courses_fts(courses_fts, rowid, title, description, keywords) "
    "VALUES ('delete', old.rowid, old.title, old.description, old.keywords); END",
    "CREATE TRIGGER IF NOT EXISTS courses_fts_update AFTER UPDATE OF title, description, "
    "keywords ON courses WHEN old.title IS NOT new.title "
    "OR old.description IS NOT new.description OR old.keywords IS NOT new.keywords BEGIN "
    "INSERT INTO courses_fts(courses_fts, rowid, title, description, keywords) "
    "VALUES ('delete', old.rowid, old.title, old.description, old.keywords); "
    "INSERT INTO courses_fts(rowid, title, description, keywords) "
    "VALUES (new.rowid, new.title, new.description, new.keywords); END",
)

_POSTGRES_DDL = (
    "ALTER TABLE courses ADD COLUMN IF NOT EXISTS search_tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(description, '')), 'B') || "
    "setweight(to_tsvector('english', coalesce(keywords, '')), 'C')) STORED",
    "ALTER TABLE courses ADD COLUMN IF NOT EXISTS title_tsv tsvector GENERATED ALWAYS AS ("
    "to_tsvector('english', coalesce(title, ''))) STORED",
    "CREATE INDEX IF NOT EXISTS ix_courses_search_tsv ON courses USING GIN (search_tsv)",
    "CREATE INDEX IF NOT EXISTS ix_courses_title_tsv ON courses USING GIN (title_tsv)",
)


def ensure_fulltext(connection: Connection) -> None:
    """Create the full-text index for this database if it is missing (idempotent).

    A new SQLite index over courses already in the table is filled at once
    (FTS5 ``rebuild``).
    """
    dialect = connection.dialect.name
    if dialect == "sqlite":
        exists = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'courses_fts'"
        ).first()
        statements = _SQLITE_DDL if exists is None else _SQLITE_DDL[1:]
        for statement in statements:
            connection.exec_driver_sql(statement)
        if exists is None:
            connection.exec_driver_sql("INSERT INTO courses_fts(courses_fts) VALUES ('rebuild')")
    elif dialect == "postgresql":
        for statement in _POSTGRES_DDL:
            connection.exec_driver_sql(statement)
    else:
        logger.warning("no full-text search for %s: topic searches find nothing", dialect)


def check_index(connection: Connection) -> None:
    """Raise if the SQLite index disagrees with the courses table (tests, operators)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            "INSERT INTO courses_fts(courses_fts, rank) VALUES ('integrity-check', 1)"
        )


# -- queries -------------------------------------------------------------------------


def _fts5_phrase(phrase: str) -> str:
    if phrase.endswith(PREFIX):
        return '"' + phrase[:-1].replace('"', '""') + '" *'
    return '"' + phrase.replace('"', '""') + '"'


def fts5_query(groups: Sequence[Group], *, any_group: bool = False) -> str:
    """The FTS5 MATCH expression: every group (with ``any_group``, any of them), any
    phrase of each (words are quoted)."""
    parts = []
    for group in groups:
        alternatives = " OR ".join(_fts5_phrase(p) for p in group)
        parts.append(f"({alternatives})")
    return (" OR " if any_group else " AND ").join(parts)


def _postgres_tsquery(
    groups: Sequence[Group], params: dict[str, Any], *, any_group: bool = False
) -> str:
    ands = []
    for group in groups:
        ors = []
        for phrase in group:
            name = f"p{len(params)}"
            if phrase.endswith(PREFIX):
                # An indexed stem: matched as a prefix, not stemmed again.
                params[name] = phrase[:-1] + ":*"
                ors.append(f"to_tsquery('simple', :{name})")
                continue
            params[name] = f'"{phrase}"' if " " in phrase else phrase
            ors.append(f"websearch_to_tsquery('english', :{name})")
        ands.append("(" + " || ".join(ors) + ")")
    return (" || " if any_group else " && ").join(ands)


def _sqlite_rare_first_query(groups: Sequence[Group], common: Sequence[Group], limit: int) -> Any:
    """:func:`_relevance_query` with ``any_group`` on SQLite, for the courses matching a
    group not in ``common``: each with its score over every group (bm25 adds up a score a
    phrase, so "rare AND common" and "rare NOT common" give the whole query's score), without
    reading the long lists of courses with a common word alone."""
    rare = fts5_query([g for g in groups if g not in common], any_group=True)
    usual = fts5_query(common, any_group=True)
    whole = fts5_query(groups, any_group=True)
    statement = text(
        "SELECT courses.id AS course_id, ranked.score AS score, ranked.rowid IN "
        "(SELECT rowid FROM courses_fts WHERE courses_fts MATCH :title_q) AS title_hit "
        "FROM (SELECT rowid, score FROM ("
        f"SELECT rowid, bm25(courses_fts, {_BM25_WEIGHTS}) AS score FROM courses_fts "
        "WHERE courses_fts MATCH :with_common UNION ALL "
        f"SELECT rowid, bm25(courses_fts, {_BM25_WEIGHTS}) FROM courses_fts "
        "WHERE courses_fts MATCH :without_common) ORDER BY score, rowid LIMIT :limit) "
        "AS ranked JOIN courses ON courses.rowid = ranked.rowid "
        "ORDER BY ranked.score, courses.id"
    ).bindparams(
        with_common=f"({rare}) AND ({usual})",
        without_common=f"({rare}) NOT ({usual})",
        title_q=f"({{title}} : ({whole})) AND ({rare})",
        limit=limit,
    )
    return statement.columns(course_id=String, score=Float, title_hit=Boolean)


def _postgres_rare_first_query(groups: Sequence[Group], common: Sequence[Group], limit: int) -> Any:
    """:func:`_sqlite_rare_first_query` for PostgreSQL: the courses matching a group not in
    ``common``, ranked by ``ts_rank_cd`` over every group. ts_rank_cd reads each matching
    course's vector, so ranking every course with a common word alone was most of a
    search's time at 100,000 courses (up to 470 ms a statement)."""
    params: dict[str, Any] = {"limit": limit}
    rare = _postgres_tsquery([g for g in groups if g not in common], params, any_group=True)
    whole = _postgres_tsquery(groups, params, any_group=True)
    statement = text(
        "SELECT courses.id AS course_id, -ts_rank_cd(courses.search_tsv, q.whole) AS score, "
        "(courses.title_tsv @@ q.whole) AS title_hit "
        f"FROM courses, (SELECT {rare} AS rare, {whole} AS whole) AS q "
        "WHERE courses.search_tsv @@ q.rare ORDER BY score, courses.id LIMIT :limit"
    ).bindparams(**params)
    return statement.columns(course_id=String, score=Float, title_hit=Boolean)


def _relevance_query(
    session: Session,
    groups: Sequence[Group],
    limit: int,
    *,
    titles_only: bool = False,
    any_group: bool = False,
    among: Sequence[str] | None = None,
) -> Any:
    """The query of ``(course_id, score, title_hit)`` for courses matching every group
    (with ``any_group``, at least one; with ``titles_only``, matching in the title itself;
    with ``among``, only those courses)."""
    only = " AND courses.id IN :among" if among is not None else ""
    if not groups:
        raise ValueError("relevance() needs at least one group")
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        params: dict[str, Any] = {"limit": limit}
        query = _postgres_tsquery(groups, params, any_group=any_group)
        where = "courses.title_tsv @@ q.query" if titles_only else "courses.search_tsv @@ q.query"
        statement = text(
            "SELECT courses.id AS course_id, -ts_rank_cd(courses.search_tsv, q.query) AS score, "
            "(courses.title_tsv @@ q.query) AS title_hit "
            f"FROM courses, (SELECT {query} AS query) AS q "
            f"WHERE {where}{only} ORDER BY score, courses.id LIMIT :limit"
        ).bindparams(**params)
    elif dialect == "sqlite":
        match = fts5_query(groups, any_group=any_group)
        title_match = f"{{title}} : ({match})"
        hit = (
            "1"
            if titles_only
            else "courses_fts.rowid IN (SELECT rowid FROM courses_fts WHERE courses_fts MATCH "
            ":title_q)"
        )
        if only:
            statement = text(
                f"SELECT courses.id AS course_id, bm25(courses_fts, {_BM25_WEIGHTS}) AS score, "
                f"{hit} AS title_hit "
                "FROM courses_fts JOIN courses ON courses.rowid = courses_fts.rowid "
                f"WHERE courses_fts MATCH :q{only} ORDER BY score, courses.id LIMIT :limit"
            )
        else:
            # Rank inside the index and join only the best ``limit`` rows: joining every
            # match before sorting was most of the time of a broad query at 100k courses.
            statement = text(
                "SELECT courses.id AS course_id, ranked.score AS score, "
                f"{hit.replace('courses_fts.rowid IN', 'ranked.rowid IN')} AS title_hit "
                f"FROM (SELECT rowid, bm25(courses_fts, {_BM25_WEIGHTS}) AS score "
                "FROM courses_fts WHERE courses_fts MATCH :q ORDER BY score, rowid LIMIT :limit) "
                "AS ranked JOIN courses ON courses.rowid = ranked.rowid "
                "ORDER BY ranked.score, courses.id"
            )
        statement = statement.bindparams(q=title_match if titles_only else match, limit=limit)
        if not titles_only:
            statement = statement.bindparams(title_q=title_match)
    else:
        statement = text(
            "SELECT courses.id AS course_id, 0.0 AS score, 0 AS title_hit FROM courses WHERE 0 = 1"
        )
        only = ""
    if only:
        statement = statement.bindparams(bindparam("among", list(among or []), expanding=True))
    return statement.columns(course_id=String, score=Float, title_hit=Boolean)


@dataclass(frozen=True)
class Query:
    """The full-text query a :class:`Relevance`'s scores come from."""

    groups: tuple[Group, ...]
    titles_only: bool = False
    any_group: bool = False


@dataclass(frozen=True)
class Relevance:
    """The most relevant courses for a topic, found with one full-text query."""

    ids: list[str]  # best first
    scores: dict[str, float]  # lower is more relevant
    title_ids: frozenset[str]  # courses whose title itself matches
    #: the query that scored them (``None`` for courses gathered from several queries)
    query: Query | None = None

    def part(self, ids: Sequence[str]) -> Relevance:
        """Only the courses ``ids`` (in that order), scored by the same query."""
        kept = [cid for cid in ids if cid in self.scores]
        return Relevance(
            ids=kept,
            scores={cid: self.scores[cid] for cid in kept},
            title_ids=self.title_ids & frozenset(kept),
            query=self.query,
        )


def relevance(
    session: Session,
    groups: Sequence[Group],
    limit: int = MAX_MATCHES,
    *,
    any_group: bool = False,
    among: Sequence[str] | None = None,
    common: Sequence[Group] = (),
) -> Relevance:
    """The (at most ``limit``) most relevant courses matching every group (with
    ``any_group``: at least one group, ranked by how well; the engine's bm25 or
    ts_rank_cd weighs a rare word above a common one, so "military history" finds the
    military courses before the many about history).

    The full-text query runs once; the search then filters and orders by this short list
    in each of its statements instead of matching again. Titles are searched first: when
    ``limit`` titles match (a broad topic), those are the list, and the slower ranking of
    every description and keyword match (tens of thousands of rows in a large catalogue)
    is skipped.

    ``common`` (with ``any_group``): groups in so many courses that ranking every course
    with one of them is most of a search's time in a large catalogue. When at
    least ``limit`` courses match the other groups, those are ranked (by their score over
    every group) and courses matching common groups alone are left out; otherwise every
    course is ranked, as without ``common``.
    """
    if among is not None and not among:
        return Relevance(ids=[], scores={}, title_ids=frozenset())
    common = [g for g in common if g in groups]
    dialect = session.get_bind().dialect.name
    rare_first = (
        any_group
        and among is None
        and bool(common)
        and len(common) < len(groups)
        and dialect in ("sqlite", "postgresql")
    )
    rows: Sequence[Any] = []
    query = Query(tuple(groups), any_group=any_group)
    if rare_first:
        rare_query = _sqlite_rare_first_query if dialect == "sqlite" else _postgres_rare_first_query
        rows = session.execute(rare_query(groups, common, limit)).all()
    elif not any_group and among is None:
        rows = session.execute(_relevance_query(session, groups, limit, titles_only=True)).all()
        query = Query(tuple(groups), titles_only=True)
    if len(rows) < limit or (any_group and not rare_first) or among is not None:
        rows = session.execute(
            _relevance_query(session, groups, limit, any_group=any_group, among=among)
        ).all()
        query = Query(tuple(groups), any_group=any_group)
    return Relevance(
        ids=[str(cid) for cid, _, _ in rows],
        scores={str(cid): float(score) for cid, score, _ in rows},
        title_ids=frozenset(str(cid) for cid, _, hit in rows if hit),
        query=query,
    )


#: Decimals kept of a score found by subtraction (:func:`relevance_within`), so that two
#: courses equally relevant to the extra words stay equal whatever their other scores.
_WITHIN_DECIMALS = 9


def relevance_within(session: Session, base: Relevance, groups: Sequence[Group]) -> Relevance:
    """``base``'s courses ranked by how relevant they are to ``groups`` (any of them)
    alone: what ``relevance(session, groups, any_group=True, among=base.ids)`` gives.

    On SQLite it is found by matching ``base``'s own query AND any of ``groups``: the
    engine then reads only courses of the base query (not every course with one of the
    groups' words, tens of thousands in a large catalogue: about 30 ms at 100,000
    courses, against 1 or 2), and as bm25 adds up a score per phrase, a course's score
    less its score in ``base`` is its score for ``groups``.
    """
    if not base.ids or not groups:
        return Relevance(ids=[], scores={}, title_ids=frozenset(), query=None)
    if base.query is None or session.get_bind().dialect.name != "sqlite":
        return relevance(session, groups, limit=len(base.ids), any_group=True, among=list(base.ids))
    found = fts5_query(base.query.groups, any_group=base.query.any_group)
    if base.query.titles_only:
        found = f"{{title}} : ({found})"
    extra = fts5_query(groups, any_group=True)
    statement = text(
        f"SELECT courses.id, bm25(courses_fts, {_BM25_WEIGHTS}), courses_fts.rowid IN "
        "(SELECT rowid FROM courses_fts WHERE courses_fts MATCH :title_q) "
        "FROM courses_fts JOIN courses ON courses.rowid = courses_fts.rowid "
        "WHERE courses_fts MATCH :q"
    ).bindparams(q=f"({found}) AND ({extra})", title_q=f"{{title}} : ({extra})")
    scored = [
        (round(float(score) - base.scores[str(cid)], _WITHIN_DECIMALS), str(cid), bool(hit))
        for cid, score, hit in session.execute(statement)
        if str(cid) in base.scores
    ]
    scored.sort()
    return Relevance(
        ids=[cid for _, cid, _ in scored],
        scores={cid: score for score, cid, _ in scored},
        title_ids=frozenset(cid for _, cid, hit in scored if hit),
        query=None,
    )


def _matching_sql(
    session: Session, groups: Sequence[Group], where: str, params: dict[str, Any]
) -> str | None:
    """``SELECT 1`` for each course matching every group and ``where`` (SQL over
    ``courses``; adds the query's parameters to ``params``), or ``None`` without
    full-text search."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        params["q"] = fts5_query(groups)
        return (
            "SELECT 1 FROM courses_fts JOIN courses ON courses.rowid = courses_fts.rowid "
            f"WHERE courses_fts MATCH :q AND {where}"
        )
    if dialect == "postgresql":
        query = _postgres_tsquery(groups, params)
        return (
            f"SELECT 1 FROM courses, (SELECT {query} AS query) AS q "
            f"WHERE courses.search_tsv @@ q.query AND {where}"
        )
    return None


def matches_course(session: Session, course_id: str, groups: Sequence[Group]) -> bool:
    """Whether the course ``course_id`` matches every group."""
    params: dict[str, Any] = {"cid": course_id}
    sql = _matching_sql(session, groups, "courses.id = :cid", params)
    return sql is not None and session.execute(text(sql), params).first() is not None


def count_matches(session: Session, groups: Sequence[Group]) -> int:
    """How many courses match every group (at most :data:`MAX_MATCHES`), without ranking."""
    params: dict[str, Any] = {"limit": MAX_MATCHES}
    sql = _matching_sql(session, groups, "1 = 1", params)
    if sql is None:
        return 0
    found = session.execute(text(f"SELECT count(*) FROM ({sql} LIMIT :limit) AS found"), params)
    return int(found.scalar_one())


__all__ = [
    "MAX_MATCHES",
    "PREFIX",
    "Query",
    "Relevance",
    "check_index",
    "count_matches",
    "ensure_fulltext",
    "fts5_query",
    "matches_course",
    "relevance",
    "relevance_within",
]
