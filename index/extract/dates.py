"""Dates as pages write them.

ISO 8601, «13.11.2024 12:38», «13 листопада 2024», «сьогодні, 12:38».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

KYIV = ZoneInfo("Europe/Kyiv")

MONTHS = {
    # Ukrainian, genitive and nominative; Russian genitive and nominative; English
    "січня": 1,
    "лютого": 2,
    "березня": 3,
    "квітня": 4,
    "травня": 5,
    "червня": 6,
    "липня": 7,
    "серпня": 8,
    "вересня": 9,
    "жовтня": 10,
    "листопада": 11,
    "грудня": 12,
    "січень": 1,
    "лютий": 2,
    "березень": 3,
    "квітень": 4,
    "травень": 5,
    "червень": 6,
    "липень": 7,
    "серпень": 8,
    "вересень": 9,
    "жовтень": 10,
    "листопад": 11,
    "грудень": 12,
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
    "январь": 1,
    "февраль": 2,
    "март": 3,
    "апрель": 4,
    "май": 5,
    "июнь": 6,
    "июль": 7,
    "август": 8,
    "сентябрь": 9,
    "октябрь": 10,
    "ноябрь": 11,
    "декабрь": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
RELATIVE_DAYS = {
    "сьогодні": 0,
    "сегодня": 0,
    "today": 0,
    "вчора": -1,
    "вчера": -1,
    "yesterday": -1,
    "позавчора": -2,
    "позавчера": -2,
}

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})(?:\D{1,12}?(\d{1,2})[:.](\d{2}))?")
_TIME_FIRST = re.compile(
    r"\b(?P<hour>\d{1,2}):(?P<minute>\d{2}),?\s+(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})"
)
_NUMERIC = re.compile(
    r"\b(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./](?P<year>\d{4})"
    r"(?:\D{1,12}?(?P<hour>\d{1,2})[:.](?P<minute>\d{2}))?"
)
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORDY = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_WORDS})\.?,?\s+(?P<year>\d{{4}})"
    r"(?:\s*(?:р\.|року|г\.|года)?,?\s*(?:о|в|at)?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2}))?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    rf"\b(?P<word>{'|'.join(RELATIVE_DAYS)})\s*,?\s*(?:о|в|at)?\s*(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}})",
    re.IGNORECASE,
)
_UNIX = re.compile(r"^\d{9,10}$")


@dataclass(slots=True, frozen=True)
class FoundDate:
    value: datetime
    tz_assumed: bool
    has_time: bool


def _offset(text: str) -> timedelta:
    if text == "Z":
        return timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))


def _local(day: date, clock: time | None) -> FoundDate:
    value = datetime.combine(day, clock or time(0, 0), tzinfo=KYIV)
    return FoundDate(value, tz_assumed=True, has_time=clock is not None)


def _safe_time(hour: str | None, minute: str | None) -> time | None:
    if hour is None or minute is None:
        return None
    h, m = int(hour), int(minute)
    return time(h, m) if h < 24 and m < 60 else None


def parse_iso(text: str) -> FoundDate | None:
    """An ISO 8601 date or date-time; without an offset it is Kyiv local time."""
    text = text.strip()
    if _UNIX.match(text):
        return FoundDate(datetime.fromtimestamp(int(text), UTC), tz_assumed=False, has_time=True)
    match = _ISO.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        day_value = date(int(year), int(month), int(day))
        clock = _safe_time(hour, minute)
        if clock and second:
            clock = clock.replace(second=min(int(second), 59))
    except ValueError:
        return None
    if offset and clock is not None:
        tz = timezone(_offset(offset))
        return FoundDate(datetime.combine(day_value, clock, tzinfo=tz), False, True)
    return _local(day_value, clock)


_HUMAN_PATTERNS = (_TIME_FIRST, _NUMERIC, _WORDY, _RELATIVE)


def human_dates(text: str, captured_at: datetime | None = None) -> list[FoundDate]:
    """Every date in ``text`` as readers see it (Ukrainian, Russian, numeric), in text order."""
    matches = [m for pattern in _HUMAN_PATTERNS for m in pattern.finditer(text)]
    found = []
    taken_until = -1
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if match.start() < taken_until:
            continue
        value = _from_match(match, captured_at)
        if value:
            found.append(value)
            taken_until = match.end()
    return found


def parse_human(text: str, captured_at: datetime | None = None) -> FoundDate | None:
    """The first date in ``text``."""
    found = human_dates(text, captured_at)
    return found[0] if found else None


def best_of_shown_dates(found: list[FoundDate]) -> FoundDate | None:
    """The first date shown, with its time where the page shows that day's time nearby."""
    if not found:
        return None
    first = found[0]
    if first.has_time:
        return first
    same_day = [f for f in found[1:6] if f.has_time and f.value.date() == first.value.date()]
    return same_day[0] if same_day else first


def _month_number(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    return MONTHS.get(value.lower()) or MONTHS.get(value.lower()[:3])


def _from_match(match: re.Match[str], captured_at: datetime | None) -> FoundDate | None:
    parts = match.groupdict()
    clock = _safe_time(parts.get("hour"), parts.get("minute"))
    if "word" in parts:
        if captured_at is None:
            return None
        shift = timedelta(days=RELATIVE_DAYS[parts["word"].lower()])
        return _local(captured_at.astimezone(KYIV).date() + shift, clock)
    month = _month_number(parts["month"])
    if month is None:
        return None
    try:
        return _local(date(int(parts["year"]), month, int(parts["day"])), clock)
    except ValueError:
        return None
