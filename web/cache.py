"""Rendered pages kept per index version: a repeated search costs a dictionary lookup.

The key is the index version, the interface language, the wanted format and
the full URL; a new version makes every old entry unreachable, and the least
recently used entries go first once the cache holds MAX_BYTES.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from flask import Response, request

from web.i18n import current_language
from web.searcher import current_version

MAX_BYTES = 32 * 1024 * 1024  # all cached pages together
MAX_ENTRY_BYTES = 2 * 1024 * 1024
_entries: OrderedDict[tuple, tuple[bytes, int, dict]] = OrderedDict()
_held = [0]  # bytes cached now
_lock = threading.Lock()


def _key() -> tuple:
    accept = request.accept_mimetypes.best_match(["text/html", "application/json"]) or ""
    return (current_version(), current_language(), accept, request.full_path)


def cached(view: Callable) -> Callable:
    """Serve a view's successful response from the cache when the same request comes again."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = _key()
        with _lock:
            hit = _entries.get(key)
            if hit is not None:
                _entries.move_to_end(key)
        if hit is not None:
            body, status, headers = hit
            return Response(body, status=status, headers=headers)
        response = view(*args, **kwargs)
        if not isinstance(response, Response):
            response = Response(response) if isinstance(response, str) else response
        _remember(key, response)
        return response

    return wrapper


def _remember(key: tuple, response: Response) -> None:
    if response.status_code != 200 or response.is_streamed:
        return
    body = response.get_data()
    if len(body) > MAX_ENTRY_BYTES:
        return
    headers = {"Content-Type": response.headers["Content-Type"]}
    with _lock:
        if key in _entries:
            return
        _entries[key] = (body, response.status_code, headers)
        _held[0] += len(body)
        while _held[0] > MAX_BYTES:
            _old_key, (old_body, _status, _headers) = _entries.popitem(last=False)
            _held[0] -= len(old_body)


def clear() -> None:
    with _lock:
        _entries.clear()
        _held[0] = 0
