"""The atomic Redis lock store issues every ticket exactly once, even from several processes."""

from __future__ import annotations

import multiprocessing
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.lock_store import AtomicRedisLockStore

PROCESSES = 4
TICKETS_EACH = 300


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def redis_port() -> Iterator[int]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    yield port
    process.terminate()
    process.wait(timeout=10)


def _store(port: int) -> AtomicRedisLockStore:
    return AtomicRedisLockStore(
        EndpointConfig(url="127.0.0.1", port=str(port), db="0", password="")
    )


def _issue(port: int, count: int) -> list[int]:
    store = _store(port)
    return [store.issue_ticket("same-conversation") for _ in range(count)]


def test_tickets_from_several_processes_are_all_distinct(redis_port: int) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES) as pool:
        batches = pool.starmap(_issue, [(redis_port, TICKETS_EACH)] * PROCESSES)
    tickets = [ticket for batch in batches for ticket in batch]
    assert len(set(tickets)) == PROCESSES * TICKETS_EACH


def test_finished_tickets_are_returned_and_the_lock_tidied(redis_port: int) -> None:
    store = _store(redis_port)
    first = store.issue_ticket("tidy")
    second = store.issue_ticket("tidy")
    store.cleanup("tidy", first)
    lock = store.get_lock("tidy")
    assert lock is not None and lock.is_someone_waiting()
    store.cleanup("tidy", second)
    assert store.get_lock("tidy") is None
