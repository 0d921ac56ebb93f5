"""Fixtures shared by every test folder (defined once so each runs once per session)."""

from tests.servers import chat, course_db_url, model_path, stack  # noqa: F401
