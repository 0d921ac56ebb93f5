"""Two per-message hot spots of Rasa 3.6, fixed in place with the same results.

Found by profiling the Rasa server on our journey (py-spy; ``bench/README.md``):

1. **Checking action server replies.** ``RemoteAction._validate_action_result`` calls
   ``jsonschema.validate(result, schema)``, which checks the *schema itself* against its
   meta-schema and builds a new validator on every call, although Rasa's schema never
   changes: 1.5-2 ms of each custom action call (14 ms with jsonschema 4.17, which is why
   jsonschema is pinned to 3.2), with two calls on most turns. `validate_action_result` uses
   a validator built once and raises the same error, with the same message.
2. **Finding an event's class by its type name.** ``Event.resolve_by_type`` walks every
   subclass of ``Event`` (recursively, ~50 classes) for each event it deserialises: every
   event of the conversation read from the tracker store and every event an action returns.
   `resolve_event_type` remembers the answers.

`install` applies both; Rasa's server calls it when it builds our tracker store
(``bot.tracker_store.CourseAdvisorTrackerStore``), before the first message. `uninstall`
restores Rasa's own functions.
"""

from __future__ import annotations

import functools
from typing import Any

from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

_ORIGINAL_VALIDATE = RemoteAction._validate_action_result
_ORIGINAL_RESOLVE = Event.resolve_by_type
_EVENT_TYPES: dict[str, type[Event]] = {}


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    """Rasa's action reply schema, checked once, as a ready validator."""
    from jsonschema.validators import validator_for

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(result: dict[str, Any]) -> bool:
    """True when ``result`` is a valid action server reply; ``ValidationError`` otherwise.

    The same outcome as Rasa's check: the most relevant error (``best_match``, as
    ``jsonschema.validate`` picks it) with Rasa's hint appended to its message.
    """
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def resolve_event_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """``Event.resolve_by_type`` with its answers remembered.

    Only classes found are remembered; an unknown name (``None``, the default or Rasa's
    ``ValueError``) is asked of Rasa each time, so a subclass imported later is still found.
    """
    known = _EVENT_TYPES.get(type_name)
    if known is not None:
        return known
    found = _ORIGINAL_RESOLVE(type_name, default)
    if found is not None and found is not default:
        _EVENT_TYPES[type_name] = found
    return found


def _validate_method(self: RemoteAction, result: dict[str, Any]) -> bool:
    return validate_action_result(result)


def install() -> None:
    """Make Rasa use `validate_action_result` and `resolve_event_type` (idempotent)."""
    RemoteAction._validate_action_result = _validate_method
    Event.resolve_by_type = staticmethod(resolve_event_type)


def uninstall() -> None:
    """Restore Rasa's own functions (for tests)."""
    RemoteAction._validate_action_result = _ORIGINAL_VALIDATE
    Event.resolve_by_type = staticmethod(_ORIGINAL_RESOLVE)
    _EVENT_TYPES.clear()


def installed() -> bool:
    return (
        RemoteAction._validate_action_result is _validate_method
        and Event.resolve_by_type is resolve_event_type
    )
