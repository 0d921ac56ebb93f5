"""Button payloads as Telegram callback data, which must be 1-64 bytes.

A payload that fits is sent as it is (``p:`` prefix), so its button keeps working after a restart.
A longer one is replaced by a short key (``k:`` prefix) remembered in a bounded, least recently used
map for the application; a key that has been forgotten resolves to ``None``.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

MAX_CALLBACK_BYTES = 64
DIRECT = "p:"
KEYED = "k:"
DEFAULT_CAPACITY = 4096


class CallbackPayloads:
    """Maps Rasa button payloads to callback data and back."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def __len__(self) -> int:
        return len(self._payloads)

    def data_for(self, payload: str) -> str:
        """Callback data (at most 64 bytes) that :meth:`payload_for` turns back into ``payload``."""
        direct = DIRECT + payload
        if len(direct.encode()) <= MAX_CALLBACK_BYTES:
            return direct
        key = KEYED + hashlib.sha256(payload.encode()).hexdigest()[:20]
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self._capacity:
            self._payloads.popitem(last=False)
        return key

    def payload_for(self, data: str | None) -> str | None:
        """The payload behind callback ``data``; ``None`` if it is unknown or expired."""
        if not data:
            return None
        if data.startswith(DIRECT):
            return data[len(DIRECT) :] or None
        if data.startswith(KEYED):
            payload = self._payloads.get(data)
            if payload is not None:
                self._payloads.move_to_end(data)
            return payload
        return None
