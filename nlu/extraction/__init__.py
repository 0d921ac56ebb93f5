"""Turn a learner's message into normalised profile values.

``extract(text, doc=None)`` returns :class:`Extracted` items for the slots ``goal``,
``subject``, ``budget``, ``hours_per_week``, ``max_weeks``, ``level``, ``credit_bearing``,
``course_index`` and ``delivery``.

How it works
------------
The extractor is rule based: regular expressions find candidate mentions (amounts of
money, quantities of hours and weeks, list references, phrases), and the words around each
candidate decide whether it is really about the learner's study plans. The word lists are
data, one file per slot or theme under ``data/vocab/nlu/`` (read on first use through
:mod:`nlu.vocab`); the code keeps how amounts, lengths and positions are written and where
each list must stand. "I earn 28k", "I work 37.5 hours a week", "20 years in retail", "I'm 45" or a
held "Level 3 NVQ" are recognised and dropped.

When a spaCy ``Doc`` of the same text is given (Rasa's ``SpacyNLP`` puts one on every
message, lower-cased by default), its named entities (MONEY, DATE, TIME, QUANTITY,
CARDINAL, ORDINAL) are used as extra evidence: they raise the confidence of candidates
they agree with and add MONEY amounts that the rules did not catch (e.g. a bare amount
that the model tagged as MONEY next to a spending verb). Without a doc the rules alone
are used.

Normalisation choices (documented for the slots' consumers)
-----------------------------------------------------------
* ``budget``: maximum spend in GBP; ranges give their upper bound; several amounts give
  the largest; USD/EUR are converted with :func:`actions.store.currency.to_gbp`;
  "must be free" / "no money" / a message that is just "nothing" -> 0; "£40 a month" ->
  40 (the rate as said). Income ("I earn 28k"), wages ("£11 an hour"), past spending
  and quoted prices ("the course costs £500") are not budgets. Integers are ``int``.
* ``budget_currency``: the currency as written ("rupees", "CAD") of an amount in one the
  budget cannot be read in (no rate): never a budget, so the assistant can say so.
* ``hours_per_week``: ranges ("2-3 hours") give the upper bound; per-day amounts are
  multiplied by 7 (by 5 for weekdays, or by N when "N evenings a week" is stated);
  per-fortnight / per-month amounts are divided by 2 / 4; a bare "5 hours" is read as
  per week (lower confidence). "a couple" = 2, "a few" = 3.
* ``max_weeks``: a month is 4 weeks, a year 52, a fortnight 2; ranges give the upper
  bound; dates ("by Christmas") are left unset; "a year"/"a fortnight" and lengths in
  years need a duration cue ("within a year", "a 2 year course") or to be the whole
  answer, because "20 years" is usually experience and "a week" usually a rate.
* ``course_index``: 1-based; "the last one" -> -1; several references give several
  entities in the order written.
* At most one entity per slot is returned, except ``course_index``.

Robustness: only the first :data:`MAX_SCAN_CHARS` characters are scanned (a 100 kB paste
costs the same as a 2 kB one); any text (empty, emoji, HTML, SQL, other languages) is
accepted and never raises.

Layout: :mod:`~nlu.extraction.context` (the scanned text and what the slots share),
:mod:`~nlu.extraction.numbers`, then one module per slot, called by :func:`extract` in a
fixed order: a span claimed by an earlier slot (an amount of money, a refinement) is not
read again by a later one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from actions.profile_values import WISH_SLOTS
from nlu.extraction.budget import extract_budget
from nlu.extraction.context import MAX_SCAN_CHARS, Extracted, Value, build_context
from nlu.extraction.course_index import extract_course_index
from nlu.extraction.credit import extract_credit
from nlu.extraction.delivery import extract_delivery
from nlu.extraction.glosses import Glossed, glossed
from nlu.extraction.goal import extract_goal
from nlu.extraction.hours import extract_hours
from nlu.extraction.level import extract_level
from nlu.extraction.refinement import extract_refinements
from nlu.extraction.subject import extract_subject
from nlu.extraction.taught_language import extract_taught_language
from nlu.extraction.topic import MAX_TOPIC_CHARS, extract_topic
from nlu.extraction.unread_budget import extract_unread_budget
from nlu.extraction.weeks import extract_weeks

if TYPE_CHECKING:  # pragma: no cover - typing only
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

#: Every entity the rules emit: the wishes (one per wish slot), list positions, the topic
#: and list refinements ("cheaper").
ENTITY_NAMES: tuple[str, ...] = (
    *WISH_SLOTS,
    "course_index",
    "topic",
    "topic_alternative",
    "refinement",
    "budget_currency",
    "taught_language",
)


def _run(fn: Callable[[], list[Extracted]], name: str) -> list[Extracted]:
    try:
        return fn()
    except Exception:  # one broken rule must not lose the other slots
        logger.warning("profile extraction for %s failed", name, exc_info=True)
        return []


def extract(text: str, doc: Doc | None = None, *, bare_topic: bool = False) -> list[Extracted]:
    """Find normalised profile values in ``text`` (see the module docstring).

    Args:
        text: the learner's message (any length; only the first ``MAX_SCAN_CHARS``
            characters are scanned).
        doc: optionally a spaCy ``Doc`` of ``text`` (original or lower-cased); its named
            entities are used as extra evidence.
        bare_topic: the message is known to ask for courses, so a short message with no
            cue may be a topic on its own ("kubernetes").

    Returns:
        Extracted values ordered by position; at most one per slot except
        ``course_index``.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    gloss = _run_gloss(text)
    if gloss is not None:
        # Wishes half said in another language: the rules read the English gloss (without
        # spaCy's entities, whose offsets are the original's), the values point at the
        # learner's own words.
        return [_original(item, gloss, text) for item in _extract(gloss.text, None, bare_topic)]
    return _extract(text, doc, bare_topic)


