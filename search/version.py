"""Which index version a searcher reads: the key of everything cached per version."""

from __future__ import annotations

import os

from whoosh.searching import Searcher


def version_key(searcher: Searcher) -> tuple:
    """Which index version a searcher reads: its real folder, the generation its reader
    opened (not the folder's newest: an update may have committed since), and its size."""
    index = getattr(searcher, "_ix", None)
    folder = getattr(getattr(index, "storage", None), "folder", None)
    where = os.path.realpath(folder) if folder else id(index)
    reader = searcher.reader()
    return (where, reader.generation(), reader.doc_count_all())
