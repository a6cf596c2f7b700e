"""Words in order (``"європейський союз"``), matched with numpy instead of Whoosh spans.

Whoosh walks every document holding all the words through a tree of span
matchers: 3.5 s for a common two-word phrase at a million documents. Here the
documents holding every word come from the term masks; only their postings'
positions are decoded, and each word's (document, position − its place in the
phrase) pairs are intersected as 64-bit keys. The semantics are Whoosh's
``Sequence``: each word right after the one before.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from itertools import chain

import numpy as np
from whoosh import query as q
from whoosh.searching import Searcher

from search.segments import term_blocks

Mask = np.ndarray
_POSITION_BITS = 32  # a key is document << 32 | position
_PROTOCOL_2 = b"\x80\x02"


def phrase_parts(query: q.Query) -> tuple[str, list[list[str]]] | None:
    """The field and each place's alternative words, for a sequence we can match; else None."""
    if not isinstance(query, q.Sequence) or query.slop != 1 or not query.ordered:
        return None
    fieldnames: set[str] = set()
    places: list[list[str]] = []
    for part in query.subqueries:
        words = part.subqueries if isinstance(part, q.Or) else [part]
        if not words or not all(isinstance(word, q.Term) for word in words):
            return None
        fieldnames.update(word.fieldname for word in words)
        places.append([word.text for word in words])
    if len(fieldnames) != 1 or len(places) < 2:
        return None
    return fieldnames.pop(), places


def phrase_docs(
    searcher: Searcher,
    fieldname: str,
    places: list[list[str]],
    term_mask: Callable[[str, str], Mask],
    size: int,
) -> Mask:
    """Documents where the places' words stand one after another in ``fieldname``."""
    candidates = np.ones(size, dtype=bool)
    for words in places:
        present = np.zeros_like(candidates)
        for word in words:
            present |= term_mask(fieldname, word)
        candidates &= present
    found = np.zeros_like(candidates)
    if not candidates.any():
        return found

    def place_keys(place: int) -> np.ndarray:
        words = places[place]
        return _sorted_unique(
            np.concatenate([_start_keys(searcher, fieldname, w, candidates, place) for w in words])
        )

    keys = place_keys(0)
    for place in range(1, len(places)):
        if not len(keys):
            return found
        keys = np.intersect1d(keys, place_keys(place), assume_unique=True)
    found[keys >> _POSITION_BITS] = True
    return found


def _start_keys(
    searcher: Searcher, fieldname: str, word: str, candidates: Mask, place: int
) -> np.ndarray:
    """Keys (document, where the phrase would start) for each position of ``word``."""
    found = list(_candidate_values(searcher, fieldname, word, candidates))
    if not found:
        return np.empty(0, dtype=np.int64)
    documents, values = zip(*found, strict=True)
    deltas = _position_deltas(values, searcher.schema[fieldname].format)
    lengths = np.fromiter(map(len, deltas), dtype=np.int64, count=len(deltas))
    flat = np.fromiter(chain.from_iterable(deltas), dtype=np.int64, count=int(lengths.sum()))
    running = np.cumsum(flat)  # positions are deltas within each posting: restart per posting
    starts = np.cumsum(lengths) - lengths
    before = np.where(starts > 0, running[np.maximum(starts - 1, 0)], 0)
    positions = running - np.repeat(before, lengths)
    owners = np.repeat(np.array(documents, dtype=np.int64), lengths)
    keep = positions >= place
    return (owners[keep] << _POSITION_BITS) | (positions[keep] - place)


def _position_deltas(values: tuple[bytes, ...], fmt) -> list[list[int]]:
    """Each posting's position deltas, unpickled in one call where the encoding allows.

    A Positions value is a 4-byte count and a protocol-2 pickle of the delta list;
    the lists' bodies, put side by side inside one list, unpickle together.
    """
    if all(value[4:6] == _PROTOCOL_2 and value.endswith(b".") for value in values):
        joined = b"".join(value[6:-1] for value in values)
        try:
            return pickle.loads(_PROTOCOL_2 + b"(" + joined + b"l.")
        except pickle.UnpicklingError:
            pass
    return [_deltas(fmt.decode_positions(value)) for value in values]


def _deltas(positions: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *positions], positions, strict=False)]


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique by sorting: its hashing path took a second for 2.5M keys."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _candidate_values(searcher: Searcher, fieldname: str, word: str, candidates: Mask):
    """(document, encoded positions) of a term's postings in candidate documents."""
    for block in term_blocks(searcher, fieldname, word):
        for index in np.flatnonzero(candidates[block.docs]).tolist():
            yield int(block.docs[index]), block.values[index]
