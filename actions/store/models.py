"""Tables of the course store and the catalogue's controlled vocabulary.

The vocabulary mirrors ``data/catalogue/README.md``; the importer validates rows
against it and the search uses it for labels and "did you mean" suggestions.

Besides the catalogue's own columns, ``courses`` carries values computed once at
import so that a search is a single indexed query: the comparable cost in GBP
(``cost_gbp`` with the rule in ``cost_rule``), the weekly hours used for matching
(``weekly_hours``), whether the course leads to academic credit (``credit_bearing``)
and one ranking score per learner goal (``rank_*``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeMeta, registry, relationship

from actions import profile_values

# -- vocabulary (data/catalogue/README.md) --------------------------------------

#: The 22 subject ids of the catalogue, with the label shown to learners (data/profile.yml).
SUBJECTS: Mapping[str, str] = profile_values.SUBJECTS
CREDENTIAL_TYPES: tuple[str, ...] = (
    "microcredential",
    "micromasters",
    "microbachelors",
    "professional-certificate",
    "nanodegree",
    "postgraduate-module",
    "credit-bearing-course",
    "short-course",
    "experttrack",
)
#: Study levels, lowest first (data/profile.yml).
LEVELS: Sequence[str] = profile_values.LEVELS
PRICE_MODELS: tuple[str, ...] = (
    "one-off",
    "subscription-monthly",
    "total-programme",
    "free",
    "unknown",
)
CURRENCIES: tuple[str, ...] = ("EUR", "GBP", "USD")
CREDIT_SCHEMES: tuple[str, ...] = ("CATS", "SCQF", "ECTS")
#: How a course is taught (data/profile.yml).
DELIVERIES: Sequence[str] = profile_values.DELIVERIES
#: Credentials that lead to academic credit by definition, even without a stated number.
CREDIT_CREDENTIALS: frozenset[str] = frozenset(
    {"micromasters", "microbachelors", "postgraduate-module", "credit-bearing-course"}
)
HANDOFF_STATUSES: tuple[str, ...] = ("open", "closed")


def utcnow() -> datetime:
    """Timezone-aware current time (UTC)."""
    return datetime.now(timezone.utc)


mapper_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """Declarative base, spelled out so that mypy sees a class (SQLAlchemy 1.4 docs)."""

    __abstract__ = True
    registry = mapper_registry
    metadata = mapper_registry.metadata
    __init__ = mapper_registry.constructor


class Provider(Base):
    """A university or organisation that runs courses."""

    __tablename__ = "providers"

    id = Column(Integer, primary_key=True)
    name = Column(String(300), nullable=False, unique=True)

    courses = relationship("Course", back_populates="provider")

    def __repr__(self) -> str:
        return f"Provider(id={self.id!r}, name={self.name!r})"


class Subject(Base):
    """One of the catalogue's subjects: ``id`` is the slug, ``label`` the human name."""

    __tablename__ = "subjects"

    id = Column(String(60), primary_key=True)
    label = Column(String(120), nullable=False)

    courses = relationship("Course", back_populates="subject")

    def __repr__(self) -> str:
        return f"Subject(id={self.id!r})"


