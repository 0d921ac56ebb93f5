"""Phrase lists from data files turned into regular expressions (one way for every list).

A phrase is lower case; a space matches any run of spaces (or a hyphen); a trailing
``*`` matches any word ending ("cheap*" -> cheaper, cheapest). Entries that YAML did
not read as text (unquoted ``no``, ``on``) are refused with the file named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

VOCAB_DIR = Path(__file__).resolve().parents[1] / "data" / "vocab"


def load_yaml(path: Path) -> dict[str, Any]:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return raw


def phrases(raw: dict[str, Any], key: str, path: Path) -> list[str]:
    """The list under ``key``, lower case; non-text entries are an error naming the file."""
    items = raw.get(key) or []
    if not isinstance(items, list):
        raise ValueError(f"{path}: {key} must be a list")
    bad = [item for item in items if not isinstance(item, str)]
    if bad:
        raise ValueError(f"{path}: {key} has entries that are not text: {bad!r} (quote them)")
    return [item.lower().strip() for item in items if item.strip()]


def _pattern(phrase: str) -> str:
    stem = phrase.endswith("*")
    words = phrase.rstrip("*").split()
    body = r"[\s-]+".join(re.escape(word) for word in words)
    return body + (r"[\w'-]*" if stem else "")


def alternation(items: Iterable[str]) -> str:
    """One regex alternative per phrase, longest first, whole words only."""
    ordered = sorted(set(items), key=lambda p: (-len(p), p))
    if not ordered:
        return r"(?!x)x"
    return r"(?<![\w£$€])(?:" + "|".join(_pattern(p) for p in ordered) + r")(?![\w])"


#: The words pointing at the courses shown, shared by every question reader.
LIST_POINTERS_PATH = VOCAB_DIR / "list_pointers.yml"
#: The key under which a question reader's file lists its own words pointing at the list.
ABOUT_THE_LIST = "about_the_list"


def list_pointers(path: Path = LIST_POINTERS_PATH) -> list[str]:
    """The words pointing at the courses shown ("these", "the first one", "all three")."""
    return phrases(load_yaml(path), "pointers", path)


def phrase_patterns(path: Path, *keys: str) -> dict[str, re.Pattern[str]]:
    """Each list ``keys`` of the data file at ``path`` as one compiled whole-word pattern (the
    question readers' word lists: ``data/vocab/*_questions.yml``). ``about_the_list`` is the
    shared :func:`list_pointers` and the file's own words."""
    raw = load_yaml(path)
    patterns = {}
    for key in keys:
        items = phrases(raw, key, path)
        if key == ABOUT_THE_LIST:
            items += list_pointers()
        patterns[key] = re.compile(alternation(items))
    return patterns
