"""The search state lives in the URL: parse it, and build links that change one thing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from search.dates import date_range
from search.facets import FACET_ORDERS, FACETS_BY_NAME, MAX_FACET_SIZE
from search.results import INTERVALS, SORTS, FacetOptions, SearchRequest

MAX_PAGE = 1000
MAX_SKIPPED = 30  # equivalents a person may remove from one search


class BadParameter(ValueError):
    """A URL parameter that cannot be read; the message names it, in both languages."""

    def __init__(self, parameter: str, english: str, ukrainian: str) -> None:
        super().__init__(english)
        self.parameter = parameter
        self.messages = {"en": english, "uk": ukrainian}

    def message(self, language: str) -> str:
        return self.messages.get(language, self.messages["en"])


def _int(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(
            name,
            f"parameter {name!r} must be a whole number, got {raw!r}",
            f"параметр «{name}» має бути цілим числом, а не «{raw}»",
        ) from None
    if not low <= value <= high:
        raise BadParameter(
            name,
            f"parameter {name!r} must be between {low} and {high}",
            f"параметр «{name}» має бути від {low} до {high}",
        )
    return value


def _facet_options(args: MultiDict) -> dict[str, FacetOptions]:
    """Per-facet display: fsize.<facet>=N, fsort.<facet>=count|alpha|date, fq.<facet>=text."""
    options: dict[str, FacetOptions] = {}
    for name in FACETS_BY_NAME:
        order = args.get(f"fsort.{name}", "")
        if order and order not in FACET_ORDERS:
            raise BadParameter(
                f"fsort.{name}",
                f"parameter 'fsort.{name}' must be one of {', '.join(FACET_ORDERS)}",
                f"параметр «fsort.{name}» має бути одним із: {', '.join(FACET_ORDERS)}",
            )
        size = _int(args, f"fsize.{name}", 10, 1, MAX_FACET_SIZE)
        contains = args.get(f"fq.{name}", "")[:100]
        if order or size != 10 or contains:
            options[name] = FacetOptions(size=size, order=order, contains=contains)
    return options


def _dates(args: MultiDict) -> str:
    """The period: `dates=2024-11`, or the two date inputs `from` and `to` of the page's form."""
    if args.get("dates"):
        period, name = args["dates"][:50], "dates"
    else:
        first, last = args.get("from", "")[:10], args.get("to", "")[:10]
        period, name = (f"{first}..{last}" if first or last else ""), "from/to"
    if period and date_range(period) is None:
        raise BadParameter(
            name,
            f"parameter {name!r} is not a period: «{period}» (for example 2024-11, "
            "2024-11-01..2024-11-30)",
            f"параметр «{name}» не схожий на період: «{period}» (приклади: 2024-11, "
            "2024-11-01..2024-11-30)",
        )
    return period


def _one_of(args: MultiDict, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = args.get(name, default)
    if value not in allowed:
        raise BadParameter(
            name,
            f"parameter '{name}' must be one of {', '.join(allowed)}",
            f"параметр «{name}» має бути одним із: {', '.join(allowed)}",
        )
    return value


def request_from_args(args: MultiDict) -> SearchRequest:
    sort = _one_of(args, "sort", SORTS, "relevance")
    reprints = _one_of(args, "reprints", ("fold", "all"), "fold")
    typed = _one_of(args, "typed", ("", "0", "1"), "")
    interval = _one_of(args, "interval", INTERVALS, "auto")
    timeline = _one_of(args, "timeline", ("count", "share"), "count")
    filters = {name: [v[:300] for v in args.getlist(name)] for name in FACETS_BY_NAME}
    return SearchRequest(
        interval=interval,
        timeline=timeline,
        text=args.get("q", "")[:2000],
        filters={k: v for k, v in filters.items() if v},
        sort=sort,
        page=_int(args, "page", 1, 1, MAX_PAGE),
        page_size=_int(args, "size", 20, 1, 100),
        facet_options=_facet_options(args),
        dates=_dates(args),
        reprints=reprints,
        expand=typed != "1",
        skip_equivalents=[v[:100] for v in args.getlist("skip")[:MAX_SKIPPED] if v],
    )


def query_string(request: SearchRequest, **changes: Any) -> str:
    """The URL query for ``request`` with some of its fields changed; the page goes back
    to the first unless it is one of them."""
    return urlencode(url_params(replace(request, **{"page": 1, **changes})))


def url_params(request: SearchRequest) -> list[tuple[str, str]]:
    """Every parameter that differs from its default, in the order URLs show them."""
    params: list[tuple[str, str]] = []
    if request.text:
        params.append(("q", request.text))
    for name, values in request.filters.items():
        params.extend((name, value) for value in values)
    if request.sort != "relevance":
        params.append(("sort", request.sort))
    if request.dates:
        params.append(("dates", request.dates))
    if request.reprints != "fold":
        params.append(("reprints", request.reprints))
    for name, option in request.facet_options.items():
        if option.size != 10:
            params.append((f"fsize.{name}", str(option.size)))
        if option.order:
            params.append((f"fsort.{name}", option.order))
        if option.contains:
            params.append((f"fq.{name}", option.contains))
    if request.timeline != "count":
        params.append(("timeline", request.timeline))
    if request.interval != "auto":
        params.append(("interval", request.interval))
    if not request.expand:
        params.append(("typed", "1"))
    params.extend(("skip", word) for word in request.skip_equivalents)
    if request.page != 1:
        params.append(("page", str(request.page)))
    return params


def toggled(filters: dict[str, list[str]], name: str, value: str) -> dict[str, list[str]]:
    values = list(filters.get(name, []))
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    result = {k: list(v) for k, v in filters.items() if k != name}
    if values:
        result[name] = values
    return result
