"""What every slot's rules share: the scanned text with its clause and sentence bounds, the
spaCy entities given as evidence, the spans already claimed by an earlier slot, and the
:class:`Extracted` items they return."""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from nlu import vocab

if TYPE_CHECKING:  # pragma: no cover - typing only
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

MAX_SCAN_CHARS = 2000
"""Only this many leading characters of a message are scanned (cost cap)."""

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
    #: How the value was said, where the extractor tells (subject: wanted, passing, held;
    #: see actions.answers.SAID_AS).
    said_as: str | None = None


def word_rx(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled to match whole words only (not inside a longer word)."""
    return re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])")


@lru_cache(maxsize=1)
def negation_before() -> re.Pattern[str]:
    """Negation just before a phrase ("I'm not a beginner", "not online"): level and
    delivery (``data/vocab/nlu/negation.yml``)."""
    data = vocab.load("negation", "before")
    return data.regex("before", r"\b", r"\s*(?:\w+\s*){0,2}$")


_BOUNDARY_CLAUSE_RE = re.compile(
    r"[!?;\n()\[\]{}|]|\.(?!\d)|,(?!\d{3})|\s[-–—]\s|"
    r"\b(?:but|however|though|although|whereas|while|whilst|so|and|then|because|cos|plus|"
    r"also|except|otherwise|yet)\b"
)
_BOUNDARY_SENTENCE_RE = re.compile(r"[!?;\n]|\.(?!\d)(?=\s|$)|\b(?:but|however|although)\b")
_HTML_TAG_RE = re.compile(r"<[^<>]{0,200}>|&[a-z]{2,8};|&#\d{1,6};")


@dataclass
class ScanContext:
    """One message being read: ``raw`` (its first :data:`MAX_SCAN_CHARS` characters),
    ``scan`` (a lower-cased copy of the same length, so offsets stay valid), its clause and
    sentence boundaries, spaCy's entities, and the spans earlier slots claimed."""

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


def build_context(text: str, doc: Doc | None) -> ScanContext:
    raw = text[:MAX_SCAN_CHARS]
    scan = _prepare_scan(raw)
    bounds = {
        "clause": _boundaries(scan, _BOUNDARY_CLAUSE_RE),
        "sentence": _boundaries(scan, _BOUNDARY_SENTENCE_RE),
    }
    return ScanContext(raw, scan, bounds, _doc_entities(doc, raw))


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


def make_extracted(
    ctx: ScanContext,
    entity: str,
    value: Value,
    start: int,
    end: int,
    conf: float,
    said_as: str | None = None,
) -> Extracted:
    """An :class:`Extracted` for ``raw[start:end]``, the span trimmed of spaces and punctuation."""
    start = max(0, min(start, len(ctx.raw)))
    end = max(start, min(end, len(ctx.raw)))
    # trim spaces/punctuation from the span
    while end > start and not ctx.raw[end - 1].isalnum() and ctx.raw[end - 1] not in "£$€%":
        end -= 1
    while start < end and ctx.raw[start] in " ,;:-":
        start += 1
    return Extracted(entity, value, start, end, ctx.raw[start:end], round(float(conf), 3), said_as)
