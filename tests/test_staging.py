"""The staged build (store on disk, keys in memory) gives the documents the in-memory one gave.

The reference below is the pipeline as it was before #17, on whole Articles:
outlet names, captures merged, furniture out, reprints grouped.
"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from index.article import Article
from index.article_store import STORE_NAME, StoreRows, StoreWriter, read_store, store_usable
from index.build import RebuildSummary, merge_captures, plan_documents, rebuild
from index.furniture import without_furniture
from index.outlet_file import OutletNames, default_names
from index.outlets import choose_outlets
from index.reprints import assign_reprint_groups
from index.staging import ArticleKey
from index.update import update
from tests.paths import DEMO_ARCHIVE

QUIET = {"stream": io.StringIO(), "interactive": False}
SUBSCRIBE = "Підписуйтеся на наш канал, щоб першими дізнаватися новини громади."


def _in_memory(extracted: list[Article]) -> list[Article]:
    """Documents as the build made them while it held every Article."""
    articles = [replace(a) for a in extracted if a.kind == "article"]
    choices = choose_outlets(articles, OutletNames(), default_names())
    for article in articles:
        if (choice := choices.get(article.domain)) is not None and choice.name:
            article.source = choice.name
    documents, _ = merge_captures(articles)
    documents, _ = without_furniture(documents)
    assign_reprint_groups(documents)
    return documents


def _staged(extracted: list[Article], folder: Path) -> list[Article]:
    store = StoreWriter(folder / STORE_NAME)
    keys = [ArticleKey.of(article, store.add(article, None)) for article in extracted]
    store.close()
    summary = RebuildSummary(index=folder)
    plan = plan_documents(store.store, keys, summary, folder, len(extracted))
    return list(plan.articles())


def _json(articles: list[Article]) -> list[dict]:
    return [article.to_json() for article in articles]


def _page(n: int, body: str, url: str) -> Article:
    return Article(
        id=f"id{n % 7}",
        url=url,
        path=f"p/{n:03}.html",
        sha256=f"{n:064x}",
        title=f"Новина номер {n % 7}",
        domain="vist.example",
        site_name="Вісті" if n % 3 else "",
        body=body,
    )


def _crafted() -> list[Article]:
    """Captures of one URL, an outlet line under many headlines, reprints at other URLs."""
    story = "Міська рада ухвалила бюджет на наступний рік після довгого обговорення. " * 4
    other = "На вулиці Садовій відкрили новий сквер із лавками і дитячим майданчиком. " * 4
    pages = []
    for n in range(21):
        text = story if n % 2 else f"{other} Додаток {n}."
        pages.append(_page(n, f"{text}\n\n{SUBSCRIBE}", f"https://vist.example/{n % 7}"))
    return pages


def test_staged_documents_equal_in_memory_ones_on_crafted_pages(tmp_path: Path) -> None:
    pages = _crafted()
    expected = _in_memory(pages)
    assert any(a.captures > 1 for a in expected)  # the cases are there to be equal
    assert all(SUBSCRIBE not in a.body for a in expected)
    assert len({a.reprint_group for a in expected}) < len(expected)
    assert _json(_staged(pages, tmp_path)) == _json(expected)


def test_staged_documents_equal_in_memory_ones_on_the_demo_archive(
    demo_index: Path, tmp_path: Path
) -> None:
    extracted = [row.article for row in read_store(demo_index.resolve() / STORE_NAME)]
    rows = StoreRows(demo_index.resolve() / STORE_NAME)  # rows read by number: the same
    assert [rows[n].article for n in reversed(range(len(extracted)))] == extracted[::-1]
    assert _json(_staged(extracted, tmp_path)) == _json(_in_memory(extracted))


def test_corpus_pages_staged_equal_in_memory(
    corpus_articles: list[Article], tmp_path: Path
) -> None:
    assert _json(_staged(corpus_articles, tmp_path)) == _json(_in_memory(corpus_articles))


def test_the_store_keeps_every_article_whole_and_opens_in_duckdb(demo_index: Path) -> None:
    store = demo_index.resolve() / STORE_NAME
    assert store_usable(store)
    rows = list(read_store(store))
    assert rows and all(row.sha256 == row.article.sha256 for row in rows)
    table = pq.read_table(store)
    assert table.num_rows == len(rows)
    assert table.schema.field("article").type == "string"
    counted = duckdb.sql(
        f"SELECT domain, count(*) AS pages, "
        f"max(json_array_length(json_extract(article, '$.quotes'))) AS quotes "
        f"FROM read_parquet('{store}/*.parquet') WHERE kind = 'article' GROUP BY domain"
    ).fetchall()
    assert sum(pages for _, pages, _ in counted) == sum(
        1 for row in rows if row.article.kind == "article"
    )
    first = json.loads(table.column("article")[0].as_py())
    assert Article.from_json(first) == rows[0].article


def test_a_store_of_other_extraction_code_is_not_usable(tmp_path: Path, monkeypatch) -> None:
    from index import extraction_code

    store = StoreWriter(tmp_path / STORE_NAME)
    store.add(Article(id="a", path="a.html", title="Т"), None)
    store.close()
    assert store_usable(store.store)
    monkeypatch.setattr(extraction_code, "extraction_code", lambda: "other code")
    assert not store_usable(store.store)
    monkeypatch.undo()
    (store.store / "part-00001.parquet").write_bytes(b"not parquet")
    assert not store_usable(store.store)
    assert not store_usable(tmp_path / "absent")


def test_a_failed_update_keeps_the_previous_store(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(DEMO_ARCHIVE, archive)
    index = tmp_path / "index"
    rebuild(archive, index, **QUIET)
    store = index.resolve() / STORE_NAME
    before = {part.name: part.read_bytes() for part in store.iterdir()}
    first = next(archive.rglob("*.html"))
    first.write_bytes(first.read_bytes() + b"\n<!-- changed -->")

    def fail(*args, **kwargs):
        raise RuntimeError("the disk filled up")

    from index import update as update_module

    monkeypatch.setattr(update_module, "_apply", fail)
    with pytest.raises(RuntimeError):
        update(archive, index, **QUIET)
    assert {part.name: part.read_bytes() for part in store.iterdir()} == before
    assert [p.name for p in index.resolve().iterdir() if p.name.startswith(".")] == []
    monkeypatch.undo()
    assert update(archive, index, **QUIET).extracted == 1
