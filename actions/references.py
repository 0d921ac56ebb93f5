"""Which courses of the last list the learner means: "the second", "the first two",
"the cheaper one", "the OU one", "the cyber one".

Positions come from the NLU (``course_index``); words are matched here against the
courses themselves, because only the last list knows which one is cheaper or which is
from the Open University.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rasa_sdk import Tracker

from actions.common import indices_from_tracker, resolve_positions
from actions.store.search import Recommendation

_WORD = re.compile(r"[a-z0-9+#]+")
# Words that point at no course in particular.
_COMMON = frozenset(
    [
        "the",
        "a",
        "an",
        "one",
        "ones",
        "that",
        "this",
        "it",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "about",
        "me",
        "more",
        "tell",
        "course",
        "courses",
        "which",
        "what",
        "why",
        "is",
        "are",
        "would",
        "you",
        "pick",
        "choose",
        "compare",
        "save",
        "details",
        "info",
        "information",
        "please",
        "thanks",
        "cheaper",
        "cheapest",
        "shorter",
        "shortest",
        "lighter",
        "lightest",
        "longer",
        "longest",
        "dearer",
        "expensive",
        "first",
        "second",
        "third",
        "last",
        "university",
        "online",
        "two",
        "three",
        "both",
        "all",
        "skills",
        "learning",
        "other",
        "same",
        "next",
        "previous",
        "best",
        "top",
        "right",
        "good",
        "better",
        "only",
    ]
)
# Superlatives over the list: (words, key, pick the smallest?)
_EXTREMES: tuple[tuple[re.Pattern[str], Callable[[Recommendation], float | None], bool], ...] = (
    (re.compile(r"\b(cheap(er|est)|less expensive|lower price)\b"), lambda c: c.cost_gbp, True),
    (re.compile(r"\b(dear(er|est)|(more|most) expensive|pricier)\b"), lambda c: c.cost_gbp, False),
    (re.compile(r"\b(short(er|est)|quick(er|est))\b"), lambda c: c.duration_weeks, True),
    (re.compile(r"\b(long(er|est))\b"), lambda c: c.duration_weeks, False),
)


def _initials(name: str) -> str:
    """ "The Open University" -> "ou" (articles and "of" skipped)."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in ("the", "of", "and")]
    return "".join(w[0] for w in words).lower()


def _by_extreme(text: str, courses: Sequence[Recommendation]) -> list[str]:
    for pattern, key, smallest in _EXTREMES:
        if not pattern.search(text):
            continue
        known = [(key(c), c.id) for c in courses if key(c) is not None]
        if len(known) < 2:
            return []
        value = min(known)[0] if smallest else max(known)[0]
        return [cid for v, cid in known if v == value][:1]
    return []


def _by_words(text: str, courses: Sequence[Recommendation]) -> list[str]:
    said = {w for w in _WORD.findall(text) if w not in _COMMON and len(w) > 1}
    if not said:
        return []
    fits = [(len(said & _course_words(course)), course.id) for course in courses]
    if not any(n for n, _ in fits):
        return []
    # The courses with the most of the words said: "the medicinal chemistry one" after three
    # chemistry courses, "the course on the Royal Air Force in the Cold War" beside A History
    # of Royal Fashion; none when that leaves every course.
    most = max(n for n, _ in fits)
    best = [cid for n, cid in fits if n == most]
    return best if len(best) < len(courses) else []


def _course_words(course: Recommendation) -> set[str]:
    """The words a learner may name a course by: its title's, provider's and platform's,
    and the provider's initials ("OU")."""
    provider = course.provider or ""
    words = set(_WORD.findall(f"{course.title} {provider} {course.platform or ''}".lower()))
    words.add(_initials(provider))
    if words & {"introduction", "introductory"}:
        words.add("intro")  # "the intro one"
    return words


# "the pivot one", "the Glasgow course": a course named by a word of its own.
# The name may be quoted ("the 'working in the French-speaking world' one").
_NAMED_ONE = re.compile(
    r"\bthe\s+['\"‘“]?((?:[a-z0-9+#][\w+#'-]*\s+){0,4}?[a-z0-9+#][\w+#'-]*?)"
    r"['\"’”]?\s+(?:ones?|courses?)\b"
)


def unmatched_name(text: str, courses: Sequence[Recommendation]) -> str | None:
    """The words of a course named as "the X one" when no course of ``courses`` has them
    ("the pivot one" after a list without it), else ``None``."""
    missing = unmatched_names(text, courses)
    return missing[0] if missing else None


