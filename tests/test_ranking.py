"""Ordering helpers against a plain Python sort of the same data."""

from __future__ import annotations

import numpy as np
import pytest

from search.docsets import UNDATED
from search.ranking import by_date, by_relevance


def _random_columns(seed: int, size: int = 500) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    published = rng.integers(1, 40, size).astype(np.int64)  # few values: many ties
    published[rng.random(size) < 0.1] = UNDATED
    scores = rng.integers(0, 8, size).astype(np.float64)
    candidates = rng.random(size) < 0.6
    return published, scores, candidates


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("newest_first", [True, False])
@pytest.mark.parametrize("limit", [None, 1, 7, 100, 10_000])
def test_by_date_equals_a_full_sort(seed: int, newest_first: bool, limit: int | None) -> None:
    published, _scores, candidates = _random_columns(seed)
    docs = [int(d) for d in np.flatnonzero(candidates)]

    def key(doc: int) -> tuple:
        time = int(published[doc])
        if time == UNDATED:
            return (1, 0, doc)
        return (0, -time if newest_first else time, doc)

    expected = sorted(docs, key=key)[:limit]
    assert [doc for doc, _ in by_date(published, candidates, newest_first, limit)] == expected


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("limit", [None, 1, 7, 100, 10_000])
def test_by_relevance_equals_a_full_sort(seed: int, limit: int | None) -> None:
    _published, scores, candidates = _random_columns(seed)
    docs = [int(d) for d in np.flatnonzero(candidates)]
    expected = sorted(docs, key=lambda doc: (-scores[doc], doc))[:limit]
    assert [doc for doc, _ in by_relevance(scores, candidates, limit)] == expected
