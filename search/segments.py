"""The one place that reads Whoosh below its public API; ``index.codec`` is the writing side.

Whoosh's matchers and column readers hand out one value per Python call; numpy
wants whole arrays. This reads W3 internals (whoosh-reloaded 2.7.5 is pinned):

* a posting block's data is a pickled tuple of id deltas, weights (None: all 1;
  one float: all that) and values; short lists live in the term dictionary and
  come back as a ListMatcher;
* a field's lengths column is one byte per document, stored contiguously;
* each generation of an index has a table of contents named ``_MAIN_<n>.toc``;
* a searcher keeps the index it was opened from, whose storage knows the folder.

A Whoosh upgrade or a codec change is checked against this module and its tests
(``tests/test_segments.py`` compares every answer with stock Whoosh's).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
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


def length_bytes(searcher: Searcher, fieldname: str) -> np.ndarray:
    """The one-byte length of ``fieldname`` in every document, segment by segment (the
    stock reader returns them one Python call at a time: 0.7 s at 100k)."""
    parts = []
    name = f"_{fieldname}_len"
    for segment, _offset in searcher.reader().leaf_readers():
        lengths = np.zeros(segment.doc_count_all(), dtype=np.uint8)
        perdoc = segment._perdoc
        if perdoc.has_column(name):
            column = perdoc.column_reader(name, LENGTHS_COLUMN)
            stored = column._dbfile.get(column._basepos, column._count)
            lengths[: column._count] = np.frombuffer(stored, dtype=np.uint8)
        parts.append(lengths)
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.uint8)


_TABLE_OF_CONTENTS = re.compile(r"_MAIN_(\d+)\.toc")


def newest_generation(folder: Path) -> int:
    """The newest generation of the index in ``folder`` by its file names alone (-1: none),
    without opening it: cheap enough to ask on every request."""
    try:
        names = os.listdir(folder)
    except OSError:
        return -1
    found = (_TABLE_OF_CONTENTS.fullmatch(name) for name in names)
    return max((int(match.group(1)) for match in found if match), default=-1)


def index_location(searcher: Searcher) -> str | int:
    """The real folder of the index a searcher reads (an in-memory index: its identity)."""
    index = getattr(searcher, "_ix", None)
    folder = getattr(getattr(index, "storage", None), "folder", None)
    return os.path.realpath(folder) if folder else id(index)
