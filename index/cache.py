"""What each stored page gave at the last build, so an update re-reads only what changed.

Kept beside the index as an xz-compressed pickle: path → (sha256 of the stored
bytes, the capture time the archive gave, the Article extracted from it). xz at
its fastest preset is a third smaller than zlib's on real pages and about as
quick.
"""

from __future__ import annotations

import lzma
import os
import pickle
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from index.archive import StoredPage
from index.article import Article

CACHE_NAME = "extracted.cache"
CACHE_FORMAT = 2
COMPRESSION_PRESET = 1


@dataclass(slots=True, frozen=True)
class CachedPage:
    sha256: str
    captured_at: datetime | None
    article: Article


def cache_of(pages: list[StoredPage], extracted: list[Article]) -> dict[str, CachedPage]:
    by_path = {page.path: page for page in pages}
    return {
        a.path: CachedPage(a.sha256, by_path[a.path].captured_at, a)
        for a in extracted
        if a.path in by_path
    }


def save_cache(version: Path, cache: dict[str, CachedPage]) -> None:
    """Written as a stream: at 100k pages the whole pickle would be 700 MB in memory."""
    temporary = version / f".{CACHE_NAME}.tmp"
    with lzma.open(temporary, "wb", preset=COMPRESSION_PRESET) as out:
        pickle.dump((CACHE_FORMAT, cache), out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, version / CACHE_NAME)


def load_cache(version: Path) -> dict[str, CachedPage]:
    """The cache of an index version; {} where it is missing, unreadable or of another format."""
    try:
        with lzma.open(version / CACHE_NAME, "rb") as stored:
            fmt, cache = pickle.load(stored)
    except (OSError, lzma.LZMAError, pickle.UnpicklingError, ValueError, EOFError, AttributeError):
        return {}
    return cache if fmt == CACHE_FORMAT else {}
