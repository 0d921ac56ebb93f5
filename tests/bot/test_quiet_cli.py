"""make shell's quiet start: library deprecations hidden, other warnings still shown."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import pytest

from bot import quiet_cli


class LibraryDeprecation(UserWarning, DeprecationWarning):
    """Like pyparsing's: a UserWarning first, which Rasa shows "once"."""


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    out = io.StringIO()
    monkeypatch.setattr(quiet_cli, "_show", lambda m, c, *a, **k: out.write(f"{c.__name__}: {m}\n"))
    with warnings.catch_warnings():
        quiet_cli.silence()
        warnings.filterwarnings("once", category=UserWarning)  # what Rasa adds later
        warnings.filterwarnings("once", category=DeprecationWarning)  # what Sanic adds
        yield out


def test_deprecations_are_not_shown(shown: io.StringIO) -> None:
    warnings.warn("old API", DeprecationWarning, stacklevel=1)
    warnings.warn("setParseAction deprecated", LibraryDeprecation, stacklevel=1)
    warnings.warn("going away", FutureWarning, stacklevel=1)
    assert shown.getvalue() == ""


def test_other_warnings_still_are(shown: io.StringIO) -> None:
    warnings.warn("Slot 'x' is not in the domain", UserWarning, stacklevel=1)
    assert shown.getvalue() == "UserWarning: Slot 'x' is not in the domain\n"
