"""What an article stores comes back as the same article, however sparse or full."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index.article import Article, Quote
from index.schema import article_document, article_from_stored, build_schema

FULL = Article(
    id="a1b2c3d4e5f60718",
    url="https://example.ua/news/1",
    canonical_url="https://example.ua/news/1?amp=0",
    path="example.ua/news-1.html",
    sha256="ab" * 32,
    captured_at=datetime(2024, 3, 2, 10, 0, tzinfo=UTC),
    captures=3,
    title="Уряд ухвалив бюджет",
    published=datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
    published_tz_assumed=True,
    source="Приклад",
    domain="example.ua",
    rubrics=["Економіка"],
    authors=["Олена Петренко", "Іван Коваль"],
    tags=["бюджет", "уряд"],
    language="uk",
    lead="Коротко про головне.",
    body="Уряд ухвалив бюджет на наступний рік.",
    captions=["Засідання уряду"],
    quotes=[Quote(text="Бюджет збалансований", speaker="Олена Петренко", confidence=0.9)],
    speakers=["Олена Петренко"],
    reprint_group="ffffffffffffffff",
)
SPARSE = Article(
    id="0000000000000001",
    path="x.html",
    title="Заголовок",
    body="Текст.",
    reprint_group="0000000000000001",
)


@pytest.mark.parametrize("article", [FULL, SPARSE], ids=["full", "sparse"])
def test_stored_fields_give_back_the_article(article: Article, tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    with ix.writer() as writer:
        writer.add_document(**article_document(article))
    with ix.searcher() as searcher:
        stored = searcher.stored_fields(0)
    assert article_from_stored(stored) == article


def test_defaults_and_empty_values_are_not_stored(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    with ix.writer() as writer:
        writer.add_document(**article_document(SPARSE))
    with ix.searcher() as searcher:
        stored = searcher.stored_fields(0)
    assert not {"captures", "lead", "tags", "captions", "quotes_json", "sha256"} & stored.keys()


def test_hex_hashes_of_older_indexes_still_read() -> None:
    stored = article_document(FULL) | {"sha256": FULL.sha256, "title": FULL.title}
    stored["body"] = FULL.body
    assert article_from_stored(stored).sha256 == FULL.sha256
