"""Turn a learner's message into normalised profile values.

``extract(text, doc=None)`` returns :class:`Extracted` items for the slots ``goal``,
``subject``, ``budget``, ``hours_per_week``, ``max_weeks``, ``level``, ``credit_bearing``,
``course_index`` and ``delivery``.

How it works
------------
The extractor is rule based: regular expressions find candidate mentions (amounts of
money, quantities of hours and weeks, list references, phrases from :mod:`nlu.vocab`), and
the words around each candidate decide whether it is really about the learner's study
plans. "I earn 28k", "I work 37.5 hours a week", "20 years in retail", "I'm 45" or a
held "Level 3 NVQ" are recognised and dropped.

When a spaCy ``Doc`` of the same text is given (Rasa's ``SpacyNLP`` puts one on every
message, lower-cased by default), its named entities (MONEY, DATE, TIME, QUANTITY,
CARDINAL, ORDINAL) are used as extra evidence: they raise the confidence of candidates
they agree with and add MONEY amounts that the rules did not catch (e.g. a bare amount
that the model tagged as MONEY next to a spending verb). Without a doc the rules alone
are used.

Normalisation choices (documented for the slots' consumers)
-----------------------------------------------------------
* ``budget``: maximum spend in GBP; ranges give their upper bound; several amounts give
  the largest; USD/EUR are converted with :func:`actions.store.currency.to_gbp`;
  "must be free" / "no money" / a message that is just "nothing" -> 0; "£40 a month" ->
  40 (the rate as said). Income ("I earn 28k"), wages ("£11 an hour"), past spending
  and quoted prices ("the course costs £500") are not budgets. Integers are ``int``.
* ``hours_per_week``: ranges ("2-3 hours") give the upper bound; per-day amounts are
  multiplied by 7 (by 5 for weekdays, or by N when "N evenings a week" is stated);
  per-fortnight / per-month amounts are divided by 2 / 4; a bare "5 hours" is read as
  per week (lower confidence). "a couple" = 2, "a few" = 3.
* ``max_weeks``: a month is 4 weeks, a year 52, a fortnight 2; ranges give the upper
  bound; dates ("by Christmas") are left unset; "a year"/"a fortnight" and lengths in
  years need a duration cue ("within a year", "a 2 year course") or to be the whole
  answer, because "20 years" is usually experience and "a week" usually a rate.
* ``course_index``: 1-based; "the last one" -> -1; several references give several
  entities in the order written.
* At most one entity per slot is returned, except ``course_index``.

Robustness: only the first :data:`MAX_SCAN_CHARS` characters are scanned (a 100 kB paste
costs the same as a 2 kB one); any text (empty, emoji, HTML, SQL, other languages) is
accepted and never raises.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from actions.store.currency import to_gbp
from nlu import vocab
from nlu.currency import in_foreign_currency
from nlu.negation import negated
from nlu.refinement import find_refinements
from nlu.topic import find_topic

if TYPE_CHECKING:  # pragma: no cover - typing only
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

MAX_SCAN_CHARS = 2000
"""Only this many leading characters of a message are scanned (cost cap)."""
MAX_TOPIC_CHARS = 80
"""Longest topic value (a topic is a few words)."""

ENTITY_NAMES: tuple[str, ...] = (
    "goal",
    "subject",
    "budget",
    "hours_per_week",
    "max_weeks",
    "level",
    "credit_bearing",
    "course_index",
    "delivery",
    "topic",
    "refinement",
)

NER_LABELS: frozenset[str] = frozenset({"MONEY", "DATE", "TIME", "QUANTITY", "CARDINAL", "ORDINAL"})

Value = str | float | int | bool


@dataclass(frozen=True)
class Extracted:
    """One normalised profile value found in a message (character offsets into the text)."""

    entity: str
    value: Value
    start: int
    end: int
    text: str
    confidence: float


# ======================================================================================
# Regex building blocks
# ======================================================================================

_UNITS = (
    "seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|"
    "seven|three|eight|zero|four|five|nine|one|two|six|ten"
)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
_UPTO99 = rf"(?:(?:{_TENS})(?:[\s-]?(?:{_ONES}))?|{_UNITS})"
_UPTO999 = rf"(?:(?:{_UPTO99}|a)\s+hundred(?:\s+(?:and\s+)?{_UPTO99})?|{_UPTO99})"
_WORDNUM = (
    rf"(?:(?:{_UPTO999}|a)\s+thousand(?:\s+(?:and\s+)?{_UPTO999})?|{_UPTO999})"
    r"(?:\s+and\s+a\s+half)?"
)
_DIGNUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?:\s+and\s+a\s+half|½)?"
_VAGUE = r"(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few|several|a\s+handful\s+of"
_NUM = rf"(?:{_DIGNUM}|{_WORDNUM}|half)"
_B = r"(?<![\w£$€.,])"  # left boundary for a number
_E = r"(?![\w])"  # right boundary

_SCALE = r"(?:k|grand|thousand|hundred)"
_CUR_PRE = r"(?:us\$|£|\$|€|gbp|usd|eur)"
_CUR_POST = r"(?:pounds?|quid|gbp|sterling|dollars?|bucks|usd|euros?|eur|£|€)"


def _amount(name: str) -> str:
    return (
        rf"(?:(?P<{name}pre>{_CUR_PRE})\s?)?"
        rf"(?P<{name}>{_DIGNUM}|{_WORDNUM}|a(?=\s+grand)|(?:a\s+)?(?:couple(?:\s+of)?|few)"
        rf"(?=\s+(?:grand|hundred|thousand|k\b)))"
        rf"(?:\s?(?P<{name}scale>{_SCALE})(?![a-z]))?"
    )


_MONEY_RE = re.compile(
    _B
    + r"(?:(?P<between>between|from)\s+)?"
    + _amount("a")
    + r"(?:\s?(?P<apost>"
    + _CUR_POST
    + r")(?![a-z]))?"
    + r"(?:\s*(?P<conn>-|–|—|to|or|and)\s*"
    + _amount("b")
    + r")?"
    + r"(?:\s?(?P<post>"
    + _CUR_POST
    + r")(?![a-z]))?"
)

_HOUR_UNIT = r"(?:hours?|hrs?|hr|h(?=\b|/)|minutes?|mins?|min)"
_HOURS_RE = re.compile(
    r"(?<![\w.,£$€])"
    r"(?:(?P<between>between)\s+)?"
    r"(?:(?P<lo>" + _NUM + r"|" + _VAGUE + r")\s*(?:-|–|—|to|or|and)\s*)?"
    r"(?P<n>" + _NUM + r"|" + _VAGUE + r"|an?|half\s+an?)"
    r"\s*-?\s*(?P<unit>" + _HOUR_UNIT + r")(?![a-z])"
    r"(?P<extra>\s+and\s+a\s+half|\s+(?:or\s+(?P<orhi>" + _NUM + r"))"
    r"|\s+(?:and\s+)?(?P<mins>\d{1,2})\s*(?:minutes?|mins?))?"
)
# "an hour or two"
_HOURS_OR_RE = re.compile(r"\ban?\s+hour\s+or\s+(?P<n>two|three|so|2|3)\b")

_DAY_NAME = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
)
_PERIOD_RE = re.compile(
    r"^\s*(?:,\s*)?(?:of\s+study\s+|of\s+studying\s+|of\s+learning\s+|of\s+my\s+time\s+|"
    r"to\s+study\s+|studying\s+|to\s+spare\s+|spare\s+|free\s+)?"
    r"(?:only\s+|just\s+)?"
    r"(?:(?P<art>a|an|per|each|every|/|in\s+a|over\s+(?:a|the)|on|at|during|on\s+the|at\s+the|"
    r"in\s+the|most|some|on\s+a|pr|p)\s*)?"
    r"(?P<p>weekdays?|week\s*days?|working\s+days?|work\s+days?|weekends?|week\s*ends?|"
    r"weeknights?|week|wk|fortnight|month|day|night|evening|morning|afternoon|lunchtime|"
    r"lunch\s*break|session|sitting|weekly|daily|nightly|pw|p/w|pwk|other\s+day|"
    r"mon(?:day)?\s*(?:-|to)\s*fri(?:day)?|" + _DAY_NAME + r"|evenings|nights|mornings|days)\b"
)
_DAY_NAME_RE = re.compile(_DAY_NAME)
# "Monday, Wednesday and Friday": the days named in a row after an amount of time.
_DAY_LIST_RE = re.compile(
    r"(?:on\s+)?" + _DAY_NAME + r"(?:\s*(?:,|&|\+|/|and|or)?\s*" + _DAY_NAME + r")*"
)
# "1 hour after my shift", "30 mins before work": when, not how long the work is.
_WHEN_AFTER_RE = re.compile(r"^\s*(?:straight\s+)?(?:after|before)\b")
_PERIOD_LEFT_RE = re.compile(
    r"(?:(?:a|per|each|every|in\s+a)\s+(?P<p>week|day|evening|night|morning|fortnight|month|"
    r"weekday|weekend)|(?P<p2>weekly|daily|nightly|weekends?|weekdays?))\b"
)
_OCCASIONS = (
    r"(?:days?|evenings?|nights?|mornings?|afternoons?|sessions?|lunchtimes?|lunch\s*breaks?|"
    r"times|slots?|weekdays)"
)
_FREQ_RE = re.compile(
    r"(?:(?P<n>" + _NUM + r"|" + _VAGUE + r")\s+" + _OCCASIONS + r"\s*"
    r"(?:a|per|each|every|in\s+a|/|of\s+the)\s*week\b|(?P<once>once|twice)\s+(?:a|per|each|every)"
    r"\s+week\b)"
)
# How often an amount of time recurs, said after it: "30 min x 5 days", "2 hours in the
# morning, 3 days".
_OCCURRENCES_RE = re.compile(
    r"(?:(?:x|×|times)\s*|,\s*)(?P<n>" + _NUM + r")\s*" + _OCCASIONS + r"(?!\s*(?:off|ago|later))\b"
)
_WORK_CUE_RE = re.compile(
    r"\b(?:work(?:s|ed|ing)?(?!\s+(?:on|at|through|towards|for\s+(?:it|the\s+course)))|job|jobs|"
    r"shifts?|contract(?:ed)?|employ(?:ed|ment|er)|full[\s-]?time|part[\s-]?time|commut\w*|"
    r"driv(?:e|es|ing)|sleep\w*|overtime|volunteer\w*|caring|carer|look\s+after|"
    r"warehouse|office|rota|gym|train(?:ing)?\s+(?:at|in)\s+the|week\s+is|my\s+week)\b"
)
_STUDY_CUE_RE = re.compile(
    r"\b(?:stud(?:y|ying|ies)|learn\w*|course|courses|spare|free|dedicate|devote|commit|"
    r"available|put\s+in|give\s+it|set\s+aside|revis\w*|homework|read(?:ing)?|focus|"
    r"manage|could\s+do|can\s+do|can\s+give|can\s+find|find|squeeze|fit\s+in|have)\b"
)
_HOURS_NEG_AFTER_RE = re.compile(
    r"^\s*-?\s*(?:shifts?|days?|drive|commute|journey|flight|sleep|long|in\s+total|total|"
    r"of\s+(?:content|video|overtime|learning\s+in\s+total|study\s+in\s+total)|"
    r"to\s+complete|course|of\s+work|at\s+work|on\s+shift|in\s+the\s+(?:office|warehouse|"
    r"shop|hospital|ward)|ago|later|away|from\s+(?:here|home)|on\s+my\s+feet|old\b)"
)

_WEEK_UNIT = r"(?:weeks?|wks?|months?|mths?|mnths?|years?|yrs?|fortnights?)"
_WEEKS_RE = re.compile(
    r"(?<![\w.,£$€])"
    r"(?:(?P<between>between)\s+)?"
    r"(?:(?P<lo>" + _NUM + r")\s*(?:-|–|—|to|or|and)\s*)?"
    r"(?P<n>" + _NUM + r"|(?:a\s+)?couple(?:\s+of)?|half\s+an?|an?|one)"
    r"\s*-?\s*(?P<unit>" + _WEEK_UNIT + r")(?![a-z])"
    r"(?P<half>\s+and\s+a\s+half)?"
)
_WEEKS_POS_LEFT_RE = re.compile(
    r"(?:within|in|under|over|than|max(?:imum)?|most|up\s*to|upto|no\s+more|no\s+longer|"
    r"takes?|taking|took|last(?:s|ing)?|for|commit(?:ted)?|spend|spread|complete|finish(?:ed)?|"
    r"done|course|programme|program|about|around|roughly|only|just|<|<=|approx\.?|"
    r"approximately|ideally|maybe|perhaps|like|say|is|be|of|max\.?|shorter|less|longer|"
    r"duration|length|period|lasting|runs?|running|couple\s+of|few|spare|have|got|give)\s*$"
)
_WEEKS_STRONG_LEFT_RE = re.compile(
    r"(?:within|under|than|max(?:imum)?|at\s+most|up\s*to|upto|no\s+more|no\s+longer|"
    r"takes?|taking|last(?:s|ing)?|commit(?:ted)?\s+(?:to\s+)?(?:for\s+)?|spread\s+(?:over|across)|"
    r"complete\s+(?:it\s+)?in|finish(?:ed)?\s+(?:it\s+)?in|done\s+in|course\s+(?:of|for|over)|"
    r"shorter|less|longer|duration\s+of|length\s+of|only|just|<|<=)\s*(?:about|around|roughly|"
    r"maybe|say|a|the)?\s*$"
)
_WEEKS_POS_RIGHT_RE = re.compile(
    r"^\s*-?\s*(?:long|course|courses|programme|program|microcredential|max(?:imum)?|tops|"
    r"or\s+(?:less|shorter|under|fewer|so)|at\s+(?:the\s+)?most|to\s+(?:complete|finish|do\s+it)|"
    r"in\s+total|total|maximum|limit|commitment|duration)\b"
)
_WEEKS_NEG_LEFT_RE = re.compile(
    r"\b(?:ago|old|aged|age|been|was|were|spent|served|serving|worked|working|work|lived|"
    r"living|married|retired|since|last|past|unemployed|redundant|off|notice|maternity|"
    r"paternity|pregnant|baby|son|daughter|kids?|child|children|contract|start|starting|"
    r"begin|beginning|starts|due|holiday|trip|travel(?:ling)?|away|break|sabbatical|"
    r"leave|leaving|left|moving|move|wedding|exam|interview|experience|career|"
    r"doing\s+this|in\s+the\s+(?:army|forces|military|navy|raf)|army|forces|military|"
    r"navy|raf|nurse|teacher|job|jobs|role|industry|sector|retail|prison|hospital|"
    r"every|each|per|once|twice|times|a\s+day)\b"
)
_WEEKS_NEG_RIGHT_RE = re.compile(
    r"^\s*-?\s*(?:ago|old|of\s+(?:experience|service|my\s+life|work)|experience|'?s?\s+experience|"
    r"in\s+(?!total\b)[a-z]|as\s+an?\b|at\s|with\s+(?:the|my|a)|service|pregnant|'?s?\s*notice|"
    r"later|from\s+now|since|left|remaining|behind|out\s+of\s+work|off\b|into\b|running|"
    r"straight|now\b|before|until|till|of\s+(?:the\s+)?(?:army|forces|nursing|teaching|retail)|"
    r"served|working|experience|'?s?\s+time|time\b|away|holiday|leave|break|to\s+go|in\b$)"
)
# A new clause after the length ("6 months, I was off sick"): not a wish unless the words
# before it make it one ("max 6 weeks, I can't commit longer").
_WEEKS_CLAUSE_RIGHT_RE = re.compile(
    r"^\s*,?\s*(?:i|we|i'?ll|i'?m|i\s+will|my|we'?re|there|it'?s|that'?s)\b"
)
_RATE_LEFT_RE = re.compile(
    r"(?:hours?|hrs?|hr|h|mins?|minutes?|once|twice|times|x|£\S*|\$\S*|€\S*|quid|pounds?|"
    r"dollars?|euros?|\d+k?|evenings?|days?|nights?|sessions?|per|each|every)\s*$"
)

_ORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|"
    r"5th|6th|7th|8th|9th|10th|last|final"
)
_IDX_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten"
_LIST_NOUN = (
    r"ones?|options?|courses?|choices?|items?|results?|suggestions?|recommendations?|"
    r"programmes?|programs?|links?|microcredentials?|picks?|entries|entry"
)
_NOT_INDEX_AFTER = re.compile(
    r"^\s*(?:-|\s)?\s*(?:hours?|hrs?|h\b|mins?|minutes?|weeks?|wks?|months?|years?|yrs?|days?|"
    r"evenings?|nights?|courses|options|credits?|points|%|percent|k\b|grand|quid|pounds?|"
    r"dollars?|euros?|£|\$|€|am\b|pm\b|o'?clock|people|kids|children|things|times|of\b|"
    r"\.\d|:\d|,\d|/)"
)
_LIST_VERB = (
    r"tell\s+me\s+(?:a\s+bit\s+|a\s+little\s+|some\s+)?(?:more\s+)?about|more\s+(?:info(?:rmation)?\s+|"
    r"details?\s+)?(?:on|about|for)|details?\s+(?:on|of|for|about)|info(?:rmation)?\s+(?:on|about|for)|"
    r"what\s+about|how\s+about|go\s+(?:for|with)|i'?ll\s+(?:take|have|do)|i'?d\s+like|i\s+like|"
    r"pick|choose|select|book|enrol(?:l)?\s+(?:me\s+)?(?:on|in|onto)|sign\s+(?:me\s+)?up\s+(?:for|to)|"
    r"explain|describe|show\s+me|open|expand(?:\s+on)?|interested\s+in|prefer|link\s+(?:for|to)|"
    r"more\s+on|cost\s+of|price\s+of|is|was|what\s+is|what'?s|and"
)
_INDEX_REF = (
    rf"(?:(?:the\s+)?(?:number|no\.?|nr\.?|num|#|option|course|choice|item|result|"
    rf"suggestion|recommendation)\s*#?\s*)?(?:\d{{1,2}}|{_IDX_WORD}|{_ORD})"
    rf"|the\s+(?:{_ORD})(?:\s+(?:one|option|course|choice))?"
)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])")


_BOUNDARY_CLAUSE_RE = re.compile(
    r"[!?;\n()\[\]{}|]|\.(?!\d)|,(?!\d{3})|\s[-–—]\s|"
    r"\b(?:but|however|though|although|whereas|while|whilst|so|and|then|because|cos|plus|"
    r"also|except|otherwise|yet)\b"
)
_BOUNDARY_SENTENCE_RE = re.compile(r"[!?;\n]|\.(?!\d)(?=\s|$)|\b(?:but|however|although)\b")
_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9+#']*(?:\.[a-z0-9]+)*|\.net|c\+\+|c#|[a-z]\.[a-z]\b")
_HTML_TAG_RE = re.compile(r"<[^<>]{0,200}>|&[a-z]{2,8};|&#\d{1,6};")


# ======================================================================================
# Context
# ======================================================================================


@dataclass
class _Ctx:
    raw: str
    scan: str
    bounds: dict[str, tuple[list[int], list[int]]]  # level -> (match starts, match ends)
    ents: list[tuple[int, int, str]]
    claimed: list[tuple[int, int]] = field(default_factory=list)

    def left(self, pos: int, max_chars: int = 60, level: str = "clause") -> str:
        """Text before ``pos`` back to the previous clause/sentence boundary."""
        _, ends = self.bounds[level]
        i = bisect.bisect_right(ends, pos) - 1
        start = ends[i] if i >= 0 else 0
        return self.scan[max(start, pos - max_chars, 0) : pos]

    def right(self, pos: int, max_chars: int = 40, level: str = "clause") -> str:
        """Text after ``pos`` up to the next clause/sentence boundary."""
        starts, _ = self.bounds[level]
        i = bisect.bisect_left(starts, pos)
        end = starts[i] if i < len(starts) else len(self.scan)
        return self.scan[pos : min(end, pos + max_chars)]

    def ner_overlap(self, start: int, end: int, labels: Iterable[str]) -> bool:
        wanted = set(labels)
        return any(s < end and start < e and lab in wanted for s, e, lab in self.ents)

    def is_claimed(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.claimed)


def _boundaries(scan: str, rx: re.Pattern[str]) -> tuple[list[int], list[int]]:
    spans = [(m.start(), m.end()) for m in rx.finditer(scan)]
    return [s for s, _ in spans], [e for _, e in spans]


def _prepare_scan(text: str) -> str:
    """Lower-case copy of ``text`` with the same length (offsets stay valid)."""
    chars = []
    for ch in text:
        low = ch.lower()
        if len(low) != 1:
            low = ch
        if low in "\u2018\u2019\u02bc`´":
            low = "'"
        elif low in "\u201c\u201d":
            low = '"'
        elif low in "\u2013\u2014\u2212":
            low = "-"
        elif low in "\u00a0\u2009\u202f\t\r":
            low = " "
        chars.append(low)
    scan = "".join(chars)
    # mask HTML tags / entities so that "<b>£500</b>" still reads "£500"
    return _HTML_TAG_RE.sub(lambda m: " " * len(m.group(0)), scan)


def _build_ctx(text: str, doc: Doc | None) -> _Ctx:
    raw = text[:MAX_SCAN_CHARS]
    scan = _prepare_scan(raw)
    bounds = {
        "clause": _boundaries(scan, _BOUNDARY_CLAUSE_RE),
        "sentence": _boundaries(scan, _BOUNDARY_SENTENCE_RE),
    }
    return _Ctx(raw, scan, bounds, _doc_entities(doc, raw))


def _doc_entities(doc: Doc | None, raw: str) -> list[tuple[int, int, str]]:
    """NER spans of ``doc`` usable on ``raw`` (only when the doc is of the same text)."""
    if doc is None:
        return []
    try:
        doc_text = str(doc.text)
        n = min(len(doc_text), len(raw))
        if n == 0 or doc_text[:n].lower() != raw[:n].lower():
            return []
        spans = []
        for ent in doc.ents:
            if ent.label_ in NER_LABELS and ent.end_char <= len(raw):
                spans.append((int(ent.start_char), int(ent.end_char), str(ent.label_)))
        return spans
    except Exception:  # a foreign or broken doc must not break extraction
        logger.debug("ignoring unusable spaCy doc", exc_info=True)
        return []


# ======================================================================================
# Numbers
# ======================================================================================


def _num_value(s: str | None) -> float | None:
    """Parse digits, number words, "half", vague quantities ("a couple of")."""
    if s is None:
        return None
    s = s.strip().lower()
    if not s:
        return None
    half = 0.0
    if s.endswith("½"):
        half, s = 0.5, s[:-1].strip()
    m = re.fullmatch(r"(.*?)\s+and\s+a\s+half", s)
    if m:
        half, s = 0.5, m.group(1)
    if re.fullmatch(r"[\d,]*\.?\d+", s):
        try:
            return float(s.replace(",", "")) + half
        except ValueError:
            return None
    vague = s.removesuffix(" of")
    if s in vocab.VAGUE_QUANTITIES or vague in vocab.VAGUE_QUANTITIES:
        return float(vocab.VAGUE_QUANTITIES.get(s, vocab.VAGUE_QUANTITIES.get(vague, 0))) + half
    if s in ("a", "an", "one", "a single"):
        return 1.0 + half
    if s in ("half", "half a", "half an"):
        return 0.5
    value = _words_to_number(s)
    return None if value is None else value + half


def _words_to_number(s: str) -> float | None:
    words = [w for w in re.split(r"[\s-]+", s) if w]
    if not words:
        return None
    total = 0
    current = 0
    seen = False
    for i, w in enumerate(words):
        if w in vocab.NUMBER_WORDS:
            current += vocab.NUMBER_WORDS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        elif w == "and" or (w == "a" and i == 0):
            continue
        else:
            return None
    return float(total + current) if seen else None


def _clean_number(x: float) -> int | float:
    x = round(x, 2)
    return int(x) if float(x).is_integer() else x


def _has_digits_issue(s: str | None) -> bool:
    """Phone-number-like or zero-padded digit strings are never quantities."""
    if not s or not s.strip()[:1].isdigit():
        return False
    digits = s.strip().replace(",", "").split(".")[0].split()[0]
    return (len(digits) > 1 and digits.startswith("0")) or len(digits) >= 7


# ======================================================================================
# Budget
# ======================================================================================

_BUDGET_CUE_LEFT = re.compile(r"\b(?:" + vocab.BUDGET_CUES + r")\b")
_BUDGET_CUE_RIGHT = re.compile(r"^\s*(?:" + vocab.BUDGET_CUES_AFTER + r")\b")
_WEAK_MONEY_CUE_LEFT = re.compile(
    r"\b(?:under|up\s*to|upto|max(?:imum)?|less\s+than|no\s+more\s+than|below|at\s+most|"
    r"around|about|roughly|approx(?:imately)?|cheaper\s+than|not\s+more\s+than|within)\s*$"
)
_MONEY_WORDS = re.compile(
    r"\b(?:budget|spend|afford|pay|price|cost|money|cheap|expensive|fees?|quid|pounds?|"
    r"dollars?|euros?|cash)\b|[£$€]"
)
_INCOME_LEFT = re.compile(r"\b(?:" + vocab.INCOME_CUES + r")\b")
_INCOME_RIGHT = re.compile(r"^\s*(?:" + vocab.INCOME_CUES_AFTER + r")")
_NON_MONEY_UNIT_AFTER = re.compile(
    r"^\s*-?\s*(?:hours?|hrs?|h\b|mins?|minutes?|weeks?|wks?|months?|years?|yrs?|days?|"
    r"evenings?|nights?|people|kids|children|staff|employees|students|learners|%|percent|"
    r"credits?|points|courses?|modules?|year\s+olds?|yo\b|times|st\b|nd\b|rd\b|th\b|"
    r"am\b|pm\b|miles?|km|sessions?|weekends?|o'?clock|:\d|/\d)"
)
_PRICE_OF_LEFT = re.compile(
    r"(?:\b(?:something|anything|ones?|courses?)\s+)?\b(?:(?:the|that|this)\s+(?:\w+\s+){0,2}|it\s+|"
    r"that\s+|which\s+|(?:number|course|option)\s+\d+\s+)(?:costs?|is\s+priced\s+at|price\s+is|"
    r"is|was|are|were)\s*(?:about|around|only|just|roughly)?\s*$"
)
_BUDGET_WORDS_RE = re.compile(
    r"\b(?:pay|spend|afford|budget|max(?:imum)?|limit|most|up\s+to|under|less|cheaper|below|"
    r"within|no\s+more)\b"
)
_TRAINING_MONEY_RE = re.compile(
    r"\b(?:for|on|towards)\s+(?:training|courses?|learning|development|cpd|study|studying|"
    r"education)\b|\b(?:training|learning|development|cpd)\s+(?:budget|allowance|pot|fund)"
)
_NOTHING_ANSWER_RE = re.compile(
    r"[\s\W]*(?P<w>nothing|zero|nil|nowt|zilch|not\s+a\s+penny|£\s?0|0\s*(?:pounds|quid|gbp|£))"
    r"(?:\s+(?:at\s+all|really|whatsoever|sorry|i'?m\s+afraid|tbh|unfortunately))*[\s.!?]*"
)
_SLANG_MONEY_RE = re.compile(r"(?<![\w])(?:(?P<art>an?)\s+)?(?P<w>tenner|fiver|pony|ton)(?![\w])")
# A limit said before an amount ("nothing over a ton", "under a tenner").
_LIMIT_LEFT_RE = re.compile(
    r"\b(?:under|below|less\s+than|over|more\s+than|up\s+to|max(?:imum)?|within)\s*$"
)
_SLANG_MONEY = {"tenner": 10.0, "fiver": 5.0, "pony": 25.0, "ton": 100.0}
_MONEY_LEFT_BLOCK = re.compile(r"\b(?:aged?|i'?m|im|i\s+am|kids|children|born|years?)\b")
_NON_MONEY_LEFT = re.compile(
    r"\b(?:level|lvl|number|no\.?|option|#|aged?|i'?m|im|i\s+am|year|in|since|room|"
    r"call|phone|tel|mobile|ring|text|whatsapp|nvq|course|item|choice)\s*$"
)


def _extract_budget(ctx: _Ctx) -> list[Extracted]:
    cands: list[tuple[float, int, int, float]] = []  # (gbp, start, end, confidence)
    scan = ctx.scan
    seen: list[tuple[int, int]] = []  # every amount the rules judged, accepted or not
    for m in _MONEY_RE.finditer(scan):
        seen.append((m.start(), m.end()))
        a_txt, b_txt = m.group("a"), m.group("b")
        conn = m.group("conn")
        pre = m.group("apre") or m.group("bpre")
        post = m.group("post") or m.group("apost")
        a_scale, b_scale = m.group("ascale"), m.group("bscale")
        start = m.start("apre") if m.group("apre") else m.start("a")
        if b_txt is not None and conn == "and" and not m.group("between"):
            # "2 kids and 300 quid": not a range; keep the part that carries the money
            if pre or m.group("apost") or a_scale in ("k", "grand"):
                b_txt = None
            else:
                a_txt, a_scale = b_txt, b_scale
                start = m.start("bpre") if m.group("bpre") else m.start("b")
                pre = m.group("bpre")
                b_txt = None
        # "£50 or 2 hours" is not a money range unless the second part is money too
        if (
            b_txt is not None
            and conn == "or"
            and not (m.group("bpre") or b_scale)
            and _NON_MONEY_UNIT_AFTER.match(scan[m.end("b") :])
        ):
            b_txt = None
        end = m.end()
        if b_txt is None and m.group("b") is not None:
            end = m.end("apost") if m.group("apost") else m.end("ascale") or m.end("a")
            if end < 0:
                end = m.end("a")
        if _has_digits_issue(a_txt) or _has_digits_issue(b_txt):
            continue
        a_val = _money_value(a_txt, a_scale)
        b_val = _money_value(b_txt, b_scale) if b_txt is not None else None
        if a_val is None:
            continue
        if b_val is not None and a_scale and not b_scale and b_val < a_val:
            b_val = _money_value(b_txt, a_scale)  # "1-2k"
        if (
            a_val is not None
            and b_val is not None
            and b_scale
            and not a_scale
            and a_val < 1000
            and b_val >= 1000
            and a_val * 1000 <= b_val
        ):
            a_val = a_val * 1000  # "1-2k" read right to left
        value = max(v for v in (a_val, b_val) if v is not None)
        currency = _currency_of(pre, post, a_scale or b_scale)
        has_money_marker = bool(
            pre or post or (a_scale in ("k", "grand")) or (b_scale in ("k", "grand"))
        )
        left = ctx.left(start, 70)
        right = ctx.right(end, 40)
        if in_foreign_currency(scan[max(0, m.start("a") - 8) : m.start("a")], right):
            continue  # "40,000 INR", "1 lakh rupees": no rate, so no budget
        if _NON_MONEY_UNIT_AFTER.match(right) and not (pre or post):
            continue
        if not (pre or post) and _NON_MONEY_LEFT.search(left):
            continue
        price = _PRICE_OF_LEFT.search(left)
        if (
            price
            and not _BUDGET_WORDS_RE.search(left)
            and not re.search(
                r"\b(?:something|anything|ones?|courses?)\s+(?:that|which)\s", price.group(0)
            )
        ):
            continue  # "the course costs £500": a price, not the learner's budget
        strong_cue = bool(_BUDGET_CUE_LEFT.search(left) or _BUDGET_CUE_RIGHT.match(right))
        income = bool(_INCOME_LEFT.search(left) or _INCOME_RIGHT.match(right))
        if income and _TRAINING_MONEY_RE.search(right):
            income, strong_cue = False, True  # "£300 a year for training"
        if income:
            # accept only when a spending cue is *closer* than the income cue
            cue_pos = max((c.end() for c in _BUDGET_CUE_LEFT.finditer(left)), default=-1)
            inc_pos = max((c.end() for c in _INCOME_LEFT.finditer(left)), default=-1)
            if _INCOME_RIGHT.match(right) or cue_pos <= inc_pos:
                continue
        if has_money_marker:
            conf = 0.9 if (pre or post) else 0.75
            if (
                a_scale == "k"
                and not (pre or post)
                and not strong_cue
                and not re.search(r"\b(?:have|got|saved|spare|around|about|up\s+to|max)\b", left)
            ):
                continue  # "28k" on its own is more often a salary
        elif strong_cue:
            if not m.group("a")[0].isdigit() and len(m.group("a")) < 4:
                continue
            if (
                1900 <= value <= 2100
                and "budget" not in left
                and float(value).is_integer()
                and not re.search(r"\b(?:budget|spend|afford|pay)\b", left[-25:])
            ):
                continue
            conf = 0.8
        elif _WEAK_MONEY_CUE_LEFT.search(left) and value >= 50 and _MONEY_WORDS.search(scan):
            conf = 0.65
        elif (
            m.group("between") == "between"
            and b_val is not None
            and value >= 50
            and not _MONEY_LEFT_BLOCK.search(left)
        ):
            conf = 0.6  # "between 300 and 500": in this assistant a bare range is a budget
        else:
            seen.pop()  # only the lack of a cue: spaCy's MONEY label may still decide
            continue
        if value > 1_000_000:
            continue
        gbp = to_gbp(value, currency) if currency != "GBP" else value
        if gbp is None:
            continue
        if ctx.ner_overlap(start, end, ("MONEY",)):
            conf = min(0.99, conf + 0.05)
        cands.append((gbp, start, end, conf))
        ctx.claimed.append((start, end))

    # spaCy MONEY entities the rules did not see
    for s, e, label in ctx.ents:
        if label != "MONEY" or ctx.is_claimed(s, e) or any(a < e and s < b for a, b in seen):
            continue
        ent_text = scan[s:e]
        m2 = re.search(r"(" + _DIGNUM + r"|" + _WORDNUM + r")(?:\s?(" + _SCALE + r"))?", ent_text)
        if not m2:
            continue
        value_opt = _money_value(m2.group(1), m2.group(2))
        if value_opt is None or _has_digits_issue(m2.group(1)):
            continue
        before = scan[max(0, s - 4) : s]
        sym = re.search(_CUR_PRE + r"\s?$", before)
        pre_txt = sym.group(0).strip() if sym else None
        post_m = re.search(r"\b(" + _CUR_POST + r")\b", ent_text)
        currency = _currency_of(pre_txt, post_m.group(1) if post_m else None, m2.group(2))
        left, right = ctx.left(s, 70), ctx.right(e, 40)
        if _INCOME_LEFT.search(left) or _INCOME_RIGHT.match(right):
            continue
        if _NON_MONEY_UNIT_AFTER.match(right) or _PRICE_OF_LEFT.search(left):
            continue
        cued = bool(
            pre_txt or post_m or _BUDGET_CUE_LEFT.search(left) or _BUDGET_CUE_RIGHT.match(right)
        )
        if not cued and (value_opt < 5 or (1900 <= value_opt <= 2100) or value_opt > 100_000):
            continue
        gbp = to_gbp(value_opt, currency) if currency != "GBP" else value_opt
        if gbp is None:
            continue
        start = s - len(sym.group(0)) if sym else s
        cands.append((gbp, start, e, 0.75 if cued else 0.6))
        ctx.claimed.append((start, e))

    nothing = _NOTHING_ANSWER_RE.fullmatch(scan)
    if nothing:
        # a whole-message answer to "what can you spend?": "nothing", "zero really"
        cands.append((0.0, nothing.start("w"), nothing.end("w"), 0.6))
    for sm in _SLANG_MONEY_RE.finditer(scan):
        word = sm.group("w")
        said_before = ctx.left(sm.start(), 60)
        cued = bool(
            _BUDGET_CUE_LEFT.search(said_before)
            or _LIMIT_LEFT_RE.search(said_before)
            or _BUDGET_CUE_RIGHT.match(scan[sm.end() : sm.end() + 30])
        )
        if (word in ("pony", "ton") or not sm.group("art")) and not cued:
            continue  # "a ton of experience", "Pony Express"
        cands.append((_SLANG_MONEY[word], sm.start(), sm.end(), 0.7))
    for pattern in _FREE_RES:
        for fm in pattern.finditer(scan):
            fs, fe = fm.start(), fm.end()
            if _is_free_time(scan, fs, fe):
                continue
            cands.append((0.0, fs, fe, 0.85))
    if not cands:
        return []
    best = max(cands, key=lambda c: (c[0], c[3]))
    value = _clean_number(best[0])
    return [_mk(ctx, "budget", value, best[1], best[2], best[3])]


_FREE_RES = [_rx(p) for p in vocab.FREE_PATTERNS]
_FREE_TIME_AFTER = re.compile(r"^\s*(?:" + vocab.FREE_TIME_WORDS + r")\b")
_FREE_TIME_BEFORE = re.compile(
    r"\b(?:time|evenings?|days?|weekends?|afternoons?|mornings?|nights?|hours?|i'?m|im|i\s+am|"
    r"we'?re|feel|schedule|diary|calendar|sundays?|saturdays?|mondays?|tuesdays?|wednesdays?|"
    r"thursdays?|fridays?|lunchtimes?|be\s+free\s+to|when|whenever)\b[\w\s']{0,12}$"
)


def _is_free_time(scan: str, start: int, end: int) -> bool:
    """True for "free" meaning free time ("my evenings are free", "free on Tuesdays")."""
    frag = scan[start:end]
    if "free" not in frag:
        return False
    free_at = start + frag.rfind("free")
    after = scan[free_at + 4 : free_at + 30]
    if _FREE_TIME_AFTER.match(after) and not re.match(r"^\s*(?:of\s+charge|to\s+me)", after):
        return True
    before = scan[max(0, free_at - 30) : free_at]
    return bool(_FREE_TIME_BEFORE.search(before)) and "course" not in frag


def _money_value(num: str | None, scale: str | None) -> float | None:
    if num is None:
        return None
    n = num.strip()
    if n == "a" or n.startswith(("a couple", "couple", "a few", "few")):
        base: float | None = 2.0 if "couple" in n else (3.0 if "few" in n else 1.0)
    else:
        base = _num_value(n)
    if base is None:
        return None
    if scale:
        base *= vocab.NUMBER_SCALES.get(scale, 1)
    return base


def _currency_of(pre: str | None, post: str | None, scale: str | None) -> str:
    for token in (pre, post):
        if token:
            code = vocab.CURRENCY_SYMBOLS.get(token.strip().lower())
            if code:
                return code
    return "GBP"


# ======================================================================================
# Hours per week
# ======================================================================================


def _extract_hours(ctx: _Ctx) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[float, int, int, float]] = []
    matches: list[tuple[int, int, float, str]] = []  # start, end, hours, unit
    for m in _HOURS_RE.finditer(scan):
        if ctx.is_claimed(m.start("n"), m.end("n")):
            continue
        n_txt = m.group("n")
        unit = m.group("unit")
        if unit == "h" and not n_txt[0].isdigit():
            continue
        if _has_digits_issue(n_txt):
            continue
        value = _hours_number(n_txt)
        if value is None:
            continue
        if m.group("orhi"):
            alt = _num_value(m.group("orhi"))
            if alt is not None and alt > value:
                value = alt
        extra = m.group("extra") or ""
        if "half" in extra:
            value += 0.5
        if unit.startswith("m"):
            value = value / 60.0
        elif m.group("mins"):
            value += int(m.group("mins")) / 60.0
        start = m.start("n")
        if n_txt.strip() in ("a", "an", "half a", "half an") and _MONEY_BEFORE_RE.search(
            scan[max(0, start - 25) : start]
        ):
            continue  # "£11 an hour" is a wage, not study time
        if m.group("lo") and m.group("lo").strip() not in ("a", "an"):
            lo_val = _hours_number(m.group("lo"))
            connector = scan[m.end("lo") : m.start("n")]
            if lo_val is not None and ("and" not in connector or m.group("between")):
                start = m.start("between") if m.group("between") else m.start("lo")
        matches.append((start, m.end(), value, unit))
    for m in _HOURS_OR_RE.finditer(scan):
        hi = {"two": 2.0, "three": 3.0, "2": 2.0, "3": 3.0, "so": 1.0}[m.group("n")]
        matches = [x for x in matches if not (x[0] < m.end() and m.start() < x[1])]
        matches.append((m.start(), m.end(), hi, "hour"))

    freq = _frequency(scan)
    for start, end, hours, _unit in matches:
        right = scan[end : end + 45]
        period, per_pos = _period_after(right)
        left_sentence = ctx.left(start, 60, "sentence")
        if period is None and _PER_SESSION_RE.match(right):
            period = "session"
        if period is None:
            left_periods = list(_PERIOD_LEFT_RE.finditer(left_sentence))
            if left_periods:
                period = left_periods[-1].group("p") or left_periods[-1].group("p2")
        neg_right = _HOURS_NEG_AFTER_RE.match(right)
        if neg_right and not re.match(r"^\s*(?:a|per|each|every)\s", right):
            # "12 hour shifts", "8 hour day", "a 10 hour course"
            ctx.claimed.append((start, end))
            continue
        if re.match(r"^\s*-?\s*weeks?\b", right) and re.search(r"\b(?:a|an)\s*$", scan[:start]):
            ctx.claimed.append((start, end))  # "a 40 hour week": working week
            continue
        left = ctx.left(start, 60)
        if _WORK_CUE_RE.search(left) and not _STUDY_CUE_RE.search(left):
            ctx.claimed.append((start, end))
            continue
        when = _WHEN_AFTER_RE.match(right)
        if period is None and when:
            period = "session"  # "1 hour after my shift, 4 nights a week"
        if (
            _WORK_CUE_RE.search(right[:30])
            and not _STUDY_CUE_RE.search(right[:30])
            and not re.match(r"^\s*(?:a|per|each|every)\s", right)
            and not when
        ):
            ctx.claimed.append((start, end))
            continue
        weekly, conf = _to_weekly(hours, period, freq, scan)
        if weekly is not None and period and _DAY_NAME_RE.fullmatch(period):
            weekly *= _named_days(right, per_pos)
        if weekly is None:
            ctx.claimed.append((start, end))
            continue
        if period is None and re.search(
            r"\b(?:takes?|took|lasts?|long|total|course\s+(?:is|of))\b", left
        ):
            ctx.claimed.append((start, end))  # "the course takes 10 hours": a total
            continue
        if not 0 < weekly <= 80:
            ctx.claimed.append((start, end))
            continue
        if ctx.ner_overlap(start, end, ("TIME", "QUANTITY", "DATE")):
            conf = min(0.99, conf + 0.05)
        span_end = end + per_pos if per_pos else end
        cands.append((weekly, start, span_end, conf))
        ctx.claimed.append((start, span_end))
    if not cands:
        return []
    split = _split_over_days(cands, scan)
    if split is not None:
        return [_mk(ctx, "hours_per_week", _clean_number(split[0]), split[1], split[2], split[3])]
    best = max(cands, key=lambda c: (c[3] >= 0.8, c[1]))  # explicit rate first, then last said
    return [_mk(ctx, "hours_per_week", _clean_number(best[0]), best[1], best[2], best[3])]


_MONEY_BEFORE_RE = re.compile(
    r"(?:[£$€]\s?[\d.,]+\s*k?|[\d.,]+\s*(?:k|p|pounds?|quid|dollars?|euros?|bucks))\s*$"
)
_PER_SESSION_RE = re.compile(
    r"^\s*(?:each|per\s+(?:session|go|sitting|time|evening|night|day)|a\s+(?:session|time|go|"
    r"sitting)|at\s+a\s+time|in\s+one\s+go)\b"
)


def _day_kind(tail: str) -> str:
    """Which days an amount of time is for, from the words just before its end."""
    if re.search(r"week\s*days?|weeknights?|working\s+days?|mon(?:day)?\s*(?:-|to)\s*fri", tail):
        return "weekday"
    if re.search(r"week\s*ends?", tail):
        return "weekend"
    days = _DAY_NAME_RE.findall(tail)
    return "day:" + "+".join(sorted({d[:3] for d in days})) if days else "other"


def _split_over_days(
    cands: list[tuple[float, int, int, float]], scan: str
) -> tuple[float, int, int, float] | None:
    """Amounts for different days add up: "1 hour on weekdays and 3 hours at weekends" ->
    5 + 3 = 8 hours a week; "3 hours saturday, 2 hours sunday" -> 5."""
    if len(cands) < 2:
        return None
    kinds = [_day_kind(scan[max(0, end - 25) : end]) for _, _, end, _ in cands]
    if "other" in kinds or len(set(kinds)) != len(kinds):
        return None
    total = sum(c[0] for c in cands)
    return total, min(c[1] for c in cands), max(c[2] for c in cands), 0.85


def _hours_number(n_txt: str) -> float | None:
    t = n_txt.strip()
    if t in ("a", "an"):
        return 1.0
    if t.startswith("half"):
        return 0.5
    return _num_value(t)


def _period_after(right: str) -> tuple[str | None, int]:
    m = _PERIOD_RE.match(right)
    if not m:
        return None, 0
    return m.group("p"), m.end()


def _frequency(scan: str) -> float | None:
    m = _FREQ_RE.search(scan)
    if not m:
        occurrences = _OCCURRENCES_RE.search(scan)
        return _num_value(occurrences.group("n")) if occurrences else None
    if m.group("once"):
        return 1.0 if m.group("once") == "once" else 2.0
    return _num_value(m.group("n"))


def _named_days(right: str, period_end: int) -> int:
    """How many days are named in a row where the period is a day name ("on Monday,
    Wednesday and Friday" -> 3)."""
    start = max(0, right.rfind(" ", 0, period_end) - 4)
    days = _DAY_LIST_RE.search(right, start)
    if days is None:
        return 1
    return max(1, len({d[:3] for d in _DAY_NAME_RE.findall(days.group(0))}))


def _to_weekly(
    hours: float, period: str | None, freq: float | None, scan: str
) -> tuple[float | None, float]:
    if period is None:
        if freq and (
            re.search(r"\b(?:each|per\s+(?:session|evening|day|night))\b", scan)
            or _OCCURRENCES_RE.search(scan)
        ):
            return hours * freq, 0.8
        return hours, 0.6
    p = (
        period.split()[0]
        if " " in period and not period.startswith(("week ", "mon"))
        else period.replace(" ", "")
    )
    if p in (
        "week",
        "wk",
        "weekly",
        "pw",
        "p/w",
        "pwk",
        "weekend",
        "weekends",
    ) or _DAY_NAME_RE.fullmatch(p):
        return hours, 0.92
    if p == "other":  # "every other day"
        return hours * 3.5, 0.85
    if p in ("fortnight",):
        return hours / 2.0, 0.85
    if p in ("month",):
        return hours / 4.0, 0.8
    if p in ("session", "sitting"):
        return (hours * freq, 0.85) if freq else (hours, 0.6)
    weekday = (
        p.startswith(("weekday", "weekdays", "workingday", "workday", "mon")) or "weeknight" in p
    )
    if weekday:
        return hours * 5, 0.88
    if freq:
        return hours * freq, 0.88
    if re.search(
        r"\b(?:weekdays?|week\s+days?|monday\s+to\s+friday|mon\s*-\s*fri|"
        r"working\s+days?)\b",
        scan,
    ):
        return hours * 5, 0.85
    return hours * 7, 0.88


# ======================================================================================
# Max weeks
# ======================================================================================

_WHOLE_LEFT_RE = re.compile(
    r"[\s\W]*(?:(?:about|around|roughly|approx\w*|max(?:imum)?|up\s+to|within|under|less\s+than|"
    r"no\s+(?:more|longer)\s+than|at\s+most|just|only|maybe|probably|ideally|say)\s*)*"
)
_WHOLE_RIGHT_RE = re.compile(
    r"(?:\s*(?:max(?:imum)?|tops|or\s+(?:less|so|under|shorter)|at\s+(?:the\s+)?most|please|"
    r"pls|plz|ish|-ish|long|thanks|thank\s+you|ideally))*[\s.!?]*"
)
_UNIT_WEEKS = {
    "week": 1.0,
    "wk": 1.0,
    "month": 4.0,
    "mth": 4.0,
    "mnth": 4.0,
    "year": 52.0,
    "yr": 52.0,
    "fortnight": 2.0,
}


def _extract_weeks(ctx: _Ctx) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[float, int, int, float]] = []
    for m in _WEEKS_RE.finditer(scan):
        n_start = m.start("n")
        if ctx.is_claimed(n_start, m.end("n")):
            continue
        unit_raw = m.group("unit").rstrip("s")
        factor = _UNIT_WEEKS.get(unit_raw)
        if factor is None:
            continue
        n_txt = m.group("n").strip()
        article = n_txt in ("a", "an", "one") or n_txt.startswith("half")
        if _has_digits_issue(n_txt):
            continue
        if n_txt.startswith("half"):
            n_val: float | None = 0.5
        else:
            n_val = _num_value(n_txt)
        if n_val is None:
            continue
        if m.group("half"):
            n_val += 0.5
        start = n_start
        if m.group("lo"):
            connector = scan[m.end("lo") : n_start]
            if "and" not in connector or m.group("between"):
                start = m.start("between") if m.group("between") else m.start("lo")
        end = m.end()
        value = n_val * factor
        left = ctx.left(start, 60)
        left_near = scan[max(0, start - 40) : start]
        right = scan[end : end + 40]
        if _RATE_LEFT_RE.search(left_near[-14:]) and article:
            continue  # "5 hours a week", "£30 a month", "twice a week"
        if re.match(r"^\s*(?:-|\s)?\s*(?:olds?|old\b)", right):
            continue
        if _WHOLE_LEFT_RE.fullmatch(scan[:start]) and _WHOLE_RIGHT_RE.fullmatch(scan[end:]):
            # the whole message is the answer: "a fortnight", "about a year", "6 months max"
            cands.append((value, start, end, 0.8))
            ctx.claimed.append((start, end))
            continue
        neg_left = _WEEKS_NEG_LEFT_RE.search(left[-45:])
        strong_left = _WEEKS_STRONG_LEFT_RE.search(left_near)
        neg_right = _WEEKS_NEG_RIGHT_RE.match(right) or (
            _WEEKS_CLAUSE_RIGHT_RE.match(right) and not strong_left
        )
        pos_left = _WEEKS_POS_LEFT_RE.search(left_near)
        pos_right = _WEEKS_POS_RIGHT_RE.match(right)
        if neg_right and not pos_right:
            continue
        if neg_left and not strong_left and not pos_right:
            continue
        if article or unit_raw in ("year", "yr"):
            if not (pos_left or pos_right):
                continue
            if unit_raw in ("year", "yr") and not (
                strong_left
                or pos_right
                or re.search(r"(?:within|in|under|for|over|than|about|around)\s*$", left_near)
            ):
                continue
        conf = 0.9 if (strong_left or pos_right) else (0.8 if pos_left else 0.65)
        if not 0 < value <= 260:
            continue
        if ctx.ner_overlap(start, end, ("DATE",)):
            conf = min(0.99, conf + 0.05)
        cands.append((value, start, end, conf))
        ctx.claimed.append((start, end))
    if not cands:
        return []
    best = max(cands, key=lambda c: (c[3] >= 0.8, c[0]))
    return [_mk(ctx, "max_weeks", _clean_number(best[0]), best[1], best[2], best[3])]


