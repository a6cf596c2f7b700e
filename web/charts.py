"""Geometry of the timeline bars, computed before the template draws them as SVG."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from search.results import Histogram
from web.labels import period_label

WIDTH = 640
HEIGHT = 90
GAP = 1


@dataclass(slots=True, frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    share: float
    period: str  # the value of the `dates` URL parameter that narrows to this bar


def bars(histogram: Histogram | None, measure: str = "count") -> list[Bar]:
    """Bars as high as each period's count, or (``measure`` "share") as its share of all
    the archive's stories of the period."""
    if histogram is None or not histogram.buckets:
        return []

    def value(bucket) -> float:
        return bucket.share if measure == "share" else bucket.count

    highest = max(value(bucket) for bucket in histogram.buckets) or 1
    step = WIDTH / len(histogram.buckets)
    result = []
    for i, bucket in enumerate(histogram.buckets):
        height = HEIGHT * value(bucket) / highest
        result.append(
            Bar(
                x=round(i * step, 2),
                y=round(HEIGHT - height, 2),
                width=round(max(step - GAP, 1), 2),
                height=round(height, 2),
                label=period_label(bucket.start, histogram.interval),
                count=bucket.count,
                share=bucket.share,
                period=_period(bucket.start, histogram.interval),
            )
        )
    return result


def _period(start: str, interval: str) -> str:
    if interval == "year":
        return start[:4]
    if interval == "month":
        return start[:7]
    if interval == "week":
        first = date.fromisoformat(start)
        return f"{first.isoformat()}..{(first + timedelta(days=6)).isoformat()}"
    return start
