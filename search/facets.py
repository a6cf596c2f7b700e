"""Facets: counts per value that respect the other facets' filters.

Values of one facet combine with OR and are counted as if unselected
(disjunctive); different facets combine with AND. Counting is a numpy
bincount over each document's values, read from Whoosh column stores once
per index version.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, reduce

import numpy as np
from pyuca import Collator
from whoosh import query as q
from whoosh.searching import Searcher

from search.columns import index_columns
from search.docsets import Mask, query_docs
from search.results import Facet, FacetOptions, FacetValue

MAX_FACET_SIZE = 500
_COLLATOR = Collator()
# How a value is shown, (facet name, value) → label: the caller's, in its own language.
# Search orders values by label and finds them by it («укр» in the label «українська»).
Labeller = Callable[[str, str], str]


def plain_label(_facet: str, value: str) -> str:
    return value


@dataclass(slots=True, frozen=True)
class FacetSpec:
    name: str  # the name in URLs
    field: str  # the index field, sortable (a column per document)
    multivalued: bool = False
    chronological: bool = False  # values are dates: newest first unless asked otherwise


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("source", "source"),
    FacetSpec("rubric", "rubric"),
    FacetSpec("speaker", "speakers", multivalued=True),
    FacetSpec("author", "authors", multivalued=True),
    FacetSpec("language", "language"),
    FacetSpec("year", "year", chronological=True),
    FacetSpec("month", "month", chronological=True),
)
FACETS_BY_NAME = {spec.name: spec for spec in FACETS}
FACET_ORDERS = ("count", "alpha", "date")


def _values_query(spec: FacetSpec, values: list[str]) -> q.Query:
    terms = [q.Term(spec.field, value) for value in values]
    return terms[0] if len(terms) == 1 else q.Or(terms)


@lru_cache(maxsize=4096)
def _primary_weights(character: str) -> tuple[int, ...]:
    key = _COLLATOR.sort_key(character)
    return key[: key.index(0)] if 0 in key else key


# The Unicode default order files ґ, ї under г, і and puts й before і; the Ukrainian
# alphabet has its own order. Russian letters sit where Russian readers expect them.
ALPHABET = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя"
_ALPHABET_RANK = {letter: rank for rank, letter in enumerate(ALPHABET, start=1)}


def _char_key(character: str) -> tuple[tuple[int, int], ...]:
    rank = _ALPHABET_RANK.get(character)
    if rank is not None:
        return ((_primary_weights("а")[0], rank),)
    return tuple((weight, 0) for weight in _primary_weights(character))


@lru_cache(maxsize=50_000)
def sort_key(label: str) -> tuple:
    """Ukrainian alphabetical order (а б в г ґ д е є ж з и і ї й …)."""
    text = label.lower()
    primary = tuple(part for character in text for part in _char_key(character))
    return (primary, _COLLATOR.sort_key(text))


# --- counting ------------------------------------------------------------------------------


def matching_docs(searcher: Searcher, query: q.Query) -> Mask:
    """The documents matching ``query`` (no scoring), deleted ones left out."""
    columns = index_columns(searcher)
    size = searcher.reader().doc_count_all()
    docs = query_docs(searcher, query, columns.postings, size, columns.published)
    if columns.deleted is not None:
        docs &= ~columns.deleted
    return docs


def facet_filter_docs(searcher: Searcher, filters: dict[str, list[str]]) -> dict[str, Mask]:
    return {
        name: matching_docs(searcher, _values_query(FACETS_BY_NAME[name], values))
        for name, values in filters.items()
        if name in FACETS_BY_NAME and values
    }


def count_facets(
    searcher: Searcher,
    base_docs: Mask,
    filters: dict[str, list[str]],
    options: dict[str, FacetOptions],
    specs: Iterable[FacetSpec] = FACETS,
    folding: bool = False,
    label: Labeller = plain_label,
) -> list[Facet]:
    """Each facet's values with their counts; ``folding``: stories, a text and its
    reprints counted once under each value, as the results show them; ``label`` shows
    each value."""
    columns = index_columns(searcher)
    coded = columns.coded
    fold = columns.folding if folding else None
    filter_docs = facet_filter_docs(searcher, filters)
    facets = []
    for spec in specs:
        others = [docs for name, docs in filter_docs.items() if name != spec.name]
        scoped = reduce(np.logical_and, others, base_docs)
        counts = Counter(coded[spec.field].counts(scoped, fold))
        facets.append(
            _facet(
                spec,
                counts,
                set(filters.get(spec.name, [])),
                options.get(spec.name, FacetOptions()),
                label,
            )
        )
    return facets


def _facet(
    spec: FacetSpec,
    counts: Counter[str],
    selected: set[str],
    options: FacetOptions,
    label: Labeller,
) -> Facet:
    for value in selected:
        counts.setdefault(value, 0)
    values = [
        FacetValue(value=v, label=label(spec.name, v), count=c, selected=v in selected)
        for v, c in counts.items()
    ]
    if options.contains:
        needle = options.contains.lower()
        values = [fv for fv in values if needle in fv.label.lower() or fv.selected]
    _order(values, spec, options.order)
    size = max(1, min(options.size, MAX_FACET_SIZE))
    shown = values[:size] + [fv for fv in values[size:] if fv.selected]
    return Facet(
        name=spec.name,
        values=shown,
        truncated=len(values) > len(shown),
        total_values=len(values),
    )


def _order(values: list[FacetValue], spec: FacetSpec, order: str) -> None:
    order = order or ("date" if spec.chronological else "count")
    if order == "alpha":
        values.sort(key=lambda fv: (not fv.value, sort_key(fv.label)))
    elif order == "date":
        values.sort(key=lambda fv: fv.value, reverse=True)
    else:
        values.sort(key=lambda fv: (-fv.count, not fv.value, sort_key(fv.label)))
