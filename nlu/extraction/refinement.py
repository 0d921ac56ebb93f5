"""The ``refinement`` entity: requests to change the list just shown ("cheaper", "anything
free?"), found by :mod:`nlu.refinement`."""

from __future__ import annotations

from nlu.extraction.context import Extracted, ScanContext, make_extracted
from nlu.refinement import find_refinements


def extract_refinements(ctx: ScanContext) -> list[Extracted]:
    """Requests to change the last list ("cheaper", "anything free?"): :mod:`nlu.refinement`.

    One entity per kind; every phrase is claimed, so "on a pension" is not a subject.
    """
    out: list[Extracted] = []
    for found in find_refinements(ctx.raw):
        ctx.claimed.append((found.start, found.end))
        if all(e.value != found.kind for e in out):
            out.append(make_extracted(ctx, "refinement", found.kind, found.start, found.end, 0.9))
    return out
