"""Rebuild: stored pages → Articles (in parallel) → one Whoosh index, swapped in atomically."""

from __future__ import annotations

import heapq
import json
import logging
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TextIO, TypeVar

from whoosh import index as whoosh_index

from index.archive import (
    StoredPage,
    UnreadablePage,
    display_path,
    file_pages,
    read_page_bytes,
    walk_archive,
)
from index.article import Article, Capture
from index.article_store import STORE_NAME, StoreWriter
from index.codec import Codec
from index.extract import ExtractionError, extract_page
from index.memory import give_back_memory
from index.outlet_file import OutletFileError, OutletNames, default_names, outlet_files
from index.outlets import OutletChoice, choose_outlets, write_choices
from index.progress import Progress, say
from index.quotes import attach_quotes
from index.schema import article_document, build_schema
from index.staging import ArticleKey, DocumentPlan, furniture_of, group_reprints
from index.store import REPORT_NAME, build_lock, discard, new_version_dir, swap_in
from index.workers import DEFAULT_BUDGET, Budget, Done, Overrun, Running, Supervisor
from index.writer import WriterProcessFailed, open_writer

LOGGER = logging.getLogger(__name__)
SLOWEST_LISTED = 5
SLOW_PAGE_SECONDS = 3.0  # a page running this long is named on the progress line
WRITER_MEMORY_MB = 256
# Segments stay as separate files: Whoosh reads a compound segment's postings into
# memory whole (a BytesIO copy per open searcher: 755 MB at 100k documents).
WRITER_OPTIONS: dict[str, Any] = {"limitmb": WRITER_MEMORY_MB, "compound": False, "codec": Codec()}


class RebuildError(Exception):
    """No index could be built; the message says why in one line."""


@dataclass(slots=True)
class Skip:
    path: str
    reason: str


@dataclass(slots=True)
class RebuildSummary:
    index: Path
    indexed: int = 0
    list_pages: int = 0
    captures_merged: int = 0
    reprints: int = 0
    skipped: list[Skip] = field(default_factory=list)
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # wall seconds per stage
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (seconds, path)
    outlets: dict[str, OutletChoice] = field(default_factory=dict)  # by domain
    furniture_lines: int = 0  # lines an outlet repeats on many pages, taken out of texts

    def skipped_by_reason(self) -> Counter[str]:
        return Counter(_reason_kind(skip.reason) for skip in self.skipped)

    def lines(self) -> list[str]:
        stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.stages.items())
        lines = [
            f"indexed {self.indexed} articles in {self.seconds:.1f} s"
            + (f" ({stages})" if stages else ""),
            f"list pages left out: {self.list_pages}",
            f"repeated captures merged: {self.captures_merged}",
            f"reprints (same text at another URL) grouped: {self.reprints}",
            f"lines repeated across an outlet's pages taken out of texts: {self.furniture_lines}",
            f"skipped: {len(self.skipped)}",
        ]
        lines += [
            f"  {count} × {reason}" for reason, count in self.skipped_by_reason().most_common()
        ]
        if self.slowest:
            lines.append("slowest pages:")
            lines += [f"  {seconds:.1f} s  {path}" for seconds, path in self.slowest]
        lines.append(f"report: {self.index / REPORT_NAME}")
        return lines


def _reason_kind(reason: str) -> str:
    return reason.split(":", 1)[0]


def extract_stored(root: Path, page: StoredPage) -> Article | Skip:
    """Read and extract one stored page; every failure becomes a Skip with its reason."""
    try:
        data = read_page_bytes(page)
        article = extract_page(data, path=page.path, url=page.url, captured_at=page.captured_at)
    except (UnreadablePage, ExtractionError) as err:
        return Skip(page.path, str(err))
    except RecursionError:
        return Skip(page.path, "nesting too deep to parse")
    except Exception as err:  # a bug in extraction must not stop a whole rebuild
        LOGGER.exception("extraction failed for %s", page.path)
        return Skip(page.path, f"extraction error: {type(err).__name__}: {err}")
    if article.kind == "article":
        attach_quotes(article)
    return article


def _extract_job(job: tuple[Path, StoredPage]) -> Article | Skip:
    return extract_stored(*job)


def _job_path(job: tuple[Path, StoredPage]) -> str:
    return job[1].path


def list_pages(root: Path, skipped: list[Skip]) -> list[StoredPage]:
    pages: list[StoredPage] = []
    for file in walk_archive(root):
        try:
            pages.extend(file_pages(root, file))
        except UnreadablePage as err:
            skipped.append(Skip(display_path(root, file), str(err)))
    return pages


def extract_all(
    root: Path,
    pages: list[StoredPage],
    jobs: int,
    budget: Budget = DEFAULT_BUDGET,
    on_tick: Callable[[list[Running]], None] | None = None,
) -> Iterator[tuple[Article | Skip, float]]:
    """Each page's Article or Skip and its seconds, in watched workers (see workers.py)."""
    supervisor: Supervisor[tuple[Path, StoredPage], Article | Skip] = Supervisor(
        _extract_job,
        jobs=jobs,
        budget=budget,
        label=_job_path,
        on_tick=on_tick,
        slow_after=SLOW_PAGE_SECONDS,
    )
    for done in supervisor.run((root, page) for page in pages):
        yield _outcome(done), done.seconds