# ======================================================================================
# Course index
# ======================================================================================

_ORD_RX = r"(?:" + _ORD + r")"
_IDX_TOKEN = r"(?:\d{1,2}|" + _IDX_WORD + r"|" + _ORD + r")"
_IDX_LIST_RE = re.compile(
    r"(?<![\w])(?P<verb>compare|comparing|comparison\s+(?:of|between)|difference\s+between|"
    r"differences\s+between|between|vs|versus|contrast)\s+"
    r"(?P<items>(?:the\s+)?(?:(?:number|no\.?|#|option|course|choice)s?\s*#?\s*)?"
    + _IDX_TOKEN
    + r"(?:\s+(?:one|option|course))?"
    r"(?:\s*(?:,|and|&|with|to|vs\.?|versus|or|\+)\s*(?:the\s+)?(?:(?:number|no\.?|#|option|"
    r"course|choice)\s*#?\s*)?" + _IDX_TOKEN + r"(?:\s+(?:one|option|course)s?)?)+)(?![\w])"
)
_IDX_ITEM_RE = re.compile(r"(?<![\w#])#?(?P<t>" + _IDX_TOKEN + r")(?![\w])")
_IDX_MARKED_RE = re.compile(
    r"(?<![\w])(?:numbers?|no\.|nos\.|nr\.?|num|options?|choices?|items?|results?|"
    r"suggestions?|recommendations?|courses?)\s*#?\s*(?P<n>\d{1,2}|" + _IDX_WORD + r")(?![\w])"
    r"|#\s?(?P<h>\d{1,2})(?![\w])"
)
_IDX_ORD_NOUN_RE = re.compile(
    r"(?<![\w])(?P<pre>the|that|this|your|ur)?\s*(?P<o>"
    + _ORD
    + r")\s+(?:"
    + _LIST_NOUN
    + r")(?![\w])"
)
_IDX_THE_ORD_RE = re.compile(
    r"(?<![\w])the\s+(?P<o>" + _ORD + r")(?=\s*(?:[.!?,;)]|$|and\b|or\b|vs\b|versus\b|with\b|"
    r"please\b|pls\b|plz\b|then\b|too\b|instead\b|sounds?\b|looks?\b|seems?\b|is\b|was\b|"
    r"please|thanks|thank|one\b|option\b|course\b|in\s+the\s+list|on\s+the\s+list|"
    r"you\s+(?:mentioned|listed|suggested|showed|gave)|listed|mentioned))"
)
_IDX_VERB_NUM_RE = re.compile(
    r"(?<![\w])(?:" + _LIST_VERB + r")\s+(?:the\s+)?(?:number\s+|no\.?\s*|#\s?|option\s+)?"
    r"(?P<n>\d{1,2}|" + _IDX_WORD + r")(?![\w])"
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


def _index_value(tok: str) -> int | None:
    t = tok.strip().lstrip("#")
    if t.isdigit():
        v = int(t)
        return v if 1 <= v <= 20 else None
    if t in vocab.ORDINAL_WORDS:
        return vocab.ORDINAL_WORDS[t]
    if t in vocab.NUMBER_WORDS:
        v = vocab.NUMBER_WORDS[t]
        return v if 1 <= v <= 20 else None
    return None


def _extract_course_index(ctx: _Ctx) -> list[Extracted]:
    scan = ctx.scan
    found: list[tuple[int, int, int, float]] = []  # start, end, value, conf

    def add(start: int, end: int, value: int | None, conf: float) -> None:
        if value is None or ctx.is_claimed(start, end):
            return
        if any(s < end and start < e for s, e, _, _ in found):
            return
        if _NOT_INDEX_AFTER.match(scan[end : end + 12]):
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
    for m in _IDX_LIST_RE.finditer(scan):
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
    for m in _IDX_ORD_NOUN_RE.finditer(scan):
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
            and not re.search(r"\b(?:" + _LIST_VERB + r")\s*$", before)
        ):
            continue
        start = m.start("pre") if m.group("pre") else m.start("o")
        add(start, m.end(), _index_value(m.group("o")), 0.88)
    for m in _IDX_THE_ORD_RE.finditer(scan):
        add(m.start(), m.end("o"), _index_value(m.group("o")), 0.85)
    for m in _IDX_VERB_NUM_RE.finditer(scan):
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
        out.append(_mk(ctx, "course_index", value, start, end, conf))
    return out


