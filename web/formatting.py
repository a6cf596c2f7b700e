"""Ukrainian words for numbers and dates."""

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
