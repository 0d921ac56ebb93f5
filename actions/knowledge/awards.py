"""UK awards and the credit each needs, per framework: England, Wales and Northern Ireland
(FHEQ) or Scotland (SCQF), with the Open University on the FHEQ sizes everywhere.

The sizes are data in ``data/catalogue/awards.yml`` (each with its section of
``credit_facts.md``), read once on first use. A size the sources do not give is missing,
and :func:`award_for` returns ``None`` for it rather than borrowing another nation's.

Research master's (MRes, MPhil) and doctorates are recognised but are not awards here:
the QAA and SCQF tables do not credit-rate them (§1, §10), so :func:`not_credit_rated`
says so instead of mapping them to a taught master's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import yaml

AWARDS_PATH: Final = Path(__file__).resolve().parents[2] / "data" / "catalogue" / "awards.yml"

#: The default framework when the learner has not said where they study.
DEFAULT_NATION: Final = "ewni"
NATIONS: Final = ("ewni", "scotland", "ou")


@dataclass(frozen=True)
class Award:
    """An award (or the undergraduate year) and the credit it needs in one framework."""

    key: str
    name: str
    short: str
    credits: int
    level: int | None = None
    min_credits_at_level: int | None = None
    article: str = "a"
    nation: str = DEFAULT_NATION
    level_name: str = "FHEQ level"
    source: str = ""

    @property
    def with_article(self) -> str:
        """The name with its indefinite article: "a PG Certificate", "an integrated ..."."""
        return f"{self.article} {self.name}"

    @property
    def fheq_level(self) -> int | None:
        """The level when it is an FHEQ level (England, Wales, NI and the OU), else None."""
        return self.level if self.level_name == "FHEQ level" else None

    @property
    def postgraduate(self) -> bool:
        """True for awards at FHEQ level 7 or SCQF level 11 and above."""
        threshold = 7 if self.level_name == "FHEQ level" else 11
        return (
            self.level is not None
            and self.level >= threshold
            and self.key not in ("integrated_masters",)
        )

    def level_requirement(self) -> str | None:
        """E.g. "at least 90 credits at SCQF level 10", or None when the table gives no minimum."""
        if self.min_credits_at_level is None or self.level is None:
            return None
        return f"at least {self.min_credits_at_level} credits at {self.level_name} {self.level}"


def _framework(raw: dict[str, Any], nation: str) -> tuple[str, dict[str, Any]]:
    """The table key and framework description a nation uses (the OU borrows ewni's)."""
    if nation == "ou":
        return str(raw["ou"]["same_as"]), raw["ou"]
    return nation, raw["frameworks"][nation]


@lru_cache(maxsize=4)
def _raw(path: Path = AWARDS_PATH) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=4)
def _tables(path: Path = AWARDS_PATH) -> dict[str, dict[str, Award]]:
    raw = _raw(path)
    tables: dict[str, dict[str, Award]] = {}
    for nation in NATIONS:
        table_key, _ = _framework(raw, nation)
        level_name = raw["frameworks"][table_key]["level_name"]
        table: dict[str, Award] = {}
        for key, spec in raw["awards"].items():
            size = spec.get(table_key)
            if not size:
                continue
            table[key] = Award(
                key=key,
                name=spec["name"],
                short=spec["short"],
                credits=int(size["credits"]),
                level=size.get("level"),
                min_credits_at_level=size.get("at_level"),
                article=spec.get("article", "a"),
                nation=nation,
                level_name=level_name,
                source=str(size.get("source", "")),
            )
        tables[nation] = table
    return tables


def nation_label(nation: str) -> str:
    """A nation's label for chat: "Scotland", "England, Wales and Northern Ireland", ..."""
    return str(_framework(_raw(), nation)[1]["label"])


def awards(nation: str = DEFAULT_NATION) -> dict[str, Award]:
    """Every award with a sourced size in ``nation`` (``ewni``, ``scotland`` or ``ou``)."""
    if nation not in NATIONS:
        raise ValueError(f"Unknown nation {nation!r}; use one of {', '.join(NATIONS)}.")
    return _tables()[nation]


def award_for(key: str, nation: str = DEFAULT_NATION) -> Award | None:
    """The award ``key`` in ``nation``, or None when the sources give no size there."""
    return awards(nation).get(key)


def sizes_differ(key: str) -> bool:
    """True when the award needs different credit in Scotland than elsewhere in the UK."""
    here, there = award_for(key, "ewni"), award_for(key, "scotland")
    return here is None or there is None or here.credits != there.credits


# ---------------------------------------------------------------------------
# Recognising awards and nations in what people write
# ---------------------------------------------------------------------------

