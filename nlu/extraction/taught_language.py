"""The ``taught_language`` entity: the language a learner asks a course to be taught in.

"Is the first one taught in Arabic?", "the courses are in portuguese?", "do they have
Spanish subtitles": the language is how the course is given, not what to learn, so it is
no topic or subject (the caller drops those it overlaps), and the assistant can say what
the catalogue records about it (actions/taught_language_question.py). "A course in
Spanish" stays a wish to learn Spanish: only a word saying how a course is given, or a
question about the courses shown, marks the language as taught in. The words are data:
``data/vocab/nlu/taught_language.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlu import vocab
from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.extraction.subject import course_languages

CONFIDENCE = 0.9
# What may stand between the marker and "in": "taught only in", "available also in".
_ADVERB = r"(?:(?:only|also|fully|all|just|entirely|completely)\s+)?"
# A clause ends after the language: a question about the courses shown, not "a course in
# Spanish for my job".
_CLAUSE_END = (
    r"(?=\s*(?:[?.,;!]|$|\bor\b|\band\b|\btoo\b|\balso\b|\bas\s+well\b|\bplease\b|\bpls\b))"
)


def _words(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = vocab.load("taught_language", "given_in", "forms", "holders", "pronouns")
    lang = r"(?P<lang>" + _words(tuple(course_languages())) + r")"
    given_in = _words(data.texts("given_in"))
    forms = _words(data.texts("forms"))
    holders = _words(data.texts("holders"))
    pronouns = _words(data.texts("pronouns"))
    return (
        re.compile(rf"\b(?:{given_in})\s+{_ADVERB}in\s+(?:the\s+)?{lang}(?:\s+languages?)?\b"),
        re.compile(rf"\b{lang}\s+(?:language\s+)?(?:{forms})\b"),
        re.compile(
            rf"\b(?:(?:{holders})\s+(?:are|is|be)|(?:{pronouns})(?:\s+(?:are|is|be))?)\s+"
            rf"{_ADVERB}in\s+{lang}(?:\s+languages?)?\b{_CLAUSE_END}"
        ),
        # "are the courses in portuguese?", "are any of these courses in French"
        re.compile(
            rf"\b(?:are|is)\s+(?!there\b)(?:(?:the|these|those|all\s+the|all)\s+)?(?:\w+\s+){{0,3}}"
            rf"(?:{holders}|{pronouns})\s+{_ADVERB}in\s+{lang}(?:\s+languages?)?\b{_CLAUSE_END}"
        ),
    )


def extract_taught_language(ctx: ScanContext) -> list[Extracted]:
    """The first language the message asks the courses to be taught in, if any."""
    found = [m for rx in _patterns() for m in rx.finditer(ctx.scan)]
    if not found:
        return []
    first = min(found, key=lambda m: m.start())
    value = first.group("lang").capitalize()
    return [make_extracted(ctx, "taught_language", value, first.start(), first.end(), CONFIDENCE)]


__all__ = ["extract_taught_language"]
