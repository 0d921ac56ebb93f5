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


def test_locks_it_writes_are_rasas_ticket_locks(redis_port: int) -> None:
    from rasa.core.lock_store import RedisLockStore

    ours = _store(redis_port)
    rasas = RedisLockStore(host="127.0.0.1", port=redis_port, db=0)
    before = time.time()
    assert [ours.issue_ticket("shared/ü", 30) for _ in range(3)] == [0, 1, 2]
    lock = rasas.get_lock("shared/ü")
    assert lock is not None and lock.conversation_id == "shared/ü"
    assert [t.number for t in lock.tickets] == [0, 1, 2]
    assert all(before + 29 < t.expires < time.time() + 31 for t in lock.tickets)
    assert lock.now_serving == 0 and lock.last_issued == 2
    # and Rasa's own store can carry on from what ours wrote, and the other way round
    assert rasas.issue_ticket("shared/ü", 30) == 3
    assert ours.issue_ticket("shared/ü", 30) == 4
    ours.finish_serving("shared/ü", 0)
    lock = rasas.get_lock("shared/ü")
    assert lock is not None and lock.now_serving == 1


def test_expired_tickets_are_dropped(redis_port: int) -> None:
    store = _store(redis_port)
    store.issue_ticket("expiring", 0.01)
    time.sleep(0.05)
    assert store.issue_ticket("expiring", 30) == 0  # the expired ticket 0 no longer counts
    store.issue_ticket("stale", 0.01)
    time.sleep(0.05)
    store.update_lock("stale")
    lock = store.get_lock("stale")
    assert lock is not None and not lock.is_someone_waiting()


def test_operations_on_a_missing_lock_change_nothing(redis_port: int) -> None:
    store = _store(redis_port)
    store.finish_serving("nobody", 0)
    store.cleanup("nobody", 0)
    store.update_lock("nobody")
    assert store.get_lock("nobody") is None


def test_finish_serving_keeps_an_empty_lock_as_rasa_does(redis_port: int) -> None:
    store = _store(redis_port)
    ticket = store.issue_ticket("kept")
    store.finish_serving("kept", ticket)
    lock = store.get_lock("kept")
    assert lock is not None and not lock.is_someone_waiting()
    store.cleanup("kept", ticket)
    assert store.get_lock("kept") is None


def test_redis_errors_become_lock_errors() -> None:
    from rasa.core.lock_store import LockError

    store = _store(_free_port())  # nothing listens there
    with pytest.raises(LockError, match="issue the lock of conversation 'x'"):
        store.issue_ticket("x")
