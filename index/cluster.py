"""The heavy part of a build on a Dask cluster: reading, extraction, quotes (#17).

``rebuild --cluster tcp://HOST:8786`` cuts the archive's pages into shards; each
shard is a task that a worker runs as a local build does (every page in a watched
process, on its budget) and that writes its own part of the article store. The
archive and the index folder must be at the same path on every worker (a shared
file system). The decisions over the whole archive (outlets, captures, furniture,
reprints) and the Whoosh segments are then made here; ``bench/cluster.py`` measured
the segments written by the workers against one writer streaming them.

A worker that dies has its task run again elsewhere (a part is written under a
temporary name, so a second run replaces the first); when the cluster cannot
finish, the build fails with the scheduler's reason and the previous index serves on.
Workers must not run as daemons, which may start no processes: start them with
``DASK_DISTRIBUTED__WORKER__DAEMON=False``.
"""

from __future__ import annotations

import multiprocessing
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from index.archive import StoredPage
from index.article_store import StoreWriter
from index.build import WRITER_OPTIONS, Extracted, RebuildError, extract_into
from index.schema import article_document, build_schema
from index.staging import ArticleKey, DocumentPlan
from index.workers import Budget
from index.writer import commit_segments, write_segment

SHARD_PAGES = 200
CONNECT_SECONDS = 10
DAEMON_MESSAGE = (
    "the Dask worker runs as a daemon, which may not start the watched processes pages are"
    " read in: start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False"
)


class ClusterError(RebuildError):
    """The cluster could not do its part; the message says why."""


def extract_shard(
    archive: Path, pages: list[StoredPage], store: Path, part: int, budget: Budget
) -> Extracted:
    """One task on a worker: the shard's pages into part ``part`` of the store."""
    if multiprocessing.current_process().daemon:
        raise ClusterError(DAEMON_MESSAGE)
    if not archive.is_dir():
        raise ClusterError(f"this worker does not see the archive at {archive}")
    writer = StoreWriter(store, part)
    try:
        done = extract_into(archive, pages, 1, writer, budget)
        writer.close()
    except BaseException:
        writer.discard()
        raise
    return done


def extract_on_cluster(
    address: str,
    archive: Path,
    pages: list[StoredPage],
    store: StoreWriter,
    budget: Budget,
    advance: Callable[[int], None],
) -> Extracted:
    """Every page extracted on the cluster into parts after ``store``'s own; the keys
    numbered as rows of the whole store."""
    from distributed import as_completed

    shards = [pages[start : start + SHARD_PAGES] for start in range(0, len(pages), SHARD_PAGES)]
    first_part = _part_number(store) + 1
    run = uuid.uuid4().hex[:8]
    with _client(address) as client:
        futures = {
            client.submit(
                extract_shard,
                archive,
                shard,
                store.store,
                first_part + number,
                budget,
                key=f"pidshyvka-extract-{run}-{number}",
                pure=False,
            ): number
            for number, shard in enumerate(shards)
        }
        results: dict[int, Extracted] = {}
        try:
            for future in as_completed(futures):
                number = futures[future]
                results[number] = _result(future, address)
                advance(len(shards[number]))
        except BaseException:
            client.cancel(list(futures))
            raise
    return _numbered(store.count, [results[number] for number in range(len(shards))])


def _part_number(store: StoreWriter) -> int:
    return int(store.path.name.removeprefix("part-").removesuffix(".parquet"))


def _client(address: str):
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from error


def _result(future, address: str, work: str = "extraction") -> Any:
    try:
        return future.result()
    except ClusterError:
        raise
    except Exception as error:  # KilledWorker, a lost scheduler, a bug on a worker
        kind = type(error).__name__
        message = f"{work} on the cluster at {address} failed: {kind}: {error}"
        raise ClusterError(message) from error


def _numbered(first_row: int, shards: list[Extracted]) -> Extracted:
    """The shards' results as one, their rows counted on from ``first_row`` part by part."""
    whole = Extracted()
    row = first_row
    for shard in shards:
        whole.keys += [replace(key, row=row + key.row) for key in shard.keys]
        whole.skipped += shard.skipped
        whole.timings += shard.timings
        row += len(shard.keys)
    return whole


def write_plan_segment(version: Path, plan: DocumentPlan) -> Any:
    """One task on a worker: its share of the documents as a segment of the new index."""
    ix = whoosh_index.open_dir(str(version))
    return write_segment(ix, (article_document(a) for a in plan.articles()), **WRITER_OPTIONS)


def write_on_cluster(
    address: str, version: Path, plan: DocumentPlan, advance: Callable[[int], None]
) -> None:
    """The new index at ``version``, one segment per worker, committed here at the end."""
    ix = whoosh_index.create_in(str(version), build_schema())
    run = uuid.uuid4().hex[:8]
    with _client(address) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        shares = _shares(plan.documents, workers)
        futures = [
            client.submit(
                write_plan_segment,
                version,
                plan.part(share),
                key=f"pidshyvka-write-{run}-{number}",
                pure=False,
            )
            for number, share in enumerate(shares)
        ]
        segments = []
        try:
            for future, share in zip(futures, shares, strict=True):
                segments.append(_result(future, address, "writing"))
                advance(len(share))
        except BaseException:
            client.cancel(futures)
            raise
    commit_segments(ix, segments)


def _shares(documents: list[ArticleKey], count: int) -> list[list[ArticleKey]]:
    """``documents`` cut into ``count`` runs of about equal length, in order."""
    size = -(-len(documents) // count)
    return [documents[start : start + size] for start in range(0, len(documents), size)]
