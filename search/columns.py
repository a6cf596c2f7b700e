"""Per-document values read once per index version from Whoosh column stores.

Facet counts, the histogram and reprint folding all need one value per
document for many documents; reading columns once and keeping them per index
version turns each of those into a pass over a Python list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date

import numpy as np
from whoosh.searching import Searcher
from whoosh.util.times import long_to_datetime

from index.extract.dates import KYIV
from search.docsets import UNDATED, TermPostings, mask_of, postings_budget
from search.histogram import DayCounts
from search.version import owned

MULTIVALUED = frozenset({"speakers", "authors", "rubric"})
SINGLE_VALUED = ("source", "language", "year", "month", "reprint_group")


@dataclass(slots=True, frozen=True)
class Coded:
    """A facet column for counting with numpy: (document, value code) pairs and the values."""

    docs: np.ndarray  # int32, one entry per value a document holds
    codes: np.ndarray  # int32 index into ``values``
    values: list[str]

    def counts(self, scope: np.ndarray, folding: Folding | None = None) -> dict[str, int]:
        """How many documents in ``scope`` (a mask) hold each value; with ``folding``, how
        many stories: reprints of one text under one value count once, as results do."""
        chosen = scope[self.docs]
        if folding is None:
            found = np.bincount(self.codes[chosen], minlength=len(self.values))
        else:
            alone = chosen & ~folding.grouped[self.docs]
            found = np.bincount(self.codes[alone], minlength=len(self.values))
            together = chosen & folding.grouped[self.docs]
            if together.any():
                pairs = np.unique(
                    self.codes[together].astype(np.int64) * folding.group_count
                    + folding.group_codes[self.docs[together]]
                )
                found += np.bincount(pairs // folding.group_count, minlength=len(self.values))
        return {self.values[code]: int(found[code]) for code in np.flatnonzero(found)}


@dataclass(slots=True, frozen=True)
class Folding:
    """Which documents share their text with others, and each one's group number."""

    grouped: np.ndarray  # mask: the document has reprints
    group_codes: np.ndarray  # int32 group number per document
    group_count: int


@dataclass(slots=True)
class IndexColumns:
    values: dict[str, list]  # field → value per document
    coded: dict[str, Coded]  # facet field → numpy form
    groups: dict[str, list[int]]  # reprint group → its documents, groups of two or more
    group_codes: np.ndarray  # int32 reprint group number per document
    folding: Folding  # for counting stories rather than documents
    published: np.ndarray  # int64 column value per document, or UNDATED
    day_counts: DayCounts  # stories per day and per period, whole archive
    postings: TermPostings  # term → documents, scores
    deleted: np.ndarray | None = None  # mask of deleted documents, if any


def index_columns(searcher: Searcher) -> IndexColumns:
    """The columns of the index version ``searcher`` reads, loaded once per version."""
    return owned(searcher, "columns", lambda: _load(searcher))


def column_values(reader, name: str, translate: bool = True) -> list:
    """One value per document number, segment by segment.

    Whoosh's multi-segment column reader comes back empty when a segment holds no
    value for the column at all (a batch of undated pages); reading each segment
    and filling the missing ones with None keeps document numbers aligned.
    """
    values: list = []
    for segment, _offset in reader.leaf_readers():
        if segment.has_column(name):
            values.extend(segment.column_reader(name, translate=translate))
        else:
            values.extend([None] * segment.doc_count_all())
    return values


def _shared(values: Iterable, make: Callable = lambda value: value) -> list:
    """One object per distinct value: a 100k-document column of a few dozen outlets then
    costs 100k pointers, not 100k strings."""
    made: dict = {}
    shared = []
    for value in values:
        if value not in made:
            made[value] = make(value)
        shared.append(made[value])
    return shared


def _coded(values: list, multivalued: bool) -> Coded:
    numbering: dict[str, int] = {}
    docs: list[int] = []
    codes: list[int] = []
    for doc, value in enumerate(values):
        for one in value if multivalued else (value,):
            docs.append(doc)
            codes.append(numbering.setdefault(one, len(numbering)))
    return Coded(
        docs=np.array(docs, dtype=np.int32),
        codes=np.array(codes, dtype=np.int32),
        values=list(numbering),
    )


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v for v in (value or "").split(",") if v)


def _load(searcher: Searcher) -> IndexColumns:
    reader = searcher.reader()
    size = reader.doc_count_all()
    values: dict[str, list] = {}
    for name in SINGLE_VALUED:
        values[name] = _shared(value or "" for value in column_values(reader, name))
    for name in MULTIVALUED:
        values[name] = _shared(column_values(reader, name), _split)
    coded = {name: _coded(values[name], name in MULTIVALUED) for name in values}
    raw_days = column_values(reader, "published", translate=False)
    days = _shared(raw_days, _local_day)  # the Kyiv calendar day of each document
    published = np.array(
        [UNDATED if day is None else raw for raw, day in zip(raw_days, days, strict=True)],
        dtype=np.int64,
    )
    deleted = None
    if reader.has_deletions():
        deleted = mask_of((d for d in range(size) if reader.is_deleted(d)), size)
    members: dict[str, list[int]] = defaultdict(list)
    for doc, group in enumerate(values["reprint_group"]):
        members[group].append(doc)
    groups = {group: docs for group, docs in members.items() if len(docs) > 1}
    grouped = mask_of((d for docs in groups.values() for d in docs), size)
    codes = coded["reprint_group"].codes
    return IndexColumns(
        values=values,
        coded=coded,
        groups=groups,
        group_codes=codes,
        folding=Folding(grouped, codes, int(codes.max()) + 1 if len(codes) else 1),
        published=published,
        day_counts=DayCounts(days),
        postings=TermPostings(postings_budget(size)),
        deleted=deleted,
    )


def _local_day(raw: int | None) -> date | None:
    """The Kyiv calendar day of a stored publication time; None where the article has none.

    Columns hold microseconds since datetime.min (naive UTC); a document without a
    date holds a value outside the calendar.
    """
    if raw is None:
        return None
    try:
        value = long_to_datetime(raw)
    except (OverflowError, ValueError):
        return None
    if value.year < 1900:
        return None
    return value.replace(tzinfo=UTC).astimezone(KYIV).date()
