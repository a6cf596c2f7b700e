"""Walk an archive folder: loose HTML files (plain or gzipped) and WARC files."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
# Real news pages are far smaller; bigger ones cost seconds and hundreds of MB to parse.
MAX_PAGE_BYTES = 5 * 1024 * 1024


class UnreadablePage(Exception):
    """A stored file that cannot be read; the message is the reason for the report."""


@dataclass(slots=True, frozen=True)
class StoredPage:
    """One page of the archive: a loose file, or one record of a WARC file."""

    path: str  # relative to the archive root; WARC records get '#<offset>'
    file: Path
    url: str | None = None
    captured_at: datetime | None = None  # what the archive records of the capture (WARC-Date)
    warc_offset: int | None = None
    modified: datetime | None = None  # the file's time: tells a change, not a capture

    def change_stamp(self) -> datetime | None:
        """What differs when the page may have changed: a record's date, a file's time."""
        return self.captured_at if self.warc_offset is not None else self.modified


def is_html_file(name: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES)


def is_warc_file(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def walk_archive(root: Path) -> Iterator[Path]:
    """Every candidate file under root, in a stable order; symlinked folders are not followed."""
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if is_html_file(name) or is_warc_file(name):
                yield Path(folder) / name


def display_path(root: Path, file: Path) -> str:
    """The path relative to the archive as valid text, whatever bytes the file name holds."""
    relative = file.relative_to(root).as_posix()
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def file_pages(root: Path, file: Path) -> Iterator[StoredPage]:
    relative = display_path(root, file)
    if is_warc_file(file.name):
        from index.warc import warc_pages

        yield from warc_pages(root, file)
        return
    yield StoredPage(path=relative, file=file, modified=_mtime(file))


def _mtime(file: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(file.stat().st_mtime, UTC)
    except OSError:
        return None


def read_page_bytes(page: StoredPage) -> bytes:
    """The stored bytes of a loose page, gunzipped where needed; never modifies the file."""
    if page.warc_offset is not None:
        from index.warc import read_warc_record

        return read_warc_record(page)
    try:
        if not page.file.is_file():
            raise UnreadablePage("not a regular file")
        size = page.file.stat().st_size
        if size > MAX_PAGE_BYTES and not page.file.name.lower().endswith(".gz"):
            raise UnreadablePage(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
        if page.file.name.lower().endswith(".gz"):
            return _gunzip(page.file)
        return page.file.read_bytes()
    except PermissionError as err:
        raise UnreadablePage("permission denied") from err
    except OSError as err:
        raise UnreadablePage(f"cannot read: {err.strerror or err}") from err


def _gunzip(file: Path) -> bytes:
    try:
        with gzip.open(file, "rb") as stream:
            data = stream.read(MAX_PAGE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise UnreadablePage(f"not valid gzip: {err}") from err
    if len(data) > MAX_PAGE_BYTES:
        raise UnreadablePage(f"larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB uncompressed")
    return data


def read_stored(root: Path, relative: str) -> bytes:
    """The bytes of a stored page named by its archive path (``file#offset`` for WARC records)."""
    name, _, offset = relative.partition("#")
    file = (root / name).resolve()
    if root.resolve() not in file.parents:
        raise UnreadablePage("outside the archive")
    page = StoredPage(
        path=relative, file=file, warc_offset=int(offset) if offset.isdigit() else None
    )
    return read_page_bytes(page)
