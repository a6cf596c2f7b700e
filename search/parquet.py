"""The archive as Parquet tables that pandas, DuckDB, Polars and R open directly.

Three files in one folder, written from the serving index:

* ``articles.parquet``: one row per indexed article (a text and its captures are one row);
* ``quotes.parquet``: one row per quote, with its speaker and the article's outlet, date
  and language repeated, so that a question about speakers needs no join;
* ``reprints.parquet``: one row per article that shares its text with another, with the
  group's id (the earliest article's) and whether it is that earliest one.

The stored articles are read once, and rows are written in row groups of ROW_GROUP, so
memory does not grow with the archive. Each file is written beside its final name and
renamed when all three are complete: an interrupted export leaves the previous files as
they were. The columns are documented in the README («Export for research»).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from whoosh.searching import Searcher

from index.article import Article
from index.schema import article_from_stored
from search.columns import column_values

FORMAT_VERSION = "1"
ROW_GROUP = 5_000
TIME = pa.timestamp("us", tz="UTC")
TEXTS = pa.list_(pa.string())

ARTICLES = pa.schema(
    [
        ("id", pa.string()),
        ("published", TIME),
        ("published_tz_assumed", pa.bool_()),
        ("title", pa.string()),
        ("lead", pa.string()),
        ("body", pa.string()),
        ("source", pa.string()),
        ("domain", pa.string()),
        ("language", pa.string()),
        ("rubrics", TEXTS),
        ("authors", TEXTS),
        ("speakers", TEXTS),
        ("tags", TEXTS),
        ("quote_count", pa.int32()),
        ("reprint_group", pa.string()),
        ("url", pa.string()),
        ("canonical_url", pa.string()),
        ("path", pa.string()),
        ("sha256", pa.string()),
        ("captures", pa.int32()),
        ("captured_at", TIME),
    ]
)
QUOTES = pa.schema(
    [
        ("article_id", pa.string()),
        ("position", pa.int32()),
        ("text", pa.string()),
        ("speaker", pa.string()),
        ("confidence", pa.float32()),
        ("direct", pa.bool_()),
        ("source", pa.string()),
        ("domain", pa.string()),
        ("language", pa.string()),
        ("published", TIME),
    ]
)
REPRINTS = pa.schema(
    [
        ("reprint_group", pa.string()),
        ("article_id", pa.string()),
        ("is_first", pa.bool_()),
        ("source", pa.string()),
        ("published", TIME),
        ("group_size", pa.int32()),
    ]
)
Row = dict[str, object]


def export_parquet(searcher: Searcher, folder: Path) -> dict[str, int]:
    """Write the three tables of the index ``searcher`` reads into ``folder``, in one pass
    over the stored articles; returns the rows written per table."""
    folder.mkdir(parents=True, exist_ok=True)
    reader = searcher.reader()
    sizes = Counter(group for group in column_values(reader, "reprint_group") if group)
    tables = {
        "articles": _Table(folder / "articles.parquet", ARTICLES),
        "quotes": _Table(folder / "quotes.parquet", QUOTES),
        "reprints": _Table(folder / "reprints.parquet", REPRINTS),
    }
    try:
        for stored in reader.all_stored_fields():  # live documents, in index order
            article = article_from_stored(stored)
            tables["articles"].add(_article_row(article))
            for row in _quote_rows(article):
                tables["quotes"].add(row)
            group = article.reprint_group or article.id
            if sizes[group] > 1:
                tables["reprints"].add(_reprint_row(article, group, sizes[group]))
        for table in tables.values():
            table.close()
        for table in tables.values():
            table.publish()
    finally:
        for table in tables.values():
            table.discard()
    return {name: table.count for name, table in tables.items()}


class _Table:
    """One Parquet file written a row group at a time beside its final name."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        self.partial = path.with_name(path.name + ".partial")
        metadata = {b"pidshyvka.format": FORMAT_VERSION.encode()}
        self.writer = pq.ParquetWriter(self.partial, schema.with_metadata(metadata))
        self.batch: list[Row] = []
        self.count = 0
        self.done = False

    def add(self, row: Row) -> None:
        self.batch.append(row)
        if len(self.batch) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        self.writer.write_table(pa.Table.from_pylist(self.batch, schema=self.schema))
        self.count += len(self.batch)
        self.batch = []

    def close(self) -> None:
        if self.batch or not self.count:
            self._flush()  # an empty table still gets its columns
        self.writer.close()

    def publish(self) -> None:
        os.replace(self.partial, self.path)
        self.done = True

    def discard(self) -> None:
        """After a failure: the partial file goes, an earlier export stays."""
        if not self.done:
            self.writer.close()
            self.partial.unlink(missing_ok=True)


def _article_row(a: Article) -> Row:
    return {
        "id": a.id,
        "published": _utc(a.published),
        "published_tz_assumed": a.published_tz_assumed,
        "title": a.title,
        "lead": a.lead or None,
        "body": a.body,
        "source": a.source,
        "domain": a.domain,
        "language": a.language,
        "rubrics": a.rubrics,
        "authors": a.authors,
        "speakers": a.speakers,
        "tags": a.tags,
        "quote_count": len(a.quotes),
        "reprint_group": a.reprint_group or a.id,
        "url": a.url or None,
        "canonical_url": a.canonical_url or None,
        "path": a.path,
        "sha256": a.sha256 or None,
        "captures": a.captures,
        "captured_at": _utc(a.captured_at),
    }


def _quote_rows(a: Article) -> Iterator[Row]:
    for position, quote in enumerate(a.quotes):
        yield {
            "article_id": a.id,
            "position": position,
            "text": quote.text,
            "speaker": quote.speaker,
            "confidence": quote.confidence,
            "direct": quote.direct,
            "source": a.source,
            "domain": a.domain,
            "language": a.language,
            "published": _utc(a.published),
        }


def _reprint_row(a: Article, group: str, size: int) -> Row:
    return {
        "reprint_group": group,
        "article_id": a.id,
        "is_first": a.id == group,
        "source": a.source,
        "published": _utc(a.published),
        "group_size": size,
    }


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None