# Checked in this order: the more specific phrasing first ("integrated master's"
# before "master's", "ordinary degree" before "degree").
_AWARD_PATTERNS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("integrated_masters", (r"\bintegrated master", r"\bm(?:eng|sci|chem|phys|math|pharm)\b")),
    (
        "pg_diploma",
        (r"\b(?:pg|post ?grad(?:uate)?|post-grad(?:uate)?) ?dip(?:loma)?\b", r"\bpgd\b"),
    ),
    (
        "pg_certificate",
        (r"\b(?:pg|post ?grad(?:uate)?|post-grad(?:uate)?) ?cert(?:ificate)?\b", r"\bpgc\b"),
    ),
    ("diphe", (r"\bdip ?he\b", r"\bdiploma (?:of|in) higher education\b")),
    ("certhe", (r"\bcert ?he\b", r"\bcertificate (?:of|in) higher education\b")),
    ("foundation_degree", (r"\bfoundation degree\b", r"\bfd(?:sc|a)\b")),
    (
        "undergraduate_year",
        (
            r"\b(?:first|1st|one|a|1|single) (?:full[- ]time )?year (?:of|at|in) "
            r"(?:uni|university|college|undergrad|undergraduate|"
            r"(?:an? |my )?(?:undergrad(?:uate)? |bachelor'?s )?degree)\b",
            r"\bundergrad(?:uate)? year\b",
            r"\byear of (?:undergrad|undergraduate)\b",
            r"\bfirst[- ]year (?:uni|university|undergrad(?:uate)?)\b",
        ),
    ),
    (
        "masters",
        (
            r"\bmaster'?s\b",
            r"\bmasters'",
            r"\bmaster (?:degree|of)\b",
            r"\bm(?:sc|a|ba)\b",
            r"\bllm\b",
            r"\bpost ?grad(?:uate)? degree\b",
        ),
    ),
    (
        "ordinary_bachelors",
        (
            r"\b(?:ordinary|general|pass) (?:bachelor'?s? )?degree\b",
            r"\bordinary bachelor",
            r"\b(?:degree|bachelor'?s?) without honou?rs\b",
            r"\bnon[- ]honou?rs\b",
        ),
    ),
    (
        "bachelors",
        (
            r"\bbachelor'?s?\b",
            r"\bb(?:sc|a|eng|mus)\b",
            r"\bllb\b",
            r"\bhons\b",
            r"\bhonou?rs\b",
            r"\bundergrad(?:uate)? degree\b",
            r"\bdegree\b",
        ),
    ),
)

# §1, §10: research master's and research doctorates are not typically credit-rated.
_NOT_RATED: Final[tuple[tuple[str, str], ...]] = (
    (r"\b(?:mres|mphil)\b|\bresearch master", "research master's degree (MRes or MPhil)"),
    (r"\b(?:phd|dphil|doctorate|doctoral)\b", "research doctorate (PhD)"),
)

_NATION_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    ("ou", r"\bopen university\b|\bthe ou\b|\bou (?:degree|module|course)s?\b"),
    ("scotland", r"\bscotland\b|\bscottish\b|\bscqf\b|\bscots?\b"),
    ("ewni", r"\bengland\b|\benglish\b|\bwales\b|\bwelsh\b|\bnorthern ireland\b|\bfheq\b"),
)


def normalise_text(text: str) -> str:
    """Lower-case, straighten apostrophes, turn punctuation into spaces, squash spaces."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    cleaned = re.sub(r"[^a-z0-9'£$%.\- ]+", " ", lowered)
    return " ".join(cleaned.split())


def find_award_key(text: str) -> str | None:
    """The award key a phrase names ("PG Cert", "MSc", "ordinary degree"), if any."""
    if not isinstance(text, str) or not text.strip():
        return None
    normal = normalise_text(text)
    key = normal.replace(" ", "_").replace("-", "_")
    if key in awards():
        return key
    if not_credit_rated(normal) is not None:
        return None
    for award_key, patterns in _AWARD_PATTERNS:
        if any(re.search(pattern, normal) for pattern in patterns):
            return award_key
    return None


def find_award(text: str, nation: str = DEFAULT_NATION) -> Award | None:
    """Recognise an award in how people say it, sized for ``nation``."""
    key = find_award_key(text)
    return None if key is None else award_for(key, nation)


def not_credit_rated(text: str) -> str | None:
    """The research award a message names ("research master's degree (MRes or MPhil)"),
    which the frameworks do not credit-rate; else None."""
    normal = normalise_text(text) if isinstance(text, str) else ""
    for pattern, name in _NOT_RATED:
        if re.search(pattern, normal):
            return name
    return None


def detect_nation(text: str) -> str | None:
    """The framework a message implies: ``ou``, ``scotland``, ``ewni``, or None if unsaid."""
    normal = normalise_text(text) if isinstance(text, str) else ""
    for nation, pattern in _NATION_PATTERNS:
        if re.search(pattern, normal):
            return nation
    return None
