"""Update: bring an index in line with its archive, touching only what changed.

Pages whose bytes and file time (for a WARC record, its date) are unchanged
reuse their row of the article store; new and changed pages are extracted. Captures and
reprints are then worked out over the whole archive (cheap), and only
documents whose digest differs are rewritten; documents whose files are gone
are deleted. The result is the index a full rebuild would make. Whoosh commits
atomically, so an update that fails or is killed leaves the previous
generation serving.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from whoosh import index as whoosh_index

from index.archive import StoredPage, UnreadablePage, read_page_bytes
from index.article import Article
from index.article_store import (
    STORE_NAME,
    StoreWriter,
    discard_store,
    read_store,
    replace_store,
    store_usable,
)
from index.build import (
    WRITER_OPTIONS,
    RebuildError,
    RebuildSummary,
    _check_archive,
    gather,
    list_pages,
    plan_documents,
    rebuild,
    user_outlet_names,
    write_report,
)
from index.outlets import write_choices
from index.schema import article_digest, article_document, schema_matches
from index.staging import ArticleKey
from index.store import build_lock
from index.workers import DEFAULT_BUDGET, Budget
from index.writer import open_writer


@dataclass(slots=True)
class UpdateSummary(RebuildSummary):
    reused: int = 0
    extracted: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    full_rebuild: bool = False

    def lines(self) -> list[str]:
        if self.full_rebuild:
            return [
                "no usable index to update (none yet, built by an older version, or its"
                " pages read by other extraction code): built one from scratch",
                *RebuildSummary.lines(self),
            ]
        return [
            f"pages unchanged: {self.reused}, read again: {self.extracted}",
            f"documents added {self.added}, changed {self.changed}, removed {self.removed}",
            *RebuildSummary.lines(self),  # slots dataclasses break zero-argument super()
        ]


def _reuse_unchanged(
    pages: list[StoredPage], previous: Path, store: StoreWriter
) -> list[ArticleKey]:
    """Copies into ``store`` the rows of ``previous`` whose page's bytes and change stamp
    are as they were; their keys."""
    by_path = {page.path: page for page in pages}
    keys: list[ArticleKey] = []
    for stored in read_store(previous):
        page = by_path.get(stored.article.path)
        if page is None or stored.stamp != page.change_stamp():
            continue
        try:
            data = read_page_bytes(page)
        except UnreadablePage:
            continue  # extraction will report it
        if hashlib.sha256(data).hexdigest() == stored.sha256:
            keys.append(ArticleKey.of(stored.article, store.add(stored.article, stored.stamp)))
    return keys


def update(
    archive: Path,
    index: Path,
    *,
    jobs: int = 1,
    stream: TextIO | None = None,
    interactive: bool | None = None,
    budget: Budget = DEFAULT_BUDGET,
    outlets: Path | None = None,
    cluster: str | None = None,
) -> UpdateSummary:
    started = time.monotonic()
    archive = archive.resolve()
    _check_archive(archive)
    names = user_outlet_names(archive, outlets)
    if not _updatable(index):
        result = rebuild(
            archive,
            index,
            jobs=jobs,
            stream=stream,
            interactive=interactive,
            budget=budget,
            outlets=outlets,
            cluster=cluster,
        )
        return UpdateSummary(
            **{f: getattr(result, f) for f in RebuildSummary.__slots__},
            full_rebuild=True,
            added=result.indexed,
        )
    summary = UpdateSummary(index=index)
    pages = list_pages(archive, summary.skipped)
    if not pages:
        raise RebuildError(f"no .html, .htm, .html.gz or WARC files under {archive}")
    with build_lock(index):
        version = index.resolve()
        # the new store takes the old one's place only once the index has committed
        store = StoreWriter(version / f".{STORE_NAME}.next")
        try:
            keys = _reuse_unchanged(pages, version / STORE_NAME, store)
            reused = {key.path for key in keys}
            todo = [page for page in pages if page.path not in reused]
            keys += gather(
                archive, todo, jobs, summary, stream, interactive, store, budget, len(keys), cluster
            )
            store.close()
            summary.reused, summary.extracted = len(reused), len(todo)
            plan = plan_documents(store.store, keys, summary, archive, len(pages), names)
            _apply(version, plan.articles(), summary)
            replace_store(store.store, version / STORE_NAME)
        except BaseException:
            discard_store(store.store)
            raise
        summary.indexed = len(plan.documents)
        summary.seconds = time.monotonic() - started
        write_report(version, summary, archive)
        write_choices(version, summary.outlets)
    return summary


def _updatable(index: Path) -> bool:
    """An index exists, with an extraction cache of today's code, and today's schema."""
    if not whoosh_index.exists_in(str(index)) or not store_usable(index.resolve() / STORE_NAME):
        return False
    return schema_matches(whoosh_index.open_dir(str(index)).schema)


def _apply(version: Path, documents: Iterable[Article], summary: UpdateSummary) -> None:
    """Rewrite documents whose digest changed, add new ones, delete the vanished."""
    ix = whoosh_index.open_dir(str(version))
    with ix.searcher() as searcher:
        current = {fields["id"]: fields.get("digest") for fields in searcher.all_stored_fields()}
    wanted: set[str] = set()
    writer = open_writer(ix, **WRITER_OPTIONS)
    try:
        for article in documents:
            wanted.add(article.id)
            if current.get(article.id) == article_digest(article):
                continue
            if article.id in current:
                summary.changed += 1
            else:
                summary.added += 1
            writer.update_document(**article_document(article))
        for doc_id in current.keys() - wanted:
            writer.delete_by_term("id", doc_id)
            summary.removed += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
