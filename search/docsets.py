"""Which documents a query matches, as a boolean mask over document numbers.

Whoosh's compound matchers walk every document through a tree of Python
objects. Here each term's postings are read once per index version into two
arrays, its documents and its BM25F contribution in each, and a query is set
algebra over masks (OR is ``|``, AND is ``&``, NOT is ``& ~``) done in numpy.
The same arrays rank the matches (see ``search.ranking``).
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from math import log
from threading import Lock

import numpy as np
from whoosh import query as q
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from search.phrases import phrase_docs, phrase_parts
from search.segments import length_bytes, term_blocks

MAX_CACHED_POSTINGS = 3_000_000  # postings held across all cached terms (~24 MB) ...
CACHED_POSTINGS_PER_DOCUMENT = 12  # ... or this many per document in larger archives
PRELOADED_SHARE = 0.5  # of the budget, filled with the most frequent terms before serving
MAX_CACHED_MASKS = 64  # phrases and other queries Whoosh itself evaluates
BM25_B = 0.75
BM25_K1 = 1.2
Mask = np.ndarray  # bool, one entry per document number
UNDATED = np.iinfo(np.int64).min  # publication time of an article without a date

# Whoosh stores a field's length in a document as one byte; this undoes it.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)


@dataclass(slots=True, frozen=True)
class Postings:
    docs: np.ndarray  # int32 document numbers, ascending
    scores: np.ndarray  # float32: what the term adds to each document's BM25F score


class TermPostings:
    """Per index version: term → Postings, least recently used first out."""

    def __init__(self, budget: int = MAX_CACHED_POSTINGS) -> None:
        """``budget``: postings held at most (8 bytes each), see ``postings_budget``."""
        self.budget = budget
        self.held = 0
        self.cache: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self.length_norms: dict[str, np.ndarray] = {}
        self.masks: OrderedDict[str, Mask] = OrderedDict()
        self.lock = Lock()

    def whoosh_docs(self, searcher: Searcher, query: q.Query, size: int) -> Mask:
        """Documents of a query our algebra leaves to Whoosh, kept per version."""
        return self.cached_mask(query, lambda: mask_of(searcher.docs_for_query(query), size))

    def cached_mask(self, query: q.Query, compute: Callable[[], Mask]) -> Mask:
        """A query's documents, computed once per version (up to MAX_CACHED_MASKS kept)."""
        key = repr(query)
        with self.lock:
            found = self.masks.get(key)
            if found is not None:
                self.masks.move_to_end(key)
                return found.copy()
        found = compute()
        with self.lock:
            self.masks[key] = found
            while len(self.masks) > MAX_CACHED_MASKS:
                self.masks.popitem(last=False)
        return found.copy()

    def get(self, searcher: Searcher, fieldname: str, text: str) -> Postings:
        key = (fieldname, text)
        with self.lock:
            found = self.cache.get(key)
            if found is not None:
                self.cache.move_to_end(key)
                return found
        found = self._read(searcher, fieldname, text)
        size = len(found.docs)
        with self.lock:
            if key not in self.cache and size <= self.budget:
                self.cache[key] = found
                self.held += size
                while self.held > self.budget:
                    _key, dropped = self.cache.popitem(last=False)
                    self.held -= len(dropped.docs)
        return found

    def preload_frequent(self, searcher: Searcher, fieldnames: tuple[str, ...]) -> int:
        """Read the terms found in most documents now, up to a share of the budget.

        A term in a third of a million articles takes ~0.3 s to read, and such
        terms are the everyday words of news, so searches would meet them cold.
        Returns how many postings were read.
        """
        allowance = int(self.budget * PRELOADED_SHARE)
        loaded = 0
        for _frequency, fieldname, text in _most_frequent_terms(searcher, fieldnames):
            with self.lock:
                room = self.budget - self.held
            frequency = searcher.reader().doc_frequency(fieldname, text)
            if loaded + frequency > allowance or frequency > room:
                break
            self.get(searcher, fieldname, text)
            loaded += frequency
        return loaded

    def _read(self, searcher: Searcher, fieldname: str, text: str) -> Postings:
        docs, weights = _raw_postings(searcher, fieldname, text)
        if not searcher.schema[fieldname].scorable or not len(docs):
            return Postings(docs, weights)  # Whoosh scores such fields by weight alone
        reader = searcher.reader()
        idf = log(reader.doc_count_all() / (reader.doc_frequency(fieldname, text) + 1)) + 1
        norms = self.length_norms_of(searcher, fieldname)[docs]
        scores = idf * weights * (BM25_K1 + 1) / (weights + norms)
        return Postings(docs, scores.astype(np.float32))

    def length_norms_of(self, searcher: Searcher, fieldname: str) -> np.ndarray:
        """K1 · (1 − B + B · length / average length) for every document: BM25's denominator."""
        with self.lock:
            found = self.length_norms.get(fieldname)
        if found is None:
            lengths = _LENGTH_OF_BYTE[length_bytes(searcher, fieldname)]
            average = searcher.avg_field_length(fieldname) or 1
            found = (BM25_K1 * ((1 - BM25_B) + BM25_B * lengths / average)).astype(np.float32)
            with self.lock:
                self.length_norms[fieldname] = found
        return found


