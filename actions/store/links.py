"""Where a learner can follow a course: its page, else a search for its exact title.

The catalogue has a course page address for only some courses (the 2022 FutureLearn
scrape had none). For the others, a link to the platform's own search for the exact
title (``data/catalogue/platform_search.yml``) is given and marked as a search, so a
card never shows a guessed course address.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import quote_plus

import yaml

from actions.store.db import REPO_ROOT, StoreError

SEARCH_PAGES_PATH = REPO_ROOT / "data" / "catalogue" / "platform_search.yml"
PAGE = "page"  # the course's own page, from the catalogue
SEARCH = "search"  # a search for the exact title on the course's platform


@lru_cache(maxsize=4)
def search_pages(path: Path = SEARCH_PAGES_PATH) -> dict[str, str]:
    """Platform name -> search URL template with ``{query}``."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise StoreError(f"cannot read the platform search pages {path}: {exc}") from exc
    pages = {str(name): str(url) for name, url in raw.items()}
    for name, url in pages.items():
        if "{query}" not in url or not url.startswith("https://"):
            raise StoreError(f"{path}: {name}: needs an https:// address with {{query}}")
    return pages


def course_link(url: str | None, platform: str | None, title: str) -> tuple[str | None, str | None]:
    """``(link, kind)``: the course page (``PAGE``), a title search (``SEARCH``) or none."""
    if url:
        return url, PAGE
    template = search_pages().get(platform or "")
    if template is None:
        return None, None
    return template.replace("{query}", quote_plus(title)), SEARCH


__all__ = ["PAGE", "SEARCH", "course_link", "search_pages"]
