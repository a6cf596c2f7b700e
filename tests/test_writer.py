"""The pooled writer (index/writer.py) writes what Whoosh's own writer writes.

Each index is read back whole: every term with its statistics and every posting
(document, weight, encoded value), every stored field and every column, keyed by
the article's id so that indexes split into segments differently compare too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from index.analysis import LanguageText, exact_form_analyzer, lemma_analyzer
from index.analysis.indexing import text_terms
from index.article import Article
from index.build import WRITER_OPTIONS
from index.schema import FORMS_FIELD, article_document, article_from_stored, build_schema
from index.writer import PooledMpWriter, PooledSegmentWriter, WriterProcessFailed, open_writer
from tests.index_contents import assert_same_contents as _assert_same


def _stored_articles(demo_index: Path) -> list[Article]:
    with whoosh_index.open_dir(str(demo_index)).searcher() as searcher:
        return [article_from_stored(fields) for fields in searcher.all_stored_fields()]


def _write(
    folder: Path, articles: list[Article], ours: bool, batches: int = 1, **options: Any
) -> whoosh_index.Index:
    """An index of ``articles`` in ``batches`` commits, by our writer or Whoosh's."""
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema())
    options = {**WRITER_OPTIONS, **options}
    for batch in range(batches):
        writer = open_writer(ix, **options) if ours else ix.writer(**options)
        for article in articles[batch::batches]:
            writer.add_document(**article_document(article))
        writer.commit(merge=False)
    return ix


def test_demo_archive_reads_back_as_whoosh_wrote_it(demo_index: Path, tmp_path: Path) -> None:
    articles = _stored_articles(demo_index)
    stock = _write(tmp_path / "stock", articles, ours=False)
    ours = _write(tmp_path / "ours", articles, ours=True)
    writer = open_writer(ours)
    assert isinstance(writer, PooledSegmentWriter)  # and not Whoosh's own
    writer.cancel()
    _assert_same(ours, stock)
    with ours.searcher() as searcher:  # the one-pass analysis found what it should
        assert searcher.doc_count() == len(articles) > 10
        assert sum(1 for key in searcher.reader().all_terms() if key[0] == FORMS_FIELD) > 1000


def test_pool_spilled_to_runs_writes_the_same_index(demo_index: Path, tmp_path: Path) -> None:
    """A pool over its limit sorts what it holds into runs on disk and merges them."""
    articles = _stored_articles(demo_index)
    stock = _write(tmp_path / "stock", articles, ours=False)
    (tmp_path / "probe").mkdir()
    probe = whoosh_index.create_in(str(tmp_path / "probe"), build_schema())
    writer = open_writer(probe, **{**WRITER_OPTIONS, "limitmb": 0.05})
    for article in articles:
        writer.add_document(**article_document(article))
    runs = list(writer.pool._runs)
    writer.cancel()
    assert len(runs) > 3
    ours = _write(tmp_path / "ours", articles, ours=True, limitmb=0.05)
    _assert_same(ours, stock)


def test_merged_segments_equal_whoosh_merging_them(demo_index: Path, tmp_path: Path) -> None:
    """``update`` merges small segments through the writer's pool, one posting at a time."""
    articles = _stored_articles(demo_index)
    stock = _write(tmp_path / "stock", articles, ours=False, batches=4)
    ours = _write(tmp_path / "ours", articles, ours=True, batches=4)
    for ix, writer in ((stock, stock.writer(**WRITER_OPTIONS)), (ours, open_writer(ours))):
        assert len(ix._segments()) == 4
        writer.commit(optimize=True)
        assert len(ix._segments()) == 1
    _assert_same(ours, stock)


def test_parallel_writer_equals_whoosh_parallel_writer(demo_index: Path, tmp_path: Path) -> None:
    articles = _stored_articles(demo_index)
    stock = _write(tmp_path / "stock", articles, ours=False, procs=2, multisegment=True)
    ours = _write(tmp_path / "ours", articles, ours=True, jobs=2)
    writer = open_writer(ours, 2)
    assert isinstance(writer, PooledMpWriter)
    writer.cancel()
    _assert_same(ours, stock)