# ======================================================================================
# Level
# ======================================================================================

_LEVEL_RES = [(_rx("|".join(p)), lvl, w) for p, lvl, w in vocab.LEVEL_PATTERNS]
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
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|no|never|n't|dont|don't|isn't|aren't|without|nothing|hardly|rather\s+than|"
    r"instead\s+of|no\s+longer|not\s+really|not\s+a|not\s+an|too)\s*(?:\w+\s*){0,2}$"
)


def _extract_level(ctx: _Ctx) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[float, int, int, str]] = []
    for rx, level, weight in _LEVEL_RES:
        for m in rx.finditer(scan):
            start, end = m.start(), m.end()
            left = ctx.left(start, 50)
            right = scan[end : end + 30]
            phrase = m.group(0)
            if _NEGATION_BEFORE.search(left[-25:]) and not phrase.startswith(
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
    return [_mk(ctx, "level", best[3], best[1], best[2], best[0])]


# ======================================================================================
# Credit
# ======================================================================================

_CREDIT_RES = [_rx(p) for p in vocab.CREDIT_PATTERNS]
_CREDIT_NEG_BEFORE = re.compile(r"\b" + vocab.CREDIT_NEGATION_BEFORE + r"\b(?:[\w'\s-]{0,30})$")
_CREDIT_NEG_AFTER = re.compile(
    r"^[\s,]*(?:(?:are|is|would\s+be|will\s+be)\s+)?" + vocab.CREDIT_NEGATION_AFTER
)
_CREDIT_EXCLUDE = re.compile(
    r"(?:universal|tax|phone|store|top[\s-]?up|in|on|film|movie|end|"
    r"course\s+fee|student\s+loan|pension|bank)\s*$"
)


def _extract_credit(ctx: _Ctx) -> list[Extracted]:
    scan = ctx.scan
    best: tuple[int, int, bool, float] | None = None
    for rx in _CREDIT_RES:
        for m in rx.finditer(scan):
            start, end = m.start(), m.end()
            before_raw = scan[max(0, start - 20) : start]
            if m.group(0).startswith("credit") and _CREDIT_EXCLUDE.search(before_raw):
                continue
            if re.match(r"^\s*(?:to\b|where|card|score)", scan[end : end + 12]):
                continue
            left = ctx.left(start, 45)
            if re.search(r"non[\s-]?$", scan[max(0, start - 4) : start]):
                value = False
            else:
                right = ctx.right(end, 45, "sentence")
                value = not (_CREDIT_NEG_BEFORE.search(left) or _CREDIT_NEG_AFTER.match(right))
            conf = 0.9 if m.group(0) not in ("credit", "credits") else 0.8
            if best is None or (end - start) > (best[1] - best[0]):
                best = (start, end, value, conf)
    if best is None:
        return []
    return [_mk(ctx, "credit_bearing", best[2], best[0], best[1], best[3])]


# ======================================================================================
# Delivery
# ======================================================================================

_DELIVERY_RES = [(_rx("|".join(p)), v, w) for p, v, w in vocab.DELIVERY_PATTERNS]
_ONLINE_NOT_AFTER = re.compile(r"^\s*(?:" + vocab.ONLINE_NOT_DELIVERY_AFTER + r")\b")
_ONLINE_NOT_BEFORE = re.compile(
    r"\b(?:" + vocab.ONLINE_NOT_DELIVERY_BEFORE + r")\s+(?:it\s+|"
    r"them\s+|you\s+|this\s+|stuff\s+|things\s+)?$"
)


_INDIFFERENT_RE = re.compile(
    r"\b(?:online|blended|in[\s-]person|face[\s-]to[\s-]face|classroom|on\s+campus)\s+or\s+"
    r"(?:not|in[\s-]person|blended|face[\s-]to[\s-]face|offline|on\s+campus|classroom|online|"
    r"whatever)\b|\b(?:either|whichever|any)\s+(?:is|are|would\s+be|way)\b|\bboth\s+(?:fine|ok|"
    r"okay|good)\b|\b(?:doesn'?t|does\s+not|don'?t)\s+(?:really\s+)?(?:matter|mind|care)\b"
)


def _extract_delivery(ctx: _Ctx) -> list[Extracted]:
    scan = ctx.scan
    cands: list[tuple[int, int, str, float]] = []
    for rx, value, weight in _DELIVERY_RES:
        for m in rx.finditer(scan):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e, _, _ in cands):
                continue
            phrase = m.group(0)
            left = ctx.left(start, 40)
            if _INDIFFERENT_RE.search(
                ctx.left(start, 60, "sentence")
                + " "
                + phrase
                + " "
                + ctx.right(end, 60, "sentence")
            ):
                continue  # "online or in person, either is fine"
            if value == "online":
                if _ONLINE_NOT_AFTER.match(scan[end : end + 25]):
                    continue
                if _ONLINE_NOT_BEFORE.search(scan[max(0, start - 25) : start]):
                    continue
                if phrase.startswith("remote") and re.search(
                    r"\b(?:work|working|works|job)\s*(?:\w+\s+)?$", left
                ):
                    continue
                if _NEGATION_BEFORE.search(left[-20:]):
                    continue
            elif not phrase.startswith("not") and _NEGATION_BEFORE.search(left[-20:]):
                continue
            cands.append((start, end, value, weight))
    if not cands:
        return []
    best = max(cands, key=lambda c: (c[3], -c[0]))
    return [_mk(ctx, "delivery", best[2], best[0], best[1], best[3])]


