"""What the saving tool left behind: the capture time and the original URL."""

from __future__ import annotations

import re
from datetime import datetime

from bs4 import BeautifulSoup, Comment

from index.extract.dates import parse_iso

_SAVED_DATE = re.compile(
    r"(?:saved(?: date)?|captured|archived)\s*:?\s*(?:on\s+)?"
    r"(\d{4}-\d{2}-\d{2}[T ][\d:.]+\s*(?:Z|[+-]\d{2}:?\d{2})?)",
    re.I,
)
_SAVED_URL = re.compile(r"(?:saved from url=\(\d+\)|url:)\s*(https?://\S+)", re.I)


def capture_hints(soup: BeautifulSoup) -> tuple[datetime | None, str | None]:
    """The capture time and URL that save tools write into comments, where present."""
    when: datetime | None = None
    url: str | None = None
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment), limit=20):
        text = str(comment)
        if when is None and (match := _SAVED_DATE.search(text)):
            found = parse_iso(match.group(1))
            when = found.value if found else None
        if url is None and (match := _SAVED_URL.search(text)):
            url = match.group(1).rstrip("-> ")
    return when, url
