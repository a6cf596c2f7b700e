"""Every page a build read, as Parquet on disk: the staged rebuild's store (#17).

Extraction appends each page's Article here as it comes (a row group per batch),
so a build holds only small keys in memory (``index/staging.py``), whatever
the archive's size. Later stages read the rows back in order. ``update`` reuses
the rows of pages whose bytes are unchanged, as long as the store was written
by today's extraction code.

The store is a folder of Parquet parts (``part-000000.parquet``, …): a local build
writes one; a cluster build, one per task. Rows are numbered across the parts in
name order. One row per page: ``path``, ``sha256`` of the stored bytes, ``stamp`` (the file's
time or the WARC record's date when read), ``kind``, ``id``, ``domain``, ``title``,
``language``, ``published`` (ISO 8601) and ``article``, the whole Article as JSON
(``Article.to_json``). Parquet compresses the columns with zstd; pandas and DuckDB
open the folder directly (``read_parquet('articles/*.parquet')``; DuckDB's JSON
functions read into ``article``).
"""

from __future__ import annotations

import json
import os
import shutil
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from index import extraction_code as code
from index.article import Article

STORE_NAME = "articles"  # a folder of parts in each index version
PART_PATTERN = "part-*.parquet"
STORE_FORMAT = "1"
ROWS_PER_GROUP = 256
GROUPS_KEPT = 8  # row groups held while reading out of order (folders, an update's new pages)
_METADATA = {b"pidshyvka.store": STORE_FORMAT.encode()}
SCHEMA = pa.schema(
    [
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("stamp", pa.string()),
        ("kind", pa.string()),
        ("id", pa.string()),
        ("domain", pa.string()),
        ("title", pa.string()),
        ("language", pa.string()),
        ("published", pa.string()),
        ("article", pa.string()),
    ]
)


class StoreError(Exception):
    """A store that cannot be read; the message names the file."""


@dataclass(slots=True, frozen=True)
class StoredArticle:
    row: int
    sha256: str
    stamp: datetime | None  # StoredPage.change_stamp() when the page was read
    article: Article


def part_path(store: Path, number: int) -> Path:
    return store / f"part-{number:06d}.parquet"


class StoreWriter:
    """Appends pages to one part of a store, under a temporary name until ``close``."""

    def __init__(self, store: Path, part: int = 0) -> None:
        store.mkdir(parents=True, exist_ok=True)
        self.store = store
        self.path = part_path(store, part)
        self._temporary = self.path.with_name(f".{self.path.name}.tmp")
        metadata = {**_METADATA, b"pidshyvka.code": code.extraction_code().encode()}
        self._writer = pq.ParquetWriter(
            self._temporary, SCHEMA.with_metadata(metadata), compression="zstd"
        )
        self._rows: list[dict[str, Any]] = []
        self._closed = False
        self.count = 0

    def add(self, article: Article, stamp: datetime | None) -> int:
        """Appends one page; its row number in this part."""
        self._rows.append(_row(article, stamp))
        self.count += 1
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()
        return self.count - 1

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=SCHEMA))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        self._closed = True
        os.replace(self._temporary, self.path)

    def discard(self) -> None:
        """Nothing of this part is kept, written out or not."""
        if not self._closed:
            self._writer.close()
            self._closed = True
        self._temporary.unlink(missing_ok=True)
        self.path.unlink(missing_ok=True)


def _row(article: Article, stamp: datetime | None) -> dict[str, Any]:
    return {
        "path": article.path,
        "sha256": article.sha256,
        "stamp": stamp.isoformat() if stamp else None,
        "kind": article.kind,
        "id": article.id,
        "domain": article.domain,
        "title": article.title,
        "language": article.language,
        "published": article.published.isoformat() if article.published else None,
        "article": json.dumps(article.to_json(), ensure_ascii=False),
    }


def _open(path: Path) -> pq.ParquetFile:
    try:
        return pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as error:
        raise StoreError(f"cannot read the article store {path}: {error}") from error


def store_parts(store: Path) -> list[Path]:
    return sorted(store.glob(PART_PATTERN))


def store_usable(store: Path) -> bool:
    """Whether the store exists and every part was written by this code's extraction."""
    parts = store_parts(store) if store.is_dir() else []
    return bool(parts) and all(_part_usable(part) for part in parts)


def _part_usable(part: Path) -> bool:
    try:
        metadata = _open(part).schema_arrow.metadata or {}
    except StoreError:
        return False
    return (
        metadata.get(b"pidshyvka.store") == STORE_FORMAT.encode()
        and metadata.get(b"pidshyvka.code") == code.extraction_code().encode()
    )


def read_store(store: Path) -> Iterator[StoredArticle]:
    """Every row in order, part by part, a row group at a time."""
    row = 0
    for part in store_parts(store):
        for batch in _open(part).iter_batches(batch_size=ROWS_PER_GROUP):
            for values in batch.to_pylist():
                yield _stored(row, values)
                row += 1


def _stored(row: int, values: dict[str, Any]) -> StoredArticle:
    stamp = values["stamp"]
    return StoredArticle(
        row=row,
        sha256=values["sha256"],
        stamp=datetime.fromisoformat(stamp) if stamp else None,
        article=Article.from_json(json.loads(values["article"])),
    )


class StoreRows:
    """Rows read by number, in any order: the row groups last used are kept decoded."""

    def __init__(self, store: Path) -> None:
        self._groups: list[tuple[pq.ParquetFile, int]] = []  # (part, its row group)
        self._starts: list[int] = []
        start = 0
        for part in store_parts(store):
            opened = _open(part)
            for group in range(opened.metadata.num_row_groups):
                self._groups.append((opened, group))
                self._starts.append(start)
                start += opened.metadata.row_group(group).num_rows
        self._group = lru_cache(maxsize=GROUPS_KEPT)(self._read_group)

    def _read_group(self, number: int) -> list[dict[str, Any]]:
        opened, group = self._groups[number]
        return opened.read_row_group(group).to_pylist()

    def __getitem__(self, row: int) -> StoredArticle:
        number = bisect_right(self._starts, row) - 1
        return _stored(row, self._group(number)[row - self._starts[number]])


def replace_store(new: Path, current: Path) -> None:
    """``new`` takes the place of ``current`` (an update's store, once its index commits)."""
    old = current.with_name(f".{current.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        os.replace(current, old)
    os.replace(new, current)
    shutil.rmtree(old, ignore_errors=True)


def discard_store(store: Path) -> None:
    shutil.rmtree(store, ignore_errors=True)