# ======================================================================================
# Goal
# ======================================================================================

_GOAL_RES = [(_rx("|".join(p)), g, w) for p, g, w in vocab.GOAL_PATTERNS]
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


def _extract_goal(ctx: _Ctx) -> list[Extracted]:
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
    return [_mk(ctx, "goal", best[3], best[1], best[2], best[0])]


# ======================================================================================
# Subject
# ======================================================================================


@dataclass(frozen=True)
class _SubjectIndex:
    phrases: dict[tuple[str, ...], tuple[str, str]]  # norm tokens -> (subject, phrase)
    max_len: int
    token_set: frozenset[str]
    fuzzy: dict[str, frozenset[str]]  # first letter -> candidate vocab tokens


_SPELLING = {
    "counseling": "counselling",
    "counselor": "counsellor",
    "counselors": "counsellor",
    "modeling": "modelling",
    "behavior": "behaviour",
    "behavioral": "behavioural",
    "center": "centre",
    "theater": "theatre",
    "program": "programme",
    "programs": "programme",
    "labor": "labour",
    "defense": "defence",
    "analyze": "analyse",
    "catalog": "catalogue",
    "enroll": "enrol",
    "esthetics": "aesthetics",
    "pediatric": "paediatric",
    "traveling": "travelling",
    "organization": "organisation",
    "optimization": "optimisation",
    "visualization": "visualisation",
    "decarbonization": "decarbonisation",
    "math": "maths",
    "archeology": "archaeology",
    "esthetic": "aesthetic",
}