class Course(Base):
    """A course as published in a catalogue file, plus values computed at import."""

    __tablename__ = "courses"

    id = Column(String(200), primary_key=True)
    title = Column(Text, nullable=False)
    provider_id = Column(Integer, ForeignKey("providers.id"), nullable=True)
    platform = Column(Text)
    credential_type = Column(String(40), nullable=False)
    subject_id = Column(String(60), ForeignKey("subjects.id"), nullable=False)
    level = Column(String(20))
    duration_weeks = Column(Float)
    hours_per_week = Column(Float)
    hours_total = Column(Float)
    price = Column(Float)
    currency = Column(String(3))
    price_model = Column(String(30), nullable=False)
    price_as_of = Column(Text)
    credits = Column(Float)
    credit_scheme = Column(String(10))
    credit_level = Column(Text)
    cpd_accredited = Column(Boolean, nullable=False, default=False)
    delivery = Column(String(20), nullable=False)
    partner = Column(Text)
    start_dates = Column(Text)
    description = Column(Text)
    url = Column(Text)
    source = Column(Text)
    evidence_level = Column(Text)

    # Computed at import (see pricing.course_cost and search.rank_scores).
    cost_gbp = Column(Float)  # NULL when unknown: never 0 by default
    cost_rule = Column(Text, nullable=False)
    monthly_gbp = Column(Float)
    weekly_hours = Column(Float)  # hours_per_week, else hours_total / duration_weeks
    credit_bearing = Column(Boolean, nullable=False, default=False)
    # Extra words for full-text search: subject label, provider, platform, partner.
    keywords = Column(Text)
    # A follow-on course (part II, a final assessment): shown after first parts.
    follow_on = Column(Boolean, default=False)
    # A first course by its title ("Introduction to ...", "A Beginner's Guide"): shown last
    # to a learner who asks for a higher level. Kept as a column: matching the title
    # patterns in every search cost 35 ms over a subject of 100,000 courses.
    starter_title = Column(Boolean, default=False)
    rank_best = Column(Float, nullable=False, default=0.0)
    rank_upskill = Column(Float, nullable=False, default=0.0)
    rank_career_change = Column(Float, nullable=False, default=0.0)
    rank_explore = Column(Float, nullable=False, default=0.0)
    rank_further_study = Column(Float, nullable=False, default=0.0)

    # Provenance of the row in the store.
    catalogue = Column(String(200), nullable=False)  # e.g. "courses" for courses.csv
    imported_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    provider = relationship("Provider", back_populates="courses", lazy="joined")
    subject = relationship("Subject", back_populates="courses", lazy="joined")

    __table_args__ = (
        # Everything a search filters, ranks and returns, after the subject: searches
        # within a subject are index-only scans (no table lookups).
        Index(
            "ix_courses_search",
            "subject_id",
            "cost_gbp",
            "weekly_hours",
            "duration_weeks",
            "level",
            "delivery",
            "credit_bearing",
            "hours_total",
            "follow_on",
            "starter_title",
            "rank_best",
            "rank_upskill",
            "rank_career_change",
            "rank_explore",
            "rank_further_study",
            "id",
        ),
        Index("ix_courses_cost", "cost_gbp"),
        Index("ix_courses_weeks", "duration_weeks"),
        Index("ix_courses_catalogue", "catalogue"),
        Index("ix_courses_provider", "provider_id"),
        # The candidate pool of searches without a subject (search.NO_SUBJECT_POOL);
        # the id makes the order total, so the pool is read straight off the index.
        Index("ix_courses_rank_best", rank_best.desc(), id),
        CheckConstraint("cost_gbp IS NULL OR cost_gbp >= 0", name="ck_courses_cost"),
    )

    @property
    def provider_name(self) -> str | None:
        return self.provider.name if self.provider is not None else None

    @property
    def subject_label(self) -> str:
        return SUBJECTS.get(self.subject_id, self.subject_id)

    def __repr__(self) -> str:
        return f"Course(id={self.id!r})"


class CourseVector(Base):
    """A course's sentence vector (see :mod:`actions.store.vectors`), kept by the importer.

    ``text_hash`` names the model and the text encoded: a course whose title or
    description changed is encoded again, an unchanged one is not.
    """

    __tablename__ = "course_vectors"

    course_id = Column(String(200), ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True)
    text_hash = Column(String(64), nullable=False, index=True)
    vector = Column(LargeBinary, nullable=False)  # float32, little-endian


class TopicMiss(Base):
    """A topic learners asked for that the catalogue lacked (no learner identity kept).

    ``kind`` is ``none`` (no course about any of it) or ``partial`` (only part of it).
    Advisers and providers read these with ``python -m actions.store.misses``.
    """

    __tablename__ = "topic_misses"

    id = Column(Integer, primary_key=True)
    topic = Column(String(200), nullable=False, index=True)
    subject_id = Column(String(60))
    kind = Column(String(10), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)

    __table_args__ = (CheckConstraint("kind IN ('none', 'partial')", name="ck_topic_miss_kind"),)


class ShortlistItem(Base):
    """A course a learner (Rasa sender id) kept for later."""

    __tablename__ = "shortlist_items"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    # A course pruned from the catalogue disappears from shortlists too.
    course_id = Column(
        String(200), ForeignKey("courses.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    course = relationship("Course")

    __table_args__ = (
        UniqueConstraint("sender_id", "course_id", name="uq_shortlist_sender_course"),
    )


class HandoffRequest(Base):
    """A learner's request to talk to a careers adviser, with what the bot knew."""

    __tablename__ = "handoff_requests"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    summary = Column(JSON, nullable=False)
    status = Column(String(10), nullable=False, default="open", index=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    closed_at = Column(DateTime(timezone=True))

    __table_args__ = (CheckConstraint("status IN ('open', 'closed')", name="ck_handoff_status"),)

    def __repr__(self) -> str:
        return f"HandoffRequest(id={self.id!r}, status={self.status!r})"
