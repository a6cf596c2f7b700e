"""Lines an outlet prints on many of its pages: furniture, whatever words it uses.

A subscription call, a «related» headline or a widget title that opens or closes the
text of many articles of one domain is not part of any of them. Such lines are found
by counting, per domain, the short paragraphs at the start and end of each article's
text over distinct headlines (captures of one page and reprints count once), and are
taken out of every article of that domain.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace

from index.article import Article

EDGE_PARAGRAPHS = 2  # looked at, at each end of a text
MAX_LINE_CHARS = 300
MIN_HEADLINES = 3  # a line repeated under this many headlines of one domain
MIN_SHARE = 0.2  # … and under this share of them


Edge = Hashable  # an edge line, or a stable digest of one (index/staging.py keeps digests)


def _paragraphs(body: str) -> list[str]:
    return [part for part in body.split("\n\n") if part]


def edge_lines(body: str) -> set[str]:
    """The short paragraphs at either end of a text: where furniture is printed."""
    paragraphs = _paragraphs(body)
    ends = paragraphs[:EDGE_PARAGRAPHS] + paragraphs[-EDGE_PARAGRAPHS:]
    return {line for line in ends if len(line) <= MAX_LINE_CHARS}


def headline_of(title: str) -> str:
    return " ".join(title.lower().split())


def repeated_edges(
    pages: Iterable[tuple[str, Hashable, Iterable[Edge]]],
) -> dict[str, frozenset]:
    """Per domain, the edges printed under enough distinct headlines to be furniture;
    ``pages`` gives each document's (domain, headline, edges)."""
    seen: dict[str, dict[Edge, set[Hashable]]] = defaultdict(lambda: defaultdict(set))
    headlines: dict[str, set[Hashable]] = defaultdict(set)
    for domain, headline, edges in pages:
        headlines[domain].add(headline)
        for edge in edges:
            seen[domain][edge].add(headline)
    found = {}
    for domain, lines in seen.items():
        needed = max(MIN_HEADLINES, MIN_SHARE * len(headlines[domain]))
        repeated = frozenset(line for line, under in lines.items() if len(under) >= needed)
        if repeated:
            found[domain] = repeated
    return found


def repeated_lines(articles: Iterable[Article]) -> dict[str, frozenset]:
    """Per domain, the edge lines printed under enough distinct headlines to be furniture."""
    return repeated_edges((a.domain, headline_of(a.title), edge_lines(a.body)) for a in articles)


def strip_repeated(
    body: str, repeated: frozenset, edge_of: Callable[[str], Edge] = lambda line: line
) -> tuple[str, list[str]]:
    """The body without the repeated lines at its edges, and the lines taken out."""
    paragraphs = _paragraphs(body)
    edge = _edge_positions(len(paragraphs))
    gone = {
        n
        for n in edge
        if len(paragraphs[n]) <= MAX_LINE_CHARS and edge_of(paragraphs[n]) in repeated
    }
    if not gone:
        return body, []
    kept = [p for n, p in enumerate(paragraphs) if n not in gone]
    return "\n\n".join(kept), [paragraphs[n] for n in sorted(gone)]


def without_furniture(articles: list[Article]) -> tuple[list[Article], Counter[str]]:
    """The articles with their domain's repeated edge lines taken out (changed ones are
    copies: the store keeps what each page said), and the lines removed."""
    repeated = repeated_lines(articles)
    removed: Counter[str] = Counter()
    cleaned = []
    for article in articles:
        lines = repeated.get(article.domain)
        body, gone = strip_repeated(article.body, lines) if lines else (article.body, [])
        removed.update(gone)
        cleaned.append(replace(article, body=body) if gone else article)
    return cleaned, removed


def _edge_positions(count: int) -> set[int]:
    return set(range(min(EDGE_PARAGRAPHS, count))) | set(
        range(max(0, count - EDGE_PARAGRAPHS), count)
    )
