"""The ``budget`` slot: the most the learner will spend, in GBP.

Amounts of money are found by :func:`_money_re`; the words around each decide whether it
is the learner's budget ("I can spend £300") or something else: income ("I earn 28k"),
wages ("£11 an hour"), past spending, a quoted price ("the course costs £500"), an amount
in a currency we cannot convert. "Must be free", "no money" and a bare "nothing" are 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from actions.store.currency import gbp_per_unit, to_gbp
from nlu import vocab
from nlu.currency import currency_codes, foreign_amounts, foreign_currency
from nlu.extraction.context import Extracted, ScanContext, make_extracted, word_rx
from nlu.extraction.corrections import superseded
from nlu.extraction.numbers import (
    DIGNUM,
    NUMBER_START,
    WORDNUM,
    clean_number,
    has_digits_issue,
    num_value,
    number_words,
)

_CUR_PRE = r"(?:us\$|£|\$|€|gbp|usd|eur)"
_CUR_POST = r"(?:pounds?|punds?|quid|gbp|sterling|dollars?|bucks|usd|euros?|eur|£|€)"
#: Pounds, euros or dollars named anywhere in a message.
_READ_CURRENCY = re.compile(r"[£€$]|\b" + _CUR_POST + r"\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _scale() -> str:
    """The scale words of ``data/vocab/nlu/numbers.yml`` ("k", "grand", "million", "lakh")
    as one group, longest first."""
    words = sorted(number_words().scales, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(word) for word in words) + ")"


def _amount(name: str) -> str:
    return (
        rf"(?:(?P<{name}pre>{_CUR_PRE})\s?)?"
        rf"(?P<{name}>{DIGNUM}|{WORDNUM}|a(?=\s+grand)|(?:a\s+)?(?:couple(?:\s+of)?|few)"
        rf"(?=\s+(?:grand|hundred|thousand|k\b)))"
        rf"(?:\s?(?P<{name}scale>{_scale()})(?![a-z]))?"
    )


@lru_cache(maxsize=1)
def _money_re() -> re.Pattern[str]:
    """An amount of money, or a range of two ("£200-300", "between 1 and 2 grand")."""
    return re.compile(
        NUMBER_START
        + r"(?:(?P<between>between|from)\s+)?"
        + _amount("a")
        + r"(?:\s?(?P<apost>"
        + _CUR_POST
        + r")(?![a-z]))?"
        # (a range stays on one line: "£1,500\n- 5 hrs/week" is a list of two wishes)
        + r"(?:[^\S\n]*(?P<conn>-|–|—|to|or|and)[^\S\n]*"
        + _amount("b")
        + r")?"
        + r"(?:\s?(?P<post>"
        + _CUR_POST
        + r")(?![a-z]))?"
    )


# A price quoted, not a wish: "the course costs", "that one is", "option 2 was".
_PRICE_OF_LEFT = re.compile(
    r"(?:\b(?:something|anything|ones?|courses?)\s+)?\b(?:(?:the|that|this)\s+(?:\w+\s+){0,2}|it\s+|"
    r"that\s+|which\s+|(?:number|course|option)\s+\d+\s+)(?:costs?|charges?|is\s+priced\s+at|price\s+is|"
    r"is|was|are|were)\s*(?:about|around|only|just|roughly)?\s*$"
)


#: The words before an opening bracket right before an amount ("rent (£595 a month)", "a bank
#: loan (about 200,000 TL)").
_PAREN_BEFORE = re.compile(
    r"(\w[\w\s']{0,20}?)\s*\(\s*(?:(?:about|around|approx\.?|approximately|roughly|~)\s*)?$",
    re.IGNORECASE,
)
#: An amount of time said just before a bare number in the same clause ("4 hours a week, 5 at
#: most"): the number bounds the time, it is no budget.
_TIME_AMOUNT_BEFORE = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:hours?|hrs?|h|weeks?|wks?|months?)"
    r"(?:\s+(?:a|per|each|every)\s+(?:week|wk|month))?[\s,]*(?:(?:maybe|or|to|but|up\s+to)\s+)?$"
)


#: Most words between an income word and a limit right before an amount for the amount to be
#: that income ("I earn under 20k"); farther, the limit makes it the learner's own.
INCOME_REACH = 3


@dataclass(frozen=True)
class _Patterns:
    """The budget's word lists (``data/vocab/nlu/budget.yml``), compiled where they stand."""

    currencies: dict[str, str]
    spend_before: re.Pattern[str]
    spend_after: re.Pattern[str]
    limit_before: re.Pattern[str]
    firm_limit_before: re.Pattern[str]  # a limit, not a hedge ("under", not "about")
    money_words: re.Pattern[str]
    income_before: re.Pattern[str]
    income_after: re.Pattern[str]
    for_training: re.Pattern[str]
    not_money_unit_after: re.Pattern[str]
    not_money_before: re.Pattern[str]
    not_range_before: re.Pattern[str]
    budget_words: re.Pattern[str]
    nothing_answer: re.Pattern[str]
    slang: re.Pattern[str]
    slang_values: dict[str, float]
    slang_needs_cue: frozenset[str]
    slang_limit_before: re.Pattern[str]
    free: tuple[re.Pattern[str], ...]
    free_time_after: re.Pattern[str]
    free_time_before: re.Pattern[str]


