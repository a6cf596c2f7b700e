"""Whoosh's W3 codec with a cache for the columns a segment lacks.

While writing postings, Whoosh asks each document's length in each field.
For fields without lengths (exact forms, facets) the stock reader looks for
the column file again on every call: one ``stat`` per posting, a fifth of
the writer's time. A segment's files never change once written, so the
answer "no such column" is kept like any other.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader


class _PerDocReader(W3PerDocReader):
    def _cached_reader(self, fieldname, column):
        if fieldname not in self._readers:
            found = self.has_column(fieldname)
            self._readers[fieldname] = self.column_reader(fieldname, column) if found else None
        return self._readers[fieldname]


class Codec(W3Codec):
    def per_document_reader(self, storage, segment) -> W3PerDocReader:
        return _PerDocReader(storage, segment)
