"""Engine and session plumbing: URL setting, caching, foreign keys, no work at import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from actions.store.db import (
    DEFAULT_DB_PATH,
    create_schema,
    database_url,
    dispose_engines,
    get_engine,
    get_sessionmaker,
)
from actions.store.models import ShortlistItem
from tests.actions.store.conftest import ROOT


def test_database_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURSE_DB_URL", raising=False)
    assert database_url() == f"sqlite:///{DEFAULT_DB_PATH}"
    assert DEFAULT_DB_PATH == ROOT / "var" / "courses.db"
    monkeypatch.setenv("COURSE_DB_URL", "sqlite:////tmp/elsewhere.db")
    assert database_url() == "sqlite:////tmp/elsewhere.db"


def test_engines_are_cached_per_url_and_make_their_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'deeper' / 'store.db'}"
    try:
        engine = get_engine(url)
        assert get_engine(url) is engine
        assert get_sessionmaker(url) is get_sessionmaker(url)
        assert (tmp_path / "nested" / "deeper").is_dir()
        assert get_engine(f"sqlite:///{tmp_path / 'other.db'}") is not engine
    finally:
        dispose_engines()


def test_sqlite_enforces_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fk.db'}"
    try:
        create_schema(get_engine(url))
        with Session(get_engine(url), future=True) as session:
            session.add(ShortlistItem(sender_id="a", course_id="no-such-course"))
            with pytest.raises(IntegrityError):
                session.flush()
    finally:
        dispose_engines()


def test_importing_the_store_does_no_work() -> None:
    code = (
        "import actions.store.search, actions.store.importer, actions.store.learners, "
        "actions.store.advisers\n"
        "from actions.store import db\n"
        "assert not db._engines, db._engines\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"COURSE_DB_URL": "sqlite:////nonexistent/dir/never.db", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert not Path("/nonexistent").exists()