def _run_gloss(text: str) -> Glossed | None:
    try:
        return glossed(text[:MAX_SCAN_CHARS])
    except Exception:  # a broken gloss list must not lose the English rules
        logger.warning("glossing failed", exc_info=True)
        return None


def _original(item: Extracted, gloss: Glossed, text: str) -> Extracted:
    start, end = gloss.span(item.start, item.end)
    return replace(item, start=start, end=end, text=text[start:end])


def _extract(text: str, doc: Doc | None, bare_topic: bool) -> list[Extracted]:
    ctx = build_context(text, doc)
    out: list[Extracted] = []
    out += _run(lambda: extract_budget(ctx), "budget")
    out += _run(lambda: extract_unread_budget(ctx), "budget_currency")
    out += _run(lambda: extract_hours(ctx), "hours_per_week")
    out += _run(lambda: extract_weeks(ctx), "max_weeks")
    out += _run(lambda: extract_course_index(ctx), "course_index")
    out += _run(lambda: extract_level(ctx), "level")
    out += _run(lambda: extract_credit(ctx), "credit_bearing")
    out += _run(lambda: extract_delivery(ctx), "delivery")
    amount_said = any(e.entity == "budget" for e in out)  # "money is tight, 30 euro max"
    out += _run(lambda: extract_refinements(ctx, amount_said), "refinement")
    goals = _run(lambda: extract_goal(ctx), "goal")
    out += goals
    goal_value = str(goals[0].value) if goals else None
    taught = _run(lambda: extract_taught_language(ctx), "taught_language")
    out += taught
    subjects = _run(lambda: extract_subject(ctx, goal_value), "subject")
    # "the courses are in portuguese?": the language asked for is how, not what to learn
    out += [s for s in subjects if not any(t.start < s.end and s.start < t.end for t in taught)]
    out += _run(lambda: extract_topic(ctx, out, bare_topic), "topic")
    return sorted((e for e in out if _plausible(e)), key=lambda e: (e.start, e.end, e.entity))


# Numbers outside these ranges are not wishes anyone means ("2000 weeks", "0 hours a week");
# leaving the slot empty beats searching with them. Inclusive bounds, as (low, high).
PLAUSIBLE_RANGES: dict[str, tuple[float, float]] = {
    "budget": (0, 1_000_000),
    "hours_per_week": (0.25, 80),
    "max_weeks": (1, 520),
}


def _plausible(item: Extracted) -> bool:
    bounds = PLAUSIBLE_RANGES.get(item.entity)
    if bounds is None:
        return True
    value = item.value
    return isinstance(value, (int, float)) and bounds[0] <= float(value) <= bounds[1]


def as_dict(items: Iterable[Extracted]) -> dict[str, Any]:
    """``{entity: value}`` (``course_index`` as a list) - handy for tests and debugging."""
    result: dict[str, Any] = {}
    for item in items:
        if item.entity == "course_index":
            result.setdefault("course_index", []).append(item.value)
        else:
            result[item.entity] = item.value
    return result


__all__ = [
    "ENTITY_NAMES",
    "MAX_SCAN_CHARS",
    "MAX_TOPIC_CHARS",
    "PLAUSIBLE_RANGES",
    "Extracted",
    "Value",
    "as_dict",
    "extract",
]
