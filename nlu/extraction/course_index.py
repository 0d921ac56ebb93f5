"""The ``course_index`` slot: which course of the last list the learner means.

Positions are 1-based, "the last one" is -1; "compare 1 and 3", "the first two" and
"options 2, 3 or 5" give one entity per position, in the order written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nlu import vocab
from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.extraction.numbers import number_words, words_to_number

_ORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|"
    r"5th|6th|7th|8th|9th|10th|last|final"
)
_IDX_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten"
_IDX_TOKEN = r"(?:\d{1,2}|" + _IDX_WORD + r"|" + _ORD + r")"
_IDX_ITEM_RE = re.compile(r"(?<![\w#])#?(?P<t>" + _IDX_TOKEN + r")(?![\w])")
_IDX_MARKED_RE = re.compile(
    r"(?<![\w])(?:numbers?|no\.|nos\.|nr\.?|num|options?|choices?|items?|results?|"
    r"suggestions?|recommendations?|courses?)\s*#?\s*(?P<n>\d{1,2}|" + _IDX_WORD + r")(?![\w])"
    r"|#\s?(?P<h>\d{1,2})(?![\w])"
)
_WHOLE_INDEX_RE = re.compile(
    r"^\s*(?:(?:the\s+)?(?P<o>" + _ORD + r")(?:\s+(?:one|option|course))?|"
    r"(?:number|no\.?|#|option)\s*(?P<n>\d{1,2}|" + _IDX_WORD + r"))\s*(?:one\s*)?(?:please|pls|"
    r"plz|thanks|thx|ta)?\s*[.!?]*\s*$"
)


# "the first two", "top 3", "all three": positions 1..n
_IDX_FIRST_N_RE = re.compile(
    r"(?<![\w])(?:(?:the\s+)?(?:first|top)|all)\s+(?P<n>two|three|four|five|[2-5])"
    r"(?:\s+(?:ones?|courses?|options?|results?))?(?![\w])"
    r"(?!\s+(?:weeks?|hours?|months?|days?|years?|modules?|units?|lessons?|steps?))"
)
_IDX_CONTINUE_RE = re.compile(
    r"\s*(?:,|and|&|or|vs\.?|versus|\+|then)\s*(?:the\s+)?(?:(?:number|no\.?|#|option|course)"
    r"\s*#?\s*)?(?P<t>" + _IDX_TOKEN + r")(?![\w])"
)


@dataclass(frozen=True)
class _Patterns:
    """The patterns built on ``data/vocab/nlu/course_index.yml``."""

    compare: re.Pattern[str]  # "compare 1 and 3": the positions are group "items"
    ordinal_noun: re.Pattern[str]  # "the second one"
    the_ordinal: re.Pattern[str]  # "the second, please"
    verb_number: re.Pattern[str]  # "tell me about 2"
    verb_before: re.Pattern[str]  # a list verb right before a point
    not_index_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load(
        "course_index",
        "list_nouns",
        "list_verbs",
        "compare_words",
        "after_the_ordinal",
        "not_index_after",
    )
    verbs = data.pattern("list_verbs")
    return _Patterns(
        compare=re.compile(
            r"(?<![\w])(?P<verb>" + data.pattern("compare_words") + r")\s+"
            r"(?P<items>(?:the\s+)?(?:(?:number|no\.?|#|option|course|choice)s?\s*#?\s*)?"
            + _IDX_TOKEN
            + r"(?:\s+(?:one|option|course))?"
            r"(?:\s*(?:,|and|&|with|to|vs\.?|versus|or|\+)\s*(?:the\s+)?(?:(?:number|no\.?|#|option|"
            r"course|choice)\s*#?\s*)?" + _IDX_TOKEN + r"(?:\s+(?:one|option|course)s?)?)+)(?![\w])"
        ),
        ordinal_noun=re.compile(
            r"(?<![\w])(?P<pre>the|that|this|your|ur)?\s*(?P<o>"
            + _ORD
            + r")\s+(?:"
            + data.pattern("list_nouns")
            + r")(?![\w])"
        ),
        the_ordinal=re.compile(
            r"(?<![\w])the\s+(?P<o>"
            + _ORD
            + r")(?=\s*(?:"
            + data.pattern("after_the_ordinal")
            + r"))"
        ),
        verb_number=re.compile(
            r"(?<![\w])(?:" + verbs + r")\s+(?:the\s+)?(?:number\s+|no\.?\s*|#\s?|option\s+)?"
            r"(?P<n>\d{1,2}|" + _IDX_WORD + r")(?![\w])"
        ),
        verb_before=re.compile(r"\b(?:" + verbs + r")\s*$"),
        not_index_after=data.regex("not_index_after", r"^\s*(?:-|\s)?\s*"),
    )


def _index_value(tok: str) -> int | None:
    t = tok.strip().lstrip("#")
    if t.isdigit():
        v = int(t)
        return v if 1 <= v <= 20 else None
    ordinals = number_words().ordinals
    if t in ordinals:
        return ordinals[t]
    word = words_to_number(t) if t.isalpha() else None
    return int(word) if word is not None and word.is_integer() and 1 <= word <= 20 else None


def extract_course_index(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    scan = ctx.scan
    found: list[tuple[int, int, int, float]] = []  # start, end, value, conf

    def add(start: int, end: int, value: int | None, conf: float) -> None:
        if value is None or ctx.is_claimed(start, end):
            return
        if any(s < end and start < e for s, e, _, _ in found):
            return
        if rx.not_index_after.match(scan[end : end + 12]):
            return
        found.append((start, end, value, conf))

    whole = _WHOLE_INDEX_RE.match(scan)
    if whole:
        tok = whole.group("o") or whole.group("n")
        add(
            whole.start("o") if whole.group("o") else whole.start(),
            whole.end(),
            _index_value(tok or ""),
            0.85,
        )

    for m in _IDX_FIRST_N_RE.finditer(scan):
        count = _index_value(m.group("n")) or 0
        for value in range(1, count + 1):
            found.append((m.start() + value - 1, m.start() + value, value, 0.9))
    for m in rx.compare.finditer(scan):
        items = m.group("items")
        base = m.start("items")
        for it in _IDX_ITEM_RE.finditer(items):
            tok = it.group("t")
            if (
                tok in ("one",)
                and it.start() > 0
                and re.search(r"(?:" + _ORD + r")\s+$", items[: it.start()])
            ):
                continue  # "the first one"
            add(base + it.start(), base + it.end(), _index_value(tok), 0.9)
    for m in _IDX_MARKED_RE.finditer(scan):
        tok = m.group("n") or m.group("h")
        start = m.start()
        before = scan[max(0, start - 12) : start]
        if re.search(r"\b(?:level|my|a|level\s+\w+)\s*$", before) and not m.group("h"):
            continue
        add(start, m.end(), _index_value(tok), 0.9)
    for m in rx.ordinal_noun.finditer(scan):
        before = scan[max(0, m.start() - 12) : m.start()]
        if re.search(r"\b(?:my|his|her|their|our|a|an|its)\s*$", before) and not m.group("pre"):
            continue
        noun = scan[m.end("o") : m.end()].strip()
        if (
            noun.startswith(
                (
                    "course",
                    "result",
                    "program",
                    "option",
                    "choice",
                    "item",
                    "link",
                    "suggest",
                    "recommend",
                    "microcred",
                    "pick",
                    "entr",
                )
            )
            and not m.group("pre")
            and not rx.verb_before.search(before)
        ):
            continue
        start = m.start("pre") if m.group("pre") else m.start("o")
        add(start, m.end(), _index_value(m.group("o")), 0.88)
    for m in rx.the_ordinal.finditer(scan):
        add(m.start(), m.end("o"), _index_value(m.group("o")), 0.85)
    for m in rx.verb_number.finditer(scan):
        tok = m.group("n")
        if tok == "one" and not re.match(r"^\s*(?:[.!?,;]|$|and\b|or\b)", scan[m.end() :]):
            continue  # "what about one that is cheaper"
        verb = scan[m.start() : m.start("n")]
        if re.match(r"(?:is|was|and)\b", verb) and not re.search(
            r"\b(?:number|option|no\.?|#)\b", verb
        ):
            continue
        add(m.start("n"), m.end(), _index_value(tok), 0.8)

    # "the first and second", "options 1 and 2", "number 2, 3 or 5"
    queue = list(found)
    while queue:
        _start, end, _value, conf = queue.pop()
        cm = _IDX_CONTINUE_RE.match(scan, end)
        if not cm:
            continue
        tok = cm.group("t")
        if tok in _IDX_WORD.split("|") and not re.match(
            r"\s*(?:[.!?,;]|$|and\b|or\b|one\b|option|course|please)", scan[cm.end() :]
        ):
            continue
        n_before = len(found)
        add(cm.start("t"), cm.end(), _index_value(tok), conf)
        if len(found) > n_before:
            queue.append(found[-1])

    found.sort()
    out: list[Extracted] = []
    seen: set[int] = set()
    for start, end, value, conf in found:
        if value in seen:
            continue
        seen.add(value)
        if ctx.ner_overlap(start, end, ("ORDINAL", "CARDINAL")):
            conf = min(0.99, conf + 0.03)
        out.append(make_extracted(ctx, "course_index", value, start, end, conf))
    return out
