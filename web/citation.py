"""How to cite an article: outlet, title, date, address and the stored copy, parts that are
missing left out rather than shown as empty punctuation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from index.article import Article

STORED_COPY = {"uk": "збережена копія", "en": "stored copy"}


def citation(
    article: Article,
    language: str,
    stamp: Callable[[datetime | None], str],
    captured: Callable[[Article], str],
) -> str:
    """``stamp`` writes the publication time, ``captured`` the capture, in ``language``."""
    outlet = article.source or article.domain
    address = article.canonical_url or article.url
    copy = [f"{STORED_COPY[language]} {article.path}", f"sha256 {article.sha256[:12]}"]
    if article.captured_at:
        copy.append(captured(article))
    parts = [
        outlet,
        f"«{article.title}»" if article.title else "",
        stamp(article.published) if article.published else "",
        address,
    ]
    written = ". ".join(part for part in parts if part)
    return f"{written} ({', '.join(copy)})." if written else f"({', '.join(copy)})."
