"""A date histogram of the current query, with each period's share of all stories.

The share (stories matching ÷ all stories in the archive that period) shows
attention independent of how much the archive holds for a period, as Media
Cloud's normalised attention does.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import numpy as np

from search.results import Bucket, Histogram

MAX_DAY_SPAN = 62
MAX_WEEK_SPAN = 400
MAX_MONTH_SPAN = 366 * 8


def choose_interval(first: date, last: date) -> str:
    span = (last - first).days
    if span <= MAX_DAY_SPAN:
        return "day"
    if span <= MAX_WEEK_SPAN:
        return "week"
    return "month" if span <= MAX_MONTH_SPAN else "year"


def _bucket_count(first: date, last: date, interval: str) -> int:
    days = (last - first).days + 1
    return {"day": days, "week": days // 7 + 1, "month": days // 28 + 1}.get(interval, 1)


def period_start(day: date, interval: str) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day


def _next(start: date, interval: str) -> date:
    if interval == "day":
        return start + timedelta(days=1)
    if interval == "week":
        return start + timedelta(days=7)
    if interval == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


class DayCounts:
    """Documents per day for the whole archive, with per-period totals cached by interval."""

    def __init__(self, days: list[date | None]) -> None:
        self.per_day = Counter(d for d in days if d is not None)
        self.distinct: list[date] = sorted(self.per_day)
        number = {day: n for n, day in enumerate(self.distinct)}
        undated = len(self.distinct)  # the last code stands for "no date"
        codes = [undated if d is None else number[d] for d in days]
        self.codes = np.array(codes, dtype=np.int32)
        self._archive: dict[str, Counter[date]] = {}

    def matching(self, docs: np.ndarray) -> tuple[Counter[date], int]:
        """Documents of the mask ``docs`` per day, and how many have no date."""
        found = np.bincount(self.codes[docs], minlength=len(self.distinct) + 1)
        per_day = Counter(
            {self.distinct[code]: int(found[code]) for code in np.flatnonzero(found[:-1])}
        )
        return per_day, int(found[-1])

    def archive(self, interval: str) -> Counter[date]:
        if interval not in self._archive:
            totals: Counter[date] = Counter()
            for day, count in self.per_day.items():
                totals[period_start(day, interval)] += count
            self._archive[interval] = totals
        return self._archive[interval]


MAX_BUCKETS = 400  # finer bars than this over a long span fall back to the span's own


def build_histogram(
    archive: DayCounts, docs: np.ndarray, interval: str = "auto"
) -> Histogram | None:
    """Buckets from the first to the last matching day, each with its share of all stories;
    ``docs`` is a mask over document numbers; ``interval`` as asked, or by the span."""
    per_day, undated = archive.matching(docs)
    if not per_day:
        return None
    first, last = min(per_day), max(per_day)
    if interval == "auto" or _bucket_count(first, last, interval) > MAX_BUCKETS:
        interval = choose_interval(first, last)
    counts: Counter[date] = Counter()
    for day, count in per_day.items():
        counts[period_start(day, interval)] += count
    totals = archive.archive(interval)
    buckets = []
    start = period_start(first, interval)
    while start <= last:
        count, total = counts.get(start, 0), totals.get(start, 0)
        buckets.append(
            Bucket(
                start=start.isoformat(),
                count=count,
                archive_count=total,
                share=round(count / total, 4) if total else 0.0,
            )
        )
        start = _next(start, interval)
    return Histogram(interval=interval, buckets=buckets, undated=undated)
