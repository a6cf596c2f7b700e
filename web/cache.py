"""Rendered pages kept per index version: a repeated search costs a dictionary lookup.

The pages of a version live in that version's slot (``search.version``) and go with
it; within a version the key is the interface language, the wanted format and the
full URL, and the least recently used pages go first once they hold MAX_BYTES.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Response, request

from search.version import Recent, owned
from web.i18n import current_language
from web.searcher import get_searcher

MAX_BYTES = 32 * 1024 * 1024  # the pages of one version together
MAX_ENTRY_BYTES = 2 * 1024 * 1024
Entry = tuple[bytes, int, dict[str, str]]


def _new_pages() -> Recent[tuple, Entry]:
    return Recent(MAX_BYTES, cost=lambda entry: len(entry[0]))


def _pages() -> Recent[tuple, Entry]:
    return owned(get_searcher(), "pages", _new_pages)


def _key() -> tuple:
    accept = request.accept_mimetypes.best_match(["text/html", "application/json"]) or ""
    return (current_language(), accept, request.full_path)


def cached(view: Callable) -> Callable:
    """Serve a view's successful response from the cache when the same request comes again."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        pages, key = _pages(), _key()
        hit = pages.get(key)
        if hit is not None:
            body, status, headers = hit
            return Response(body, status=status, headers=headers)
        response = view(*args, **kwargs)
        if not isinstance(response, Response):
            response = Response(response) if isinstance(response, str) else response
        _remember(pages, key, response)
        return response

    return wrapper


def _remember(pages: Recent[tuple, Entry], key: tuple, response: Response) -> None:
    if response.status_code != 200 or response.is_streamed:
        return
    body = response.get_data()
    if len(body) <= MAX_ENTRY_BYTES:
        pages.put(key, (body, response.status_code, {"Content-Type": response.content_type}))
