"""Scores handed to the database as one JSON parameter order the courses (both backends)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.store.models import Course
from actions.store.score_table import score_of, score_table


def test_courses_come_in_the_order_of_their_scores_and_unscored_ones_last(
    session: Session,
) -> None:
    ids = list(session.execute(select(Course.id).order_by(Course.id).limit(4)).scalars())
    # Keys a JSON path would misread (quotes, dots, "$") must still be plain keys.
    scores = {ids[2]: -3.5, ids[0]: -1.25, ids[3]: -2.0, "a.\"$odd'key": -9.0}
    table = score_table(session, scores)
    ranked = list(
        session.execute(
            select(Course.id)
            .select_from(Course)
            .outerjoin(table, table.c.key == Course.id)
            .where(Course.id.in_(ids))
            .order_by(score_of(table), Course.id)
        ).scalars()
    )
    assert ranked == [ids[2], ids[3], ids[0], ids[1]]


def test_an_empty_table_gives_every_course_the_default(session: Session) -> None:
    table = score_table(session, {})
    value = session.execute(
        select(score_of(table, default=7.0))
        .select_from(Course)
        .outerjoin(table, table.c.key == Course.id)
        .limit(1)
    ).scalar_one()
    assert value == 7.0


def test_several_kinds_of_score_share_one_table_each_in_its_own_column(
    session: Session,
) -> None:
    ids = list(session.execute(select(Course.id).order_by(Course.id).limit(3)).scalars())
    meaning = {ids[0]: -0.5, ids[1]: -0.9}
    words = {ids[2]: -4.0, ids[0]: -1.0}
    table = score_table(session, meaning, words)
    rows = session.execute(
        select(Course.id, score_of(table, 0, default=1.0), score_of(table, 1))
        .select_from(Course)
        .outerjoin(table, table.c.key == Course.id)
        .where(Course.id.in_(ids))
        .order_by(score_of(table, 0, default=1.0), score_of(table, 1), Course.id)
    ).all()
    assert [tuple(row) for row in rows] == [
        (ids[1], -0.9, 0.0),
        (ids[0], -0.5, -1.0),
        (ids[2], 1.0, -4.0),
    ]
