"""Which code extracted the pages of a store: its digest, so a store written by other
extraction code (an upgrade, other dictionaries) is never reused by ``update``."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

INDEX_PACKAGE = Path(__file__).resolve().parent
# What turns stored bytes into a stored Article: reading, extraction, quote attribution.
EXTRACTION_SOURCES = ("archive.py", "warc.py", "article.py", "quotes.py", "extract", "speech")
# Their results depend on these too (parsing, dictionaries the speech code reads).
EXTRACTION_DISTRIBUTIONS = (
    "beautifulsoup4",
    "lxml",
    "pymorphy3",
    "pymorphy3-dicts-uk",
    "pymorphy3-dicts-ru",
)


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
