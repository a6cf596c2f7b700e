"""Plain request and result records: what the web layer and the CLI exchange with search/."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from index.article import Article
from search.expansion import Expansion
from search.notes import Note

SORTS = ("relevance", "newest", "oldest")
MAX_PAGE_SIZE = 100
INTERVALS = ("auto", "day", "week", "month", "year")


@dataclass(slots=True, kw_only=True)
class FacetOptions:
    size: int = 10
    order: str = ""  # "count", "alpha" or "date"; "" is date for year/month, else count
    contains: str = ""  # only values whose label contains this text (case-insensitive)


@dataclass(slots=True, kw_only=True)
class SearchRequest:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet name → selected values
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    facet_options: dict[str, FacetOptions] = field(default_factory=dict)
    dates: str = ""  # a period: "2024", "2024-11", "2024-11-01..2024-11-30"
    reprints: str = "fold"  # "fold": one hit per reprint group; "all": every copy
    with_facets: bool = True  # False: hits, total and histogram only (an API client's choice)
    expand: bool = True  # False: every word only as written, no other language or script
    skip_equivalents: list[str] = field(default_factory=list)  # equivalents not to search
    interval: str = "auto"  # timeline bars: "auto" (by the span), "day", "week", "month", "year"
    timeline: str = "count"  # what a page's timeline bars measure: "count" or "share"


@dataclass(slots=True, kw_only=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(slots=True, kw_only=True)
class Facet:
    name: str
    values: list[FacetValue]
    truncated: bool = False
    total_values: int = 0


@dataclass(slots=True, kw_only=True)
class Reprint:
    id: str
    source: str
    published: str | None  # ISO 8601


@dataclass(slots=True, kw_only=True)
class Hit:
    article: Article
    score: float
    snippet_html: str  # escaped text with <mark> around matched words
    matched_forms: list[str]
    reprints: list[Reprint] = field(default_factory=list)  # the same text elsewhere, oldest first
    first_source: str = ""  # which outlet had it first, where reprints exist


@dataclass(slots=True, kw_only=True)
class Bucket:
    start: str  # ISO date of the period's first day
    count: int  # stories matching the query
    archive_count: int  # all stories in the archive in that period
    share: float  # count / archive_count: attention, normalised


@dataclass(slots=True, kw_only=True)
class Histogram:
    interval: str  # "day", "week", "month" or "year"
    buckets: list[Bucket]
    undated: int = 0


@dataclass(slots=True, kw_only=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: list[Facet]
    notes: list[Note]
    took_ms: float
    histogram: Histogram | None = None
    expansions: list[Expansion] = field(default_factory=list)  # equivalents searched too

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.page_size))

    def to_json(self) -> dict[str, Any]:
        return {
            "query": asdict(self.request),
            "total": self.total,
            "took_ms": round(self.took_ms, 2),
            "notes": [note.to_json() for note in self.notes],
            "expansions": [expansion.to_json() for expansion in self.expansions],
            "hits": [_hit_json(hit) for hit in self.hits],
            "facets": [asdict(facet) for facet in self.facets],
            "histogram": asdict(self.histogram) if self.histogram else None,
        }


def _hit_json(hit: Hit) -> dict[str, Any]:
    data = hit.article.to_json()
    data.pop("body", None)
    return {
        **data,
        "score": round(hit.score, 4),
        "snippet_html": hit.snippet_html,
        "matched_forms": hit.matched_forms,
        "reprints": [asdict(reprint) for reprint in hit.reprints],
        "first_source": hit.first_source,
    }
