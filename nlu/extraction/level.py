"""The ``level`` slot: introductory, undergraduate or postgraduate.

A level the learner already holds ("I have a bachelor's", "Level 3 NVQ") is not the level they
want; "I already know the basics" and "not a beginner" are not introductory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actions.profile_values import LEVELS
from nlu import vocab
from nlu.extraction.context import (
    Extracted,
    ScanContext,
    make_extracted,
    negation_before,
    word_rx,
)


@dataclass(frozen=True)
class _Patterns:
    """The level's word lists (``data/vocab/nlu/levels.yml``), compiled where they stand."""

    rules: tuple[tuple[re.Pattern[str], str, float], ...]  # (pattern, level, weight)
    qualification_after: re.Pattern[str]
    qualification_before: re.Pattern[str]
    have: re.Pattern[str]
    want: re.Pattern[str]
    asked_of_a_course: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "levels",
        "weighted_phrases",
        "qualifications",
        "have_cues",
        "want_cues",
        "asked_of_a_course",
    )
    qualifications = data.pattern("qualifications")
    return _Patterns(
        rules=tuple(
            (word_rx(pattern), level, weight)
            for pattern, level, weight in data.weighted("weighted_phrases", "level", LEVELS)
        ),
        qualification_after=re.compile(r"^\s*(?:" + qualifications + r"|qualified|trained)\b"),
        qualification_before=re.compile(r"\b(?:" + qualifications + r")\s*(?:at\s+)?$"),
        have=data.regex("have_cues", r"\b", r"\b"),
        want=data.regex("want_cues", r"\b", r"\b"),
        asked_of_a_course=data.regex("asked_of_a_course", r"\b", r"\s*$"),
    )


def extract_level(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    scan = ctx.scan
    cands: list[tuple[float, int, int, str]] = []
    for pattern, level, weight in rx.rules:
        for m in pattern.finditer(scan):
            start, end = m.start(), m.end()
            left = ctx.left(start, 50)
            right = scan[end : end + 30]
            phrase = m.group(0)
            if rx.asked_of_a_course.search(left[-30:]):
                continue  # "is that 2 advanced for me": a question about a course shown
            if negation_before().search(left[-25:]) and not phrase.startswith(
                ("no ", "zero", "little", "limited", "never", "not")
            ):
                continue  # "I'm not a beginner"
            is_level_n = phrase.startswith(("level", "scqf"))
            is_held = False
            if is_level_n or re.search(r"degree|bachelor|grad|masters?|msc|mba|phd", phrase):
                qual_near = bool(
                    rx.qualification_after.match(right) or rx.qualification_before.search(left)
                )
                have = rx.have.search(left)
                want = rx.want.search(left)
                if (have and (not want or want.start() < have.start())) or (qual_near and not want):
                    is_held = True
                if re.match(r"^\s*(?:degree|qualification|diploma)", right) and have:
                    is_held = True
            if is_held:
                continue
            if (
                phrase in ("intro", "introduction")
                and not re.search(
                    r"\b(?:an?|the|some|just|basic|gentle|quick|short|good)\s*$", left
                )
                and not re.match(r"^\s*(?:to|level|course|courses)\b", right)
            ):
                continue
            if re.search(
                r"\b(?:know|knows|beyond|past|got|have|done|covered|mastered|already|"
                r"than)\s+(?:all\s+)?(?:the\s+)?$",
                left,
            ) and re.match(r"(?:the\s+)?(?:basics?|fundamentals|intro)", phrase):
                continue  # "I already know the basics"
            if phrase in ("fundamentals",) and not re.search(
                r"\b(?:the|some|just|learn|basic)\s*$", left
            ):
                continue
            cands.append((weight, start, end, level))
    if not cands:
        return []
    best = max(cands, key=lambda c: (c[0], -c[1]))
    return [make_extracted(ctx, "level", best[3], best[1], best[2], best[0])]
