"""What ``search.segments`` reads below Whoosh's API equals what stock Whoosh answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from whoosh import index as whoosh_index

from index.codec import Codec
from index.schema import TEXT_FIELDS, article_document, article_from_stored, build_schema
from search.docsets import _LENGTH_OF_BYTE
from search.segments import length_bytes, newest_generation, term_blocks

SEGMENTS = 3


@pytest.fixture(scope="module")
def segmented(demo_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo articles in three segments of our codec, one document deleted."""
    with whoosh_index.open_dir(str(demo_index)).searcher() as searcher:
        articles = [article_from_stored(fields) for fields in searcher.all_stored_fields()]
    folder = tmp_path_factory.mktemp("segmented")
    ix = whoosh_index.create_in(str(folder), build_schema())
    for batch in range(SEGMENTS):
        writer = ix.writer(codec=Codec(), compound=False)
        for article in articles[batch::SEGMENTS]:
            writer.add_document(**article_document(article))
        writer.commit(merge=False)
    writer = ix.writer()
    writer.delete_document(1)
    writer.commit(merge=False)
    return folder


def test_the_index_under_test_has_segments_short_lists_and_deletions(segmented: Path) -> None:
    with whoosh_index.open_dir(str(segmented)).reader() as reader:
        assert len(reader.leaf_readers()) == SEGMENTS and reader.has_deletions()
        first = reader.leaf_readers()[0][0]
        assert any(first.term_info(*key).is_inlined() for key in first.all_terms())


def test_term_blocks_hold_every_posting_stock_whoosh_reads(segmented: Path) -> None:
    ix = whoosh_index.open_dir(str(segmented))
    with ix.searcher() as searcher:
        reader = searcher.reader()
        terms = [(f, t) for f, t in reader.all_terms() if f in (*TEXT_FIELDS, "source")]
        assert len(terms) > 1000
        for fieldname, text in terms:
            blocks = list(term_blocks(searcher, fieldname, text))
            docs = np.concatenate([b.docs for b in blocks]).tolist()
            weights = np.concatenate([b.weights for b in blocks]).tolist()
            kept = [i for i, doc in enumerate(docs) if not reader.is_deleted(doc)]
            docs, weights = [docs[i] for i in kept], [weights[i] for i in kept]
            stock = list(_stock_postings(reader, fieldname, text))
            assert docs == [doc for doc, _ in stock], (fieldname, text)
            assert weights == pytest.approx([weight for _, weight in stock]), (fieldname, text)


def _stock_postings(reader, fieldname: str, text: str):
    """(document, weight) of every live posting, as Whoosh's own matcher gives them
    (term_blocks also gives deleted documents: its callers mask them out)."""
    matcher = reader.postings(fieldname, text)
    while matcher.is_active():
        yield matcher.id(), matcher.weight()
        matcher.next()


def test_length_bytes_equal_whoosh_per_document(segmented: Path) -> None:
    with whoosh_index.open_dir(str(segmented)).searcher() as searcher:
        for fieldname in TEXT_FIELDS:
            lengths = _LENGTH_OF_BYTE[length_bytes(searcher, fieldname)]
            expected = [
                searcher.doc_field_length(doc, fieldname, 0) or 0
                for doc in range(searcher.doc_count_all())
            ]
            assert lengths.tolist() == expected


def test_newest_generation_is_the_one_whoosh_opens(segmented: Path, tmp_path: Path) -> None:
    assert newest_generation(segmented) == whoosh_index.open_dir(str(segmented)).latest_generation()
    assert (
        newest_generation(segmented) == 1 + SEGMENTS
    )  # created, a commit per segment, one to delete
    assert newest_generation(tmp_path) == -1
    assert newest_generation(tmp_path / "missing") == -1
