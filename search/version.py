"""Which index version a searcher reads: the key of everything cached per version."""

from __future__ import annotations

import os

from whoosh.searching import Searcher


def version_key(searcher: Searcher) -> tuple:
    """Which index version a searcher reads: its real folder, generation and size."""
    index = getattr(searcher, "_ix", None)
    folder = getattr(getattr(index, "storage", None), "folder", None)
    generation = index.latest_generation() if index is not None else None
    where = os.path.realpath(folder) if folder else id(index)
    return (where, generation, searcher.reader().doc_count_all())