def _norm_token(tok: str) -> str:
    t = tok.strip("'").lower()
    if t.endswith("'s"):
        t = t[:-2]
    t = _SPELLING.get(t, t)
    for us, uk in (
        ("ization", "isation"),
        ("izing", "ising"),
        ("ized", "ised"),
        ("ize", "ise"),
        ("yze", "yse"),
        ("yzing", "ysing"),
    ):
        if t.endswith(us) and len(t) > len(us) + 2:
            t = t[: -len(us)] + uk
            break
    if len(t) > 3 and t.endswith("s") and not t.endswith(("ss", "us", "is", "ics", "ies")):
        t = t[:-1]
    elif len(t) > 4 and t.endswith("ies"):
        t = t[:-3] + "y"
    return t


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    toks = [m.group(0) for m in _TOKEN_RE.finditer(phrase.replace("-", " "))]
    return tuple(_norm_token(t) for t in toks)


@lru_cache(maxsize=1)
def _subject_index() -> _SubjectIndex:
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    for phrase, subject in vocab.SUBJECT_SYNONYMS.items():
        key = _phrase_tokens(phrase)
        if key:
            phrases.setdefault(key, (subject, phrase))
    token_set = frozenset(t for k in phrases for t in k)
    fuzzy: dict[str, set[str]] = {}
    for t in token_set:
        if t in vocab.FUZZY_SUBJECT_KEYS or _norm_token(t) in vocab.FUZZY_SUBJECT_KEYS:
            fuzzy.setdefault(t[0], set()).add(t)
    return _SubjectIndex(
        phrases=phrases,
        max_len=max(len(k) for k in phrases),
        token_set=token_set,
        fuzzy={k: frozenset(v) for k, v in fuzzy.items()},
    )


