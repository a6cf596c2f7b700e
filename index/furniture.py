"""Lines an outlet prints on many of its pages: furniture, whatever words it uses.

A subscription call, a «related» headline or a widget title that opens or closes the
text of many articles of one domain is not part of any of them. Such lines are found
by counting, per domain, the short paragraphs at the start and end of each article's
text over distinct headlines (captures of one page and reprints count once), and are
taken out of every article of that domain.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from index.article import Article

EDGE_PARAGRAPHS = 2  # looked at, at each end of a text
MAX_LINE_CHARS = 300
MIN_HEADLINES = 3  # a line repeated under this many headlines of one domain
MIN_SHARE = 0.2  # … and under this share of them


def _paragraphs(body: str) -> list[str]:
    return [part for part in body.split("\n\n") if part]


def _edges(paragraphs: list[str]) -> set[str]:
    ends = paragraphs[:EDGE_PARAGRAPHS] + paragraphs[-EDGE_PARAGRAPHS:]
    return {line for line in ends if len(line) <= MAX_LINE_CHARS}


def repeated_lines(articles: Iterable[Article]) -> dict[str, frozenset[str]]:
    """Per domain, the edge lines printed under enough distinct headlines to be furniture."""
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    headlines: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        headline = " ".join(article.title.lower().split())
        headlines[article.domain].add(headline)
        for line in _edges(_paragraphs(article.body)):
            seen[article.domain][line].add(headline)
    found = {}
    for domain, lines in seen.items():
        needed = max(MIN_HEADLINES, MIN_SHARE * len(headlines[domain]))
        repeated = frozenset(line for line, under in lines.items() if len(under) >= needed)
        if repeated:
            found[domain] = repeated
    return found


def without_furniture(articles: list[Article]) -> tuple[list[Article], Counter[str]]:
    """The articles with their domain's repeated edge lines taken out (changed ones are
    copies: the extraction cache keeps what each page said), and the lines removed."""
    repeated = repeated_lines(articles)
    removed: Counter[str] = Counter()
    cleaned = []
    for article in articles:
        lines = repeated.get(article.domain)
        paragraphs = _paragraphs(article.body)
        if not lines or not _edges(paragraphs) & lines:
            cleaned.append(article)
            continue
        edge = _edge_positions(len(paragraphs))
        kept = [p for n, p in enumerate(paragraphs) if not (n in edge and p in lines)]
        removed.update(p for n, p in enumerate(paragraphs) if n in edge and p in lines)
        cleaned.append(replace(article, body="\n\n".join(kept)))
    return cleaned, removed


def _edge_positions(count: int) -> set[int]:
    return set(range(min(EDGE_PARAGRAPHS, count))) | set(
        range(max(0, count - EDGE_PARAGRAPHS), count)
    )
