"""Run a SearchRequest against an index: hits, exact total, facets, histogram, snippets."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import reduce
from itertools import islice
from pathlib import Path

import numpy as np
from whoosh import index as whoosh_index
from whoosh import query as q
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from index.analysis import load_dictionaries
from index.article import Article
from index.schema import TEXT_FIELDS, article_from_stored
from search.columns import index_columns
from search.dates import date_range
from search.docsets import Mask
from search.expansion import Expander
from search.facets import (
    FACETS,
    Labeller,
    count_facets,
    facet_filter_docs,
    matching_docs,
    plain_label,
)
from search.highlight import highlight
from search.histogram import build_histogram
from search.notes import Note
from search.query import MAX_PREFIX_TERMS, ParsedQuery, parse_query
from search.ranking import Ranked, by_date, by_relevance, relevance_scores
from search.results import MAX_PAGE_SIZE, SORTS, Hit, Reprint, SearchRequest, SearchResult


class IndexNotFound(Exception):
    """There is no index at the given place; the message names it and how to build one."""

    def __init__(self, index_dir: Path) -> None:
        super().__init__(
            f"no index at {index_dir}: run `pidshyvka rebuild ARCHIVE --index {index_dir}`"
        )
        self.index_dir = index_dir


def open_searcher(index_dir: Path) -> Searcher:
    if not whoosh_index.exists_in(str(index_dir)):
        raise IndexNotFound(index_dir)
    return whoosh_index.open_dir(str(index_dir)).searcher(weighting=BM25F())


def warm_up(searcher: Searcher) -> None:
    """Load now what the first search would wait for: columns, field lengths, dictionaries
    and the postings of the commonest words."""
    columns = index_columns(searcher)
    for fieldname in TEXT_FIELDS:
        columns.postings.length_norms_of(searcher, fieldname)
    columns.postings.preload_frequent(searcher, TEXT_FIELDS)
    load_dictionaries()


def _sanitised(request: SearchRequest) -> SearchRequest:
    request.page = max(1, request.page)
    request.page_size = min(max(1, request.page_size), MAX_PAGE_SIZE)
    if request.sort not in SORTS:
        request.sort = "relevance"
    return request


def term_lister(searcher: Searcher):
    """Indexed words of a field that begin with a prefix (one more than the cap, to tell)."""
    reader = searcher.reader()

    def list_terms(fieldname: str, prefix: str) -> list[str]:
        found = reader.expand_prefix(fieldname, prefix)
        return [
            t.decode("utf-8") if isinstance(t, bytes) else t
            for t in islice(found, MAX_PREFIX_TERMS + 1)
        ]

    return list_terms


def parse_for(
    searcher: Searcher, text: str, *, expand: bool = True, skip: Iterable[str] = ()
) -> ParsedQuery:
    """The query as this index reads it: prefixes and, unless ``expand`` is off, the
    words' equivalents (but not those in ``skip``) checked against its terms."""
    expander = Expander.for_searcher(searcher, skip=skip) if expand else None
    coded = index_columns(searcher).coded
    return parse_query(text, term_lister(searcher), expander, lambda name: _values_of(coded, name))


def _values_of(coded: dict, name: str) -> list[str]:
    column = coded.get(name)
    return column.values if column is not None else []


@dataclass(slots=True)
class _Resolved:
    parsed: ParsedQuery
    base: q.Query  # the query text and period, without facet filters
    base_docs: Mask
    final_docs: Mask  # with facet filters


def _resolve(searcher: Searcher, request: SearchRequest) -> _Resolved:
    parsed = parse_for(searcher, request.text, expand=request.expand, skip=request.skip_equivalents)
    base = parsed.query if parsed.query is not None else q.Every()
    period = _period(request.dates, parsed.notes)
    if period is not None:
        base = q.And([base, period]) if parsed.query is not None else period
    base_docs = matching_docs(searcher, base)
    filter_masks = facet_filter_docs(searcher, request.filters).values()
    final_docs = reduce(np.logical_and, filter_masks, base_docs)
    return _Resolved(parsed, base, base_docs, final_docs)


def run_search(
    searcher: Searcher, request: SearchRequest, label: Labeller = plain_label
) -> SearchResult:
    """One page of hits with facets and a timeline; ``label`` shows facet values (the
    interface's words, which also order and filter them)."""
    started = time.perf_counter()
    request = _sanitised(request)
    found = _resolve(searcher, request)
    columns = index_columns(searcher)
    folding = request.reprints != "all"
    hits = _page_of_hits(searcher, found, request, folding)
    facets = (
        count_facets(
            searcher,
            found.base_docs,
            request.filters,
            request.facet_options,
            FACETS,
            folding,
            label,
        )
        if request.with_facets
        else []
    )
    total = (
        _distinct_count(columns.group_codes[found.final_docs])
        if folding
        else int(np.count_nonzero(found.final_docs))
    )
    return SearchResult(
        request=request,
        total=total,
        hits=hits,
        facets=facets,
        notes=found.parsed.notes,
        expansions=found.parsed.expansions,
        took_ms=(time.perf_counter() - started) * 1000,
        histogram=build_histogram(columns.day_counts, found.final_docs, request.interval),
    )