def _damerau(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        row_min = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            row_min = min(row_min, cur[j])
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


@lru_cache(maxsize=4096)
def _fuzzy_correct(tok: str) -> str | None:
    """A vocabulary token ``tok`` is probably a typo of, or ``None``."""
    idx = _subject_index()
    if len(tok) < 5 or tok in idx.token_set or tok in vocab.FUZZY_STOPWORDS or not tok.isalpha():
        return None
    best: tuple[int, str] | None = None
    for cand in idx.fuzzy.get(tok[0], ()):
        if abs(len(cand) - len(tok)) > 1 or len(cand) < 5:
            continue
        if len(cand) <= 6:
            # short words: only a swap of two neighbouring letters ("pyhton")
            if len(cand) != len(tok) or sorted(cand) != sorted(tok):
                continue
            diffs = [i for i in range(len(tok)) if tok[i] != cand[i]]
            if not (len(diffs) == 2 and diffs[1] == diffs[0] + 1):
                continue
            d = 1
        else:
            limit = 2 if len(cand) >= 12 else 1
            d = _damerau(tok, cand, limit)
            if d > limit:
                continue
        if best is None or d < best[0]:
            best = (d, cand)
    return best[1] if best else None


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


def _extract_subject(ctx: _Ctx, goal: str | None) -> list[Extracted]:
    idx = _subject_index()
    scan = ctx.scan
    masked = _NON_SUBJECT_RX.sub(lambda m: " " * len(m.group(0)), scan)
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_RE.finditer(masked.replace("-", " "))]
    norm = [_norm_token(t) for _, _, t in toks]
    fixed: list[str] = []
    is_fuzzy: list[bool] = []
    for t in norm:
        if t in idx.token_set:
            fixed.append(t)
            is_fuzzy.append(False)
        else:
            corr = _fuzzy_correct(t)
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
        mt.role = "negated" if negated(ctx.raw, mt.start) else _subject_role(ctx, mt.start)
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
    return [_mk(ctx, "subject", best.subject, best.start, best.end, max(conf, 0.3))]


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
    ctx: _Ctx,
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
    ctx: _Ctx,
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