_KEYS = (
    "currencies",
    "spend_cues",
    "spend_cues_after",
    "limit_cues",
    "money_words",
    "income_cues",
    "income_cues_after",
    "for_training",
    "not_money_units_after",
    "not_money_before",
    "not_range_before",
    "budget_words",
    "nothing_answers",
    "nothing_fillers",
    "hedge_cues",
    "slang",
    "slang_needs_cue",
    "slang_limits_before",
    "free",
    "free_time_after",
    "free_time_before",
)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = vocab.load("budget", *_KEYS)
    slang = data.numbers("slang")
    needs_cue = frozenset(data.texts("slang_needs_cue"))
    if not needs_cue <= set(slang):
        raise vocab.VocabError(f"{data.path}: slang_needs_cue names words not in slang")
    return _Patterns(
        currencies=data.names("currencies"),
        spend_before=data.regex("spend_cues", r"\b", r"\b"),
        spend_after=data.regex("spend_cues_after", r"^\s*", r"\b"),
        limit_before=re.compile(
            r"\b(?:" + data.pattern("limit_cues") + "|" + data.pattern("hedge_cues") + r")\s*$"
        ),
        firm_limit_before=data.regex("limit_cues", r"\b", r"\s*$"),
        money_words=data.regex("money_words", r"\b", r"\b|[£$€]"),
        income_before=data.regex("income_cues", r"\b", r"\b"),
        income_after=data.regex("income_cues_after", r"^\s*"),
        for_training=re.compile(data.pattern("for_training")),
        not_money_unit_after=data.regex("not_money_units_after", r"^\s*-?\s*"),
        not_money_before=data.regex("not_money_before", r"\b", r"\s*$"),
        not_range_before=data.regex("not_range_before", r"\b", r"\b"),
        budget_words=data.regex("budget_words", r"\b", r"\b"),
        nothing_answer=re.compile(
            r"[\s\W]*(?P<w>"
            + data.pattern("nothing_answers")
            + r")(?:\s+(?:"
            + data.pattern("nothing_fillers")
            + r"))*[\s.!?]*"
        ),
        slang=re.compile(
            r"(?<![\w])(?:(?P<art>an?)\s+)?(?P<w>"
            + "|".join(re.escape(word) for word in slang)
            + r")(?![\w])"
        ),
        slang_values=slang,
        slang_needs_cue=needs_cue,
        slang_limit_before=data.regex("slang_limits_before", r"\b", r"\s*$"),
        free=tuple(word_rx(group) for group in data.pattern_groups("free")),
        free_time_after=data.regex("free_time_after", r"^\s*", r"\b"),
        free_time_before=data.regex("free_time_before", r"\b", r"\b[\w\s']{0,12}$"),
    )


#: An amount worth at least this many pounds is read as a budget only with a word saying so
#: ("I can spend 12k", "budget 15,000"): the catalogue's dearest course is about £1,350, and
#: such sums said in passing are pay, loans or savings ("I'm on band 5 so about £35k"); an
#: amount in a currency is judged by what it is worth ("20000 INR" is about £209).
SALARY_LIKE = 10_000


