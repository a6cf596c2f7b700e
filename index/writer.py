"""Whoosh's segment writer, with our pool and our analysis pass; the segments are the same.

Two costs of Whoosh's writer are cut (#21), and what it writes is unchanged
(``tests/test_writer.py`` compares every posting, stored field and column with
Whoosh's own writer):

* The positional text fields with our lemma chain, and the field of exact forms,
  are analysed in one pass per text (``index/analysis/indexing.py``). The forms
  field names the fields its text is made of (``sources``), so their forms are
  taken from that pass instead of analysing the joined text again.
* Postings go to a pool kept per term (``index/pool.py``) and are written a whole
  term at a time through our codec, instead of one sorted tuple per posting.

Every other field, and every field of a schema not ours, is indexed as Whoosh does.
"""

from __future__ import annotations

import itertools
import queue
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any

from whoosh.fields import FieldType
from whoosh.formats import Existence, Positions
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

from index.analysis import exact_form_analyzer, lemma_analyzer
from index.analysis.indexing import TextTerms, text_terms
from index.analysis.tokenizer import document_language
from index.codec import Codec
from index.pool import PoolTerm, TermPool, TermPostings

RESULT_POLL_SECONDS = 0.2
DocumentTerms = Iterator[tuple[bytes, float, bytes]]  # (term, weight, encoded value)


def open_writer(ix: Any, jobs: int = 1, **options: Any) -> SegmentWriter:
    """A writer of ``ix``: in ``jobs`` processes, each writing a segment of its own."""
    if _uses_vectors_or_spelling(ix.schema):  # what the pooled writer leaves out
        return ix.writer(procs=jobs, multisegment=jobs > 1, **options)
    if jobs > 1:
        return PooledMpWriter(ix, procs=jobs, multisegment=True, **options)
    return PooledSegmentWriter(ix, **options)