def unmatched_names(text: str, courses: Sequence[Recommendation]) -> list[str]:
    """The words of each course named as "the X one" that no course of ``courses`` fits:
    none of its words alone, too few of them when several courses are named ("save the RAF
    course and the Waterloo course" after a list without the Waterloo one)."""
    names = _named_ones(text.lower())
    missing = []
    for name in names:
        words = _content_words(name)
        if not words:
            continue
        if len(names) >= 2:
            fits = any(_fits(words, c) for c in courses)
        else:
            fits = any(words & _course_words(c) for c in courses)
        if not fits:
            missing.append(" ".join(w for w in _WORD.findall(name) if w in words))
    return missing


def best_named(name: str, courses: Sequence[Recommendation]) -> str | None:
    """The id of the course of ``courses`` a name fits best (most of its words, then the
    later in ``courses``), if at least half its words fit; else ``None``."""
    return _best_fit(_content_words(name), courses, later_first=True)


def best_named_by_stems(
    name: str,
    courses: Sequence[Recommendation],
    stems: Callable[[Sequence[str]], Sequence[str | None]],
) -> str | None:
    """The first course of ``courses`` whose title has every word of a name, compared by
    stem (``stems``: the course store's stemmer): "the dashboard one" is the first of three
    courses on "Dashboards"; "the sport psychology one" is not "Sports Performance". Not
    with the provider's words: "universe" and "University" stem alike."""
    words = sorted(_content_words(name))
    if not words:
        return None
    wanted = {s for s in stems(words) if s}
    for course in courses:
        own = sorted(set(_WORD.findall(course.title.lower())))
        if wanted and wanted <= {s for s in stems(own) if s}:
            return course.id
    return None


def _best_fit(
    name: set[str], courses: Sequence[Recommendation], *, later_first: bool
) -> str | None:
    """The id of the course with most of the name's words (ties: the later one with
    ``later_first``, else the earlier), if at least half its words fit; else ``None``."""
    scored = [
        (len(name & _course_words(c)), i if later_first else -i, c) for i, c in enumerate(courses)
    ]
    fit, _, best = max(scored, default=(0, 0, None), key=lambda s: s[:2])
    return best.id if fit and best is not None and _fits(name, best) else None


def _fits(name: set[str], course: Recommendation) -> bool:
    """Whether at least half the words of a name are the course's."""
    return 2 * len(name & _course_words(course)) >= len(name)


def referenced_ids(text: str, courses: Sequence[Recommendation]) -> list[str]:
    """Ids of the courses ``text`` points at by a quality or a name; [] if none or all."""
    lowered = text.lower()
    by_extreme = _by_extreme(lowered, courses)
    if by_extreme:
        return by_extreme
    names = [name for name in map(_content_words, _named_ones(lowered)) if name]
    if len(names) >= 2:
        return _by_named_ones(names, courses)
    return _by_words(lowered, courses)


#: Words after which a course's name starts again: "the difference between this one"
#: names no course; "the difference between the coaching one" names "coaching".
_NAME_RESTARTS = frozenset(["the", "this", "that", "these", "those", "a", "an", "between"])


def course_names(text: str) -> list[str]:
    """The names of the single courses ``text`` calls "the X one" ("the risk assessment
    one"; not "the farming ones", which may ask for a kind of course)."""
    return [name for name in _named_ones(text.lower(), plural=False) if _content_words(name)]


def _named_ones(text: str, *, plural: bool = True) -> list[str]:
    names = []
    for match in _NAMED_ONE.finditer(text):
        if not plural and match.group(0).endswith("s"):
            continue
        words = match.group(1).split()
        cut = max((i + 1 for i, w in enumerate(words) if w in _NAME_RESTARTS), default=0)
        if cut < len(words):
            names.append(" ".join(words[cut:]))
    return names


def _by_named_ones(names: Sequence[set[str]], courses: Sequence[Recommendation]) -> list[str]:
    """Several courses named one by one ("the writing course and the speaking course"):
    each name picks the course it fits best (most of its words, then the higher in the
    list), so that a word two courses share ("writing") does not take in the whole list;
    a name that at least half its words do not fit picks none ("the food safety and
    hygiene one" is not a food-sector trademark course)."""
    picked = [_best_fit(name, courses, later_first=False) for name in names]
    return list(dict.fromkeys(cid for cid in picked if cid is not None))


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text) if w not in _COMMON and len(w) > 1}


def content_words(name: str) -> set[str]:
    """The words of a course's name that point at it ("the come rain or shine one" ->
    come, rain, or, shine): lower case, without "the", "one", "course" and the like."""
    return _content_words(name.lower())


def chosen_positions(tracker: Tracker, ids: Sequence[str]) -> list[str]:
    """Course ids the learner named by position ("the first two"), in order."""
    return resolve_positions(indices_from_tracker(tracker), list(ids))
