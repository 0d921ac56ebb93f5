"""The ``goal`` slot: career_change, upskill, explore or further_study, from the usual
phrases (``GOAL_PATTERNS``); :mod:`nlu.goal_classifier` reads the goals said otherwise.

A qualification held ("I have a masters") is no wish for further study, nor is one that
names a level ("Masters level"); "move into <subject>" needs a subject after it.
"""

from __future__ import annotations

import re

from nlu import vocab
from nlu.extraction.context import Extracted, ScanContext, make_extracted, word_rx

_GOAL_RES = [(word_rx("|".join(p)), g, w) for p, g, w in vocab.GOAL_PATTERNS]
_GOAL_NEG = re.compile(
    r"\b(?:not|no|never|n't|dont|don't|without|rather\s+than|instead\s+of|isn't|not\s+really)"
    r"\s*(?:\w+\s*){0,2}$"
)
_POSSESSION_FOR_STUDY = re.compile(
    r"\b(?:have|has|had|got|hold|did|done|completed|finished|graduated|already|earned|i'?ve|"
    r"ive|with)\b[\w\s']{0,20}$"
)


# "masters level", "degree-level": the qualification word describes a level.
_LEVEL_WORD_AFTER = re.compile(r"^[\s-]*(?:level|standard)\b")


def extract_goal(ctx: ScanContext) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[float, int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for rx, goal, weight in _GOAL_RES:
        for m in rx.finditer(scan):
            start, end = m.start(), m.end()
            if any(s <= start and end <= e for s, e in taken):
                continue
            left = ctx.left(start, 40)
            if _GOAL_NEG.search(left[-25:]):
                continue
            if (
                goal == "further_study"
                and _POSSESSION_FOR_STUDY.search(left)
                and not re.search(
                    r"\b(?:want|need|like|towards?|another|second|new|do|"
                    r"get|study|start|apply|go)\b",
                    left,
                )
                and re.search(
                    r"degree|master|msc|mba|phd|qualification|diploma|postgrad", m.group(0)
                )
            ):
                continue  # "I have a masters in engineering": held, not wanted
            if goal == "further_study" and _LEVEL_WORD_AFTER.match(scan[end : end + 12]):
                continue  # "Masters level, credit-bearing": a level, not a goal
            if goal == "career_change" and weight <= 0.8 and m.group(0).endswith(("to", "into")):
                # "move into <subject>": needs a following word that is not a pronoun
                nxt = scan[end : end + 15]
                pronoun_it = re.match(r"^\s*it\b", nxt) and "IT" not in ctx.raw[end : end + 5]
                if (
                    pronoun_it
                    or re.match(
                        r"^\s*(?:this|that|them|the\s+habit|a\s+routine|bed|"
                        r"my\s+studies)\b",
                        nxt,
                    )
                    or not nxt.strip()
                ):
                    continue
            cands.append((weight, start, end, goal))
            taken.append((start, end))
    if not cands:
        return []
    best = max(cands, key=lambda c: (c[0], -c[1]))
    return [make_extracted(ctx, "goal", best[3], best[1], best[2], best[0])]