def _outcome(done: Done[tuple[Path, StoredPage], Article | Skip]) -> Article | Skip:
    if isinstance(done.outcome, Overrun):
        return Skip(_job_path(done.item), done.outcome.reason)
    return done.outcome


def slow_note(running: list[Running]) -> str:
    """The progress line's word on pages that have been running long."""
    return ", ".join(f"still reading {r.label} ({r.seconds:.0f} s)" for r in running)


class Captured(Protocol):
    """A stored page as captures are merged: an Article, or its key (index/staging.py)."""

    id: str
    path: str
    captured_at: datetime | None
    captures: int
    earlier_captures: list[Capture]

    def capture(self) -> Capture: ...


CapturedPage = TypeVar("CapturedPage", bound=Captured)


def _capture_order(article: Captured) -> tuple[bool, datetime, str]:
    """Known capture times before unknown ones, newest first; the path breaks ties."""
    known = article.captured_at is not None
    return (known, article.captured_at or datetime.min.replace(tzinfo=UTC), article.path)


def merge_captures(articles: Iterable[CapturedPage]) -> tuple[list[CapturedPage], int]:
    """One document per canonical URL: the newest capture wins and lists the others."""
    by_identity: dict[str, list[CapturedPage]] = defaultdict(list)
    for article in articles:
        by_identity[article.id].append(article)
    documents = []
    for captures in by_identity.values():
        captures.sort(key=_capture_order, reverse=True)
        newest = captures[0]
        newest.captures = len(captures)
        newest.earlier_captures = [other.capture() for other in captures[1:]]
        documents.append(newest)
    merged = sum(len(captures) - 1 for captures in by_identity.values())
    return sorted(documents, key=lambda a: a.path), merged


def user_outlet_names(archive: Path, given: Path | None) -> OutletNames:
    try:
        return outlet_files(archive, given)
    except OutletFileError as error:
        raise RebuildError(str(error)) from error


def _check_archive(archive: Path) -> None:
    if not archive.exists():
        raise RebuildError(f"archive folder not found: {archive}")
    if not archive.is_dir():
        raise RebuildError(f"archive is not a folder: {archive}")


def rebuild(
    archive: Path,
    index: Path,
    *,
    jobs: int = 1,
    stream: TextIO | None = None,
    interactive: bool | None = None,
    budget: Budget = DEFAULT_BUDGET,
    outlets: Path | None = None,
    cluster: str | None = None,
    segments_on_cluster: bool = True,
) -> RebuildSummary:
    """Build a fresh index of ``archive`` and swap it in at ``index``; each page is
    read within ``budget`` or skipped, here in ``jobs`` processes or on the Dask cluster
    whose scheduler is at ``cluster``, whose workers then also write the segments
    (else ``jobs`` local processes do; bench/cluster.py compares the two). Outlet names
    come from ``outlets`` (a file), else the archive's own outlets.toml, else from what
    the pages say."""
    started = time.monotonic()
    archive = archive.resolve()
    _check_archive(archive)
    names = user_outlet_names(archive, outlets)
    summary = RebuildSummary(index=index)
    pages = list_pages(archive, summary.skipped)
    if not pages:
        raise RebuildError(f"no .html, .htm, .html.gz or WARC files under {archive}")
    with build_lock(index):
        version = new_version_dir(index)
        store = StoreWriter(version / STORE_NAME)
        try:
            with _stage(summary, "extract"):
                keys = gather(
                    archive, pages, jobs, summary, stream, interactive, store, budget, 0, cluster
                )
                store.close()
            page_count = len(pages)
            del pages  # a page's path and stat are in its key now
            say(stream, "merging repeated captures and grouping reprints")
            with _stage(summary, "captures and reprints"):
                plan = plan_documents(store.store, keys, summary, archive, page_count, names)
            with _stage(summary, "write"):
                count = len(plan.documents)
                writing = Progress(count, "documents", stream, interactive, "writing")
                if cluster is None or not segments_on_cluster:
                    _write_new_index(version, plan.articles(), jobs, writing)
                else:
                    from index.cluster import write_on_cluster

                    write_on_cluster(cluster, version, plan, writing.advance)
                    writing.finish()
                check_written(version, count)
                say(stream, "index written")
            summary.indexed = count
        except BaseException:
            store.discard()
            discard(version)
            raise
        summary.seconds = time.monotonic() - started
        write_report(version, summary, archive)
        write_choices(version, summary.outlets)
        swap_in(index, version)
    return summary


@contextmanager
def _stage(summary: RebuildSummary, name: str) -> Iterator[None]:
    started = time.monotonic()
    yield
    summary.stages[name] = time.monotonic() - started


@dataclass(slots=True)
class Extracted:
    """What extracting some pages into a store gave: a key per stored page (rows of its
    part of the store), the pages skipped, and each page's seconds."""

    keys: list[ArticleKey] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    timings: list[tuple[float, str]] = field(default_factory=list)


