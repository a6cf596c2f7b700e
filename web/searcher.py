"""One searcher per request, opened lazily, closed at teardown."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, g
from whoosh.searching import Searcher

from search import open_searcher


def get_searcher() -> Searcher:
    if "searcher" not in g:
        g.searcher = open_searcher(Path(current_app.config["INDEX_DIR"]))
    return g.searcher


def close_searcher(_error: BaseException | None = None) -> None:
    searcher = g.pop("searcher", None)
    if searcher is not None:
        searcher.close()