def _subject_role(ctx: _Ctx, start: int) -> str:
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


# ======================================================================================
# Assembly
# ======================================================================================


def _extract_topic(ctx: _Ctx, found: Sequence[Extracted], bare: bool) -> list[Extracted]:
    """The learner's own words for what the course should be about (:mod:`nlu.topic`).

    Without a cue, the subject's words stand for the topic ("nursing"), so a new subject
    always replaces an earlier, finer topic.
    """
    # A goal phrase is not a topic ("Change career" is not a course on "Change").
    claimed = [(e.start, e.end) for e in found if e.entity != "subject"]
    topic = find_topic(ctx.raw, claimed, bare=bare)
    if topic is not None:
        value = " ".join(topic.text.split())[:MAX_TOPIC_CHARS]
        return [Extracted("topic", value, topic.start, topic.end, topic.text, 0.9)]
    for item in found:
        if item.entity == "subject":
            value = " ".join(item.text.split())[:MAX_TOPIC_CHARS]
            return [Extracted("topic", value, item.start, item.end, item.text, 0.8)]
    return []


def _extract_refinements(ctx: _Ctx) -> list[Extracted]:
    """Requests to change the last list ("cheaper", "anything free?"): :mod:`nlu.refinement`.

    One entity per kind; every phrase is claimed, so "on a pension" is not a subject.
    """
    out: list[Extracted] = []
    for found in find_refinements(ctx.raw):
        ctx.claimed.append((found.start, found.end))
        if all(e.value != found.kind for e in out):
            out.append(_mk(ctx, "refinement", found.kind, found.start, found.end, 0.9))
    return out


