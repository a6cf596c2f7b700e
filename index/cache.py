"""What each stored page gave at the last build, so an update re-reads only what changed.

Kept beside the index as an xz-compressed pickle: a header (the cache format
and the digest of the code that extracted the pages), then path → (sha256 of
the stored bytes, the file's time or WARC record's date, the Article
extracted from it). A cache written by other extraction code is never reused: an
upgrade must give the fields and quotes a full rebuild would. xz at its
fastest preset is a third smaller than zlib's on real pages and about as quick.
"""

from __future__ import annotations

import hashlib
import lzma
import os
import pickle
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import metadata
from pathlib import Path

from index.archive import StoredPage
from index.article import Article

CACHE_NAME = "extracted.cache"
CACHE_FORMAT = 4
COMPRESSION_PRESET = 1
INDEX_PACKAGE = Path(__file__).resolve().parent
# What turns stored bytes into a cached Article: reading, extraction, quote attribution.
EXTRACTION_SOURCES = ("archive.py", "warc.py", "article.py", "quotes.py", "extract", "speech")
# Their results depend on these too (parsing, dictionaries the speech code reads).
EXTRACTION_DISTRIBUTIONS = (
    "beautifulsoup4",
    "lxml",
    "pymorphy3",
    "pymorphy3-dicts-uk",
    "pymorphy3-dicts-ru",
)
_READ_ERRORS = (OSError, lzma.LZMAError, pickle.UnpicklingError, ValueError, EOFError)


@dataclass(slots=True, frozen=True)
class CachedPage:
    sha256: str
    stamp: datetime | None  # StoredPage.change_stamp() when it was read
    article: Article


def source_files(package: Path = INDEX_PACKAGE) -> list[Path]:
    """Every Python source the extraction runs, in a stable order."""
    files: list[Path] = []
    for name in EXTRACTION_SOURCES:
        entry = package / name
        files.extend(sorted(entry.rglob("*.py")) if entry.is_dir() else [entry])
    return files


def code_digest(files: list[Path], distributions: tuple[str, ...] = ()) -> str:
    """A digest of the files' names and bytes and of the installed versions named."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    for name in distributions:
        digest.update(f"{name}=={_version(name)}\0".encode())
    return digest.hexdigest()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


@cache
def extraction_code() -> str:
    """The digest of the extraction code running now (read once per process)."""
    return code_digest(source_files(), EXTRACTION_DISTRIBUTIONS)


def cache_of(pages: list[StoredPage], extracted: list[Article]) -> dict[str, CachedPage]:
    by_path = {page.path: page for page in pages}
    return {
        a.path: CachedPage(a.sha256, by_path[a.path].change_stamp(), a)
        for a in extracted
        if a.path in by_path
    }


def save_cache(version: Path, cache: dict[str, CachedPage]) -> None:
    """Written as a stream: at 100k pages the whole pickle would be 700 MB in memory."""
    temporary = version / f".{CACHE_NAME}.tmp"
    with lzma.open(temporary, "wb", preset=COMPRESSION_PRESET) as out:
        pickle.dump((CACHE_FORMAT, extraction_code()), out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(cache, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, version / CACHE_NAME)


def cache_usable(version: Path) -> bool:
    """Whether the version has a cache this code can reuse (reads only its header)."""
    try:
        with lzma.open(version / CACHE_NAME, "rb") as stored:
            return _header_matches(stored)
    except _READ_ERRORS:
        return False


def load_cache(version: Path) -> dict[str, CachedPage]:
    """The cache of an index version; {} where it is missing, unreadable, of another format
    or written by other extraction code."""
    try:
        with lzma.open(version / CACHE_NAME, "rb") as stored:
            return pickle.load(stored) if _header_matches(stored) else {}
    except (*_READ_ERRORS, AttributeError):
        return {}


def _header_matches(stored) -> bool:
    header = pickle.load(stored)
    return header == (CACHE_FORMAT, extraction_code())
