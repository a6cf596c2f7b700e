"""Plain request and result records: what the web layer and the CLI exchange with search/."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from index.article import Article

SORTS = ("relevance", "newest", "oldest")
MAX_PAGE_SIZE = 100


@dataclass(slots=True, kw_only=True)
class SearchRequest:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet name → selected values
    sort: str = "relevance"
    page: int = 1
    page_size: int = 20
    facet_size: int = 10


@dataclass(slots=True, kw_only=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass(slots=True, kw_only=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue]
    truncated: bool = False


@dataclass(slots=True, kw_only=True)
class Hit:
    article: Article
    score: float
    snippet_html: str  # escaped text with <mark> around matched words
    matched_forms: list[str]


@dataclass(slots=True, kw_only=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: list[Facet]
    notes: list[str]
    took_ms: float

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.page_size))

    def to_json(self) -> dict[str, Any]:
        return {
            "query": asdict(self.request),
            "total": self.total,
            "took_ms": round(self.took_ms, 2),
            "notes": self.notes,
            "hits": [_hit_json(hit) for hit in self.hits],
            "facets": [asdict(facet) for facet in self.facets],
        }


def _hit_json(hit: Hit) -> dict[str, Any]:
    data = hit.article.to_json()
    data.pop("body", None)
    return {
        **data,
        "score": round(hit.score, 4),
        "snippet_html": hit.snippet_html,
        "matched_forms": hit.matched_forms,
    }
