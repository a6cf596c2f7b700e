"""The set of documents a query matches, evaluated with set algebra over cached term sets.

Whoosh's compound matchers walk every document through a tree of Python
objects; reading each term's postings once into a set and combining the sets
(union for OR, intersection for AND, difference for NOT) is about twice as
fast, and a term's set is kept per index version for the queries that follow.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

from whoosh import query as q
from whoosh.searching import Searcher

MAX_CACHED_DOCS = 600_000  # document numbers held across all cached term sets (~25 MB)


class TermDocs:
    """Per index version: term → frozenset of document numbers, least recently used first out."""

    def __init__(self, budget: int = MAX_CACHED_DOCS) -> None:
        self.budget = budget
        self.held = 0
        self.sets: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()
        self.lock = Lock()

    def get(self, searcher: Searcher, term: q.Term) -> frozenset[int]:
        key = (term.fieldname, term.text)
        with self.lock:
            found = self.sets.get(key)
            if found is not None:
                self.sets.move_to_end(key)
                return found
        found = frozenset(searcher.docs_for_query(term))
        with self.lock:
            if key not in self.sets and len(found) <= self.budget:
                self.sets[key] = found
                self.held += len(found)
                while self.held > self.budget:
                    _key, dropped = self.sets.popitem(last=False)
                    self.held -= len(dropped)
        return found


def query_docs(searcher: Searcher, query: q.Query, terms: TermDocs, everything: int) -> set[int]:
    """Document numbers matching ``query``; ``everything`` is the number of documents."""
    if isinstance(query, q.Every):
        return set(range(everything))
    if isinstance(query, q.Term):
        return set(terms.get(searcher, query))
    if isinstance(query, q.Or):
        found: set[int] = set()
        for part in query.subqueries:
            found |= _frozen_or_set(searcher, part, terms, everything)
        return found
    if isinstance(query, q.And | q.Require):
        parts = sorted(
            (_frozen_or_set(searcher, p, terms, everything) for p in query.subqueries), key=len
        )
        found = set(parts[0])
        for part in parts[1:]:
            found &= part
        return found
    if isinstance(query, q.AndNot):
        return query_docs(searcher, query.a, terms, everything) - _frozen_or_set(
            searcher, query.b, terms, everything
        )
    if query is q.NullQuery or isinstance(query, type(q.NullQuery)):
        return set()
    return set(searcher.docs_for_query(query))  # phrases, date ranges: Whoosh's own matchers


def _frozen_or_set(searcher: Searcher, query: q.Query, terms: TermDocs, everything: int):
    """A term's cached frozenset as is (no copy), anything else evaluated."""
    if isinstance(query, q.Term):
        return terms.get(searcher, query)
    return query_docs(searcher, query, terms, everything)
