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
from typing import Any, TextIO

from whoosh import index as whoosh_index

from index.archive import (
    StoredPage,
    UnreadablePage,
    display_path,
    file_pages,
    read_page_bytes,
    walk_archive,
)
from index.article import Article
from index.cache import cache_of, save_cache
from index.codec import Codec
from index.extract import ExtractionError, extract_page
from index.furniture import without_furniture
from index.outlet_file import OutletFileError, OutletNames, default_names, outlet_files
from index.outlets import OutletChoice, apply_outlets, choose_outlets, write_choices
from index.progress import Progress, say
from index.quotes import attach_quotes
from index.reprints import assign_reprint_groups
from index.schema import article_document, build_schema
from index.store import REPORT_NAME, build_lock, discard, new_version_dir, swap_in
from index.workers import DEFAULT_BUDGET, Budget, Done, Overrun, Running, Supervisor
from index.writer import open_writer

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


def _capture_order(article: Article) -> tuple[bool, datetime, str]:
    """Known capture times before unknown ones, newest first; the path breaks ties."""
    known = article.captured_at is not None
    return (known, article.captured_at or datetime.min.replace(tzinfo=UTC), article.path)


def merge_captures(articles: Iterable[Article]) -> tuple[list[Article], int]:
    """One document per canonical URL: the newest capture wins and lists the others."""
    by_identity: dict[str, list[Article]] = defaultdict(list)
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
) -> RebuildSummary:
    """Build a fresh index of ``archive`` and swap it in at ``index``; each page is
    read within ``budget`` or skipped. Outlet names come from ``outlets`` (a file),
    else the archive's own outlets.toml, else from what the pages say."""
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
        try:
            with _stage(summary, "extract"):
                extracted = gather(
                    archive, pages, jobs, summary, stream, interactive, budget=budget
                )
            say(stream, "merging repeated captures and grouping reprints")
            with _stage(summary, "captures and reprints"):
                documents = documents_of(extracted, summary, archive, len(pages), names)
            with _stage(summary, "write"):
                writing = Progress(len(documents), "documents", stream, interactive, "writing")
                _write_new_index(version, documents, jobs, writing)
                say(stream, "index written")
            summary.indexed = len(documents)
            with _stage(summary, "cache"):
                save_cache(version, cache_of(pages, extracted))
        except BaseException:
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


def gather(
    archive: Path,
    pages: list[StoredPage],
    jobs: int,
    summary: RebuildSummary,
    stream: TextIO | None,
    interactive: bool | None,
    reused: dict[str, Article] | None = None,
    budget: Budget = DEFAULT_BUDGET,
) -> list[Article]:
    """Articles and list pages of ``pages``: reused ones as given, the rest extracted."""
    reused = reused or {}
    progress = Progress(len(pages), stream=stream, interactive=interactive, stage="reading")
    extracted = [reused[page.path] for page in pages if page.path in reused]
    progress.advance(len(extracted))
    todo = [page for page in pages if page.path not in reused]
    timings: list[tuple[float, str]] = []

    def note_slow(running: list[Running]) -> None:
        progress.tick(slow_note(running))

    for result, seconds in extract_all(archive, todo, jobs, budget, note_slow):
        progress.advance()
        timings.append((seconds, result.path))
        if isinstance(result, Skip):
            summary.skipped.append(result)
        else:
            extracted.append(result)
    progress.finish()
    summary.slowest = heapq.nlargest(SLOWEST_LISTED, timings)
    return extracted


def documents_of(
    extracted: list[Article],
    summary: RebuildSummary,
    archive: Path,
    page_count: int,
    names: OutletNames | None = None,
) -> list[Article]:
    """One document per article: list pages left out, one name per outlet, captures
    merged, lines repeated across an outlet's pages taken out, reprints grouped."""
    articles = [a for a in extracted if a.kind == "article"]
    summary.list_pages = len(extracted) - len(articles)
    if not articles:
        raise RebuildError(f"none of the {page_count} pages under {archive} holds an article")
    summary.outlets = choose_outlets(articles, names or OutletNames(), default_names())
    apply_outlets(articles, summary.outlets)
    documents, summary.captures_merged = merge_captures(articles)
    documents, removed = without_furniture(documents)
    summary.furniture_lines = sum(removed.values())
    summary.reprints = assign_reprint_groups(documents)
    return documents


def _write_new_index(
    version: Path, documents: list[Article], jobs: int, progress: Progress
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
    writer.commit()


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
