"""A term's postings read a block at a time, straight from Whoosh's W3 segments.

Whoosh's matchers hand out one posting per Python call; numpy wants whole
arrays. This reads W3 internals (whoosh-reloaded 2.7.5 is pinned): a block's
data is a pickled tuple of id deltas, weights (None: all 1; one float: all
that) and values; short lists live in the term dictionary as a ListMatcher.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from whoosh.matching import ListMatcher
from whoosh.searching import Searcher


@dataclass(slots=True, frozen=True)
class Block:
    docs: np.ndarray  # int64 document numbers in the whole index, ascending
    weights: np.ndarray  # float32, one per document
    values: tuple  # encoded values (positions) per document; () where the format has none


def term_blocks(searcher: Searcher, fieldname: str, text: str) -> Iterator[Block]:
    """Every block of a term's postings, segment after segment."""
    fmt = searcher.schema[fieldname].format
    for segment, offset in searcher.reader().leaf_readers():
        if (fieldname, text) not in segment:
            continue
        # the segment's own matcher, not postings(): that one wraps it in a filter when the
        # segment has deletions, and deleted documents are masked out by the callers anyway
        matcher = segment._terms.matcher(fieldname, segment._text_to_bytes(fieldname, text), fmt)
        if isinstance(matcher, ListMatcher):  # a short list kept in the term dictionary
            yield _listed(matcher, offset)
            continue
        while matcher.is_active():
            yield _block(matcher, offset)
            matcher._next_block()


def _listed(matcher: ListMatcher, offset: int) -> Block:
    count = len(matcher._ids)
    weights = (
        np.ones(count, dtype=np.float32)
        if matcher._weights is None
        else np.asarray(matcher._weights, dtype=np.float32)
    )
    docs = np.asarray(matcher._ids, dtype=np.int64) + offset
    values = tuple(matcher._values or ())
    return Block(docs, weights, () if values and values[0] is None else values)


def _block(matcher, offset: int) -> Block:
    matcher._read_data()
    deltas, weights, values = matcher._data
    count = matcher._blocklength
    docs = np.cumsum(np.array(deltas, dtype=np.int64)) + offset
    if weights is None:
        array = np.ones(count, dtype=np.float32)
    elif isinstance(weights, float):
        array = np.full(count, weights, dtype=np.float32)
    else:
        array = np.array(weights, dtype=np.float32)
    return Block(docs, array, values if isinstance(values, tuple) else ())
