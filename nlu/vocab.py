"""The NLU's word lists, read from ``data/vocab/nlu/*.yml`` (one file per slot or theme).

Each slot module of :mod:`nlu.extraction` builds its regular expressions from one file on
first use (cached; nothing is read at import). The files share these conventions:

* A list of patterns is a list of regular-expression alternatives (Python ``re`` syntax,
  applied to the lower-cased message), joined with ``|`` in the order written: at a given
  position the first alternative that matches wins, so a longer phrase comes before a
  shorter one it starts with. Where the words must stand (before or after an amount, whole
  words) is the code's business.
* A table maps a word to a number or a name.

A malformed entry (not text, not a number, not a valid pattern, an unknown key) is an
error naming the file and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions.phrases import VOCAB_DIR, load_yaml

NLU_VOCAB_DIR = VOCAB_DIR / "nlu"


class VocabError(ValueError):
    """A data file under ``data/vocab/nlu/`` that cannot be used (the message names it)."""


@dataclass(frozen=True)
class VocabFile:
    """One vocabulary file, read and checked key by key."""

    path: Path
    raw: dict[str, Any]

    def _where(self, key: str, index: int | str | None = None) -> str:
        where = f"{self.path}: {key}"
        return where if index is None else f"{where}[{index}]"

    def entry(self, key: str) -> Any:
        if key not in self.raw:
            raise VocabError(f"{self.path}: {key} is missing")
        return self.raw[key]

    def texts(self, key: str) -> tuple[str, ...]:
        """The list under ``key``; every entry must be text (quote ``no``, ``on``, ``10``)."""
        return _texts(self.entry(key), self._where(key))

    def pattern(self, key: str) -> str:
        """The patterns under ``key`` as one alternation (not compiled, not grouped)."""
        return _pattern(self.entry(key), self._where(key))

    def regex(self, key: str, before: str = "", after: str = "") -> re.Pattern[str]:
        """The patterns under ``key`` compiled as one group between ``before`` and ``after``,
        the regex pieces that say where the words must stand (a word boundary, the end of
        the text before an amount)."""
        return re.compile(before + "(?:" + self.pattern(key) + ")" + after)

    def pattern_groups(self, key: str) -> tuple[str, ...]:
        """A list of pattern lists, each joined into one alternation."""
        groups = self.entry(key)
        if not isinstance(groups, list) or not groups:
            raise VocabError(f"{self._where(key)} must be a non-empty list of pattern lists")
        return tuple(_pattern(group, self._where(key, i)) for i, group in enumerate(groups))

    def numbers(self, key: str) -> dict[str, float]:
        """The table under ``key``: text -> number."""
        table = self._table(key)
        for word, value in table.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise VocabError(f"{self._where(key, word)} = {value!r} is not a number")
        return table

    def integers(self, key: str) -> dict[str, int]:
        """The table under ``key``: text -> whole number."""
        table = self._table(key)
        for word, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int):
                raise VocabError(f"{self._where(key, word)} = {value!r} is not a whole number")
        return table

    def names(self, key: str) -> dict[str, str]:
        """The table under ``key``: text -> text."""
        table = self._table(key)
        for word, value in table.items():
            if not isinstance(value, str):
                raise VocabError(f"{self._where(key, word)} = {value!r} is not text (quote it)")
        return table

    def weighted(
        self, key: str, value_key: str, allowed: Collection[str]
    ) -> tuple[tuple[str, str, float], ...]:
        """Rules ``{<value_key>: value, weight: w, patterns: [...]}`` as ``(alternation,
        value, weight)``, in the order written; every value must be one of ``allowed``."""
        rules = self.entry(key)
        if not isinstance(rules, list) or not rules:
            raise VocabError(f"{self._where(key)} must be a non-empty list of rules")
        out = []
        for i, rule in enumerate(rules):
            where = self._where(key, i)
            if not isinstance(rule, dict) or set(rule) != {value_key, "weight", "patterns"}:
                raise VocabError(f"{where} must have exactly {value_key}, weight and patterns")
            value, weight = rule[value_key], rule["weight"]
            if not isinstance(value, str) or value not in allowed:
                raise VocabError(f"{where}: {value_key} {value!r} is not one of {sorted(allowed)}")
            if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                raise VocabError(f"{where}: weight {weight!r} is not a number")
            if not 0 < weight <= 1:
                raise VocabError(f"{where}: weight {weight!r} is not in (0, 1]")
            out.append((_pattern(rule["patterns"], f"{where}.patterns"), value, float(weight)))
        return tuple(out)

    def grouped_texts(self, key: str, allowed: Collection[str]) -> dict[str, tuple[str, ...]]:
        """The table under ``key``: one of ``allowed`` -> a list of texts."""
        table = self._table(key)
        unknown = sorted(set(table) - set(allowed))
        if unknown:
            raise VocabError(f"{self._where(key)} has unknown names {unknown}")
        return {name: _texts(items, self._where(key, name)) for name, items in table.items()}

    def around(self, key: str) -> dict[str, tuple[str | None, str | None]]:
        """The table under ``key``: text -> ``{before: pattern, after: pattern}`` (either may
        be left out), as ``(before, after)``."""
        out: dict[str, tuple[str | None, str | None]] = {}
        for word, sides in self._table(key).items():
            where = self._where(key, word)
            if not isinstance(sides, dict) or not sides or set(sides) - {"before", "after"}:
                raise VocabError(f"{where} must have before and/or after, and nothing else")
            before, after = (
                _valid_pattern(sides[side], f"{where}.{side}") if side in sides else None
                for side in ("before", "after")
            )
            out[word] = (before, after)
        return out

    def _table(self, key: str) -> dict[str, Any]:
        table = self.entry(key)
        if not isinstance(table, dict) or not table:
            raise VocabError(f"{self._where(key)} must be a non-empty mapping")
        bad = [word for word in table if not isinstance(word, str)]
        if bad:
            raise VocabError(f"{self._where(key)} has keys that are not text: {bad!r} (quote them)")
        return dict(table)


def _texts(items: Any, where: str) -> tuple[str, ...]:
    if not isinstance(items, list) or not items:
        raise VocabError(f"{where} must be a non-empty list")
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise VocabError(f"{where}[{i}] = {item!r} is not text (quote it)")
    return tuple(items)


def _pattern(items: Any, where: str) -> str:
    alternatives = _texts(items, where)
    return "|".join(_valid_pattern(item, f"{where}[{i}]") for i, item in enumerate(alternatives))


def _valid_pattern(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise VocabError(f"{where} = {value!r} is not text (quote it)")
    try:
        re.compile(value)
    except re.error as exc:
        raise VocabError(f"{where} = {value!r} is not a valid pattern: {exc}") from None
    return value


@lru_cache(maxsize=32)
def load(name: str, *keys: str) -> VocabFile:
    """``data/vocab/nlu/<name>.yml``, read once; it must have exactly the top-level ``keys``."""
    return read(NLU_VOCAB_DIR / f"{name}.yml", *keys)


def read(path: Path, *keys: str) -> VocabFile:
    """The vocabulary file at ``path`` (not cached), which must have exactly ``keys``."""
    try:
        raw = load_yaml(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise VocabError(f"{path}: cannot be read: {exc}") from exc
    unknown, missing = sorted(set(raw) - set(keys)), sorted(set(keys) - set(raw))
    if unknown or missing:
        raise VocabError(f"{path}: unknown keys {unknown}, missing keys {missing}")
    return VocabFile(path, raw)


@dataclass(frozen=True)
class PhraseTable:
    """A table of phrases (lower case, single spaces) to text, with the phrases as one
    regular-expression alternation: longest first, each word escaped, a space matching any
    run of spaces (glosses, spoken punctuation)."""

    alternation: str
    values: dict[str, str]

    def value(self, said: str) -> str:
        """The value of a phrase as matched in a message."""
        return self.values[" ".join(said.lower().split())]


def phrase_table(name: str, key: str) -> PhraseTable:
    """The table under ``key`` of ``data/vocab/nlu/<name>.yml`` as a :class:`PhraseTable`."""
    table = load(name, key).names(key)
    values = {" ".join(phrase.lower().split()): value for phrase, value in table.items()}
    ordered = sorted(values, key=lambda p: (-len(p), p))
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return PhraseTable(alternation, values)
