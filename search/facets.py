"""Facets: counts per value that respect the other facets' filters.

Values of one facet combine with OR and are counted as if unselected
(disjunctive); different facets combine with AND.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyuca import Collator
from whoosh import query as q
from whoosh import sorting
from whoosh.searching import Searcher

from search.results import Facet, FacetValue


@dataclass(slots=True, frozen=True)
class FacetSpec:
    name: str  # the name in URLs
    field: str  # the index field
    label: str
    multivalued: bool = False


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("source", "source", "Видання"),
    FacetSpec("rubric", "rubric", "Рубрика"),
    FacetSpec("speaker", "speakers", "Хто сказав", multivalued=True),
    FacetSpec("author", "authors", "Автор", multivalued=True),
    FacetSpec("language", "language", "Мова"),
    FacetSpec("year", "year", "Рік"),
)
FACETS_BY_NAME = {spec.name: spec for spec in FACETS}
LANGUAGE_LABELS = {"uk": "українська", "ru": "російська"}
NOT_SET_LABEL = "не вказано"
_COLLATOR = Collator()


def filter_query(filters: dict[str, list[str]], skip: str | None = None) -> q.Query | None:
    """AND over facets, OR within one facet's values."""
    parts = []
    for name, values in filters.items():
        spec = FACETS_BY_NAME.get(name)
        if spec is None or name == skip or not values:
            continue
        terms = [q.Term(spec.field, value) for value in values]
        parts.append(terms[0] if len(terms) == 1 else q.Or(terms))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else q.And(parts)


def _label(spec: FacetSpec, value: str) -> str:
    if not value:
        return NOT_SET_LABEL
    if spec.name == "language":
        return LANGUAGE_LABELS.get(value, value)
    return value


def count_facet(
    searcher: Searcher,
    base: q.Query,
    filters: dict[str, list[str]],
    spec: FacetSpec,
    size: int,
    order: str = "count",
) -> Facet:
    others = filter_query(filters, skip=spec.name)
    scoped = q.And([base, others]) if others is not None else base
    facet = sorting.FieldFacet(spec.field, allow_overlap=spec.multivalued, maptype=sorting.Count)
    results = searcher.search(scoped, limit=1, groupedby={spec.name: facet}, scored=False)
    counts: dict[str, int] = dict(results.groups(spec.name))
    selected = set(filters.get(spec.name, []))
    for value in selected:
        counts.setdefault(value, 0)
    counts.pop(None, None)
    values = [
        FacetValue(value=v, label=_label(spec, v), count=c, selected=v in selected)
        for v, c in counts.items()
        if c > 0 or v in selected
    ]
    if order == "alpha":
        values.sort(key=lambda fv: _COLLATOR.sort_key(fv.label.lower()))
    else:
        values.sort(key=lambda fv: (-fv.count, _COLLATOR.sort_key(fv.label.lower())))
    if spec.name == "year":
        values.sort(key=lambda fv: fv.value, reverse=True)
    shown = [fv for fv in values[:size]] + [fv for fv in values[size:] if fv.selected]
    return Facet(name=spec.name, label=spec.label, values=shown, truncated=len(values) > len(shown))
