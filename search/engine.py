"""Run a SearchRequest against an index: hits, exact total, facets, snippets."""

from __future__ import annotations

import time
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as q
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from index.schema import article_from_stored
from search.facets import FACETS, count_facet, filter_query
from search.highlight import highlight
from search.query import parse_query
from search.results import MAX_PAGE_SIZE, SORTS, Hit, SearchRequest, SearchResult


class IndexNotFound(Exception):
    """There is no index at the given place; the message names it."""


def open_searcher(index_dir: Path) -> Searcher:
    if not whoosh_index.exists_in(str(index_dir)):
        raise IndexNotFound(
            f"no index at {index_dir}: run `pidshyvka rebuild ARCHIVE --index {index_dir}`"
        )
    return whoosh_index.open_dir(str(index_dir)).searcher(weighting=BM25F())


def _sanitised(request: SearchRequest) -> SearchRequest:
    request.page = max(1, request.page)
    request.page_size = min(max(1, request.page_size), MAX_PAGE_SIZE)
    if request.sort not in SORTS:
        request.sort = "relevance"
    return request


def run_search(searcher: Searcher, request: SearchRequest) -> SearchResult:
    started = time.perf_counter()
    request = _sanitised(request)
    parsed = parse_query(request.text)
    base = parsed.query if parsed.query is not None else q.Every()
    filters = filter_query(request.filters)
    final = q.And([base, filters]) if filters is not None else base
    results = searcher.search_page(
        final,
        request.page,
        pagelen=request.page_size,
        **_sort_options(request.sort, parsed.query is None),
    )
    hits = [_hit(hit, parsed.text_terms) for hit in results]
    facets = [
        count_facet(searcher, base, request.filters, spec, request.facet_size) for spec in FACETS
    ]
    return SearchResult(
        request=request,
        total=results.total,
        hits=hits,
        facets=facets,
        notes=parsed.notes,
        took_ms=(time.perf_counter() - started) * 1000,
    )


def _sort_options(sort: str, empty_query: bool) -> dict:
    if sort == "newest" or (sort == "relevance" and empty_query):
        return {"sortedby": "published", "reverse": True}
    if sort == "oldest":
        return {"sortedby": "published"}
    return {}


def _hit(hit, terms: set[str]) -> Hit:
    article = article_from_stored(hit.fields())
    text = article.body or article.lead
    for candidate in (article.body, article.lead, article.title):
        if candidate and terms and highlight(candidate, terms, article.language).forms:
            text = candidate
            break
    marked = highlight(text, terms, article.language)
    title_forms = highlight(article.title, terms, article.language).forms if terms else []
    return Hit(
        article=article,
        score=hit.score or 0.0,
        snippet_html=marked.html,
        matched_forms=list(dict.fromkeys([*title_forms, *marked.forms])),
    )
