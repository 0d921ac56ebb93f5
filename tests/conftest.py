"""Fixtures shared by every test folder (defined once so each runs once per session), and the
loud report of tests skipped for want of system programs (tests/system_deps.py)."""

from tests.servers import chat, course_db_url, model_path, stack  # noqa: F401
from tests.system_deps import pytest_runtest_makereport, pytest_terminal_summary  # noqa: F401
