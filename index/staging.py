"""From the article store to the documents to index, holding keys, not texts (#17).

Extraction leaves every page in the store (``index/article_store.py``) and a small
``ArticleKey`` here: what outlet names, captures, furniture and reprints are
decided from. A build's memory then grows by a key per page (a few hundred
bytes) instead of by an Article (about 20 KB). The texts are read back from the
store twice, in order: once to find reprints (the shingles go to a scratch file,
the sketches stay in memory), once to hand each document to the writer.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np

from index.article import Article, Capture
from index.article_store import StoreRows, read_store
from index.furniture import edge_lines, headline_of, repeated_edges, strip_repeated
from index.outlets import OutletChoice
from index.reprints import first_key, reprint_roots, shingles, sketch_of

SHINGLES_NAME = ".shingles.scratch"  # beside the store while a build runs
SHINGLE_BYTES = 8


def edge_digest(line: str) -> bytes:
    """A stable stand-in for a line: keys hold 8 bytes instead of the line."""
    return hashlib.blake2b(line.encode("utf-8"), digest_size=8).digest()


@dataclass(slots=True)
class ArticleKey:
    """What the build decides from about one stored page, without its text."""

    row: int  # in the store
    path: str
    id: str
    kind: str
    sha256: str
    captured_at: datetime | None
    captured_from: str
    domain: str
    site_name: str
    published: datetime | None
    headline: bytes  # a digest of the headline: furniture counts distinct ones
    edges: tuple[bytes, ...]  # digests of the lines at either end of the body
    captures: int = 1
    earlier_captures: list[Capture] = field(default_factory=list)

    @classmethod
    def of(cls, article: Article, row: int) -> ArticleKey:
        return cls(
            row=row,
            path=article.path,
            id=article.id,
            kind=article.kind,
            sha256=article.sha256,
            captured_at=article.captured_at,
            captured_from=sys.intern(article.captured_from),  # thousands of keys share these
            domain=sys.intern(article.domain),
            site_name=sys.intern(article.site_name),
            published=article.published,
            headline=edge_digest(headline_of(article.title)),
            edges=tuple(edge_digest(line) for line in edge_lines(article.body)),
        )

    def capture(self) -> Capture:
        return Capture.of(self)


@dataclass(slots=True)
class DocumentPlan:
    """Which stored rows become documents, and what the build decided for each."""

    store: Path
    documents: list[ArticleKey]  # one per document, in path order
    outlets: dict[str, OutletChoice]
    furniture: dict[str, frozenset]  # per domain, digests of its repeated edge lines
    reprint_groups: dict[int, str] = field(default_factory=dict)  # row → group id
    furniture_lines: Counter[str] = field(default_factory=Counter)

    def part(self, documents: list[ArticleKey]) -> DocumentPlan:
        """The plan for some of its documents only (a task's share of the writing)."""
        rows = {key.row for key in documents}
        groups = {row: group for row, group in self.reprint_groups.items() if row in rows}
        return DocumentPlan(self.store, documents, self.outlets, self.furniture, groups)

    def articles(self) -> Iterator[Article]:
        """Each document as it is indexed, read from the store in path order."""
        rows = StoreRows(self.store)
        for key in self.documents:
            yield self.finished(rows[key.row].article, key, count=False)

    def finished(self, article: Article, key: ArticleKey, count: bool) -> Article:
        """The stored article with the build's decisions applied."""
        choice = self.outlets.get(article.domain)
        if choice is not None and choice.name:
            article.source = choice.name
        article.captures = key.captures
        article.earlier_captures = key.earlier_captures
        repeated = self.furniture.get(article.domain)
        if repeated:
            article.body, gone = strip_repeated(article.body, repeated, edge_digest)
            if count:
                self.furniture_lines.update(gone)
        if self.reprint_groups:
            article.reprint_group = self.reprint_groups.get(key.row, article.id)
        return article


def furniture_of(documents: list[ArticleKey]) -> dict[str, frozenset]:
    """Per domain, the digests of the lines repeated at the edges of its documents."""
    return repeated_edges((key.domain, key.headline, key.edges) for key in documents)


def group_reprints(plan: DocumentPlan) -> int:
    """Reprint groups of the plan's documents (texts as indexed: furniture out); how many
    documents are reprints. Shingles go to a scratch file, read back for candidates."""
    by_row = {key.row: n for n, key in enumerate(plan.documents)}
    scratch = plan.store.with_name(SHINGLES_NAME)
    starts = np.zeros(len(plan.documents), dtype=np.int64)  # in shingles, in the file
    lengths = np.zeros(len(plan.documents), dtype=np.int64)
    written_count = 0
    sketches: dict[int, np.ndarray] = {}
    try:
        with scratch.open("wb") as out:
            for stored in read_store(plan.store):
                n = by_row.get(stored.row)
                if n is None:
                    continue
                key = plan.documents[n]
                text = plan.finished(stored.article, key, count=True).body
                found = shingles(text)
                out.write(found.tobytes())
                starts[n], lengths[n] = written_count, len(found)
                written_count += len(found)
                if (sketch := sketch_of(found)) is not None:
                    sketches[n] = sketch
        with scratch.open("rb") as written:  # read, not mapped: mapped pages count as ours

            def shingles_of(n: int) -> np.ndarray:
                written.seek(int(starts[n]) * SHINGLE_BYTES)
                data = written.read(int(lengths[n]) * SHINGLE_BYTES)
                return np.frombuffer(data, dtype=np.uint64)

            roots = reprint_roots(
                len(plan.documents),
                sketches,
                shingles_of,
                lambda n: first_key(plan.documents[n]),
            )
    finally:
        scratch.unlink(missing_ok=True)
    plan.reprint_groups = {
        key.row: plan.documents[root].id for key, root in zip(plan.documents, roots, strict=True)
    }
    return sum(1 for n, root in enumerate(roots) if root != n)
