"""The ``refinement`` entity: requests to change the list just shown ("cheaper", "anything
free?"), found by :mod:`nlu.refinement`."""

from __future__ import annotations

from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.refinement import find_refinements


def extract_refinements(ctx: ScanContext, amount_said: bool = False) -> list[Extracted]:
    """Requests to change the last list ("cheaper", "anything free?"): :mod:`nlu.refinement`.

    One entity per kind; every phrase is claimed, so "on a pension" is not a subject. With
    ``amount_said`` (the message names a budget) a phrase only saying what the learner can
    afford asks for nothing: "Money is tight, thirty euro a month would be the most".
    """
    out: list[Extracted] = []
    for found in find_refinements(ctx.raw):
        ctx.claimed.append((found.start, found.end))
        if amount_said and found.means_only:
            continue
        if all(e.value != found.kind for e in out):
            out.append(make_extracted(ctx, "refinement", found.kind, found.start, found.end, 0.9))
    return out
