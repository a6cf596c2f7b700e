"""Order matched documents: by BM25F relevance from per-term arrays, or by date.

A document's BM25F score, as Whoosh computes it, is the sum over the query's
positive terms that the document holds of a contribution depending only on
the index (term frequency, field length, idf). Those contributions are cached
per term (``search.docsets``), so ranking a query is a few numpy additions and
a partial sort instead of Whoosh's walk through every match in Python.
"""

from __future__ import annotations

import numpy as np
from whoosh import query as q
from whoosh.searching import Searcher

from search.columns import UNDATED
from search.docsets import Mask, TermPostings

Ranked = list[tuple[int, float]]  # (document number, score), best first


def positive_terms(query: q.Query) -> list[q.Term]:
    """The terms whose matches add to a document's score: not those under NOT, nor the
    filter half of a Require; phrases score as their words do."""
    if isinstance(query, q.Term):
        return [query]
    if isinstance(query, q.AndNot | q.Require):
        return positive_terms(query.a)
    if isinstance(query, q.Not):
        return []
    if isinstance(query, q.Phrase):
        return [q.Term(query.fieldname, word, boost=query.boost) for word in query.words]
    if isinstance(query, q.Or | q.And | q.Sequence):
        return [term for part in query.subqueries for term in positive_terms(part)]
    return []  # date ranges, everything: the same for every match, so no bearing on order


def relevance_scores(searcher: Searcher, query: q.Query, terms: TermPostings) -> np.ndarray:
    """Every document's score for ``query`` (zero where it holds none of its terms)."""
    scores = np.zeros(searcher.reader().doc_count_all(), dtype=np.float64)
    for term in positive_terms(query):
        postings = terms.get(searcher, term.fieldname, term.text)
        scores[postings.docs] += postings.scores * term.boost
    return scores


def by_relevance(scores: np.ndarray, candidates: Mask, limit: int | None) -> Ranked:
    """The best ``limit`` candidates (all with None): score descending, then document order."""
    docs = np.flatnonzero(candidates)
    chosen = scores[docs]
    if limit is not None and len(docs) > limit:
        cut = np.partition(chosen, len(chosen) - limit)[len(chosen) - limit]
        keep = chosen >= cut  # ties at the cut all stay, so document order decides among them
        docs, chosen = docs[keep], chosen[keep]
    order = np.lexsort((docs, -chosen))
    if limit is not None:
        order = order[:limit]
    return list(zip(docs[order].tolist(), chosen[order].tolist(), strict=True))


def by_date(
    published: np.ndarray, candidates: Mask, newest_first: bool, limit: int | None
) -> Ranked:
    """Candidates by publication time; undated ones last, document order among equals."""
    docs = np.flatnonzero(candidates)
    times = published[docs]
    # one ascending key: the wanted end of time first, undated articles after every date
    undated = times == UNDATED
    key = np.where(undated, np.iinfo(np.int64).max, -times if newest_first else times)
    if limit is not None and len(docs) > limit:
        cut = np.partition(key, limit - 1)[limit - 1]
        keep = key <= cut  # ties at the cut all stay, so document order decides among them
        docs, key = docs[keep], key[keep]
    order = np.lexsort((docs, key))
    if limit is not None:
        order = order[:limit]
    return [(doc, 0.0) for doc in docs[order].tolist()]
