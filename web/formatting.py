"""Words for numbers and dates. Every time is shown in Kyiv time, in both languages."""

from __future__ import annotations

from datetime import datetime

from index.extract.dates import KYIV

MONTHS_GENITIVE = (
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
)


def plural(count: int, one: str, few: str, many: str) -> str:
    """1 результат, 2 результати, 5 результатів, 21 результат, 12 результатів."""
    tens, units = count % 100, count % 10
    if units == 1 and tens != 11:
        return one
    if 2 <= units <= 4 and not 12 <= tens <= 14:
        return few
    return many


def ukrainian_date(value: datetime | None, with_time: bool = True) -> str:
    if value is None:
        return "дата невідома"
    local = value.astimezone(KYIV)
    text = f"{local.day} {MONTHS_GENITIVE[local.month - 1]} {local.year}"
    return f"{text}, {local:%H:%M}" if with_time else text


MONTHS_ENGLISH = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip


def english_date(value: datetime | None, with_time: bool = True) -> str:
    if value is None:
        return "date unknown"
    local = value.astimezone(KYIV)
    text = f"{local.day} {MONTHS_ENGLISH[local.month - 1]} {local.year}"
    return f"{text}, {local:%H:%M}" if with_time else text


def kyiv_timestamp(value: datetime, with_time: bool = True) -> str:
    """For citations: Kyiv time with its offset, «2024-05-12 09:40 +03:00»."""
    local = value.astimezone(KYIV)
    if not with_time:
        return f"{local:%Y-%m-%d}"
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


def is_whole_day(value: datetime) -> bool:
    """A time that stands for a day only (a date in a file name: midnight in Kyiv)."""
    local = value.astimezone(KYIV)
    return (local.hour, local.minute, local.second) == (0, 0, 0)
