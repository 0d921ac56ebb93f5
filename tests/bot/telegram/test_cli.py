"""``python -m bot.telegram``: settings, clear errors, and which run mode is started."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram.error import InvalidToken, NetworkError
from telegram.ext import Application

from bot import log_hygiene
from bot.telegram import app, cli, config
from bot.telegram.config import ConfigError, Settings, load_settings
from tests.servers import TEST_SENDER_SECRET

ROOT = Path(__file__).resolve().parents[3]
TOKEN = "123456:TEST-token-not-real"
SECRET = "s3cret_-token"


class Runner:
    def __init__(self, error: Exception | None = None) -> None:
        self.settings: list[Settings] = []
        self.error = error

    def __call__(self, settings: Settings) -> None:
        self.settings.append(settings)
        if self.error:
            raise self.error


@pytest.fixture
def webhooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the webhooks extra (tornado) is installed."""
    monkeypatch.setattr(config, "webhooks_available", lambda: True)


def test_without_a_token_it_explains_how_to_get_one(capsys: pytest.CaptureFixture[str]) -> None:
    runner = Runner()
    assert cli.main([], env={}, runner=runner) == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN is not set" in err
    assert "@BotFather" in err
    assert "TELEGRAM_BOT_TOKEN=" in err and "python -m bot.telegram" in err
    assert runner.settings == []