def test_one_pass_gives_what_the_two_analyzers_give() -> None:
    """Compounds, stop words, apostrophes, stress marks, Latin look-alikes, both languages."""
    texts = [
        ("Країна-агресорка і м'ясо, за́мок та НАТО; війни у Києві 2024 року.", "uk"),
        ("Ми з ним — пів-України, ‘бути чи не бути’, Пoлтава (латинське o).", "uk"),
        ("Он сказал, что всё будет хорошо, а Зеленский — ни-ни.", "ru"),
        ("", "uk"),
    ]
    for text, language in texts:
        value = LanguageText(text, language)
        expected_positions: dict[bytes, list[int]] = {}
        for token in lemma_analyzer()(value, positions=True, mode="index"):
            expected_positions.setdefault(token.text.encode(), []).append(token.pos)
        expected_forms = {t.text.encode() for t in exact_form_analyzer()(value, mode="index")}
        found = text_terms(text, language)
        assert found.positions == expected_positions
        assert found.forms == expected_forms


def test_corpus_pages_read_back_as_whoosh_wrote_them(
    corpus_articles: list[Article], tmp_path: Path
) -> None:
    """1,000 real pages: Ukrainian and Russian, every layout the corpus has."""
    stock = _write(tmp_path / "stock", corpus_articles, ours=False)
    ours = _write(tmp_path / "ours", corpus_articles, ours=True)
    _assert_same(ours, stock)


def test_a_schema_with_vectors_gets_whooshs_own_writer(tmp_path: Path) -> None:
    from whoosh.fields import TEXT, Schema

    ix = whoosh_index.create_in(str(tmp_path), Schema(text=TEXT(vector=True)))
    writer = open_writer(ix)
    assert type(writer) is SegmentWriter
    writer.cancel()


def test_parallel_writers_spilling_runs_write_the_same_index(
    demo_index: Path, tmp_path: Path
) -> None:
    """Two processes share one temporary folder: their runs must not meet there."""
    articles = _stored_articles(demo_index)
    stock = _write(tmp_path / "stock", articles, ours=False)
    ours = _write(tmp_path / "ours", articles, ours=True, jobs=2, limitmb=0.05)
    _assert_same(ours, stock)


def test_a_writer_process_that_fails_fails_the_commit(
    demo_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh would commit the other process's segment alone: part of the documents,
    without a word. Here exactly one of two processes fails."""
    articles = _stored_articles(demo_index)
    ix = _write(tmp_path / "ix", articles[:3], ours=True)
    original = PooledSegmentWriter._flush_segment
    marker = tmp_path / "failed-once"

    def first_fails(self: PooledSegmentWriter) -> None:
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return original(self)
        raise OSError("no space left on device")

    monkeypatch.setattr(PooledSegmentWriter, "_flush_segment", first_fails)  # forked too
    writer = open_writer(ix, 2, batchsize=4)  # so that both processes get documents
    for article in articles:
        writer.add_document(**article_document(article))
    with pytest.raises(WriterProcessFailed, match="writer processes failed: 1 of 2"):
        writer.commit()
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 3


def test_run_names_never_repeat_even_at_a_reused_address(tmp_path: Path) -> None:
    """Forked writer processes build their pools at the same address and share one
    temporary folder: a name made of the pool's id let one process's run replace
    another's (100,000 pages lost half their documents that way)."""
    from whoosh.filedb.filestore import FileStorage

    from index.pool import TermPool

    tempstore = FileStorage(str(tmp_path)).create()
    names: list[str] = []
    for _ in range(5):
        pool = TermPool(tempstore, limitmb=0.0001)
        pool.add_document_terms("body", 0, [(b"term", 1.0, b"")])
        names += pool._runs
        del pool
    assert len(names) == len(set(names)) == 5