#: A decimal comma right after the digits read ("1,5 millones"): they are only the whole
#: part of the amount (a thousands comma takes three digits, "1,500", and is read whole).
_DECIMAL_COMMA_AFTER = re.compile(r",\d{1,2}(?!\d)")
#: The digits of an amount a currency's letter is glued to ("R500", "R1,000").
_GLUED_AMOUNT = re.compile(r"\d[\d,.]*")
#: A scale word after such an amount ("R2 billion", "R3 million").
_SCALE_AFTER = re.compile(r"\s*(?:thousand|million|billion|bn|lakh|crore)\b", re.IGNORECASE)


def extract_budget(ctx: ScanContext) -> list[Extracted]:
    rx = _patterns()
    cands: list[tuple[float, int, int, float]] = []  # (gbp, start, end, confidence)
    #: amounts said with no word making them a wish (only a currency: "£30 left after bills")
    bare: set[tuple[int, int]] = set()
    #: amounts said with a currency and a word making them a wish ("£60 max")
    wished: set[tuple[int, int]] = set()
    free_said = False
    scan = ctx.scan
    seen: list[tuple[int, int]] = []  # every amount the rules judged, accepted or not
    #: amounts converted from another currency ("R5000"): a learner who also gives pounds,
    #: euros or dollars ("so £200 max to be safe") has converted it themselves
    foreign_spans: set[tuple[int, int]] = set()
    #: amounts with no currency at all, read as pounds only for want of one ("budget 3000")
    unmarked: set[tuple[int, int]] = set()
    for m in _money_re().finditer(scan):
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
            and rx.not_money_unit_after.match(scan[m.end("b") :])
        ):
            b_txt = None
        end = m.end()
        if b_txt is None and m.group("b") is not None:
            end = m.end("apost") if m.group("apost") else m.end("ascale") or m.end("a")
            if end < 0:
                end = m.end("a")
        if has_digits_issue(a_txt) or has_digits_issue(b_txt):
            continue
        if _DECIMAL_COMMA_AFTER.match(scan, m.end("a")):
            continue  # "1,5 millones de pesos": the whole part of a decimal, not "1"
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
        # (the raw text: "R500" is rand, "r 2-3 hrs" is "are")
        foreign = foreign_currency(ctx.raw[max(0, m.start("a") - 8) : m.start("a")], right)
        if foreign is not None:
            if gbp_per_unit(foreign.code) is None:
                continue  # "6000 rupees" (whose?), "300 AED" (no rate): no budget
            currency, has_money_marker = foreign.code or "", True  # "300 AUD", "R500"
            if foreign.before:
                pre, start = foreign.written, m.start("a") - foreign.before
            else:
                post, end = foreign.written, end + foreign.after
            left, right = ctx.left(start, 70), ctx.right(end, 40)
        if rx.not_money_unit_after.match(right) and not (pre or post):
            continue
        if not (pre or post) and rx.not_money_before.search(left):
            continue
        price = _PRICE_OF_LEFT.search(left)
        if (
            price
            and not rx.budget_words.search(left)
            and not re.search(
                r"\b(?:something|anything|ones?|courses?)\s+(?:that|which)\s", price.group(0)
            )
        ):
            continue  # "the course costs £500": a price, not the learner's budget
        strong_cue = bool(rx.spend_before.search(left) or rx.spend_after.match(right))
        income = bool(rx.income_before.search(left) or rx.income_after.match(right))
        if not income and (paren := _PAREN_BEFORE.search(scan, max(0, start - 30), start)):
            income = bool(rx.income_before.search(paren.group(1)))  # "rent (£595 a month)"
        if income and rx.for_training.search(right):
            income, strong_cue = False, True  # "£300 a year for training"
        if income:
            # accept only when a spending cue is *closer* than the income cue, or a limit
            # stands right before the amount with words between it and the income cue
            # ("making youtube vids / editing thats under 50 bucks", not "I earn under 20k")
            cue_pos = max((c.end() for c in rx.spend_before.finditer(left)), default=-1)
            inc_pos = max((c.end() for c in rx.income_before.finditer(left)), default=-1)
            limit = rx.firm_limit_before.search(left)
            if limit and len(left[inc_pos : limit.start()].split()) > INCOME_REACH:
                cue_pos = limit.end()
            if rx.income_after.match(right) or cue_pos <= inc_pos:
                continue
        if has_money_marker:
            conf = 0.9 if (pre or post) else 0.75
            # (the words right before, across a clause's bounds: "otherwise £50" ends one)
            said_before = scan[max(0, start - 30) : start]
            if not (
                strong_cue or rx.limit_before.search(said_before) or rx.budget_words.search(left)
            ):
                bare.add((start, end))
            else:
                wished.add((start, end))
            if (
                a_scale == "k"
                and not (pre or post)
                and not strong_cue
                and not re.search(r"\b(?:have|got|saved|spare|around|about|up\s+to|max)\b", left)
                and not rx.limit_before.search(left)  # "under 2k"
            ):
                continue  # "28k" on its own is more often a salary
        elif strong_cue:
            if not m.group("a")[0].isdigit() and len(m.group("a")) < 4:
                continue
            if _TIME_AMOUNT_BEFORE.search(scan[max(0, start - 40) : start]):
                continue  # "4 hours a week, 5 at most": the bound of the time just said
            if (
                1900 <= value <= 2100
                and "budget" not in left
                and float(value).is_integer()
                and not re.search(r"\b(?:budget|spend|afford|pay)\b", left[-25:])
            ):
                continue
            conf = 0.8
        elif rx.limit_before.search(left) and value >= 50 and rx.money_words.search(scan):
            conf = 0.65
        elif (
            m.group("between") == "between"
            and b_val is not None
            and value >= 50
            and not rx.not_range_before.search(left)
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
        if gbp >= SALARY_LIKE and not strong_cue and not rx.budget_words.search(left):
            continue  # "on band 5 so about £35k": no course costs that; a salary or a loan
        if ctx.ner_overlap(start, end, ("MONEY",)):
            conf = min(0.99, conf + 0.05)
        if foreign is not None:
            foreign_spans.add((start, end))
        if not has_money_marker:
            unmarked.add((start, end))
        cands.append((gbp, start, end, conf))
        ctx.claimed.append((start, end))

    # "R500 is my limit", "budget R800": a currency's letter glued to the amount, which
    # the money pattern does not see as an amount
    for f_start, f_end, _ in foreign_amounts(ctx.raw):
        if any(a < f_end and f_start < b for a, b in seen):
            continue
        digits = _GLUED_AMOUNT.search(scan, f_start, f_end)
        f_value = _money_value(digits.group(0), None) if digits else None
        foreign = (
            foreign_currency(ctx.raw[max(0, f_start - 8) : digits.start()], "") if digits else None
        )
        if f_value is None or foreign is None or gbp_per_unit(foreign.code) is None:
            continue
        left, right = ctx.left(f_start, 70), ctx.right(f_end, 40)
        if rx.income_before.search(left) or rx.income_after.match(right):
            continue
        if _SCALE_AFTER.match(right):
            continue  # "R2 billion budget": the firm's money, not a course budget
        cued = bool(
            rx.spend_before.search(left)
            or rx.spend_after.match(right)
            or rx.limit_before.search(left)
            or rx.budget_words.search(left)
            or rx.budget_words.search(right)
        )
        f_gbp = to_gbp(f_value, foreign.code)
        if f_gbp is None or (f_gbp >= SALARY_LIKE and not cued):
            continue
        # "R3000 is all I've got saved", "deep learning. ₹20k.": money written as money,
        # read as the budget like "£30" with no word around it, which loses to an amount
        # a word makes a wish ("send R2000 home, so £50 max").
        if not cued:
            bare.add((f_start, f_end))
        foreign_spans.add((f_start, f_end))
        seen.append((f_start, f_end))
        cands.append((f_gbp, f_start, f_end, 0.9))
        ctx.claimed.append((f_start, f_end))

    # spaCy MONEY entities the rules did not see
    for s, e, label in ctx.ents:
        if label != "MONEY" or ctx.is_claimed(s, e) or any(a < e and s < b for a, b in seen):
            continue
        ent_text = scan[s:e]
        m2 = re.search(r"(" + DIGNUM + r"|" + WORDNUM + r")(?:\s?(" + _scale() + r"))?", ent_text)
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
        if rx.income_before.search(left) or rx.income_after.match(right):
            continue
        if rx.not_money_unit_after.match(right) or _PRICE_OF_LEFT.search(left):
            continue
        cued = bool(
            pre_txt or post_m or rx.spend_before.search(left) or rx.spend_after.match(right)
        )
        if not cued and (value_opt < 5 or (1900 <= value_opt <= 2100) or value_opt > 100_000):
            continue
        gbp = to_gbp(value_opt, currency) if currency != "GBP" else value_opt
        if gbp is None:
            continue
        start = s - len(sym.group(0)) if sym else s
        if not (pre_txt or post_m):
            unmarked.add((start, e))
        cands.append((gbp, start, e, 0.75 if cued else 0.6))
        if not (rx.spend_before.search(left) or rx.spend_after.match(right)):
            bare.add((start, e))
        ctx.claimed.append((start, e))

    nothing = rx.nothing_answer.fullmatch(scan)
    if nothing:
        # a whole-message answer to "what can you spend?": "nothing", "zero really"
        cands.append((0.0, nothing.start("w"), nothing.end("w"), 0.6))
    for sm in rx.slang.finditer(scan):
        word = sm.group("w")
        said_before = ctx.left(sm.start(), 60)
        cued = bool(
            rx.spend_before.search(said_before)
            or rx.slang_limit_before.search(said_before)
            or rx.spend_after.match(scan[sm.end() : sm.end() + 30])
        )
        if (word in rx.slang_needs_cue or not sm.group("art")) and not cued:
            continue  # "a ton of experience", "Pony Express"
        cands.append((rx.slang_values[word], sm.start(), sm.end(), 0.7))
    for pattern in rx.free:
        for fm in pattern.finditer(scan):
            fs, fe = fm.start(), fm.end()
            if _is_free_time(scan, fs, fe) or _is_compound(scan, fs, fe):
                continue
            cands.append((0.0, fs, fe, 0.85))
            free_said = True
    if free_said:
        # "has to be free, I literally have £30 left after bills": a wish for free courses
        # beats an amount no word makes a wish ("free, or £50 at most" keeps the £50)
        cands = [c for c in cands if (c[1], c[2]) not in bare]
    if unmarked and _counts_in_unread_currency(ctx.raw) and not _READ_CURRENCY.search(scan):
        # "budget 3000 bob max. KES 3k": an amount with no currency beside one in a currency
        # we cannot convert is in that currency too, not £3,000 (unless pounds, euros or
        # dollars are named: "500 lei... no, I will say in pounds: maximum 120")
        cands = [c for c in cands if (c[1], c[2]) not in unmarked]
    if not cands:
        return []
    cands = superseded(ctx, cands)
    if any((c[1], c[2]) in wished - foreign_spans for c in cands):
        # so does an amount in pounds, euros or dollars said as one ("childcare is £420 a
        # month ... £60 max")
        cands = [c for c in cands if (c[1], c[2]) not in bare]
    read = [c for c in cands if (c[1], c[2]) not in foreign_spans]
    best = max(read or cands, key=lambda c: (c[0], c[3]))
    value = clean_number(best[0])
    return [make_extracted(ctx, "budget", value, best[1], best[2], best[3])]


def _counts_in_unread_currency(raw: str) -> bool:
    """Whether ``raw`` writes an amount in a currency with no rate to convert it ("KES 3k",
    "5000 rupees": several currencies have that name)."""
    codes = currency_codes()
    return any(
        gbp_per_unit(codes.get(written.lower())) is None for _, _, written in foreign_amounts(raw)
    )


def _is_compound(scan: str, start: int, end: int) -> bool:
    """True for "free" ending a compound ("gluten-free baking", "a stress-free course")."""
    free_at = start + scan[start:end].rfind("free")
    return free_at > 0 and scan[free_at - 1] == "-"


def _is_free_time(scan: str, start: int, end: int) -> bool:
    """True for "free" meaning free time ("my evenings are free", "free on Tuesdays")."""
    rx = _patterns()
    frag = scan[start:end]
    if "free" not in frag:
        return False
    free_at = start + frag.rfind("free")
    after = scan[free_at + 4 : free_at + 30]
    if rx.free_time_after.match(after) and not re.match(r"^\s*(?:of\s+charge|to\s+me)", after):
        return True
    before = scan[max(0, free_at - 30) : free_at]
    return bool(rx.free_time_before.search(before)) and "course" not in frag


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
    rx = _patterns()
    for token in (pre, post):
        if token:
            code = rx.currencies.get(token.strip().lower())
            if code:
                return code
    return "GBP"
