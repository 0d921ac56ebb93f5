"""Rasa's Redis lock store with atomic ticket operations, for several Rasa servers.

Rasa 3.6's ``RedisLockStore`` changes a conversation's ticket lock by reading it, changing it
in Python and writing it back (GET, then SET). When two Rasa servers take turns of the same
conversation at the same moment, both can read the lock before either writes it: both get
ticket 0 and run their turns at once (the SQL tracker store then drops one turn's events), or
a finished ticket is written back and the next turn waits for it to expire (60 s). The
problem is known upstream (RasaHQ/rasa#9213; Rasa Pro has a ``ConcurrentRedisLockStore``).

This subclass does every read-change-write of a lock in one Redis transaction (WATCH, MULTI,
EXEC; retried when another server changed the lock in between), so tickets are issued and
returned exactly once. Keys and values are the same as ``RedisLockStore``'s, so servers can
switch without clearing Redis.

Enabled with ``LOCK_STORE_TYPE=bot.lock_store.AtomicRedisLockStore``: ``endpoints.yml`` passes
the same ``url``, ``port``, ``db`` and ``password`` as for ``type: redis``.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from typing import Any

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

MAX_ATTEMPTS = 1000
_KEEP = object()  # "leave the stored lock as it is"


class AtomicRedisLockStore(RedisLockStore):
    """``RedisLockStore`` whose lock changes are Redis transactions (module docstring)."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            settings = {k: v for k, v in endpoint_config.kwargs.items() if k != "type"}
            kwargs = {"host": endpoint_config.url or "localhost", **settings, **kwargs}
        if not kwargs.get("password"):
            kwargs["password"] = None  # an empty REDIS_PASSWORD means no AUTH
        super().__init__(**kwargs)

    def _change(self, conversation_id: str, change: Callable[[TicketLock | None], Any]) -> Any:
        """Apply ``change`` to the stored lock atomically.

        ``change`` gets the lock (``None`` when there is none) and returns
        ``(result, new)``: ``new`` is a lock to store, ``None`` to delete it, or
        ``_KEEP``; ``result`` is returned.
        """
        key = self.key_prefix + conversation_id
        for attempt in range(MAX_ATTEMPTS):
            with self.red.pipeline() as pipe:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(stored)) if stored else None
                    result, new = change(lock)
                    pipe.multi()
                    if new is None:
                        pipe.delete(key)
                    elif new is not _KEEP:
                        pipe.set(key, new.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    # Another server changed the lock meanwhile: start again after a short,
                    # random pause so that contenders do not collide again in step.
                    time.sleep(random.uniform(0, min(0.05, 0.001 * (attempt + 1))))
        raise LockError(f"Could not change the lock of conversation '{conversation_id}'.")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[int, TicketLock]:
            lock = lock or TicketLock(conversation_id)
            return lock.issue_ticket(lock_lifetime), lock

        try:
            ticket: int = self._change(conversation_id, issue)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        return ticket

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[None, object]:
            if lock is None:
                return None, _KEEP
            lock.remove_expired_tickets()
            return None, lock

        self._change(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        def finish(lock: TicketLock | None) -> tuple[None, object]:
            if lock is None:
                return None, _KEEP
            lock.remove_ticket_for(ticket_number)
            return None, lock

        self._change(conversation_id, finish)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # finish_serving, then "delete the lock if no one is waiting", in one transaction
        def finish_and_tidy(lock: TicketLock | None) -> tuple[None, object]:
            if lock is None:
                return None, _KEEP
            lock.remove_ticket_for(ticket_number)
            return None, lock if lock.is_someone_waiting() else None

        self._change(conversation_id, finish_and_tidy)
