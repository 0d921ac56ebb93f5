"""The regression gates of the retrieval sets: one table for ``make test`` and ``make eval-search``.

The targets are precision@3 and hit@1 0.90, honest "no course on X" 0.95 and no silent
off-topic first course; they are NOT met yet (README, "Topic search quality"). Each gate is a
few points under what was measured (session 22, with meaning leading described requests), as
trainings and runs differ a little.

``make test`` holds the sets of :data:`IN_MAKE_TEST` (about 4 minutes through REST); the older
sets of :data:`GATES` are held by ``make eval-search`` (``--gate``), which runs every set. Five
sets moved out of ``make test`` in session 26 to keep it near 15 minutes: they were written
before session 10, their requests are of the kinds the sets kept still cover (named topics,
typos, described fields, absent topics), and their numbers have moved with the kept sets' in
every session since (README tables).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Gate:
    min_precision: float  # precision@3
    min_hit: float  # hit@1
    min_honest: float  # honest-miss rate on absent topics
    max_silent: int  # first course off topic without saying so


GATES: dict[str, Gate] = {
    "retrieval.yml": Gate(0.85, 0.94, 0.93, 5),
    "retrieval_fresh.yml": Gate(0.79, 0.90, 0.89, 8),
    "retrieval_fresh2.yml": Gate(0.75, 0.88, 0.79, 9),
    "retrieval_fresh3.yml": Gate(0.80, 0.92, 0.82, 5),
    "retrieval_fresh4.yml": Gate(0.76, 0.91, 0.96, 9),
    "retrieval_fresh5.yml": Gate(0.75, 0.90, 0.93, 7),
    "retrieval_fresh6.yml": Gate(0.67, 0.80, 0.85, 23),
    "retrieval_fresh7.yml": Gate(0.65, 0.83, 0.93, 10),
    # session 10's blind batch (176 + 40): 0.500 / 0.608 / 0.850 / 48 on first run, 0.534 /
    # 0.665 / 0.900 / 37 after the session's changes
    "retrieval_fresh8.yml": Gate(0.67, 0.82, 0.86, 20),
    # session 11's blind batch (180 + 40): 0.702 / 0.867 / 0.900 / 15, the same with session
    # 10's code (a change it did not confirm was taken back)
    "retrieval_fresh9.yml": Gate(0.79, 0.90, 0.86, 12),
    # session 14's blind batch (125 + 25): 0.555 / 0.672 / 0.760 / 26 with session 13's code
    "retrieval_fresh10.yml": Gate(0.69, 0.83, 0.80, 16),
    # session 15's blind batch (110 + 25): 0.624 / 0.709 / 0.880 / 18 with session 14's code
    "retrieval_fresh11.yml": Gate(0.70, 0.83, 0.92, 12),
}

#: The sets ``make test`` holds: the issue's first set, the first blind batch, the hardest of
#: the early ones (described fields), and the four blind batches of sessions 10-15.
IN_MAKE_TEST: tuple[str, ...] = (
    "retrieval.yml",
    "retrieval_fresh.yml",
    "retrieval_fresh6.yml",
    "retrieval_fresh8.yml",
    "retrieval_fresh9.yml",
    "retrieval_fresh10.yml",
    "retrieval_fresh11.yml",
)


def below_gate(name: str, scores: dict[str, float | int]) -> list[str]:
    """What of ``scores`` (a set's :class:`~tests.search_eval.harness.Scores` as a dict)
    falls below the set's gate; empty when it has none or meets it."""
    gate = GATES.get(name)
    if gate is None:
        return []
    checks = (
        ("precision@3", scores["precision_at_3"] < gate.min_precision),
        ("hit@1", scores["hit_at_1"] < gate.min_hit),
        ("honest miss rate", scores["honest_miss_rate"] < gate.min_honest),
        ("silent off-topic", scores["silent_off_topic"] > gate.max_silent),
    )
    return [label for label, below in checks if below]


__all__ = ["GATES", "IN_MAKE_TEST", "Gate", "below_gate"]