def test_module_entry_point_without_a_token() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "RASA_"))}
    done = subprocess.run(
        [sys.executable, "-m", "bot.telegram"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "@BotFather" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_describes_both_modes_and_the_environment(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"], env={}, runner=Runner())
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for item in [
        "TELEGRAM_BOT_TOKEN",
        "RASA_URL",
        "TELEGRAM_WEBHOOK_SECRET",
        "--webhook-url",
        "--port",
        "@BotFather",
        "polling",
    ]:
        assert item in out


def test_polling_is_the_default() -> None:
    runner = Runner()
    assert (
        cli.main(
            [],
            env={"SENDER_SECRET": TEST_SENDER_SECRET, "TELEGRAM_BOT_TOKEN": f" {TOKEN} "},
            runner=runner,
        )
        == 0
    )
    [settings] = runner.settings
    assert settings.token == TOKEN
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert settings.webhook_url is None


def test_rasa_url_from_env_and_flag() -> None:
    env = {
        "SENDER_SECRET": TEST_SENDER_SECRET,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "RASA_URL": "http://rasa:5005/",
    }
    assert load_settings(env).rasa_url == "http://rasa:5005"
    assert load_settings(env, rasa_url="https://other").rasa_url == "https://other"
    with pytest.raises(ConfigError, match="RASA_URL"):
        load_settings({**env, "RASA_URL": "rasa:5005"})


def test_webhook_mode(webhooks: None) -> None:
    runner = Runner()
    env = {
        "SENDER_SECRET": TEST_SENDER_SECRET,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
    }
    args = ["--webhook-url", "https://bot.example.org/tg/hook", "--port", "8443"]
    assert cli.main(args, env=env, runner=runner) == 0
    [settings] = runner.settings
    assert settings.webhook_url == "https://bot.example.org/tg/hook"
    assert settings.webhook_secret == SECRET
    assert settings.port == 8443
    assert settings.webhook_path == "tg/hook"


@pytest.mark.parametrize(
    ("args", "secret", "message"),
    [
        (["--webhook-url", "https://bot.example.org"], "", "TELEGRAM_WEBHOOK_SECRET"),
        (["--webhook-url", "https://bot.example.org"], "has spaces!", "TELEGRAM_WEBHOOK_SECRET"),
        (["--webhook-url", "http://bot.example.org"], SECRET, "https://"),
        (["--webhook-url", "https://bot.example.org", "--port", "0"], SECRET, "--port"),
        (["--rasa-timeout", "0"], SECRET, "--rasa-timeout"),
    ],
)
def test_bad_settings_exit_with_a_clear_message(
    webhooks: None, capsys: pytest.CaptureFixture[str], args: list[str], secret: str, message: str
) -> None:
    env = {
        "SENDER_SECRET": TEST_SENDER_SECRET,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": secret,
    }
    assert cli.main(args, env=env, runner=Runner()) == 2
    assert message in capsys.readouterr().err


def test_webhook_mode_without_the_webhooks_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(config, "webhooks_available", lambda: False)
    env = {
        "SENDER_SECRET": TEST_SENDER_SECRET,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
    }
    assert cli.main(["--webhook-url", "https://x.org"], env=env, runner=Runner()) == 2
    assert "python-telegram-bot[webhooks]" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (InvalidToken("Unauthorized"), "rejected TELEGRAM_BOT_TOKEN"),
        (NetworkError("no route"), "Could not talk to Telegram"),
    ],
)
def test_telegram_failures_at_start_up(
    capsys: pytest.CaptureFixture[str], error: Exception, message: str
) -> None:
    assert (
        cli.main(
            [],
            env={"SENDER_SECRET": TEST_SENDER_SECRET, "TELEGRAM_BOT_TOKEN": TOKEN},
            runner=Runner(error),
        )
        == 1
    )
    err = capsys.readouterr().err
    assert message in err
    assert TOKEN not in err


def test_httpx_logger_is_quiet() -> None:
    cli.configure_logging("DEBUG")
    assert logging.getLogger("httpx").level == logging.WARNING


def test_logging_keeps_learner_text_out_and_one_line_per_record(
    caplog: pytest.LogCaptureFixture,
) -> None:
    cli.configure_logging("INFO")
    with caplog.at_level(logging.INFO):
        logging.getLogger("bot.telegram.test").info("said: %s", "hi\nforged line")
    assert "hi\\nforged line" in caplog.text


@pytest.fixture(autouse=True)
def _no_log_hygiene_afterwards() -> Iterator[None]:
    """configure_logging installs bot.log_hygiene for the process: not for later tests."""
    yield
    log_hygiene.uninstall()


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Application.run_polling/run_webhook record their arguments instead of running."""
    recorded = Recorder()
    for mode in ("polling", "webhook"):

        def fake(application: Application, *, _mode: str = mode, **kwargs: Any) -> None:
            recorded.calls.append((_mode, kwargs))

        monkeypatch.setattr(Application, f"run_{mode}", fake)
    return recorded


def test_run_polls_by_default(recorder: Recorder) -> None:
    app.run(Settings(token=TOKEN))
    assert recorder.calls == [("polling", {"allowed_updates": ["message", "callback_query"]})]


def test_run_webhook_checks_telegrams_secret_token(recorder: Recorder) -> None:
    app.run(
        Settings(
            token=TOKEN,
            webhook_url="https://bot.example.org/tg",
            webhook_secret=SECRET,
            listen="127.0.0.1",
            port=8443,
        )
    )
    [(mode, kwargs)] = recorder.calls
    assert mode == "webhook"
    assert kwargs == {
        "listen": "127.0.0.1",
        "port": 8443,
        "url_path": "tg",
        "webhook_url": "https://bot.example.org/tg",
        "secret_token": SECRET,
        "allowed_updates": ["message", "callback_query"],
    }


def test_importing_the_package_does_no_work() -> None:
    code = (
        "import sys, bot.telegram, bot.telegram.app, bot.telegram.handlers, bot.telegram.cli;"
        "import gc, httpx, telegram.ext;"
        "assert not [o for o in gc.get_objects() if isinstance(o, (httpx.AsyncClient, "
        "telegram.ext.Application))]"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=60)


def test_the_bridge_needs_the_sender_secret_of_the_rasa_server() -> None:
    with pytest.raises(ConfigError, match="SENDER_SECRET"):
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    with pytest.raises(ConfigError, match="at least"):
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "SENDER_SECRET": "short"})
    local = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "ALLOW_UNSIGNED_SENDERS": "1"})
    assert local.sender_secret is None
    signed = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "SENDER_SECRET": TEST_SENDER_SECRET})
    assert signed.sender_secret == TEST_SENDER_SECRET
