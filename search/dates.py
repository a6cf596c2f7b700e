"""Date filters as people type them: 2024, 2024-11, 2024-11-13, and ranges A..B (Kyiv days)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta

from index.extract.dates import KYIV

_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _span(text: str) -> tuple[date, date] | None:
    """First and last day named by «2024», «2024-11» or «2024-11-13»."""
    match = _DAY.match(text.strip())
    if not match:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def _utc(day: date) -> datetime:
    """Midnight at the start of a Kyiv day, as the naive UTC the index stores."""
    return datetime.combine(day, time(0, 0), tzinfo=KYIV).astimezone(UTC).replace(tzinfo=None)


def date_range(text: str) -> tuple[datetime, datetime] | None:
    """First and last instant (naive UTC) of a typed date or range; None if unreadable."""
    first_text, separator, last_text = text.partition("..")
    first = _span(first_text) if first_text else None
    last = _span(last_text) if separator and last_text else first
    if separator and not first_text:
        first = (date(1900, 1, 1), date(1900, 1, 1))
    if separator and not last_text:
        last = (date(2999, 12, 31), date(2999, 12, 31))
    if first is None or last is None or last[1] < first[0]:
        return None
    return _utc(first[0]), _utc(last[1] + timedelta(days=1)) - timedelta(microseconds=1)
