"""The credit calculator: how far some courses go towards an award.

Courses are added up in UK credits (other schemes converted), against the award's
size in the learner's nation (:mod:`actions.knowledge.awards`). The answer says which
nation it assumed when the size differs across the UK, and warns when undergraduate
credit is counted towards a postgraduate award (it cannot make up the credit the
award needs at its own level, §1, §10).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from actions.knowledge.awards import (
    DEFAULT_NATION,
    Award,
    award_for,
    awards,
    find_award_key,
    nation_label,
    sizes_differ,
)
from actions.knowledge.units import (
    MAX_UK_CREDITS,
    RECOGNITION_CAVEAT,
    SCHEMES,
    CreditError,
    check_amount,
    format_number,
    normalise_scheme,
    to_uk_credits,
)

#: One course's credit: a number in the default scheme, ``None`` when the course states
#: no credit, ``(amount, scheme)`` for a course in another scheme, or
#: ``(amount, scheme, level)`` with the course's level ("undergraduate", "postgraduate").
CourseCredit: TypeAlias = (
    float | tuple[float | None, str] | tuple[float | None, str, str | None] | None
)


@dataclass(frozen=True)
class Progress:
    """How far a set of courses goes towards an award, all in UK credits."""

    award: Award
    total_uk_credits: float
    award_credits: int
    remaining: float
    counted: int
    unknown: int
    parts: tuple[float, ...] = ()
    conversions: tuple[str, ...] = ()
    undergraduate_credits: float = 0.0
    #: True when the one amount is a total the learner stated, not one course.
    as_total: bool = False

    @property
    def excess(self) -> float:
        """UK credits beyond what the award needs (0 when not covered)."""
        return max(self.total_uk_credits - self.award_credits, 0.0)

    @property
    def covered(self) -> bool:
        """True when the counted credit reaches the award's total."""
        return self.total_uk_credits >= self.award_credits or math.isclose(
            self.total_uk_credits, self.award_credits
        )

    def _needed(self) -> str:
        return f"the {self.award_credits:,} credits for {self.award.with_article}"

    def _head(self) -> str:
        values = [format_number(part) for part in self.parts]
        total = format_number(self.total_uk_credits)
        if len(values) == 1:
            return f"{values[0]} credits" if self.as_total else f"One course of {values[0]} credits"
        if len(set(values)) == 1:
            return f"{len(values)} x {values[0]} credits = {total}"
        return f"{' + '.join(values)} credits = {total}"

    def sentence(self) -> str:
        """E.g. "3 x 15 credits = 45 of the 60 credits for a PG Certificate (15 still to go)."."""
        needed = self._needed()
        if self.counted == 0 and self.unknown == 0:
            return (
                f"No courses chosen yet. {capitalise(self.award.with_article)} needs "
                f"{self.award_credits:,} credits."
            )
        if self.counted == 0:
            return (
                f"{_courses(self.unknown)} not state credits, so I can't count them "
                f"towards {needed}."
            )
        head, total = self._head(), format_number(self.total_uk_credits)
        if self.total_uk_credits == 0:
            text = f"{head} adds nothing towards {needed} ({self.award_credits:,} still to go)."
        elif self.covered and math.isclose(self.total_uk_credits, self.award_credits):
            text = f"{head}: exactly {needed}."
        elif self.covered:
            text = (
                f"{head}: that would more than cover {needed} "
                f"({format_number(self.excess)} more than needed)."
            )
        elif len(self.parts) == 1:
            text = f"{head} is {total} of {needed} ({format_number(self.remaining)} still to go)."
        else:
            text = f"{head} of {needed} ({format_number(self.remaining)} still to go)."
        if self.conversions:
            text += f" Converted to UK credits: {'; '.join(self.conversions)}."
        if self.unknown:
            text += f" {_courses(self.unknown)} not state credits, so they are not counted."
        return text

    def level_warning(self) -> str | None:
        """The warning for undergraduate credit counted towards a postgraduate award."""
        if not self.undergraduate_credits or not self.award.postgraduate:
            return None
        award = self.award
        at_level = award.min_credits_at_level or award.credits
        lower = award.credits - at_level
        return (
            f"Careful: {format_number(self.undergraduate_credits)} of these credits are "
            f"undergraduate credits. {capitalise(award.with_article)} needs at least {at_level} "
            f"credits at {award.level_name} {award.level}, so undergraduate credit can never "
            f"make up that part; at most {lower} of its {award.credits} credits may come from a "
            "lower level, and only if the university's rules allow it."
        )


def capitalise(text: str) -> str:
    """Upper-case the first letter only ("a PG Certificate" -> "A PG Certificate")."""
    return text[:1].upper() + text[1:]


def plural(count: int, noun: str) -> str:
    """``1 course`` or ``3 courses``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _courses(count: int) -> str:
    """Return the start of "... not state credits": "1 course does" or "N courses do"."""
    return "1 course does" if count == 1 else f"{count} courses do"


def _unpack(item: CourseCredit, default_scheme: str) -> tuple[float | None, str, str | None]:
    """A course's (UK credits or None, scheme code, level or None)."""
    level: str | None = None
    if isinstance(item, tuple):
        if len(item) == 3:
            amount, scheme, level = item
        elif len(item) == 2:
            amount, scheme = item
        else:
            raise CreditError(f"A course's credit must be (amount, scheme), not {item!r}.")
        code = normalise_scheme(scheme)
    else:
        amount, code = item, default_scheme
    if amount is None:
        return None, code, level
    return to_uk_credits(check_amount(amount, code), code), code, level