def _distinct_count(codes: np.ndarray) -> int:
    """How many different small non-negative codes: flags beat sorting at a million."""
    if not len(codes):
        return 0
    seen = np.zeros(int(codes.max()) + 1, dtype=bool)
    seen[codes] = True
    return int(np.count_nonzero(seen))


def iter_matching(searcher: Searcher, request: SearchRequest) -> Iterator[Article]:
    """Every article the request matches, in its sort order, reprints folded or not."""
    found = _resolve(searcher, _sanitised(request))
    groups = index_columns(searcher).values["reprint_group"]
    seen: set[str] = set()
    for docnum, _score in _ordered(searcher, found, request.sort, None):
        group = groups[docnum]
        if request.reprints != "all":
            if group in seen:
                continue
            seen.add(group)
        yield article_from_stored(searcher.stored_fields(docnum))


def _page_of_hits(
    searcher: Searcher, found: _Resolved, request: SearchRequest, folding: bool
) -> list[Hit]:
    first = (request.page - 1) * request.page_size
    ranked = _ranked(searcher, found, request.sort, first + request.page_size, folding)
    columns = index_columns(searcher)
    hits = []
    for docnum, score in ranked[first:]:
        group = columns.values["reprint_group"][docnum]
        members = columns.groups.get(group, []) if folding else []
        hits.append(_hit(searcher, docnum, score, found.parsed.text_terms, members))
    return hits


def _ranked(searcher: Searcher, found: _Resolved, sort: str, needed: int, folding: bool) -> Ranked:
    """The first ``needed`` hits in order; with folding, one per reprint group."""
    groups = index_columns(searcher).values["reprint_group"]
    limit = needed * 2 if folding else needed
    while True:
        ranked = _ordered(searcher, found, sort, limit)
        if not folding:
            return ranked
        seen: set[str] = set()
        kept = []
        for docnum, score in ranked:
            group = groups[docnum]
            if group not in seen:
                seen.add(group)
                kept.append((docnum, score))
        if len(kept) >= needed or len(ranked) < limit:
            return kept[:needed]
        limit *= 4


def _ordered(searcher: Searcher, found: _Resolved, sort: str, limit: int | None) -> Ranked:
    """Matches in the order asked for: relevance (newest first for an empty query) or date."""
    columns = index_columns(searcher)
    if sort == "relevance" and found.parsed.query is not None:
        scores = relevance_scores(searcher, found.base, columns.postings)
        return by_relevance(scores, found.final_docs, limit)
    return by_date(columns.published, found.final_docs, sort != "oldest", limit)


def _period(dates: str, notes: list[Note]) -> q.Query | None:
    if not dates:
        return None
    bounds = date_range(dates)
    if bounds is None:
        notes.append(Note("bad_period", typed=dates))
        return None
    return q.DateRange("published", *bounds)


def _hit(searcher: Searcher, docnum: int, score: float, terms: set[str], group: list[int]) -> Hit:
    article = article_from_stored(searcher.stored_fields(docnum))
    marked = _best_snippet(article, terms)
    title_forms = highlight(article.title, terms, article.language).forms if terms else []
    reprints = _reprints(searcher, docnum, group)
    first = (
        min(
            [
                *reprints,
                Reprint(id=article.id, source=article.source, published=_iso(article.published)),
            ],
            key=lambda r: r.published or "9999",
        )
        if reprints
        else None
    )
    return Hit(
        article=article,
        score=score,
        snippet_html=marked.html,
        matched_forms=list(dict.fromkeys([*title_forms, *marked.forms])),
        reprints=reprints,
        first_source=first.source if first else "",
    )


def _best_snippet(article: Article, terms: set[str]):
    """A snippet of the body around its matches; of the lead or title where only they match."""
    fallback = None
    for text in (article.body, article.lead, article.title):
        if not text:
            continue
        marked = highlight(text, terms, article.language)
        if marked.forms or not terms:
            return marked
        fallback = fallback or marked
    return fallback or highlight("", terms)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _reprints(searcher: Searcher, docnum: int, group: list[int]) -> list[Reprint]:
    others = []
    for member in group:
        if member == docnum:
            continue
        stored = searcher.stored_fields(member)
        others.append(
            Reprint(
                id=stored["id"],
                source=stored.get("source") or "",
                published=stored.get("published_iso"),
            )
        )
    return sorted(others, key=lambda r: r.published or "9999")
