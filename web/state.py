"""The search state lives in the URL: parse it, and build links that change one thing."""

from __future__ import annotations

from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from search.facets import FACETS_BY_NAME
from search.results import SORTS, SearchRequest

MAX_PAGE = 1000


class BadParameter(ValueError):
    """A URL parameter that cannot be read; the message names it."""


def _int(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"parameter {name!r} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise BadParameter(f"parameter {name!r} must be between {low} and {high}")
    return value


def request_from_args(args: MultiDict) -> SearchRequest:
    sort = args.get("sort", "relevance")
    if sort not in SORTS:
        raise BadParameter(f"parameter 'sort' must be one of {', '.join(SORTS)}")
    filters = {name: [v for v in args.getlist(name) if v is not None] for name in FACETS_BY_NAME}
    return SearchRequest(
        text=args.get("q", "")[:2000],
        filters={k: v for k, v in filters.items() if v},
        sort=sort,
        page=_int(args, "page", 1, 1, MAX_PAGE),
        page_size=_int(args, "size", 20, 1, 100),
    )


def query_string(request: SearchRequest, **changes: object) -> str:
    """The URL query for ``request`` with some parts changed (page resets unless given)."""
    params: list[tuple[str, str]] = []
    text = changes.get("text", request.text)
    if text:
        params.append(("q", str(text)))
    filters = changes.get("filters", request.filters)
    for name, values in filters.items():  # type: ignore[union-attr]
        params.extend((name, value) for value in values)
    sort = changes.get("sort", request.sort)
    if sort != "relevance":
        params.append(("sort", str(sort)))
    page = changes.get("page", 1)
    if page != 1:
        params.append(("page", str(page)))
    return urlencode(params)


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
