"""Every link a search page shows, computed before rendering so templates build no URLs."""

from __future__ import annotations

from dataclasses import replace

from search.results import INTERVALS, SORTS, FacetOptions, SearchRequest, SearchResult
from web.state import query_string, toggled, url_params

EXPANDED_FACET_SIZE = 100
SEARCHABLE_FROM = 11  # values in a facet before it gets a box to find one by name
# Facets whose values read as names, so an A–Z order helps; years, months and the two
# languages have their own order.
NAMED_VALUES = frozenset({"source", "rubric", "speaker", "author"})


def _facet_links(result: SearchResult) -> dict:
    req = result.request
    links = {}
    for facet in result.facets:
        option = req.facet_options.get(facet.name, FacetOptions())
        more = replace(
            option, size=EXPANDED_FACET_SIZE if option.size < EXPANDED_FACET_SIZE else 10
        )
        order = replace(option, order="count" if option.order == "alpha" else "alpha")
        links[facet.name] = {
            "values": {
                fv.value: "?"
                + query_string(req, filters=toggled(req.filters, facet.name, fv.value))
                for fv in facet.values
            },
            "more": "?" + query_string(req, facet_options={**req.facet_options, facet.name: more}),
            "expanded": option.size >= EXPANDED_FACET_SIZE,
            "order": "?"
            + query_string(req, facet_options={**req.facet_options, facet.name: order}),
            "alpha": option.order == "alpha",
            "contains": option.contains,
            "searchable": facet.total_values >= SEARCHABLE_FROM or bool(option.contains),
            "orderable": facet.name in NAMED_VALUES and len(facet.values) > 1,
        }
    return links


def search_links(result: SearchResult) -> dict:
    req = result.request
    return {
        "facets": _facet_links(result),
        "sorts": {sort: "?" + query_string(req, sort=sort) for sort in SORTS},
        "pages": {
            n: "?" + query_string(req, page=n) for n in _page_numbers(req.page, result.pages)
        },
        "last_page": "?" + query_string(req, page=result.pages),
        "previous": "?" + query_string(req, page=req.page - 1) if req.page > 1 else None,
        "next": "?" + query_string(req, page=req.page + 1) if req.page < result.pages else None,
        "chips": [
            (
                name,
                value,
                "?" + query_string(req, filters=toggled(req.filters, name, value)),
            )
            for name, values in req.filters.items()
            for value in values
        ],
        "period_clear": "?" + query_string(req, dates=""),
        "clear_all": "?" + query_string(req, filters={}, dates=""),
        "back": query_string(req),  # an article page's way back to this very search
        "period": lambda period: "?" + query_string(req, dates=period),
        "reprints": "?" + query_string(req, reprints="fold" if req.reprints == "all" else "all"),
        "formats": {
            kind: f"/search.{kind}?" + query_string(req) for kind in ("json", "csv", "atom")
        },
        "hidden": _hidden_fields(req),
        "intervals": {i: "?" + query_string(req, interval=i, page=req.page) for i in INTERVALS},
        "measures": {
            m: "?" + query_string(req, timeline=m, page=req.page) for m in ("count", "share")
        },
        "expansions": [
            (
                expansion,
                "?" + query_string(req, skip_equivalents=[*req.skip_equivalents, expansion.word]),
            )
            for expansion in result.expansions
        ],
        "typed": "?" + query_string(req, expand=not req.expand, skip_equivalents=[]),
    }


# What a new query starts afresh: its words, page, equivalents removed and facet tools.
_NOT_CARRIED = ("q", "page", "skip")
_FACET_TOOLS = ("fsize.", "fsort.", "fq.")


def _hidden_fields(req: SearchRequest) -> list[tuple[str, str]]:
    """What the query form must carry along so a new query keeps filters and sort."""
    return [
        (name, value)
        for name, value in url_params(req)
        if name not in _NOT_CARRIED and not name.startswith(_FACET_TOOLS)
    ]


def _page_numbers(current: int, total: int) -> list[int]:
    wanted = {1, total, *range(current - 2, current + 3)}
    return sorted(n for n in wanted if 1 <= n <= total)