def _mk(ctx: _Ctx, entity: str, value: Value, start: int, end: int, conf: float) -> Extracted:
    start = max(0, min(start, len(ctx.raw)))
    end = max(start, min(end, len(ctx.raw)))
    # trim spaces/punctuation from the span
    while end > start and not ctx.raw[end - 1].isalnum() and ctx.raw[end - 1] not in "£$€%":
        end -= 1
    while start < end and ctx.raw[start] in " ,;:-":
        start += 1
    return Extracted(entity, value, start, end, ctx.raw[start:end], round(float(conf), 3))


def _run(fn: Callable[[], list[Extracted]], name: str) -> list[Extracted]:
    try:
        return fn()
    except Exception:  # one broken rule must not lose the other slots
        logger.warning("profile extraction for %s failed", name, exc_info=True)
        return []


def extract(text: str, doc: Doc | None = None, *, bare_topic: bool = False) -> list[Extracted]:
    """Find normalised profile values in ``text`` (see the module docstring).

    Args:
        text: the learner's message (any length; only the first ``MAX_SCAN_CHARS``
            characters are scanned).
        doc: optionally a spaCy ``Doc`` of ``text`` (original or lower-cased); its named
            entities are used as extra evidence.
        bare_topic: the message is known to ask for courses, so a short message with no
            cue may be a topic on its own ("kubernetes").

    Returns:
        Extracted values ordered by position; at most one per slot except
        ``course_index``.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    ctx = _build_ctx(text, doc)
    out: list[Extracted] = []
    out += _run(lambda: _extract_budget(ctx), "budget")
    out += _run(lambda: _extract_hours(ctx), "hours_per_week")
    out += _run(lambda: _extract_weeks(ctx), "max_weeks")
    out += _run(lambda: _extract_course_index(ctx), "course_index")
    out += _run(lambda: _extract_level(ctx), "level")
    out += _run(lambda: _extract_credit(ctx), "credit_bearing")
    out += _run(lambda: _extract_delivery(ctx), "delivery")
    out += _run(lambda: _extract_refinements(ctx), "refinement")
    goals = _run(lambda: _extract_goal(ctx), "goal")
    out += goals
    goal_value = str(goals[0].value) if goals else None
    out += _run(lambda: _extract_subject(ctx, goal_value), "subject")
    out += _run(lambda: _extract_topic(ctx, out, bare_topic), "topic")
    return sorted((e for e in out if _plausible(e)), key=lambda e: (e.start, e.end, e.entity))


# Numbers outside these ranges are not wishes anyone means ("2000 weeks", "0 hours a week");
# leaving the slot empty beats searching with them. Inclusive bounds, as (low, high).
PLAUSIBLE_RANGES: dict[str, tuple[float, float]] = {
    "budget": (0, 1_000_000),
    "hours_per_week": (0.25, 80),
    "max_weeks": (1, 520),
}


def _plausible(item: Extracted) -> bool:
    bounds = PLAUSIBLE_RANGES.get(item.entity)
    if bounds is None:
        return True
    value = item.value
    return isinstance(value, (int, float)) and bounds[0] <= float(value) <= bounds[1]


def as_dict(items: Iterable[Extracted]) -> dict[str, Any]:
    """``{entity: value}`` (``course_index`` as a list) - handy for tests and debugging."""
    result: dict[str, Any] = {}
    for item in items:
        if item.entity == "course_index":
            result.setdefault("course_index", []).append(item.value)
        else:
            result[item.entity] = item.value
    return result
