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
from functools import lru_cache

from actions.answers import HELD, IN_PASSING, WANTED
from actions.negation import negated
from nlu import vocab
from nlu.currency import foreign_amount_spans
from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.extraction.subject_index import (
    TOKEN_RE,
    fuzzy_correct,
    norm_token,
    subject_index,
    subject_words,
)
from nlu.topic import OR_ENGLISH

#: How a subject was said, by the role of its mention (the ``said_as`` of its entity).
SAID_AS_BY_ROLE = {"target": WANTED, "weak": WANTED, "neutral": IN_PASSING, "source": HELD}


@dataclass
class _SubjMention:
    subject: str
    start: int
    end: int
    weight: float
    role: str  # "target" | "weak" (weak target marker) | "source" | "neutral" | "negated"
    fuzzy: bool


@dataclass(frozen=True)
class _Patterns:
    """The words around a subject (``data/vocab/nlu/subject_context.yml``), compiled."""

    target: re.Pattern[str]
    weak_target: re.Pattern[str]
    source: re.Pattern[str]
    source_after: re.Pattern[str]
    job_noun: re.Pattern[str]
    own_skill: re.Pattern[str]
    known: re.Pattern[str]
    languages_had: re.Pattern[str]
    not_subjects: re.Pattern[str]
    not_subject_when: dict[str, tuple[str | None, str | None]]  # phrase -> (before, after)
    it_followers: frozenset[str]
    boss_nouns: frozenset[str]
    boss_after: re.Pattern[str]
    course_languages: frozenset[str]
    turn: re.Pattern[str]
    naming_subjects: frozenset[str]
    naming_subject_skills: frozenset[str]


def _then_languages(languages: Sequence[str]) -> str:
    """A pattern's end: languages joined by "and", "or" or commas, up to where a
    language is said ("I read English and ")."""
    names = "|".join(re.escape(name) for name in languages)
    return rf"\s+(?:(?:{names})\s*(?:,|/|&|\band\b|\bor\b)\s*)*$"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "subject_context",
        "target_markers",
        "weak_target_markers",
        "source_markers",
        "source_after_markers",
        "job_nouns",
        "own_skill_words",
        "known_markers",
        "languages_had_markers",
        "not_subjects",
        "not_subject_when",
        "it_followers",
        "boss_nouns",
        "boss_after",
        "course_languages",
        "turn_markers",
        "naming_subjects",
        "naming_subject_skills",
    )
    longest_first = sorted(data.texts("not_subjects"), key=len, reverse=True)
    return _Patterns(
        target=data.regex("target_markers", r"(?<![\w])", r"(?![\w])"),
        weak_target=data.regex("weak_target_markers", r"(?<![\w])", r"(?![\w])"),
        source=data.regex("source_markers", r"(?<![\w])", r"(?![\w])"),
        source_after=data.regex("source_after_markers"),
        job_noun=data.regex("job_nouns", r"\s+", r"\b"),
        own_skill=data.regex("own_skill_words", r"(?<![\w])", r"\s*$"),
        known=data.regex("known_markers", r"(?<![\w])", r"(?![\w])"),
        languages_had=data.regex(
            "languages_had_markers", r"(?<![\w])", _then_languages(data.texts("course_languages"))
        ),
        not_subjects=re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(p) for p in longest_first) + r")(?![\w])"
        ),
        not_subject_when=data.around("not_subject_when"),
        it_followers=frozenset(data.texts("it_followers")),
        boss_nouns=frozenset(data.texts("boss_nouns")),
        boss_after=data.regex("boss_after", r"^\s*", r"\b"),
        course_languages=frozenset(data.texts("course_languages")),
        turn=data.regex("turn_markers", r"\b", ""),
        naming_subjects=frozenset(data.texts("naming_subjects")),
        naming_subject_skills=frozenset(data.texts("naming_subject_skills")),
    )


