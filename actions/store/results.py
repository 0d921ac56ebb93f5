"""What a search is asked (the learner's profile) and what it gives back (the courses as
the bot shows them, and what had to give way to find them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from actions.store.db import StoreError
from actions.store.topic_match import BROAD, FULL, TopicMatch


class ProfileError(StoreError, ValueError):
    """A learner profile or search option has a value the store does not know."""


@dataclass
class LearnerProfile:
    """What a learner told the bot. Every field is optional."""

    subject: str | None = None
    topic: str | None = None  # the learner's own words, e.g. "Excel pivot tables"
    goal: str | None = None  # upskill | career_change | explore | further_study
    budget_gbp: float | None = None
    hours_per_week: float | None = None
    max_weeks: float | None = None
    level: str | None = None  # introductory | undergraduate | postgraduate
    credit_wanted: bool | None = None
    delivery: str | None = None  # online | blended
    # The learner's own words around the request ("I'm a nurse on an oncology ward ...
    # caring for dying patients"): they rank the courses when the topic alone does not.
    context: str | None = None
    # The topic was only inferred from words the learner said in passing (a subject's words
    # with no word asking for them: "my centre manager reckons ..."): the whole request
    # ranks the courses, the topic phrase is one of its ideas.
    topic_inferred: bool = False


@dataclass
class Recommendation:
    """A course as the bot shows it, with why it fits (or not) this learner."""

    id: str
    title: str
    provider: str | None
    platform: str | None
    subject: str
    subject_label: str
    credential_type: str
    level: str | None
    duration_weeks: float | None
    hours_per_week: float | None  # as published
    weekly_hours: float | None  # used for matching: published, else total / weeks
    hours_total: float | None
    price: float | None
    currency: str | None
    price_model: str
    price_as_of: str | None
    cost_gbp: float | None
    cost_rule: str
    monthly_gbp: float | None
    credits: float | None
    credit_scheme: str | None
    credit_level: str | None
    credit_bearing: bool
    cpd_accredited: bool
    delivery: str
    url: str | None
    description: str | None
    # Where to follow the course: its page (link_kind "page") or a search for its exact
    # title on its platform ("search"); None when neither is known.
    link: str | None = None
    link_kind: str | None = None
    reasons_met: list[str] = field(default_factory=list)
    reasons_missed: list[str] = field(default_factory=list)
    why: str = ""
    # About part of the learner's topic only (shown after the courses about all of it).
    related: bool = False
    # Found by what the request means, sharing no word with the topic or request.
    by_meaning: bool = False

    @property
    def meets_all(self) -> bool:
        return not self.reasons_missed


@dataclass
class SearchResult:
    """The courses found, and what had to give way to find them."""

    courses: list[Recommendation]
    relaxed: list[str]  # human-readable, e.g. "budget (nearest is £120 over)"
    relaxed_keys: list[str]  # the same wishes as keys: budget, hours_per_week, ...
    exact: bool  # every course shown meets every wish
    total_matching: int  # courses meeting every wish (exact matches)
    total_candidates: int  # courses ranked for this page (after relaxing)
    offset: int = 0
    # True when no subject was given and the catalogue is larger than the candidate
    # pool: the counts then cover only the NO_SUBJECT_POOL best-documented courses.
    pool_limited: bool = False
    # How the learner's topic was matched (None without a topic): FULL, PARTIAL (the
    # courses cover only part of it), NONE (no course on it: the courses shown, if any,
    # are the subject's nearest) or BROAD (too broad to search by words).
    topic: TopicMatch | None = None
    # Ranked by the learner's whole request rather than the topic phrase (which the
    # catalogue lacks, covers in part, or which disagrees with the rest of the request).
    by_request: bool = False

    @property
    def on_topic(self) -> bool:
        """Whether the courses are about the whole topic the learner named."""
        return self.topic is None or self.topic.status in (FULL, BROAD)

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.courses) < self.total_candidates


__all__ = ["LearnerProfile", "ProfileError", "Recommendation", "SearchResult"]
