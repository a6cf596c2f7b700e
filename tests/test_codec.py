"""Our codec writes the same postings as Whoosh's W3, in fewer bytes, short lists inlined."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec

from index.codec import Codec
from index.schema import article_document, article_from_stored, build_schema


def _write(folder: Path, articles: list, codec, batches: int = 1) -> whoosh_index.Index:
    """An index of ``articles`` written in ``batches`` commits, each a segment of its own."""
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), build_schema())
    for batch in range(batches):
        writer = ix.writer(codec=codec, compound=False)
        for article in articles[batch::batches]:
            writer.add_document(**article_document(article))
        writer.commit(merge=False)
    return ix


def _stored_articles(demo_index: Path) -> list:
    with whoosh_index.open_dir(str(demo_index)).searcher() as searcher:
        return [article_from_stored(fields) for fields in searcher.all_stored_fields()]


def _postings(ix: whoosh_index.Index) -> dict:
    with ix.reader() as reader:
        return {
            (fieldname, text): (
                list(reader.postings(fieldname, text).all_ids()),
                [(m.weight(), m.value()) for m in _walk(reader.postings(fieldname, text))],
            )
            for fieldname, text in reader.all_terms()
        }


def _walk(matcher):
    while matcher.is_active():
        yield matcher
        matcher.next()


def _postings_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.glob("*.pst"))


def test_postings_read_back_as_stock_whoosh_wrote_them(demo_index: Path, tmp_path: Path) -> None:
    articles = _stored_articles(demo_index)
    stock = _write(tmp_path / "stock", articles, W3Codec())
    ours = _write(tmp_path / "ours", articles, Codec())

    assert _postings(ours) == _postings(stock)
    with ours.reader() as reader:
        inlined = [key for key in reader.all_terms() if reader.term_info(*key).is_inlined()]
    assert len(inlined) > 100  # the short lists took the dictionary path
    assert _postings_bytes(tmp_path / "ours") < 0.85 * _postings_bytes(tmp_path / "stock")


def test_segments_of_our_codec_merge_as_stock_ones_do(demo_index: Path, tmp_path: Path) -> None:
    """Whoosh's merge re-reads every posting; inlined lists must hand it what blocks do."""
    articles = _stored_articles(demo_index)
    stock = _write(tmp_path / "stock", articles, W3Codec(), batches=4)
    ours = _write(tmp_path / "ours", articles, Codec(), batches=4)
    for ix, codec in ((stock, W3Codec()), (ours, Codec())):
        assert len(ix._segments()) == 4
        writer = ix.writer(codec=codec, compound=False)
        writer.commit(optimize=True)
        assert len(ix._segments()) == 1
    assert _postings(ours) == _postings(stock)


def test_lengths_answered_from_the_decoded_column_equal_w3s(
    demo_index: Path, tmp_path: Path
) -> None:
    """The writer asks a length per posting; ours decodes each column once, W3 per call."""
    from whoosh.codec.whoosh3 import W3PerDocReader

    ix = _write(tmp_path / "ours", _stored_articles(demo_index), Codec())
    (segment,) = ix._segments()
    ours = Codec().per_document_reader(ix.storage, segment)
    stock = W3PerDocReader(ix.storage, segment)
    asked = 0
    try:
        for fieldname in (*ix.schema.names(), "no_such_field"):
            for docnum in range(segment.doc_count_all()):
                expected = stock.doc_field_length(docnum, fieldname, default=-1)
                assert ours.doc_field_length(docnum, fieldname, default=-1) == expected
                asked += expected not in (-1, None)
    finally:
        ours.close()
        stock.close()
    assert asked > 100  # lengths were there to compare
