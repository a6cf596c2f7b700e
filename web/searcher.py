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
from search.version import version_key

_local = threading.local()
_open: set[Searcher] = set()  # every searcher a thread holds, to close them all at shutdown
_open_lock = threading.Lock()
_epoch = [0]  # bumped by close_all(): a thread's searcher from an older epoch is closed


TOC_PREFIX, TOC_SUFFIX = "_MAIN_", ".toc"  # Whoosh's table of contents, one per generation


def index_version(index_dir: Path) -> tuple[str, int]:
    """The version now serving at ``index_dir``: its real folder and newest Whoosh generation
    (-1 where there is no index)."""
    real = os.path.realpath(index_dir)
    try:
        names = os.listdir(real)
    except OSError:
        return real, -1
    generations = [
        int(name[len(TOC_PREFIX) : -len(TOC_SUFFIX)])
        for name in names
        if name.startswith(TOC_PREFIX)
        and name.endswith(TOC_SUFFIX)
        and name[len(TOC_PREFIX) : -len(TOC_SUFFIX)].isdigit()
    ]
    return real, max(generations, default=-1)


def get_searcher() -> Searcher:
    if "searcher" in g:
        return g.searcher
    index_dir = Path(current_app.config["INDEX_DIR"])
    version = index_version(index_dir)
    held = getattr(_local, "held", None)
    if held is not None and held[2] != _epoch[0]:
        held = None  # closed by close_all()
    if held is None or held[0] != version:
        if version[1] < 0:
            raise IndexNotFound(
                f"no index at {index_dir}: run `pidshyvka rebuild ARCHIVE --index {index_dir}`"
            )
        if held is not None:
            _forget(held[1])
        _local.held = held = (version, open_searcher(Path(version[0])), _epoch[0])
        with _open_lock:
            _open.add(held[1])
    g.searcher = held[1]
    g.index_version = version_key(held[1])[:2]  # what this searcher reads, as search keys it
    return held[1]


def current_version() -> tuple:
    """The serving version for this request (opening its searcher if needed)."""
    get_searcher()
    return g.index_version


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
