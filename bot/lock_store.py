"""Rasa's Redis lock store with atomic ticket operations, for several Rasa servers.

Rasa 3.6's ``RedisLockStore`` changes a conversation's ticket lock by reading it, changing it
in Python and writing it back (GET, then SET). When two Rasa servers take turns of the same
conversation at the same moment, both can read the lock before either writes it: both get
ticket 0 and run their turns at once (the SQL tracker store then drops one turn's events), or
a finished ticket is written back and the next turn waits for it to expire (60 s). The
problem is known upstream (RasaHQ/rasa#9213; Rasa Pro has a ``ConcurrentRedisLockStore``).

This subclass does every read-change-write of a lock inside Redis, as one Lua script
(``EVALSHA``: atomic, one round trip), so tickets are issued and returned exactly once. A
message costs three round trips to Redis (issue a ticket, read the lock, return the ticket)
instead of Rasa's eight. The script applies ``TicketLock``'s rules (expired tickets dropped,
next number after the last one issued, lock deleted when nobody waits), with the time taken
from this server's clock as Rasa does. Keys and values are ``RedisLockStore``'s (the same JSON
fields), so servers can switch without clearing Redis.

Enabled with ``LOCK_STORE_TYPE=bot.lock_store.AtomicRedisLockStore``: ``endpoints.yml`` passes
the same ``url``, ``port``, ``db`` and ``password`` as for ``type: redis``.
"""

from __future__ import annotations

import time
from typing import Any

import redis
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# KEYS[1]: the lock's key. ARGV: operation, now (seconds), conversation id, then the lifetime
# (issue) or the ticket number (finish, cleanup). Returns the ticket issued, or 0.
TICKET_SCRIPT = """
local op, now, conversation_id = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local raw = redis.call('GET', KEYS[1])
if not raw and op ~= 'issue' then
  return 0
end
local tickets = {}
if raw then
  for _, encoded in ipairs(cjson.decode(raw)['tickets'] or {}) do
    local ticket = cjson.decode(encoded)
    if tonumber(ticket['expires']) >= now then
      table.insert(tickets, ticket)
    end
  end
end
local result = 0
if op == 'issue' then
  local last = -1
  if #tickets > 0 then
    last = tonumber(tickets[#tickets]['number'])
  end
  result = last + 1
  table.insert(tickets, {number = result, expires = now + tonumber(ARGV[4])})
elseif op == 'finish' or op == 'cleanup' then
  local number = tonumber(ARGV[4])
  for i, ticket in ipairs(tickets) do
    if tonumber(ticket['number']) == number then
      table.remove(tickets, i)
      break
    end
  end
end
if op == 'cleanup' and #tickets == 0 then
  redis.call('DEL', KEYS[1])
  return result
end
local encoded = {}
for i, ticket in ipairs(tickets) do
  encoded[i] = cjson.encode(string.format('{"number": %d, "expires": %.17g}',
    ticket['number'], ticket['expires']))
end
redis.call('SET', KEYS[1], string.format('{"conversation_id": %s, "tickets": [%s]}',
  cjson.encode(conversation_id), table.concat(encoded, ', ')))
return result
"""


class AtomicRedisLockStore(RedisLockStore):
    """``RedisLockStore`` whose lock changes are one Lua script each (module docstring)."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            settings = {k: v for k, v in endpoint_config.kwargs.items() if k != "type"}
            kwargs = {"host": endpoint_config.url or "localhost", **settings, **kwargs}
        if not kwargs.get("password"):
            kwargs["password"] = None  # an empty REDIS_PASSWORD means no AUTH
        super().__init__(**kwargs)
        self._script = self.red.register_script(TICKET_SCRIPT)

    def _run(self, operation: str, conversation_id: str, argument: float | int = 0) -> int:
        try:
            result = self._script(
                keys=[self.key_prefix + conversation_id],
                args=[operation, repr(time.time()), conversation_id, argument],
            )
        except redis.RedisError as error:
            raise LockError(
                f"Could not {operation} the lock of conversation '{conversation_id}': {error}"
            ) from error
        return int(result)

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        return self._run("issue", conversation_id, lock_lifetime)

    def update_lock(self, conversation_id: str) -> None:
        self._run("update", conversation_id)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._run("finish", conversation_id, ticket_number)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # finish_serving, then "delete the lock if no one is waiting", in one script
        self._run("cleanup", conversation_id, ticket_number)
