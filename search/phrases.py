"""Words in order (``"європейський союз"``), matched with numpy instead of Whoosh spans.

Whoosh walks every document holding all the words through a tree of span
matchers: 3.5 s for a common two-word phrase at a million documents. Here the
documents holding every word come from the term masks; only their postings'
positions are decoded, and each word's (document, position − its place in the
phrase) pairs are intersected as 64-bit keys. The semantics are Whoosh's
``Sequence``: each word right after the one before.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from whoosh import query as q
from whoosh.matching import ListMatcher
from whoosh.searching import Searcher

Mask = np.ndarray
_POSITION_BITS = 32  # a key is document << 32 | position


def phrase_parts(query: q.Query) -> tuple[str, list[list[str]]] | None:
    """The field and each place's alternative words, for a sequence we can match; else None."""
    if not isinstance(query, q.Sequence) or query.slop != 1 or not query.ordered:
        return None
    fieldnames = set()
    places = []
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
    keys = None
    for place, words in enumerate(places):
        starts = np.unique(
            np.concatenate([_start_keys(searcher, fieldname, w, candidates, place) for w in words])
        )
        keys = starts if keys is None else np.intersect1d(keys, starts, assume_unique=True)
        if not len(keys):
            return found
    found[np.unique(keys >> _POSITION_BITS)] = True
    return found


def _start_keys(
    searcher: Searcher, fieldname: str, word: str, candidates: Mask, place: int
) -> np.ndarray:
    """Keys (document, where the phrase would start) for each position of ``word``."""
    documents: list[int] = []
    starts: list[int] = []
    decode = searcher.schema[fieldname].format.decode_positions
    for document, value in _candidate_values(searcher, fieldname, word, candidates):
        for position in decode(value):
            if position >= place:
                documents.append(document)
                starts.append(position - place)
    if not documents:
        return np.empty(0, dtype=np.int64)
    return (np.array(documents, dtype=np.int64) << _POSITION_BITS) | np.array(
        starts, dtype=np.int64
    )


def _candidate_values(searcher: Searcher, fieldname: str, word: str, candidates: Mask):
    """(document, encoded positions) of a term's postings in candidate documents."""
    for segment, offset in searcher.reader().leaf_readers():
        if (fieldname, word) not in segment:
            continue
        btext = segment._text_to_bytes(fieldname, word)  # W3 internals, as in docsets.py
        matcher = segment._terms.matcher(fieldname, btext, searcher.schema[fieldname].format)
        if isinstance(matcher, ListMatcher):
            ids, values = matcher._ids, matcher._values
            yield from (
                (offset + d, v) for d, v in zip(ids, values, strict=True) if candidates[offset + d]
            )
            continue
        while matcher.is_active():
            matcher._read_data()
            deltas, _weights, values = matcher._data
            docs = np.cumsum(np.array(deltas, dtype=np.int64)) + offset
            for index in np.flatnonzero(candidates[docs]).tolist():
                yield int(docs[index]), values[index]
            matcher._next_block()
