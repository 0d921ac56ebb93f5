"""Hand-off references: random, unguessable, and what advisers close requests by."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actions.store.advisers import REFERENCE_KEY, main, new_reference
from actions.store.db import create_schema, get_engine, session_scope
from actions.store.learners import create_handoff

REFERENCE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def test_references_are_random_and_readable() -> None:
    references = {new_reference() for _ in range(1000)}
    assert len(references) == 1000
    assert all(REFERENCE.match(reference) for reference in references)


def test_advisers_list_and_close_by_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'advisers.db'}"
    create_schema(get_engine(url))
    first, second = new_reference(), new_reference()
    with session_scope(url) as session:
        create_handoff(session, "web-a", {REFERENCE_KEY: first, "profile": {"goal": "explore"}})
        create_handoff(session, "web-b", {REFERENCE_KEY: second})
        old = create_handoff(session, "web-c", {"profile": {}})  # made before references
        old_id = old.id

    assert main(["--db", url, "list"]) == 0
    listing = capsys.readouterr().out
    assert first in listing and second in listing
    assert f"{REFERENCE_KEY}:" not in listing  # the column, not repeated in the summary

    assert main(["--db", url, "close", first.lower().replace("-", "")]) == 0
    assert f"closed hand-off request {first}" in capsys.readouterr().out
    assert main(["--db", url, "close", str(old_id)]) == 0  # the id still works
    assert main(["--db", url, "close", "ZZZZ-ZZZZ"]) == 1
    assert main(["--db", url, "list"]) == 0
    remaining = capsys.readouterr().out
    assert second in remaining and first not in remaining