def resolve_award(
    award: Award | str, nation: str | None = None, schemes: Sequence[str] = ()
) -> tuple[Award, bool]:
    """The award sized for ``nation`` and whether the nation was assumed.

    Without a nation, credits that are all SCQF suggest Scotland; otherwise England,
    Wales and Northern Ireland is assumed. A size the sources lack in the chosen nation
    falls back to England, Wales and Northern Ireland (and counts as assumed).
    """
    if isinstance(award, Award) and nation is None:
        return award, False
    key = award.key if isinstance(award, Award) else find_award_key(award)
    if key is None:
        known = ", ".join(awards())
        raise CreditError(f"I don't know the award {award!r}; use one of {known}.")
    assumed = nation is None
    chosen = nation or ("scotland" if schemes and set(schemes) == {"SCQF"} else DEFAULT_NATION)
    found = award_for(key, chosen)
    if found is None:
        found, assumed = award_for(key, DEFAULT_NATION), True
    if found is None:  # pragma: no cover - every award has an ewni size in awards.yml
        raise CreditError(f"I have no size for the award {award!r}.")
    return found, assumed


def progress_towards(
    course_credits: Sequence[CourseCredit],
    award: Award | str,
    scheme: str = "CATS",
    nation: str | None = None,
    as_total: bool = False,
) -> Progress:
    """Add up courses' credit (converted to UK credits) against an award's total.

    ``course_credits`` holds one entry per course (see :data:`CourseCredit`). Limits
    apply to each course and to the total: more than any award needs is a typing slip.
    """
    default_code = normalise_scheme(scheme)
    if isinstance(course_credits, (str, bytes)) or not isinstance(course_credits, Sequence):
        raise CreditError("Course credits must be a list with one entry per course.")
    unpacked = [_unpack(item, default_code) for item in course_credits]
    target, _assumed = resolve_award(award, nation, [c for uk, c, _ in unpacked if uk is not None])
    parts = [uk for uk, _, _ in unpacked if uk is not None]
    total = sum(parts)
    if total > MAX_UK_CREDITS:
        raise CreditError(
            f"These courses add up to {format_number(total)} UK credits, more than any UK "
            f"award needs (the limit here is {MAX_UK_CREDITS:,}); please check the numbers."
        )
    conversions = [
        f"{format_number(uk / SCHEMES[code].uk_credits_per_unit)} {SCHEMES[code].label} = "
        f"{format_number(uk)}"
        for uk, code, _ in unpacked
        if uk is not None and SCHEMES[code].uk_credits_per_unit != 1
    ]
    undergraduate = sum(
        uk for uk, _, level in unpacked if uk is not None and level == "undergraduate"
    )
    return Progress(
        award=target,
        total_uk_credits=total,
        award_credits=target.credits,
        remaining=max(target.credits - total, 0.0),
        counted=len(parts),
        unknown=len(unpacked) - len(parts),
        parts=tuple(parts),
        conversions=tuple(conversions),
        undergraduate_credits=undergraduate,
        as_total=as_total and len(parts) == 1,
    )


def nation_note(award: Award, assumed: bool) -> str | None:
    """Which nation's size an answer used, and the other size, when the two differ."""
    if not sizes_differ(award.key):
        return None
    other_key = "scotland" if award.nation != "scotland" else DEFAULT_NATION
    other = award_for(award.key, other_key)
    here = nation_label(award.nation)
    if other is None:
        return f"That is the size in {here}; my sources give no figure for Scotland."
    if assumed:
        text = f"I assumed {here}: there {award.article} {award.name} is {award.credits} credits."
    else:
        text = f"That is the size in {here}."
    text += f" In {nation_label(other_key)} it is {other.credits}"
    requirement = other.level_requirement()
    text += f" ({requirement})" if requirement else ""
    if other_key == "scotland":
        ou = award_for(award.key, "ou")
        if ou is not None and ou.credits != other.credits:
            text += f", except at the Open University ({ou.credits})"
    return text + (". Tell me where you study if that's different." if assumed else ".")


def personalised_progress(
    credits_of_courses: Sequence[CourseCredit],
    award: Award | str | None,
    scheme: str = "CATS",
    nation: str | None = None,
    as_total: bool = False,
) -> str | None:
    """A chat reply on how far these courses go towards ``award``; ``None`` without an award.

    The award is never guessed: pass what the learner asked for (a key, a phrase such as
    "PG Cert", or an :class:`Award`). Unrecognised awards also give ``None``.
    """
    if award is None or (isinstance(award, str) and find_award_key(award) is None):
        return None
    progress = progress_towards(credits_of_courses, award, scheme, nation, as_total)
    assumed = nation is None and not isinstance(award, Award)
    count = progress.counted + progress.unknown
    pieces = []
    if progress.as_total:
        pass
    elif count == 1:
        pieces.append("Adding up this course:")
    elif count:
        pieces.append(f"Adding up these {plural(count, 'course')}:")
    pieces.append(progress.sentence())
    requirement = progress.award.level_requirement()
    warning = progress.level_warning()
    if requirement and warning is None:
        pieces.append(f"{capitalise(progress.award.with_article)} also needs {requirement}.")
    for note in (warning, nation_note(progress.award, assumed)):
        if note:
            pieces.append(note)
    pieces.append(RECOGNITION_CAVEAT)
    return " ".join(pieces)
