"""HTML response records of WARC files (wget --warc, Browsertrix, Heritrix)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from index.archive import StoredPage, UnreadablePage, display_path


def _is_html(record) -> bool:
    content_type = (
        (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    )
    return "html" in content_type.lower()


def _status_ok(record) -> bool:
    status = record.http_headers.get_statuscode() if record.http_headers else None
    return status is None or str(status).startswith("2")


def warc_pages(root: Path, file: Path) -> Iterator[StoredPage]:
    relative = display_path(root, file)
    try:
        with file.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or not _is_html(record) or not _status_ok(record):
                    continue
                date = record.rec_headers.get_header("WARC-Date")
                yield StoredPage(
                    path=f"{relative}#{records.get_record_offset()}",
                    file=file,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    captured_at=datetime.fromisoformat(date.replace("Z", "+00:00"))
                    if date
                    else None,
                    warc_offset=records.get_record_offset(),
                )
    except (ArchiveLoadFailed, OSError, ValueError) as err:
        raise UnreadablePage(f"unreadable WARC: {err}") from err


def read_warc_record(page: StoredPage) -> bytes:
    with page.file.open("rb") as stream:
        stream.seek(page.warc_offset or 0)
        for record in ArchiveIterator(stream):
            return record.content_stream().read()
    raise UnreadablePage("WARC record vanished")