def extract_into(
    archive: Path,
    pages: list[StoredPage],
    jobs: int,
    store: StoreWriter,
    budget: Budget = DEFAULT_BUDGET,
    on_page: Callable[[list[Running] | None], None] | None = None,
) -> Extracted:
    """Extracts ``pages`` in watched workers and appends each to ``store`` as it comes;
    ``on_page`` hears of every page done (None) and of pages running long."""
    stamps = {page.path: page.change_stamp() for page in pages}
    done = Extracted()
    for result, seconds in extract_all(archive, pages, jobs, budget, on_page):
        done.timings.append((seconds, result.path))
        if isinstance(result, Skip):
            done.skipped.append(result)
        else:
            done.keys.append(ArticleKey.of(result, store.add(result, stamps.get(result.path))))
        if on_page is not None:
            on_page(None)
    return done


def gather(
    archive: Path,
    pages: list[StoredPage],
    jobs: int,
    summary: RebuildSummary,
    stream: TextIO | None,
    interactive: bool | None,
    store: StoreWriter,
    budget: Budget = DEFAULT_BUDGET,
    done_before: int = 0,
    cluster: str | None = None,
) -> list[ArticleKey]:
    """Extracts ``pages`` into the store, here or on the Dask cluster at ``cluster``; the
    key of each. ``done_before`` pages were taken from an earlier store (an update), so
    progress counts them."""
    progress = Progress(
        done_before + len(pages), stream=stream, interactive=interactive, stage="reading"
    )
    progress.advance(done_before)

    def on_page(running: list[Running] | None) -> None:
        if running is None:
            progress.advance()
        else:
            progress.tick(slow_note(running))

    if cluster is None:
        done = extract_into(archive, pages, jobs, store, budget, on_page)
    else:
        from index.cluster import extract_on_cluster  # needs the optional `distributed`

        done = extract_on_cluster(cluster, archive, pages, store, budget, progress.advance)
    progress.finish()
    summary.skipped.extend(done.skipped)
    summary.slowest = heapq.nlargest(SLOWEST_LISTED, done.timings)
    give_back_memory()  # what the pages' texts were held in, between here and the store
    return done.keys


def plan_documents(
    store: Path,
    keys: list[ArticleKey],
    summary: RebuildSummary,
    archive: Path,
    page_count: int,
    names: OutletNames | None = None,
) -> DocumentPlan:
    """One document per article: list pages left out, one name per outlet, captures
    merged, lines repeated across an outlet's pages taken out, reprints grouped."""
    articles = [key for key in keys if key.kind == "article"]
    summary.list_pages = len(keys) - len(articles)
    if not articles:
        raise RebuildError(f"none of the {page_count} pages under {archive} holds an article")
    summary.outlets = choose_outlets(articles, names or OutletNames(), default_names())
    documents, summary.captures_merged = merge_captures(articles)
    plan = DocumentPlan(store, documents, summary.outlets, furniture_of(documents))
    summary.reprints = group_reprints(plan)
    summary.furniture_lines = sum(plan.furniture_lines.values())
    give_back_memory()
    return plan


def _write_new_index(
    version: Path, documents: Iterable[Article], jobs: int, progress: Progress
) -> None:
    """Write all documents; with several jobs, writers analyse and write segments in
    parallel processes (extraction is over by then, so the cores are free). The writers
    take documents from a bounded queue, so handing them over keeps pace with the work."""
    ix = whoosh_index.create_in(str(version), build_schema())
    writer = open_writer(ix, jobs, **WRITER_OPTIONS)
    try:
        for article in documents:
            writer.add_document(**article_document(article))
            progress.advance()
    except BaseException:
        writer.cancel()
        raise
    progress.finish()
    try:
        writer.commit()
    except WriterProcessFailed as error:
        raise RebuildError(f"writing the index failed: {error}") from error


def check_written(version: Path, expected: int) -> None:
    """A new index is counted before it may be swapped in."""
    with whoosh_index.open_dir(str(version)).searcher() as searcher:
        written = searcher.doc_count()
    if written != expected:
        raise RebuildError(f"the new index holds {written} of {expected} documents; not swapped in")


def write_report(version: Path, summary: RebuildSummary, archive: Path) -> None:
    report = {
        "archive": str(archive),
        "built_at": datetime.now(UTC).isoformat(),
        "indexed": summary.indexed,
        "list_pages": summary.list_pages,
        "captures_merged": summary.captures_merged,
        "reprints": summary.reprints,
        "furniture_lines": summary.furniture_lines,
        "seconds": round(summary.seconds, 3),
        "stage_seconds": {name: round(value, 3) for name, value in summary.stages.items()},
        "skipped_by_reason": dict(summary.skipped_by_reason()),
        "slowest_pages": [
            {"path": path, "seconds": round(seconds, 3)} for seconds, path in summary.slowest
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in summary.skipped],
    }
    temporary = version / f".{REPORT_NAME}.tmp"
    temporary.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, version / REPORT_NAME)
