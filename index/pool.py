"""A segment's postings gathered per field and term while documents are added.

Whoosh's own pool keeps one tuple per posting and sorts them all at the end
(a fifth of the writer's time). Documents arrive in number order, so each
term's postings are already in order when appended to the term's own arrays:
only the terms need sorting. Past ``limitmb`` the pool writes what it holds to
a sorted run on disk, as Whoosh's does, and the runs are merged term by term.
"""

from __future__ import annotations

import heapq
import itertools
import os
import pickle
import secrets
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, BinaryIO

RUN_PROTOCOL = 5
# Rough bytes a posting and a new term cost in memory (arrays, list slot, the value's
# bytes object; the term's key and arrays), to keep the pool within its limit.
POSTING_BYTES = 56
TERM_BYTES = 300


@dataclass(slots=True)
class TermPostings:
    """One term's postings in document order: numbers, weights and encoded values."""

    ids: array = field(default_factory=lambda: array("I"))
    weights: array = field(default_factory=lambda: array("d"))
    values: list[bytes] = field(default_factory=list)

    def extend(self, other: TermPostings) -> None:
        self.ids.extend(other.ids)
        self.weights.extend(other.weights)
        self.values.extend(other.values)


PoolTerm = tuple[str, bytes, TermPostings]  # field name, term, its postings


class TermPool:
    """The postings of one segment, by field and term, spilled to sorted runs when full."""

    def __init__(self, tempstore: Any, limitmb: float) -> None:
        self._tempstore = tempstore
        self._limit = limitmb * 1024 * 1024
        self._size = 0
        self._fields: dict[str, dict[bytes, TermPostings]] = {}
        self._runs: list[str] = []
        self.fieldnames: set[str] = set()  # Whoosh's multiprocess writer reads this

    def add_document_terms(
        self, fieldname: str, docnum: int, items: Iterable[tuple[bytes, float, bytes]]
    ) -> None:
        """One document's (term, weight, encoded value) postings in one field."""
        terms = self._fields.get(fieldname)
        if terms is None:
            terms = self._fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        size = 0
        for term, weight, value in items:
            postings = terms.get(term)
            if postings is None:
                postings = terms[term] = TermPostings()
                size += TERM_BYTES + len(term)
            postings.ids.append(docnum)
            postings.weights.append(weight)
            postings.values.append(value)
            size += POSTING_BYTES + len(value)
        self._grow(size)

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting as Whoosh's pool takes it: a merged segment's postings come so."""
        fieldname, term, docnum, weight, value = item
        self.add_document_terms(fieldname, docnum, ((term, weight, value or b""),))

    def _grow(self, size: int) -> None:
        self._size += size
        if self._size > self._limit:
            self._save_run()

    def _save_run(self) -> None:
        # processes of one parallel writer share the temporary folder: names must not meet
        name = f"pool{len(self._runs)}_{os.getpid()}_{secrets.token_hex(6)}.run"
        with self._tempstore.create_file(name).raw_file() as run:
            for fieldname, term, postings in self._in_memory():
                _dump_term(run, fieldname, term, postings)
        self._runs.append(name)
        self._fields = {}
        self._size = 0

    def _in_memory(self) -> Iterator[PoolTerm]:
        for fieldname in sorted(self._fields):
            terms = self._fields[fieldname]
            for term in sorted(terms):
                yield fieldname, term, terms[term]

    def _read_run(self, name: str) -> Iterator[PoolTerm]:
        with self._tempstore.open_file(name).raw_file() as run:
            while True:
                try:
                    fieldname, term, ids, weights, values = pickle.load(run)
                except EOFError:
                    return
                yield fieldname, term, TermPostings(_array("I", ids), _array("d", weights), values)

    def terms(self) -> Iterator[PoolTerm]:
        """Every term in (field, term) order with all its postings in document order."""
        if not self._runs:
            yield from self._in_memory()
            return
        sources = [self._read_run(name) for name in self._runs] + [self._in_memory()]
        # runs hold earlier documents than later runs; merge keeps sources' order on ties
        merged = heapq.merge(*sources, key=itemgetter(0, 1))
        for (fieldname, term), group in itertools.groupby(merged, key=itemgetter(0, 1)):
            (_, _, postings), *later = group
            for _, _, more in later:
                postings.extend(more)
            yield fieldname, term, postings

    def cleanup(self) -> None:
        for name in self._runs:
            self._tempstore.delete_file(name)
        self._runs = []
        self._fields = {}


def _dump_term(run: BinaryIO, fieldname: str, term: bytes, postings: TermPostings) -> None:
    record = (fieldname, term, postings.ids.tobytes(), postings.weights.tobytes(), postings.values)
    pickle.dump(record, run, RUN_PROTOCOL)


def _array(typecode: str, data: bytes) -> array:
    values = array(typecode)
    values.frombytes(data)
    return values
