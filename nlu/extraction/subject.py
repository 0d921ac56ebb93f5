"""The ``subject`` slot: which of the catalogue's subjects the learner wants to study.

Subject phrases are looked up token by token (:mod:`nlu.extraction.subject_index`); each
mention then gets a role from the words before it: the field wanted ("into", "become",
"learn"), the job held or left ("from", "20 years as", "I'm a"), or neutral. Wanted beats
neutral beats held; negated mentions ("not leadership") never count. Ambiguous words are
checked in context ("IT" vs "it", "my manager" vs "a better manager", "excel at").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nlu import vocab
from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.extraction.subject_index import TOKEN_RE, fuzzy_correct, norm_token, subject_index
from nlu.negation import negated


@dataclass
class _SubjMention:
    subject: str
    start: int
    end: int
    weight: float
    role: str  # "target" | "weak" (weak target marker) | "source" | "neutral" | "negated"
    fuzzy: bool


_TARGET_RX = re.compile(r"(?<![\w])(?:" + "|".join(vocab.TARGET_MARKERS) + r")(?![\w])")
_TARGET_WEAK_RX = re.compile(r"(?<![\w])(?:" + "|".join(vocab.TARGET_MARKERS_WEAK) + r")(?![\w])")
_SOURCE_RX = re.compile(r"(?<![\w])(?:" + "|".join(vocab.SOURCE_MARKERS) + r")(?![\w])")
_NON_SUBJECT_RX = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(p) for p in sorted(vocab.NON_SUBJECT_PHRASES, key=len, reverse=True))
    + r")(?![\w])"
)
_BOSS_AFTER = re.compile(
    r"^\s*(?:wants?|asked|said|says|suggested|thinks|told|recommended|will|is|has|needs|"
    r"expects|reckons)\b"
)


def extract_subject(ctx: ScanContext, goal: str | None) -> list[Extracted]:
    idx = subject_index()
    scan = ctx.scan
    masked = _NON_SUBJECT_RX.sub(lambda m: " " * len(m.group(0)), scan)
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(masked.replace("-", " "))]
    norm = [norm_token(t) for _, _, t in toks]
    fixed: list[str] = []
    is_fuzzy: list[bool] = []
    for t in norm:
        if t in idx.token_set:
            fixed.append(t)
            is_fuzzy.append(False)
        else:
            corr = fuzzy_correct(t)
            fixed.append(corr or t)
            is_fuzzy.append(corr is not None)
    all_upper = ctx.raw.upper() == ctx.raw
    mentions: list[_SubjMention] = []
    i = 0
    while i < len(toks):
        matched = False
        for n in range(min(idx.max_len, len(toks) - i), 0, -1):
            key = tuple(fixed[i : i + n])
            hit = idx.phrases.get(key)
            if hit is None:
                continue
            subject, phrase = hit
            fz = any(is_fuzzy[i : i + n])
            if fz and (n == 1 and key[0] not in vocab.FUZZY_SUBJECT_KEYS):
                continue
            if fz and n > 1 and all(is_fuzzy[i : i + n]):
                continue
            start, end = toks[i][0], toks[i + n - 1][1]
            if ctx.is_claimed(start, end):  # a refinement ("on a pension"), a number
                continue
            if not _subject_ok(ctx, phrase, start, end, all_upper, i, toks):
                continue
            weight = vocab.SUBJECT_WEAK.get(phrase, 1.0)
            if fz:
                weight *= 0.8
            if _BOSS_AFTER.match(scan[end : end + 15]) and re.search(
                r"\b(?:my|our|the)\s*$", scan[max(0, start - 6) : start]
            ):
                i += n
                matched = True
                break
            mentions.append(_SubjMention(subject, start, end, weight, "neutral", fz))
            i += n
            matched = True
            break
        if not matched:
            i += 1
    if not mentions:
        return []
    for mt in mentions:
        mt.role = "negated" if negated(ctx.raw, mt.start) else subject_role(ctx, mt.start)
    targets = [mt for mt in mentions if mt.role == "target"]
    neutral = [mt for mt in mentions if mt.role in ("neutral", "weak")]
    sources = [mt for mt in mentions if mt.role == "source"]
    if targets:
        pool = targets
    elif neutral:
        pool = neutral
    elif goal == "career_change":
        return []
    else:
        pool = sources
    if not pool:  # every mention was negated ("not leadership")
        return []
    best = max(pool, key=lambda mt: (mt.weight + (0.05 if mt.role == "weak" else 0.0), -mt.start))
    conf = round(0.9 * best.weight if not best.fuzzy else 0.75 * best.weight, 3)
    if best.role == "target":
        conf = min(0.99, conf + 0.05)
    return [make_extracted(ctx, "subject", best.subject, best.start, best.end, max(conf, 0.3))]


# phrase -> (words right before it, words right after it) that mean it is not a subject
_SUBJECT_REJECT: dict[str, tuple[str | None, str | None]] = {
    "excel": (r"\bto\s*$", r"^\s*(?:at|in)\b"),
    "teach": (None, r"^\s*(?:me|myself|you|him|her|them|us)\b"),
    "code": (r"\b(?:post|zip|dress|area|discount|promo|voucher|the)\s*$", r"^\s*(?:for|of)\b"),
    "care": (
        r"\b(?:i|we|really|don'?t|dont|do|not|who|you|they|to|take|taking|self|childcare|"
        r"child|little|less|much)\s*$",
        None,
    ),
    "caring": (r"\b(?:i|we|really|am|i'?m|im|been|and|for)\s*$", r"^\s*(?:for|responsibilit)"),
    "school": (r"^(?![\s\S]*\b(?:work|working|job|in|at)\s+(?:a\s+)?$)", None),
    "data": (None, r"^\s*(?:entry|plan|allowance|roaming)\b"),
    "drama": (r"\b(?:no|any|the|much)\s*$", None),
    "hr": (r"\d\s*$", None),
    "brand": (None, r"^\s*new\b"),
    "lean": (None, r"^\s*(?:on|towards|against|back|in)\b"),
    "art": (r"\b(?:state\s+of\s+the|the)\s*$", r"^\s*of\b"),
    "writing": (r"\b(?:in)\s*$", r"^\s*(?:to|this|back)\b"),
}
_BOSS_NOUNS = frozenset({"manager", "leader", "supervisor", "executive"})


def _subject_ok(
    ctx: ScanContext,
    phrase: str,
    start: int,
    end: int,
    all_upper: bool,
    i: int,
    toks: Sequence[tuple[int, int, str]],
) -> bool:
    """Context checks for ambiguous subject words (case, neighbouring words)."""
    scan = ctx.scan
    before = scan[max(0, start - 25) : start]
    after = scan[end : end + 20]
    if phrase == "it":
        return _it_means_it(ctx, start, end, all_upper, i, toks)
    if phrase in vocab.SUBJECT_CASED_ONLY and phrase not in vocab.SUBJECT_CASE_FREE_ACRONYMS:
        raw_span = ctx.raw[start:end]
        if raw_span.upper() != raw_span or (all_upper and len(ctx.raw) > 12):
            return False
    reject = _SUBJECT_REJECT.get(phrase)
    if reject is not None:
        rx_before, rx_after = reject
        if rx_before and re.search(rx_before, before[-12:]):
            return False
        if rx_after and re.match(rx_after, after):
            return False
    if (
        phrase == "english"
        and re.search(r"\b(?:in|speak|speaking|my)\s*$", before)
        and not re.search(r"\b(?:improve|better|learn|practise|practice|study)\b", before)
    ):
        return False
    if phrase in _BOSS_NOUNS and re.search(r"\b(?:my|our|the|a|your)\s*$", before):
        # "my manager wants me to..." is a person, "become a better manager" a subject
        return bool(
            re.search(
                r"\b(?:become|becoming|be|as|new|first\s+time|better)\s+"
                r"(?:an?\s+)?(?:\w+\s+)?$",
                before,
            )
        )
    return True


def _it_means_it(
    ctx: ScanContext,
    start: int,
    end: int,
    all_upper: bool,
    i: int,
    toks: Sequence[tuple[int, int, str]],
) -> bool:
    """Is this "it" information technology rather than the pronoun?"""
    if ctx.raw[start:end] == "IT" and not all_upper:
        return True
    nxt = toks[i + 1][2] if i + 1 < len(toks) else ""
    if nxt in vocab.IT_FOLLOWERS:
        return True
    before = ctx.scan[max(0, start - 60) : start]
    at_end = re.match(r"^\s*(?:[.!?,]|$)", ctx.scan[end : end + 3]) is not None
    from_into = re.search(r"\bfrom\b[\w\s'-]{1,40}\b(?:in)?to\s*$", before) is not None
    career_in = re.search(r"\b(?:career|job|jobs|role|work|working)\s+in\s*$", before) is not None
    return from_into or (career_in and at_end)


def subject_role(ctx: ScanContext, start: int) -> str:
    """Is the subject at ``start`` the field wanted (target) or the job had (source)?

    The nearest marker before the mention decides: target markers ("into", "become",
    "learn") count within the sentence, source markers ("from", "leaving", "I'm a")
    only within the same clause.
    """
    left = ctx.left(start, 70, "sentence")
    clause_left = ctx.left(start, 70, "clause")
    offset = len(left) - len(clause_left)
    best_t = max((m.end() for m in _TARGET_RX.finditer(left)), default=-1)
    best_w = max((m.end() for m in _TARGET_WEAK_RX.finditer(left)), default=-1)
    best_s = max((m.end() + offset for m in _SOURCE_RX.finditer(clause_left)), default=-1)
    nearest = max(best_t, best_w, best_s)
    if nearest < 0:
        return "neutral"
    if best_s == nearest and best_s > max(best_t, best_w):
        return "source"
    return "target" if best_t == nearest else "weak"
