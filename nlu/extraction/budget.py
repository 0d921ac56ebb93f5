"""The ``budget`` slot: the most the learner will spend, in GBP.

Amounts of money are found by :data:`_MONEY_RE`; the words around each decide whether it
is the learner's budget ("I can spend £300") or something else: income ("I earn 28k"),
wages ("£11 an hour"), past spending, a quoted price ("the course costs £500"), an amount
in a currency we cannot convert. "Must be free", "no money" and a bare "nothing" are 0.
"""

from __future__ import annotations

import re

from actions.store.currency import to_gbp
from nlu import vocab
from nlu.currency import in_foreign_currency
from nlu.extraction.context import Extracted, ScanContext, make_extracted, word_rx
from nlu.extraction.numbers import (
    DIGNUM,
    NUMBER_START,
    WORDNUM,
    clean_number,
    has_digits_issue,
    num_value,
    number_words,
)

_SCALE = r"(?:k|grand|thousand|hundred)"
_CUR_PRE = r"(?:us\$|£|\$|€|gbp|usd|eur)"
_CUR_POST = r"(?:pounds?|quid|gbp|sterling|dollars?|bucks|usd|euros?|eur|£|€)"


def _amount(name: str) -> str:
    return (
        rf"(?:(?P<{name}pre>{_CUR_PRE})\s?)?"
        rf"(?P<{name}>{DIGNUM}|{WORDNUM}|a(?=\s+grand)|(?:a\s+)?(?:couple(?:\s+of)?|few)"
        rf"(?=\s+(?:grand|hundred|thousand|k\b)))"
        rf"(?:\s?(?P<{name}scale>{_SCALE})(?![a-z]))?"
    )


_MONEY_RE = re.compile(
    NUMBER_START
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


def extract_budget(ctx: ScanContext) -> list[Extracted]:
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
        if has_digits_issue(a_txt) or has_digits_issue(b_txt):
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
        m2 = re.search(r"(" + DIGNUM + r"|" + WORDNUM + r")(?:\s?(" + _SCALE + r"))?", ent_text)
        if not m2:
            continue
        value_opt = _money_value(m2.group(1), m2.group(2))
        if value_opt is None or has_digits_issue(m2.group(1)):
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
    value = clean_number(best[0])
    return [make_extracted(ctx, "budget", value, best[1], best[2], best[3])]


_FREE_RES = [word_rx(p) for p in vocab.FREE_PATTERNS]
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
        base = num_value(n)
    if base is None:
        return None
    if scale:
        base *= number_words().scales.get(scale, 1)
    return base


def _currency_of(pre: str | None, post: str | None, scale: str | None) -> str:
    for token in (pre, post):
        if token:
            code = vocab.CURRENCY_SYMBOLS.get(token.strip().lower())
            if code:
                return code
    return "GBP"