def postings_budget(doc_count: int) -> int:
    """How many postings a version's term cache holds: enough for a day's queries."""
    return max(MAX_CACHED_POSTINGS, CACHED_POSTINGS_PER_DOCUMENT * doc_count)


def _most_frequent_terms(
    searcher: Searcher, fieldnames: tuple[str, ...], per_field: int = 500
) -> list[tuple[float, str, str]]:
    """Terms of ``fieldnames`` by the share of documents holding them, most first.

    Judged on the largest segment alone: a segment is a large random sample of
    the archive, and walking every segment's dictionary would take longer than
    the reading it plans.
    """
    leaves = [leaf for leaf, _offset in searcher.reader().leaf_readers()]
    if not leaves:
        return []
    largest = max(leaves, key=lambda leaf: leaf.doc_count_all())
    found = []
    for fieldname in fieldnames:
        if fieldname not in largest.schema:
            continue
        field = largest.schema[fieldname]
        frequencies = ((info.doc_frequency(), text) for text, info in largest.iter_field(fieldname))
        for frequency, text in heapq.nlargest(per_field, frequencies):
            found.append((frequency, fieldname, field.from_bytes(text)))
    found.sort(key=lambda item: -item[0])
    return found


def _raw_postings(searcher: Searcher, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """A term's document numbers and weights, decoded a block at a time with numpy."""
    blocks = list(term_blocks(searcher, fieldname, text))
    if not blocks:
        return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
    docs = np.concatenate([block.docs for block in blocks]).astype(np.int32)
    return docs, np.concatenate([block.weights for block in blocks])


def empty_mask(size: int) -> Mask:
    return np.zeros(size, dtype=bool)


def mask_of(docs, size: int) -> Mask:
    """A mask from any iterable of document numbers."""
    mask = empty_mask(size)
    indices = np.fromiter(docs, dtype=np.int64)
    mask[indices] = True
    return mask


def query_docs(
    searcher: Searcher, query: q.Query, terms: TermPostings, size: int, published: np.ndarray
) -> Mask:
    """The documents matching ``query``; ``size`` is the number of documents.

    ``published`` (publication times per document, as the column holds them)
    answers date ranges: the publication time is a column, not indexed terms.
    """

    def docs(part: q.Query) -> Mask:
        return query_docs(searcher, part, terms, size, published)

    if isinstance(query, q.Every):
        return np.ones(size, dtype=bool)
    if isinstance(query, q.Term):
        mask = empty_mask(size)
        mask[terms.get(searcher, query.fieldname, query.text).docs] = True
        return mask
    if isinstance(query, q.Or):
        found = empty_mask(size)
        for part in query.subqueries:
            found |= docs(part)
        return found
    if isinstance(query, q.And | q.Require):
        found = np.ones(size, dtype=bool)
        for part in query.subqueries:
            found &= docs(part)
        return found
    if isinstance(query, q.AndNot):
        return docs(query.a) & ~docs(query.b)
    if isinstance(query, q.DateRange):
        return _in_range(published, query)
    if query is q.NullQuery or isinstance(query, type(q.NullQuery)):
        return empty_mask(size)
    phrase = phrase_parts(query)
    if phrase is not None:
        fieldname, places = phrase

        def term_mask(field: str, text: str) -> Mask:
            return docs(q.Term(field, text))

        return terms.cached_mask(
            query, lambda: phrase_docs(searcher, fieldname, places, term_mask, size)
        )
    return terms.whoosh_docs(searcher, query, size)  # anything else: Whoosh's own matching


def _in_range(published: np.ndarray, query: q.DateRange) -> Mask:
    found = published != UNDATED
    if query.start is not None:
        found &= published > query.start if query.startexcl else published >= query.start
    if query.end is not None:
        found &= published < query.end if query.endexcl else published <= query.end
    return found
