"""Rasa's command line with library deprecation warnings off, for ``make shell``.

``PYTHONWARNINGS=ignore::DeprecationWarning`` is not enough: Sanic's ``app`` module, which
Rasa imports, turns DeprecationWarning back on (``filterwarnings("once", ...)``) when it is
imported, and Rasa shows every UserWarning "once", which wins for pyparsing's
deprecations (both a UserWarning and a DeprecationWarning): a careers adviser read some 25
warnings before "Bot loaded". Whatever the filters end up as, this drops any warning that is
a deprecation or future warning when it is about to be shown, then runs ``rasa`` with the
same arguments. Other warnings and every error still show.

Usage: ``python -m bot.quiet_cli run --connector bot.shell_channel.AdviserShellInput ...``
"""

from __future__ import annotations

import warnings
from typing import Any

QUIET = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)
_show = warnings.showwarning


def _show_unless_deprecation(
    message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any
) -> None:
    if issubclass(category, QUIET):
        return
    _show(message, category, *args, **kwargs)


def silence() -> None:
    """Deprecation and future warnings are no longer shown; other warnings are."""
    for category in QUIET:
        warnings.filterwarnings("ignore", category=category)
    warnings.showwarning = _show_unless_deprecation


def main() -> None:
    silence()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
