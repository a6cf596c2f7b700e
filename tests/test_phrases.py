"""Position decoding for phrases: the one-call path and the per-posting one agree."""

from __future__ import annotations

import numpy as np
from whoosh.formats import Positions

from search.phrases import _position_deltas, _sorted_unique

POSTINGS = [[5], [3, 70, 300], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 400], [0, 70_000]]


def _deltas(positions: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *positions], positions, strict=False)]


def test_joined_unpickling_gives_each_postings_deltas() -> None:
    fmt = Positions()
    values = tuple(fmt.encode(positions) for positions in POSTINGS)
    assert _position_deltas(values, fmt) == [_deltas(p) for p in POSTINGS]


def test_values_in_another_shape_are_decoded_one_by_one() -> None:
    fmt = Positions()
    values = tuple(fmt.encode(positions).rstrip(b".") for positions in POSTINGS)
    assert _position_deltas(values, fmt) == [_deltas(p) for p in POSTINGS]


def test_sorted_unique() -> None:
    values = np.array([5, 1, 5, 3, 1, 9], dtype=np.int64)
    assert _sorted_unique(values).tolist() == [1, 3, 5, 9]
    assert _sorted_unique(values[:1]).tolist() == [5]