class PooledSegmentWriter(SegmentWriter):
    def __init__(
        self, ix: Any, limitmb: float = 128, codec: Codec | None = None, **options: Any
    ) -> None:
        codec = codec or Codec()
        if not isinstance(codec, Codec):
            raise TypeError(f"PooledSegmentWriter writes through our Codec, not {codec!r}")
        super().__init__(ix, limitmb=limitmb, codec=codec, **options)
        self.pool = TermPool(self._tempstorage, limitmb)  # type: ignore[assignment]
        self._fast = _fast_fields(self.schema)
        self._single_positions: dict[int, bytes] = {}

    def add_document(self, **fields: Any) -> None:
        """As Whoosh's, with the postings of our text fields from one analysis pass."""
        self._check_state()
        writer, schema, docnum = self.perdocwriter, self.schema, self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        docboost = self._doc_boost(fields)
        analysed: dict[str, TextTerms] = {}
        writer.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, name, docboost)
                    postings = self._postings(name, field, value, fields, analysed)
                    length = self._pool_document(name, field, postings, boost)
                stored = fields.get(f"_stored_{name}", value)
                writer.add_field(name, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    writer.add_column_value(name, field.column_type, field.to_column_value(stored))
        except Exception:
            writer.cancel_doc()
            raise
        writer.finish_doc()
        self._added = True
        self.docnum += 1

    def _postings(
        self,
        name: str,
        field: FieldType,
        value: Any,
        fields: dict[str, Any],
        analysed: dict[str, TextTerms],
    ) -> Iterator[tuple[bytes, int, float, bytes]]:
        """(term, frequency, weight, value) of one field, as ``field.index`` gives them."""
        kind = self._fast.get(name)
        if kind == "lemmas":
            return self._positions(field, self._analysed(name, value, analysed))
        if kind == "forms" and all(fields.get(source) is not None for source in field.sources):
            boost = field.format.field_boost
            terms = [self._analysed(s, fields[s], analysed) for s in field.sources]
            forms = set().union(*(text.forms for text in terms))
            return ((form, 1, boost, b"") for form in forms)
        return field.index(value)

    def _analysed(self, name: str, value: Any, analysed: dict[str, TextTerms]) -> TextTerms:
        found = analysed.get(name)
        if found is None:
            found = analysed[name] = text_terms(value, document_language(value, None))
        return found

    def _positions(
        self, field: FieldType, terms: TextTerms
    ) -> Iterator[tuple[bytes, int, float, bytes]]:
        boost = field.format.field_boost
        encode = field.format.encode
        singles = self._single_positions
        for lemma, positions in terms.positions.items():
            if len(positions) == 1:  # most are: their encodings are kept
                at = positions[0]
                value = singles.get(at)
                if value is None:
                    value = singles[at] = encode(positions)
            else:
                value = encode(positions)
            yield lemma, len(positions), len(positions) * boost, value

    def _pool_document(
        self,
        name: str,
        field: FieldType,
        postings: Iterator[tuple[bytes, int, float, bytes]],
        boost: float,
    ) -> int:
        """Pools one field's postings of the current document; its length if scorable."""
        items = list(postings)
        pooled = ((term, weight * boost, value or b"") for term, _, weight, value in items)
        self.pool.add_document_terms(name, self.docnum, pooled)
        return sum(frequency for _, frequency, _, _ in items) if field.scorable else 0

    def _flush_segment(self) -> None:
        """Every pooled term of the segment, a whole term at a time (see codec.py)."""
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        fieldwriter = self.fieldwriter
        try:
            for name, group in _by_field(self.pool.terms()):
                fieldwriter.start_field(name, self.schema[name])
                field_lengths = lengths.field_lengths(name)
                for term, postings in group:
                    ids = postings.ids
                    known = [field_lengths[i] for i in ids] if field_lengths else [0] * len(ids)
                    fieldwriter.add_term(term, ids, postings.weights, postings.values, known)
                fieldwriter.finish_field()
            fieldwriter.close()
        finally:
            lengths.close()


def _by_field(
    terms: Iterator[PoolTerm],
) -> Iterator[tuple[str, Iterator[tuple[bytes, TermPostings]]]]:
    for name, group in itertools.groupby(terms, key=itemgetter(0)):
        yield name, ((term, postings) for _, term, postings in group)


def _fast_fields(schema: Any) -> dict[str, str]:
    """Which fields take the one-pass analysis: "lemmas" (positional, our lemma chain)
    or "forms" (exact forms of named source fields that are themselves "lemmas")."""
    lemmas, forms = lemma_analyzer(), exact_form_analyzer()
    kinds: dict[str, str] = {}
    for name, field in schema.items():
        if type(field.format) is Positions and field.analyzer == lemmas:
            kinds[name] = "lemmas"
    for name, field in schema.items():
        sources = getattr(field, "sources", ())
        fits = type(field.format) is Existence and field.analyzer == forms
        if fits and sources and all(kinds.get(source) == "lemmas" for source in sources):
            kinds[name] = "forms"
    return kinds


def _uses_vectors_or_spelling(schema: Any) -> bool:
    return any(field.vector or field.separate_spelling() for _, field in schema.items())


class _PooledSubWriter(SubWriterTask):
    """One process of the parallel writer, writing its documents as a segment of its own."""

    def run(self) -> None:
        ix = self.storage.open_index(self.indexname)
        writer = self.writer = PooledSegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        if not self.running:
            writer.cancel()
            return
        fieldnames = writer.pool.fieldnames
        self.resultqueue.put((None, fieldnames, writer._finalize_segment()), timeout=5)


class PooledMpWriter(MpWriter):
    """Whoosh's multiprocess writer whose processes are pooled writers (one segment each).

    Whoosh's own commit leaves out, without a word, the segment of a process that
    failed; this one fails the commit instead, so no document is lost unnoticed.
    """

    def _new_task(self) -> _PooledSubWriter:
        task = _PooledSubWriter(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, True
        )
        self.tasks.append(task)
        task.start()
        return task

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self.jobqueue.put(None)
        segments = self._merge_segments(mergetype, optimize, merge)
        results = self._results()
        for task in self.tasks:
            task.join()
        failed = [task.exitcode for task in self.tasks if task.exitcode]
        if failed or len(results) != len(self.tasks):
            self.cancel()
            raise WriterProcessFailed(
                f"writer processes failed: {len(self.tasks) - len(results)} of"
                f" {len(self.tasks)} (exit codes {failed or 'none'}); nothing was committed"
            )
        segments += [segment for _, _, segment in results]
        if self._added:
            segments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(segments)
        self._finish()

    def _results(self) -> list[tuple[Any, Any, Any]]:
        """Each process's segment, taken as it comes (before joining: a process cannot end
        while its result waits in the pipe); fewer if some process ended without one."""
        results: list[tuple[Any, Any, Any]] = []
        while len(results) < len(self.tasks):
            try:
                results.append(self.resultqueue.get(timeout=RESULT_POLL_SECONDS))
            except queue.Empty:
                if not any(task.is_alive() for task in self.tasks) and self.resultqueue.empty():
                    break
        return results


class WriterProcessFailed(Exception):
    """A process of the parallel writer ended without its segment."""


def write_segment(ix: Any, documents: Iterable[dict[str, Any]], **options: Any) -> Any:
    """One segment of ``documents`` in ``ix``'s folder, not yet part of the index: a
    cluster task writes it, and ``commit_segments`` makes it part of the index."""
    writer = PooledSegmentWriter(ix, _lk=False, **options)
    try:
        for document in documents:
            writer.add_document(**document)
        return writer._finalize_segment()
    except BaseException:
        writer._close_segment()  # not cancel(): the temporary folder is shared with others
        raise


def commit_segments(ix: Any, segments: list[Any]) -> None:
    """Segments written by ``write_segment`` become the index's documents in one commit;
    files of segments not named (a task that ran twice) are deleted with it."""
    writer = PooledSegmentWriter(ix)
    writer._close_segment()
    writer._commit_toc([*writer.segments, *segments])
    writer._finish()
