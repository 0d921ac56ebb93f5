"""Find the topic a learner names, in their own words ("Excel pivot tables").

The topic is what the course should be about, finer than the 22 subjects. It is read
from the words after a cue ("courses on ...", "learn ...", "get into ...") or before a
course noun ("python course"), up to a boundary: punctuation, a number, a word such as
"and" or "under", or a span another slot already claimed ("for under £100", "4 hours a
week"). "for", "with", "in", "of" go on only when a content word follows ("python for
data analysis", "accounting with Xero"). Stop words are trimmed from both ends.

The phrase lists are data: ``data/vocab/topic_cues.yml`` (cues, boundaries) and the
stop words of ``data/catalogue/topics.yml`` (shared with the course store's search).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actions.negation import negated
from actions.store.topics import topic_vocabulary
from nlu.topic_context import (
    OR_ENGLISH,
    about_the_present,
    doing_now,
    done_before,
    past_audience,
    someone_elses,
    taught_in,
    taught_in_instead,
)
from nlu.topic_cues import STRENGTHS, TopicCues, topic_cues
from nlu.topic_tokens import Token, breaks, tokens
from nlu.word_language import everyday, foreign_at, manner_adverb, stray_short_word

#: Longest topic, in words.
MAX_TOPIC_WORDS = 6
# A phrase in quotes (not an apostrophe: "I'm", "don't" have letters on both sides).
_QUOTE = re.compile(r"(?<![A-Za-z])['‘\"“]([^'’\"”\n]{3,60})['’\"”](?![A-Za-z])")
_SOURCE_CUES = frozenset({"work in", "working in", "job in", "jobs in", "career in"})
MAX_CUE_FILLERS = 2  # words of manner inside a cue ("anything much cheaper on")
_AFTER_NOUN = 2  # "python course"
_QUOTED = 3  # 'digital transformation' in quotes
_BARE = 0.5  # a request that starts with its topic: only when no cue names one
_ABOUT = frozenset({"for", "on", "in", "about", "with", "of"})  # "nothing for bees?"
_COURTESY = frozenset({"please", "pls", "plz", "thanks", "thank", "thx", "cheers"})


@dataclass(frozen=True)
class Topic:
    text: str  # as the learner wrote it
    start: int
    end: int
    bare: bool = False  # said on its own, with no cue ("kubernetes", "site clerk, ...")


def _is_stop(token: Token, cues: TopicCues) -> bool:
    return token.norm in cues.stopwords or token.norm in cues.boundaries


def _span_after(
    text: str, toks: Sequence[Token], i: int, blocked: Sequence[bool], cues: TopicCues
) -> tuple[int, int] | None:
    """Token range [i, j) of the topic that starts at token ``i`` (after a cue)."""
    # Skip leading articles and fillers ("the", "basics of"), not a boundary ("it"); a
    # question word opens the topic ("a course on what ADHD actually is").
    opened = False
    while i < len(toks) and not blocked[i] and toks[i].norm in cues.stopwords:
        if _opens_compound(toks, i, cues):
            break  # "the First World War": the stop word begins the topic
        if not opened and _opens_topic(toks, i, cues):
            opened = True
        elif toks[i].norm in cues.after and _takes_object(text, toks, i, blocked, cues):
            break  # "a course on training dogs": what is trained is the topic
        elif toks[i].norm in cues.after or toks[i].norm in cues.boundaries:
            return None
        i += 1
    j = i
    while j < len(toks) and j - i < MAX_TOPIC_WORDS:
        tok = toks[j]
        if blocked[j] or tok.norm.isdigit() or (j > i and breaks(text, toks[j - 1], tok)):
            break
        if tok.norm in cues.joiners and j > i:
            k = j + 1
            while k < len(toks) and toks[k].norm in ("a", "an", "the"):
                k += 1
            if k < len(toks) and not blocked[k] and not _is_stop(toks[k], cues):
                j = k
                continue
            break
        if (tok.norm in cues.boundaries and not _opens_compound(toks, j, cues)) or (
            tok.norm in cues.after and j > i
        ):
            break
        j += 1
    return (i, j) if j > i else None


#: Words after an indefinite ("something") looked at for an example or a "new".
INDEFINITE_REACH = 4


def _after_indefinite(text: str, toks: Sequence[Token], k: int, cues: TopicCues) -> int | None:
    """Where the topic after a cue starts when the cue's object is an indefinite: after
    the example it gives ("try something creative like photography or drawing" ->
    "photography or drawing"); ``None`` when it says only that it is new ("take up
    something entirely new for the pleasure of it"); else ``k``, where it was."""
    if k >= len(toks) or toks[k].norm not in cues.indefinites:
        return k
    for m in range(k + 1, min(len(toks), k + 1 + INDEFINITE_REACH)):
        if breaks(text, toks[m - 1], toks[m]) and toks[m].norm not in cues.example_markers:
            break
        if toks[m].norm in cues.example_markers:
            return m + 1
        if toks[m].norm in cues.only_new:
            return None
    return k


def _object_of_cue(text: str, toks: Sequence[Token], k: int, cues: TopicCues) -> bool:
    """Whether token ``k``, right after a cue, is a pronoun the cue is about, so no topic
    follows ("understand them enough to ..."); not "IT" in capitals ("learn IT")."""
    return (
        k < len(toks)
        and toks[k].norm in cues.cue_objects
        and text[toks[k].start : toks[k].end] != "IT"
    )


def _opens_compound(toks: Sequence[Token], k: int, cues: TopicCues) -> bool:
    """Whether token ``k`` begins a compound with the token after it ("first world")."""
    return k + 1 < len(toks) and (toks[k].norm, toks[k + 1].norm) in cues.compounds


def _takes_object(
    text: str, toks: Sequence[Token], i: int, blocked: Sequence[bool], cues: TopicCues
) -> bool:
    """Whether the course noun at token ``i`` is a verb with its object right after it
    ("training dogs"), not the end of the topic ("a course on training for managers")."""
    k = i + 1
    return (
        toks[i].norm.endswith("ing")
        and k < len(toks)
        and not blocked[k]
        and not _is_stop(toks[k], cues)
        and toks[k].norm not in cues.after
        and not breaks(text, toks[i], toks[k])
    )


def _opens_topic(toks: Sequence[Token], i: int, cues: TopicCues) -> bool:
    """Whether the question word at token ``i`` opens a topic ("learn how bees make honey",
    "a course on what ADHD actually is") rather than ending one."""
    norm = toks[i].norm
    if norm not in cues.question_openers:
        return False
    if norm != "what":
        return True
    return (
        i + 2 < len(toks)
        and toks[i + 1].norm not in cues.stopwords
        and toks[i + 2].norm in cues.what_is
    )


def _span_before(
    toks: Sequence[Token], noun: int, blocked: Sequence[bool], cues: TopicCues, text: str
) -> tuple[int, int] | None:
    """Token range of a topic written before a course noun ("python course",
    "palliative and end of life care course"), past words that only describe the course
    ("pottery evening class", "python online course")."""
    if noun > 0 and toks[noun - 1].norm in cues.determiners:
        return None  # "receive a certificate", "who give the certificate": a verb's object
    while (
        noun > 0
        and not blocked[noun - 1]
        and toks[noun - 1].norm in cues.stopwords
        and not _compound_at(toks, noun - 1, cues)
        # "in my class" is where, not what: a boundary or a joiner ends the walk back.
        and toks[noun - 1].norm not in cues.boundaries
        and toks[noun - 1].norm not in cues.joiners
        and not breaks(text, toks[noun - 1], toks[noun])
    ):
        noun -= 1
    i = noun
    while i > 0 and noun - i < MAX_TOPIC_WORDS:
        prev = toks[i - 1]
        if blocked[i - 1] or prev.norm.isdigit() or breaks(text, prev, toks[i]):
            break
        if prev.norm in cues.joiners and i < noun and i >= 2:
            before = toks[i - 2]
            if not blocked[i - 2] and not _is_stop(before, cues) and not breaks(text, before, prev):
                i -= 2
                continue
        if (
            _is_stop(prev, cues)
            and not _compound_at(toks, i - 1, cues)
            and not _compound_at(toks, i, cues)  # "real estate course"
        ) or (  # "take welding course": taking is no topic ("search marketing" is one)
            prev.norm in cues.course_verbs and not _compound_at(toks, i, cues)
        ):
            break
        i -= 1
    if (
        i > 0
        and toks[i - 1].norm in cues.possessives
        and not (i > 1 and toks[i - 2].norm in cues.acquiring_verbs)
    ):
        # "my junior infants class": the learner's own class, not a course; but "get my
        # coastal skipper certificate" is one to take
        return None
    if i > 0 and noun - i == 1 and toks[i - 1].norm in cues.verb_markers:
        return None  # "to log CPD": a verb ("from UX to product manager courses" is not)
    return (i, noun) if i < noun else None


def _compound_at(toks: Sequence[Token], k: int, cues: TopicCues) -> bool:
    """Whether token ``k`` ends a compound with the token before it ("machine learning")."""
    return k > 0 and (toks[k - 1].norm, toks[k].norm) in cues.compounds


def _trim(toks: Sequence[Token], i: int, j: int, cues: TopicCues) -> tuple[int, int] | None:
    """Stop words, joiners and words of another language off both ends of a topic."""

    def loose(k: int) -> bool:
        norm = toks[k].norm
        return (
            norm in cues.stopwords
            or norm in cues.joiners
            or norm in cues.hedges  # "I understand perhaps 60% of what the CFO says"
            or foreign_at(toks, k)
        )

    while i < j and (
        loose(i) or toks[i].norm in cues.foreign_joiners or manner_adverb(toks[i].norm)
    ):
        if i + 1 < j and _opens_compound(toks, i, cues):
            break  # "first aid": the stop word begins the topic
        i += 1
    while j > i and (loose(j - 1) or manner_adverb(toks[j - 1].norm)):
        if j - 1 > i and _compound_at(toks, j - 1, cues):
            break  # "machine learning": the stop word is part of the topic
        j -= 1
    return (i, j) if j > i else None


def _cue_at(
    text: str, toks: Sequence[Token], i: int, cues: TopicCues
) -> tuple[tuple[str, ...], int, int] | None:
    """The cue starting at token ``i``: its words, its strength and the token after it."""
    if _compound_at(toks, i, cues):
        return None  # "machine learning side": "learning" ends a compound, it asks for nothing
    if toks[i].norm in cues.labels and text[toks[i].end : toks[i].end + 1] == ":":
        return (toks[i].norm,), STRENGTHS["strong"], i + 1  # "- topic: chemistry refresher"
    candidates = cues.by_first_word.get(toks[i].norm, ())
    for cue, strength in candidates:
        if tuple(t.norm for t in toks[i : i + len(cue)]) == cue:
            return cue, strength, i + len(cue)
    # "anything cheaper on food safety", "a formation online about glaucoma": a word or two
    # of manner between a cue's first word and the rest. Not after a question word: "how
    # much to lend" asks an amount, not how to lend.
    if toks[i].norm in cues.question_openers:
        return None
    for skip in range(1, MAX_CUE_FILLERS + 1):
        if (
            i + skip >= len(toks)
            or toks[i + skip].norm not in cues.fillers
            or breaks(text, toks[i + skip - 1], toks[i + skip])
        ):
            break  # "something short, in English": a comma ends the cue
        if i + skip + 1 >= len(toks) or breaks(text, toks[i + skip], toks[i + skip + 1]):
            break
        for cue, strength in candidates:
            rest = tuple(t.norm for t in toks[i + skip + 1 : i + skip + len(cue)])
            if len(cue) >= 2 and strength >= STRENGTHS["medium"] and rest == cue[1:]:
                return cue, strength, i + skip + len(cue)
    return None


def find_topic(
    text: str, claimed: Sequence[tuple[int, int]] = (), *, bare: bool = False
) -> Topic | None:
    """The topic ``text`` names, or ``None``.

    Args:
        text: the learner's message.
        claimed: character spans other slots already took (budget, hours, level, ...);
            a topic never runs into them.
        bare: also accept a short message with no cue as a topic on its own (when the
            message is known to ask for courses, e.g. its intent is ``find_course``).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    cues = topic_cues()
    toks = tokens(text[:2000])
    blocked = [any(s < t.end and t.start < e for s, e in claimed) for t in toks]
    lowered = text.lower()
    found: list[tuple[float, int, int]] = []  # (strength, start token, end token)
    i = 0
    while i < len(toks):
        hit = _cue_at(text, toks, i, cues)
        if hit is None:
            i += 1
            continue
        cue, strength, end = hit
        if (
            len(cue) == 1
            and cue[0] in cues.present_verbs
            and i > 0
            and toks[i - 1].norm in cues.determiners
        ):
            i += 1  # "a learning allowance": a noun, no cue
            continue
        source = " ".join(cue) in _SOURCE_CUES
        present = source and about_the_present(lowered, toks[i].start)
        if source and not present and cue[0] == "career":
            # "I wish to restart my career in the cyber security field": the field wanted,
            # as surely as after "courses on" (not "basic knowledge of networking" after it);
            # "want to work in" often names a place ("in the UK", "in a hotel in Osaka").
            strength = STRENGTHS["strong"]
        if (
            not present
            and not _object_of_cue(text, toks, end, cues)
            and not done_before(toks, i, cues)
            and not someone_elses(text, toks, i, cues)
        ):
            starts = _after_indefinite(text, toks, end, cues)
            span = None if starts is None else _span_after(text, toks, starts, blocked, cues)
            if span is not None and cue[-1] == "for":
                span = past_audience(toks, span, cues)
            if span is not None:
                if doing_now(toks, i, cue, cues):
                    strength = STRENGTHS["weak"]  # "I teach geography": what they do now
                found.append((strength, *span))
        i = end
    for k, tok in enumerate(toks):
        if tok.norm in cues.after and k > 0:
            span = _span_before(toks, k, blocked, cues, text)
            if span is not None:
                found.append((_AFTER_NOUN, *span))
    for match in _QUOTE.finditer(text[:2000]):
        inside = [
            k for k, t in enumerate(toks) if match.start(1) <= t.start and t.end <= match.end(1)
        ]
        if inside and len(inside) <= MAX_TOPIC_WORDS and not any(blocked[k] for k in inside):
            if len(inside) == 1 and everyday(toks[inside[0]].norm):
                continue  # scare quotes: "my captions are 'flat'"
            found.append((_QUOTED, inside[0], inside[-1] + 1))
    if bare and len(toks) <= cues.bare_max_words:
        # A request that starts with its topic: "kubernetes", "python for data analysis,
        # about 5 hours a week", "3D printing / additive manufacturing for our firm".
        # Not "I'm a teacher and ..." or "money is tight so ...": the topic must start the
        # message and run to the end of its clause.
        # ... after a word of assent said on its own ("fine. negotiation then.").
        # ... or after a hedge or a joining word ("or birds", "maybe pottery").
        first = 0
        while first + 1 < len(toks) and (
            toks[first].norm in cues.hedges
            or (toks[first].norm in cues.not_topics and breaks(text, toks[first], toks[first + 1]))
            # "Nothing for bees? Strange, ...": what there is none of
            or (toks[first].norm in cues.not_topics and toks[first + 1].norm in _ABOUT)
        ):
            first += 1
        # A message opening with a one-letter word of another language ("o sea... no sé")
        # starts with a phrase of that language, not with its topic.
        opens_foreign = bool(toks) and toks[first].norm in cues.foreign_joiners
        span = None if opens_foreign else _span_after(text, toks, first, blocked, cues)
        if span is not None and not any(t.norm in cues.boundaries for t in toks[first : span[0]]):
            start, stop = span
            ends_clause = (
                stop == len(toks)
                or blocked[stop]
                or breaks(text, toks[stop - 1], toks[stop])
                or stop - start >= MAX_TOPIC_WORDS
                or toks[stop].norm in cues.joiners
                or toks[stop].norm in _COURTESY
            )
            if ends_clause:
                found.append((_BARE, *span))
    # The surest cue wins, then the earliest; a too-broad topic ("make it education")
    # gives way to a finer one in the same message ("... interested in inclusive practice").
    candidates: list[Topic] = []
    for how_sure, start, stop in sorted(found, key=lambda f: (-f[0], f[1])):
        trimmed = _trim(toks, start, stop, cues)
        if trimmed is None:
            continue
        if how_sure == _BARE and all(
            t.norm in cues.wish_words for t in toks[trimmed[0] : trimmed[1]]
        ):
            continue  # "For money, máximo 100 euros": a wish's label
        a, b = toks[trimmed[0]], toks[trimmed[1] - 1]
        if all(t.norm in cues.not_topics for t in toks[trimmed[0] : trimmed[1]]):
            continue  # "Good day", "on weekends", "the winter evenings"
        if trimmed[1] - trimmed[0] == 1 and stray_short_word(text[a.start : a.end]):
            continue  # "fe 7aga free?": a short word of another language, not "AI" or "UX"
        if (
            trimmed[1] - trimmed[0] == 1
            and trimmed[1] < len(toks)
            and toks[trimmed[1]].norm in cues.object_pronouns
        ):
            continue  # "how to manage it yourself": a verb and its object, no topic
        if trimmed[1] - trimmed[0] > 1 and toks[trimmed[0] + 1].norm in cues.object_pronouns:
            continue  # "how to keep them comfy": a verb, its object and how, no topic
        if negated(text, a.start):  # "not python", "instead of Spanish"
            continue
        if trimmed[1] - trimmed[0] == 1 and taught_in(text, toks, trimmed[0], cues):
            continue  # "a short course in English is fine": how it is taught
        if taught_in_instead(text, toks, trimmed[0], trimmed[1]):
            continue  # "study in Russian language or only English?": how it is taught
        candidates.append(Topic(text[a.start : b.end], a.start, b.end, how_sure == _BARE))
    generic = topic_vocabulary().generic
    fine = [t for t in candidates if not all(w.lower() in generic for w in t.text.split())]
    chosen = fine or candidates
    return chosen[0] if chosen else None


def topic_after(text: str, start: int, claimed: Sequence[tuple[int, int]] = ()) -> Topic | None:
    """The topic phrase that begins at character ``start`` (after a word such as "or"), read
    as after a cue: up to a boundary, trimmed; ``None`` when what follows is no topic
    ("or something", "or so", "or 5 hours")."""
    cues = topic_cues()
    toks = tokens(text[:2000])
    first = next((k for k, t in enumerate(toks) if t.start >= start), None)
    if first is None:
        return None
    blocked = [any(s < t.end and t.start < e for s, e in claimed) for t in toks]
    span = _span_after(text, toks, first, blocked, cues)
    trimmed = None if span is None else _trim(toks, *span, cues)
    if trimmed is None:
        return None
    said = toks[trimmed[0] : trimmed[1]]
    # "ADHD or autism properly from a parent side": how, and what follows, is no topic
    how = next((k for k, t in enumerate(said) if k and manner_adverb(t.norm)), None)
    said = said[:how] if how is not None else said
    if all(t.norm in cues.not_topics or t.norm in cues.stopwords for t in said):
        return None
    a, b = said[0], said[-1]
    if negated(text, a.start):
        return None
    return Topic(text[a.start : b.end], a.start, b.end)


__all__ = ["OR_ENGLISH", "Topic", "TopicCues", "find_topic", "topic_after", "topic_cues"]
