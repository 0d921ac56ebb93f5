"""What of an event the tracker store keeps: a request's metadata once, not four times.

Rasa copies the metadata a client sends with a message into the conversation several
times: into the user event (``metadata``) and again into its ``parse_data``, and on the
first message of every session into the ``session_started_metadata`` slot, which
``action_session_start`` then sets a second time (and again in each later session, carrying
slots over). Measured with 100 KiB of metadata, that was 4 copies in the first turn and 2
in each later one (docs/deployment.md, "What is stored").

The assistant reads only the user event's ``metadata`` (``actions/common.py``: whether the
client draws course cards), so the store keeps that copy and writes the others empty:
``parse_data`` without ``metadata``, the ``session_started_metadata`` slot as ``null``.
One row per event is still written, so the store's count of stored events stays right;
events without metadata are stored exactly as Rasa's own store does.
"""

from __future__ import annotations

from typing import Any

from rasa.shared.core.constants import SESSION_START_METADATA_SLOT


def storable(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (an event as a dict) without the copies of request metadata."""
    kind = data.get("event")
    if kind == "user":
        parse_data = data.get("parse_data")
        if isinstance(parse_data, dict) and parse_data.get("metadata"):
            parse_data = {key: value for key, value in parse_data.items() if key != "metadata"}
            return {**data, "parse_data": parse_data}
    elif (
        kind == "slot"
        and data.get("name") == SESSION_START_METADATA_SLOT
        and data.get("value") is not None
    ):
        return {**data, "value": None}
    return data
