"""The ``level`` slot: introductory, undergraduate or postgraduate.

A level the learner already holds ("I have a bachelor's", "Level 3 NVQ") is not the level they
want; "I already know the basics" and "not a beginner" are not introductory.
"""

from __future__ import annotations

import re

from nlu import vocab
from nlu.extraction.context import (
    NEGATION_BEFORE,
    Extracted,
    ScanContext,
    make_extracted,
    word_rx,
)

_LEVEL_RES = [(word_rx("|".join(p)), lvl, w) for p, lvl, w in vocab.LEVEL_PATTERNS]
_QUAL_AFTER = re.compile(r"^\s*(?:" + vocab.QUALIFICATION_NOUNS + r"|qualified|trained)\b")
_QUAL_BEFORE = re.compile(r"\b(?:" + vocab.QUALIFICATION_NOUNS + r")\s*(?:at\s+)?$")
_HAVE_CUE = re.compile(
    r"\b(?:have|has|had|got|hold|holding|did|done|completed|complete|finished|passed|achieved|"
    r"gained|earned|already|own|i'?ve|ive|with\s+(?:a|an|my)|my|studied|graduated|qualified|"
    r"currently\s+(?:doing|studying|on)|am\s+doing|i'?m\s+doing|obtained|awarded|hold)\b"
)
_WANT_CUE = re.compile(
    r"\b(?:want|wants|wanting|wanna|looking|look\s+for|need|needs|after|interested|like|prefer|"
    r"something|course|courses|study|studying|do\s+an?|take|find|recommend|suggest|show|"
    r"aiming|aim|next|progress|move\s+(?:up\s+)?to|step\s+up\s+to|go\s+(?:up\s+)?to|ready\s+for|"
    r"at)\b"
)


def extract_level(ctx: ScanContext) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[float, int, int, str]] = []
    for rx, level, weight in _LEVEL_RES:
        for m in rx.finditer(scan):
            start, end = m.start(), m.end()
            left = ctx.left(start, 50)
            right = scan[end : end + 30]
            phrase = m.group(0)
            if NEGATION_BEFORE.search(left[-25:]) and not phrase.startswith(
                ("no ", "zero", "little", "limited", "never", "not")
            ):
                continue  # "I'm not a beginner"
            is_level_n = phrase.startswith("level")
            is_held = False
            if is_level_n or re.search(r"degree|bachelor|grad|masters?|msc|mba|phd", phrase):
                qual_near = bool(_QUAL_AFTER.match(right) or _QUAL_BEFORE.search(left))
                have = _HAVE_CUE.search(left)
                want = _WANT_CUE.search(left)
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
