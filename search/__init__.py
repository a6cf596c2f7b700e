"""The query side: parse a query, run it with facets, highlight what matched."""

from search.engine import open_searcher, run_search
from search.results import SearchRequest, SearchResult

__all__ = ["SearchRequest", "SearchResult", "open_searcher", "run_search"]
