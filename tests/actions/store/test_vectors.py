"""Course vectors kept in step by the importer: each text encoded once, pruned with its course."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from actions.store.db import get_engine
from actions.store.importer import import_catalogue
from actions.store.models import CourseVector
from actions.store.vectors import CACHE_ENV_VAR, as_matrix, course_text
from tests.actions.store.conftest import WriteCsv, course_row


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A vector cache of this test's own, so that encoding counts are this test's."""
    path = tmp_path / "vectors.sqlite"
    monkeypatch.setenv(CACHE_ENV_VAR, str(path))
    return path


def stored(url: str) -> dict[str, tuple[str, bytes]]:
    with Session(get_engine(url), future=True) as session:
        rows = session.execute(
            select(CourseVector.course_id, CourseVector.text_hash, CourseVector.vector)
        )
        return {cid: (key, bytes(vector)) for cid, key, vector in rows}


def test_each_text_is_encoded_once_and_kept_until_it_changes(
    db_url: str, write_csv: WriteCsv
) -> None:
    # A unique description, so no earlier test's vectors stand in for these.
    fresh = uuid.uuid4().hex
    rows = [
        course_row("a", title="Beekeeping", description=f"Hives and honey {fresh}"),
        course_row("b", title="Beekeeping", description=f"Hives and honey {fresh}"),
        course_row("c", title="Welding basics", description=f"Safe arc welding {fresh}"),
    ]
    engine = get_engine(db_url)
    first = import_catalogue(engine, write_csv("one.csv", rows))
    assert first.encoded == 2  # a and b share one text
    vectors = stored(db_url)
    assert set(vectors) == {"a", "b", "c"}
    assert vectors["a"] == vectors["b"] != vectors["c"]
    assert as_matrix([vectors["a"][1]]).shape == (1, 384)

    again = import_catalogue(engine, write_csv("one.csv", rows))
    assert again.encoded == 0
    assert stored(db_url) == vectors

    rows[2]["description"] = f"Safe MIG and TIG welding {fresh}"
    changed = import_catalogue(engine, write_csv("one.csv", rows))
    assert changed.encoded == 1
    assert stored(db_url)["c"] != vectors["c"]

    pruned = import_catalogue(engine, write_csv("one.csv", rows[:1]), prune=True)
    assert pruned.deleted == 2
    assert set(stored(db_url)) == {"a"}


def test_a_new_database_of_the_same_texts_takes_the_cached_vectors(
    db_url: str, write_csv: WriteCsv, tmp_path: Path
) -> None:
    rows = [course_row("x", title="Pottery", description=f"Throwing pots {uuid.uuid4().hex}")]
    path = write_csv("pots.csv", rows)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert import_catalogue(get_engine(other), path).encoded == 1
    assert import_catalogue(get_engine(db_url), path).encoded == 0
    assert stored(db_url) == stored(other)


def test_the_text_is_the_title_then_the_description() -> None:
    assert course_text({"title": " Pottery ", "description": "Pots. "}) == "Pottery. Pots."
    assert course_text({"title": "Pottery", "description": None}) == "Pottery"
