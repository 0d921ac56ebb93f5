"""The ``goal`` slot: career_change, upskill, explore or further_study, from the usual
phrases (``GOAL_PATTERNS``); :mod:`nlu.goal_classifier` reads the goals said otherwise.

A qualification held ("I have a masters") is no wish for further study, nor is one that
names a level ("Masters level"); "move into <subject>" needs a subject after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actions.profile_values import GOALS
from nlu import vocab
from nlu.extraction.context import Extracted, ScanContext, make_extracted, word_rx
from nlu.extraction.corrections import superseded
from nlu.extraction.subject_index import TOKEN_RE, norm_token, subject_index
from nlu.typos import typo_of


@dataclass(frozen=True)
class _Patterns:
    """The goal's word lists (``data/vocab/nlu/goals.yml``), compiled where they stand."""

    rules: tuple[tuple[re.Pattern[str], str, float], ...]  # (pattern, goal, weight)
    negation_before: re.Pattern[str]
    holds_before: re.Pattern[str]
    wanted_anyway_before: re.Pattern[str]
    qualification_words: re.Pattern[str]
    not_a_field_after: re.Pattern[str]
    not_a_degree_after: re.Pattern[str]
    typo_targets: tuple[str, ...]
    go_to_field: re.Pattern[str]
    someone_else_before: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "goals",
        "weighted_phrases",
        "negation_before",
        "holds_before",
        "wanted_anyway_before",
        "qualification_words",
        "not_a_field_after",
        "not_a_degree_after",
        "typo_targets",
        "go_to_field",
        "someone_else_before",
    )
    return _Patterns(
        rules=tuple(
            (word_rx(pattern), goal, weight)
            for pattern, goal, weight in data.weighted("weighted_phrases", "goal", GOALS)
        ),
        negation_before=data.regex("negation_before", r"\b", r"\s*(?:\w+\s*){0,2}$"),
        holds_before=data.regex("holds_before", r"\b", r"\b[\w\s']{0,20}$"),
        wanted_anyway_before=data.regex("wanted_anyway_before", r"\b", r"\b"),
        qualification_words=re.compile(data.pattern("qualification_words")),
        not_a_field_after=data.regex("not_a_field_after", r"^\s*", r"\b"),
        not_a_degree_after=data.regex("not_a_degree_after", r"^[\s-]*", r"\b"),
        typo_targets=data.texts("typo_targets"),
        go_to_field=data.regex("go_to_field", r"\b", r"\b"),
        someone_else_before=data.regex(
            "someone_else_before", r"\b", r"(?:\s+(?:is|are|was|were|has|have|will))?\s*$"
        ),
    )


_WORD = re.compile(r"[a-z]{5,}")


@lru_cache(maxsize=4096)
def _typo_of(word: str) -> str | None:
    """The goal word ``word`` is probably a mistyping of, or ``None`` (:mod:`nlu.typos`)."""
    return typo_of(word, _patterns().typo_targets)


def _corrected(scan: str) -> tuple[str, list[int]]:
    """``scan`` with mistyped goal words corrected (:func:`_typo_of`), and for each of its
    characters (plus the end) the position in ``scan`` it stands for."""
    parts: list[str] = []
    where: list[int] = []
    done = 0
    for m in _WORD.finditer(scan):
        fixed = _typo_of(m.group(0))
        if fixed is None:
            continue
        parts.append(scan[done : m.start()])
        where.extend(range(done, m.start()))
        parts.append(fixed)
        # the word's last letter stands for the typed word's last, so spans cover all of it
        last = len(fixed) - 1
        where.extend(
            m.end() - 1 if i == last else min(m.start() + i, m.end() - 1) for i in range(len(fixed))
        )
        done = m.end()
    parts.append(scan[done:])
    where.extend(range(done, len(scan) + 1))
    return "".join(parts), where


def _held_list(rx: _Patterns, before: str) -> bool:
    """Whether ``before`` ends a list of qualifications held: "I hold a BSc and " (the
    clause the other checks read starts after the "and")."""
    found = rx.holds_before.search(before)
    return (
        found is not None and re.search(r"\b(?:and|&)\s+(?:also\s+)?$", found.group(0)) is not None
    )


#: Words that may stand between "go to" and the field ("go to the software field").
_ARTICLES = frozenset({"the", "a", "an", "some"})
#: Weight of a career change said as "go to <field>".
GO_TO_FIELD_WEIGHT = 0.8


def _field_starts(text: str) -> bool:
    """Whether ``text`` starts with a subject phrase, or one word and then one ("game
    design"), after an article."""
    index = subject_index()
    tokens = [norm_token(m.group(0)) for m in TOKEN_RE.finditer(text[:60])]
    if tokens and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return any(
        tuple(tokens[first : first + n]) in index.phrases
        for first in (0, 1)
        for n in range(1, index.max_len + 1)
    )


def extract_goal(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    scan, where = _corrected(ctx.scan)
    cands: list[tuple[float, int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in rx.go_to_field.finditer(scan):
        left = ctx.left(where[m.start()], 40)
        if rx.someone_else_before.search(left):
            continue  # "the company goes to electric cars": not the learner's change
        if not rx.negation_before.search(left[-25:]) and _field_starts(scan[m.end() :]):
            cands.append((GO_TO_FIELD_WEIGHT, m.start(), m.end(), "career_change"))
            taken.append((m.start(), m.end()))
    for pattern, goal, weight in rx.rules:
        for m in pattern.finditer(scan):
            start, end = m.start(), m.end()
            if any(s <= start and end <= e for s, e in taken):
                continue
            left = ctx.left(where[start], 40)
            if rx.negation_before.search(left[-25:]):
                continue
            if goal == "career_change" and rx.someone_else_before.search(left):
                continue  # "the firm is moving to cloud accounting"
            if (
                goal == "further_study"
                and (
                    rx.holds_before.search(left) or _held_list(rx, scan[max(0, start - 30) : start])
                )
                and not rx.wanted_anyway_before.search(left)
                and rx.qualification_words.search(m.group(0))
            ):
                continue  # "I have a masters in engineering": held, not wanted
            if goal == "further_study" and rx.not_a_degree_after.match(scan[end : end + 20]):
                continue  # "Masters level", "a master baker": a level or a trade, not a goal
            if goal == "career_change" and weight <= 0.8 and m.group(0).endswith(("to", "into")):
                # "move into <subject>": needs a following word that is not a pronoun
                nxt = scan[end : end + 15]
                raw_end = where[end - 1] + 1
                pronoun_it = (
                    re.match(r"^\s*it\b", nxt) and "IT" not in ctx.raw[raw_end : raw_end + 5]
                )
                if pronoun_it or rx.not_a_field_after.match(nxt) or not nxt.strip():
                    continue
            cands.append((weight, start, end, goal))
            taken.append((start, end))
    if not cands:
        return []
    # "Upskill - no wait, actually I want to move out of HR completely": the goal said after
    # a correction is meant (nlu/extraction/corrections.py), whatever its weight.
    placed = [(float(i), where[c[1]], where[c[2] - 1] + 1, c[0]) for i, c in enumerate(cands)]
    kept = {int(p[0]) for p in superseded(ctx, placed, bare_numbers=False)}
    cands = [c for i, c in enumerate(cands) if i in kept]
    best = max(cands, key=lambda c: (c[0], -c[1]))
    start, end = where[best[1]], where[best[2] - 1] + 1
    return [make_extracted(ctx, "goal", best[3], start, end, best[0])]
