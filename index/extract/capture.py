"""When a page was captured, from what says so: the save tool's note or the file's name.

The archive itself may know (a WARC record's date); where it does not, save
tools leave a note in the page (a comment with the date, HTTrack's mirror
line, the Wayback Machine's footer) and people name files by date. A file's
modification time is not a capture time: copying or cloning an archive
resets it. Without any of these the capture time is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, Comment

from index.extract.dates import KYIV, MONTHS, parse_iso

FROM_ARCHIVE = "archive"  # the archive's own record (WARC-Date)
FROM_PAGE = "page"  # a save tool's note inside the page
FROM_FILE_NAME = "file name"

_SAVED_DATE = re.compile(
    r"(?:saved(?: date)?|captured|archived)\s*:?\s*(?:on\s+)?"
    r"(\d{4}-\d{2}-\d{2}[T ][\d:.]+\s*(?:Z|[+-]\d{2}:?\d{2})?)",
    re.I,
)
# HTTrack: "Mirrored from example.com/a by HTTrack Website Copier/3.x [XR&CO'2014], Tue, 04 Mar
# 2025 10:01:02 GMT"; SingleFile: "saved date: Tue Mar 04 2025 10:01:02 GMT+0200 (...)".
_MIRRORED = re.compile(r"Mirrored from .*?\],\s*(\w{3}, \d{1,2} \w{3} \d{4} [\d:]{8} \w+)", re.I)
_SINGLEFILE = re.compile(
    r"saved date:\s*\w{3} (\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})", re.I
)
# The Wayback Machine's footer: "FILE ARCHIVED ON 10:01:02 Mar 04, 2025 AND RETRIEVED ..." (GMT)
_WAYBACK = re.compile(r"FILE ARCHIVED ON (\d{2}):(\d{2}):(\d{2}) (\w{3}) (\d{1,2}), (\d{4})")
_SAVED_URL = re.compile(r"(?:saved from url=\(\d+\)|url:)\s*(https?://\S+)", re.I)
# A date in a file name, not inside a longer run of digits: 2024-05-12, 2024_05_12, 20240512,
# optionally with a time: 2024-05-12T09-40, 2024-05-12_094000, 20240512094000.
_NAME_DATE = re.compile(
    r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})"
    r"(?:[T_ -]?(\d{2})[-:.]?(\d{2})(?:[-:.]?(\d{2}))?)?(?!\d)"
)
FIRST_YEAR = 1991  # the web of Ukrainian news begins in the 1990s


@dataclass(slots=True, frozen=True)
class CaptureTime:
    at: datetime
    source: str  # FROM_ARCHIVE, FROM_PAGE or FROM_FILE_NAME


def capture_hints(soup: BeautifulSoup) -> tuple[datetime | None, str | None]:
    """The capture time and URL that save tools write into comments, where present."""
    when: datetime | None = None
    url: str | None = None
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment), limit=20):
        text = str(comment)
        if when is None:
            when = _noted_time(text)
        if url is None and (match := _SAVED_URL.search(text)):
            url = match.group(1).rstrip("-> ")
    return when, url


def _noted_time(text: str) -> datetime | None:
    if match := _SAVED_DATE.search(text):
        found = parse_iso(match.group(1))
        return found.value if found and found.has_time else None
    if match := _MIRRORED.search(text):
        try:
            return parsedate_to_datetime(match.group(1)).astimezone(UTC)
        except (TypeError, ValueError):
            return None
    if match := _SINGLEFILE.search(text):
        month, day, year, hour, minute, second, offset = match.groups()
        stamp = f"{year}-{_month(month):02d}-{int(day):02d}T{hour}:{minute}:{second}{offset}"
        return _parsed(stamp)
    if match := _WAYBACK.search(text):
        hour, minute, second, month, day, year = match.groups()
        stamp = f"{year}-{_month(month):02d}-{int(day):02d}T{hour}:{minute}:{second}+00:00"
        return _parsed(stamp)
    return None


def _month(name: str) -> int:
    return MONTHS.get(name.lower()[:3], 0)


def _parsed(stamp: str) -> datetime | None:
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None


def time_in_file_name(path: str, today: date | None = None) -> datetime | None:
    """A capture date (and time) written into the file's name, read as Kyiv time.

    The last plausible date in the name wins (``news-2014__2024-05-12.html``);
    a date alone stands for the start of that day.
    """
    name = PurePosixPath(path.partition("#")[0]).name
    latest = (today or datetime.now(UTC).date()).year + 1
    found = None
    for match in _NAME_DATE.finditer(name):
        year, _sep, month, day, hour, minute, second = match.groups()
        try:
            day_value = date(int(year), int(month), int(day))
            clock = time(int(hour or 0), int(minute or 0), int(second or 0))
        except ValueError:
            continue
        if FIRST_YEAR <= day_value.year <= latest:
            found = datetime.combine(day_value, clock, tzinfo=KYIV)
    return found


def capture_time(
    archive_time: datetime | None, soup: BeautifulSoup, path: str
) -> tuple[CaptureTime | None, str | None]:
    """The best known capture time, and a URL the save tool noted, for one page."""
    noted_time, noted_url = capture_hints(soup)
    if archive_time is not None:
        return CaptureTime(archive_time, FROM_ARCHIVE), noted_url
    if noted_time is not None:
        return CaptureTime(noted_time, FROM_PAGE), noted_url
    named = time_in_file_name(path)
    return (CaptureTime(named, FROM_FILE_NAME) if named else None), noted_url