def extract_subject(ctx: ScanContext, goal: str | None) -> list[Extracted]:
    idx = subject_index()
    words = subject_words()
    rx = _patterns()
    scan = ctx.scan
    masked = rx.not_subjects.sub(lambda m: " " * len(m.group(0)), scan)
    for start, end in foreign_amount_spans(masked):  # "300 CAD" is money, not design
        masked = masked[:start] + " " * (end - start) + masked[end:]
    toks = [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(masked.replace("-", " "))]
    norm = [norm_token(t) for _, _, t in toks]
    fixed: list[str] = []
    is_fuzzy: list[bool] = []
    for (_, _, raw), t in zip(toks, norm, strict=True):
        if t in idx.token_set:
            fixed.append(t)
            is_fuzzy.append(False)
        elif len(t) > 4 and t.endswith("in") and norm_token(t + "g") in idx.token_set:
            fixed.append(norm_token(t + "g"))  # the g dropped ("codin", "counselin")
            is_fuzzy.append(False)
        else:
            # A word never corrected is never corrected once normalised either ("teaches"
            # is "teache" then, one letter from "teacher").
            corr = None if raw.lower() in words.fuzzy_stopwords else fuzzy_correct(t)
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
            if fz and (n == 1 and key[0] not in words.fuzzy_keys):
                continue
            if fz and n > 1 and all(is_fuzzy[i : i + n]):
                continue
            start, end = toks[i][0], toks[i + n - 1][1]
            if ctx.is_claimed(start, end):  # a refinement ("on a pension"), a number
                continue
            if not _subject_ok(ctx, phrase, start, end, all_upper, i, toks):
                continue
            weight = words.weights.get(phrase, 1.0)
            if fz:
                weight *= 0.8
            if rx.boss_after.match(scan[end : end + 15]) and re.search(
                r"\b(?:(?:my|our|the)\s*|(?:my|our)\s+[a-z]+\s+)$", scan[max(0, start - 20) : start]
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
    mentions = _without_naming_words(mentions, scan, rx)
    for mt in mentions:
        mt.role = "negated" if negated(ctx.raw, mt.start) else subject_role(ctx, mt.start, mt.end)
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

    def score(mt: _SubjMention) -> float:
        return mt.weight + (0.05 if mt.role == "weak" else 0.0)

    best = max(pool, key=lambda mt: (score(mt), -mt.start))
    for later in sorted(pool, key=lambda mt: mt.start):
        # "I was thinking nursing but I faint at blood so maybe psychology": said as well
        # after a turn ("no wait", "but ... maybe"), the later field is the one meant
        if (
            later.start > best.end
            and score(later) == score(best)
            and rx.turn.search(scan, best.end, later.start)
        ):
            best = later
    conf = round(0.9 * best.weight if not best.fuzzy else 0.75 * best.weight, 3)
    if best.role == "target":
        conf = min(0.99, conf + 0.05)
    said_as = SAID_AS_BY_ROLE[best.role]
    return [
        make_extracted(ctx, "subject", best.subject, best.start, best.end, max(conf, 0.3), said_as)
    ]


def _without_naming_words(
    mentions: list[_SubjMention], scan: str, rx: _Patterns
) -> list[_SubjMention]:
    """``mentions`` with a naming subject's phrase said right before another subject's
    joined to it as that subject's ("Japanese art history" is art history; not before a
    skill of the language: "my English writing")."""
    kept: list[_SubjMention] = []
    for mt, nxt in zip(mentions, [*mentions[1:], None], strict=True):
        if (
            nxt is not None
            and mt.subject in rx.naming_subjects
            and nxt.subject != mt.subject
            and not scan[mt.end : nxt.start].strip()
            and " ".join(scan[nxt.start : nxt.end].split()) not in rx.naming_subject_skills
        ):
            nxt.start = mt.start
            continue
        kept.append(mt)
    return kept


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
    words = subject_words()
    if phrase in words.cased_only and phrase not in words.case_free:
        raw_span = ctx.raw[start:end]
        if raw_span.upper() != raw_span or (all_upper and len(ctx.raw) > 12):
            return False
    rx = _patterns()
    reject = rx.not_subject_when.get(phrase)
    if reject is not None:
        rx_before, rx_after = reject
        if rx_before and re.search(rx_before, before[-12:]):
            return False
        if rx_after and re.match(rx_after, after):
            return False
    # "in English", "in English or Spanish": the language a course is taught in ("a course in
    # Spanish" is as often Spanish to learn, so only English, and a language said with it).
    taught_in = (phrase == "english" and re.search(r"\b(?:in|speak|speaking|my)\s*$", before)) or (
        phrase in rx.course_languages and re.search(r"\bin\s+english\s+(?:or|and|/)\s*$", before)
    )
    if taught_in and not re.search(r"\b(?:improve|better|learn|practise|practice|study)\b", before):
        return False
    if phrase in rx.course_languages and _language_had(scan[max(0, start - 80) : start], rx):
        return False  # "I read English and French": how they can be taught
    if _taught_in_instead_of_english(
        phrase, scan[max(0, start - 45) : start], scan[end : end + 40], rx.course_languages
    ):
        return False  # "possible to study in Russian language or only English?": taught in
    # "my manager", "my centre manager reckons": a person (not "a shift supervisor post")
    if phrase in rx.boss_nouns and re.search(
        r"\b(?:(?:my|our|the|a|your)\s*|(?:my|our)\s+[a-z]+\s+)$", before
    ):
        # "my manager wants me to..." is a person, "become a better manager" a subject
        return bool(
            re.search(
                r"\b(?:become|becoming|be|as|new|first\s+time|better)\s+"
                r"(?:an?\s+)?(?:\w+\s+)?$",
                before,
            )
        )
    return True


def _language_had(before: str, rx: _Patterns) -> bool:
    """Whether the language said after ``before`` is one the learner can already use: only
    languages, "and", "or" and commas stand between it and a marker ("I read English and ")."""
    return rx.languages_had.search(before) is not None


def course_languages() -> frozenset[str]:
    """The languages a course may be taught in (``course_languages``, one list for every rule)."""
    return _patterns().course_languages


def _taught_in_instead_of_english(
    phrase: str, before: str, after: str, languages: frozenset[str]
) -> bool:
    """Whether a language (or the word "language" after one) is asked about as the language
    a course is taught in, instead of English ("Is it possible to study in Russian language
    or only English?", "Python courses in Hindi or only English?")."""
    if phrase in languages and phrase != "english":
        return bool(re.search(r"\bin\s*$", before)) and bool(OR_ENGLISH.match(after))
    if phrase in ("language", "languages"):
        said = re.search(r"\bin\s+(\w+)\s*$", before)
        return said is not None and said.group(1) in languages and bool(OR_ENGLISH.match(after))
    if phrase == "english":
        said = re.search(
            r"\bin\s+(\w+)(?:\s+languages?)?\s+or\s+(?:only\s+|just\s+|in\s+)?$", before
        )
        return said is not None and said.group(1) in languages
    return False


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
    if nxt in _patterns().it_followers:
        return True
    before = ctx.scan[max(0, start - 60) : start]
    at_end = re.match(r"^\s*(?:[.!?,]|$)", ctx.scan[end : end + 3]) is not None
    from_into = re.search(r"\bfrom\b[\w\s'-]{1,40}\b(?:in)?to\s*$", before) is not None
    career_in = re.search(r"\b(?:career|job|jobs|role|work|working)\s+in\s*$", before) is not None
    return from_into or (career_in and at_end)


def subject_role(ctx: ScanContext, start: int, end: int) -> str:
    """Is the subject at ``start`` (to ``end``) the field wanted (target) or the job had or
    the thing known already (source)?

    The nearest marker before the mention decides: target markers ("into", "become",
    "learn") count within the sentence, source markers ("from", "leaving", "I'm a") and
    known markers ("I know", "I did") only within the same clause. With no target marker
    before it, words right after it that tell of the job had ("Journalism is dying",
    "retail for 20 years") make it the job had too.
    """
    role = _role_before(ctx, start)
    if role == "target":
        return role
    rx = _patterns()
    after = ctx.right(end, 60, "clause")
    noun = rx.job_noun.match(after)
    if noun is None and rx.own_skill.search(ctx.left(start, 12, "clause")):
        return role  # "my maths is hard for me": a skill of theirs
    if rx.source_after.match(after, noun.end() if noun else 0):
        return "source"
    return role


def _role_before(ctx: ScanContext, start: int) -> str:
    """The role :func:`subject_role` reads from the markers before the mention."""
    left = ctx.left(start, 70, "sentence")
    clause_left = ctx.left(start, 70, "clause")
    offset = len(left) - len(clause_left)
    rx = _patterns()
    targets = [(m.end(), m.end() - m.start()) for m in rx.target.finditer(left)]
    sources = [(m.end() + offset, m.end() - m.start()) for m in rx.source.finditer(clause_left)]
    best_t = max((end for end, _ in targets), default=-1)
    best_w = max((m.end() for m in rx.weak_target.finditer(left)), default=-1)
    best_s = max((end for end, _ in sources), default=-1)
    best_k = max((m.end() + offset for m in rx.known.finditer(clause_left)), default=-1)
    nearest = max(best_t, best_w, best_s, best_k)
    if nearest < 0:
        return "neutral"
    if best_k == nearest:
        return "source"  # known already: held, like a job
    if best_s == nearest and best_s > max(best_t, best_w):
        return "source"
    if best_s == nearest == best_t and _longest(sources, nearest) > _longest(targets, nearest):
        return "source"  # "I work in customer service" holds what "work in" would want
    return "target" if best_t == nearest else "weak"


def _longest(found: Sequence[tuple[int, int]], end: int) -> int:
    """The longest of the markers ``found`` (end, length) that end at ``end``."""
    return max((length for at, length in found if at == end), default=0)
