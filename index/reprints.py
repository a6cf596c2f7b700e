"""Reprints: the same text published under other URLs, found by shingle overlap.

Each body becomes a set of hashed word 5-grams; texts that share one of their
SKETCH smallest hashes (a bottom-k sketch) are compared, and pairs whose
shingle sets overlap by at least REPRINT_JACCARD join one group. A group is named by its earliest
member, so a search can fold a reprint group into one hit.

Shingle hashes are built with numpy from per-word CRC32s (deterministic, so a
rebuild groups as the last one did) and kept as sorted arrays: 8 bytes a
shingle, where a set of Python ints took 70 (4 GB at 100k articles). Pairs
already in one group, or whose sizes alone rule the threshold out, are not
compared.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from index.analysis.normalize import fold
from index.article import Article

SHINGLE_WORDS = 5
MIN_SHINGLES = 8  # shorter texts are too short to call reprints
REPRINT_JACCARD = 0.6
SKETCH = 8
MAX_BUCKET = 64  # a hash shared by more texts is boilerplate, not a reprint signal
_WORD = re.compile(r"\w+")


_MIX = np.uint64(0x100000001B3)  # an odd multiplier: each word's place changes the hash


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(fold(word).encode("utf-8"))


def shingles(text: str) -> np.ndarray:
    """Hashes of every run of SHINGLE_WORDS consecutive words: sorted, each once."""
    hashes = np.fromiter(map(_word_hash, _WORD.findall(text)), dtype=np.uint64)
    count = len(hashes) - SHINGLE_WORDS + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(SHINGLE_WORDS):  # unsigned arithmetic wraps, as a hash should
        combined = combined * _MIX + hashes[offset : offset + count]
    return np.unique(combined)


def _shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of distinct values have in common."""
    if len(a) > len(b):
        a, b = b, a
    at = np.searchsorted(b, a)
    found = at < len(b)
    return int(np.count_nonzero(b[at[found]] == a[found]))


def _similar(a: np.ndarray, b: np.ndarray) -> bool:
    """Jaccard(a, b) ≥ REPRINT_JACCARD, without building the union:
    |a ∩ b| ≥ J · (|a| + |b| − |a ∩ b|)  ⇔  |a ∩ b| ≥ J / (1 + J) · (|a| + |b|)."""
    small, large = sorted((len(a), len(b)))
    if not small or small < REPRINT_JACCARD * large:  # even a ⊂ b would fall short
        return False
    return _shared_count(a, b) >= REPRINT_JACCARD / (1 + REPRINT_JACCARD) * (small + large)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _candidate_pairs(sketches: dict[int, np.ndarray]) -> Iterator[tuple[int, int]]:
    """Pairs of texts that share a sketch value held by at most MAX_BUCKET texts, each
    once, in order (first, second), first < second.

    The (value, text) pairs are sorted as two arrays, 16 bytes each, and the candidate
    pairs kept as one int64 code each: a dict of lists over every value and a set of
    tuples took ~120 bytes a value and ~150 a pair (400 MB at 100k synthesised texts)."""
    if not sketches:
        return
    owners = np.concatenate(
        [np.full(len(sketch), index, dtype=np.int64) for index, sketch in sketches.items()]
    )
    values = np.concatenate(list(sketches.values()))
    order = np.lexsort((owners, values))
    values, owners = values[order], owners[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    sizes = np.diff(np.r_[starts, len(values)])
    width = int(owners.max()) + 1
    codes = []
    for start, size in zip(starts.tolist(), sizes.tolist(), strict=True):
        if 2 <= size <= MAX_BUCKET:
            members = owners[start : start + size]  # ascending: sorted by owner within a value
            first, second = np.triu_indices(size, 1)
            codes.append(members[first] * width + members[second])
    if not codes:
        return
    for code in np.unique(np.concatenate(codes)).tolist():
        yield divmod(code, width)


def sketch_of(shingle_set: np.ndarray) -> np.ndarray | None:
    """The SKETCH smallest shingles, which find candidates; None for a text too short."""
    return shingle_set[:SKETCH].copy() if len(shingle_set) >= MIN_SHINGLES else None


def reprint_roots(
    count: int,
    sketches: dict[int, np.ndarray],
    shingles_of: Callable[[int], np.ndarray],
    first_key: Callable[[int], tuple],
) -> list[int]:
    """For each of ``count`` texts, the earliest text of its reprint group (itself if
    none). Only the sketches are held; candidates' shingles are asked for as compared."""
    groups = _UnionFind(count)
    for first, second in _candidate_pairs(sketches):
        if groups.find(first) == groups.find(second):
            continue  # already joined through others
        if _similar(shingles_of(first), shingles_of(second)):
            groups.union(first, second)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        members[groups.find(i)].append(i)
    roots = list(range(count))
    for group in members.values():
        earliest = min(group, key=first_key)
        for i in group:
            roots[i] = earliest
    return roots


def assign_reprint_groups(articles: Sequence[Article]) -> int:
    """Set ``reprint_group`` on every article; returns how many articles are reprints."""
    sets = {i: shingles(a.body) for i, a in enumerate(articles)}
    sketches = {i: sketch for i, s in sets.items() if (sketch := sketch_of(s)) is not None}
    roots = reprint_roots(
        len(articles), sketches, sets.__getitem__, lambda i: first_key(articles[i])
    )
    for i, root in enumerate(roots):
        articles[i].reprint_group = articles[root].id
    return sum(1 for i, root in enumerate(roots) if root != i)


def first_key(article: Any) -> tuple:
    """What orders a group's members: the earliest published, then the id."""
    published = article.published.timestamp() if article.published else float("inf")
    return (published, article.id)
