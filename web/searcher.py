"""Searchers reused across requests until the index changes; one per serving thread.

Opening a Whoosh index per request costs a directory listing and a schema
unpickle; keeping a searcher per thread costs nothing until a rebuild or an
update swaps in a new version, which the next request notices and follows.
Requests already running keep the searcher they started with.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flask import current_app, g
from whoosh.searching import Searcher

from search import open_searcher
from search.engine import IndexNotFound
from search.segments import newest_generation

_local = threading.local()
_open: set[Searcher] = set()  # every searcher a thread holds, to close them all at shutdown
_open_lock = threading.Lock()
_epoch = [0]  # bumped by close_all(): a thread's searcher from an older epoch is closed


def _on_disk(index_dir: Path) -> tuple[str, int]:
    """What ``index_dir`` holds now, to tell when to open a newer searcher: its real folder
    and newest generation (-1: no index). Caches key on what a searcher read instead
    (``search.version``)."""
    real = os.path.realpath(index_dir)
    return real, newest_generation(Path(real))


def get_searcher() -> Searcher:
    if "searcher" in g:
        return g.searcher
    index_dir = Path(current_app.config["INDEX_DIR"])
    version = _on_disk(index_dir)
    held = getattr(_local, "held", None)
    if held is not None and held[2] != _epoch[0]:
        held = None  # closed by close_all()
    if held is None or held[0] != version:
        if version[1] < 0:
            raise IndexNotFound(index_dir)
        if held is not None:
            _forget(held[1])
        _local.held = held = (version, open_searcher(Path(version[0])), _epoch[0])
        with _open_lock:
            _open.add(held[1])
    g.searcher = held[1]
    return held[1]


def close_searcher(_error: BaseException | None = None) -> None:
    g.pop("searcher", None)  # the thread keeps it for the next request


def _forget(searcher: Searcher) -> None:
    with _open_lock:
        _open.discard(searcher)
    searcher.close()


def close_all() -> None:
    """Close every thread's searcher (server shutdown); threads reopen on their next request."""
    with _open_lock:
        searchers = list(_open)
        _open.clear()
        _epoch[0] += 1
    for searcher in searchers:
        searcher.close()
