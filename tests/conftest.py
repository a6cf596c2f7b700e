"""Shared fixtures: a demo-archive index built once per run, and a Flask test client."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from index.article import Article
from index.build import extract_stored, list_pages, rebuild
from tests.paths import CORPUS, DEMO_ARCHIVE, need_shared

CORPUS_PAGES = 1000  # the corpus pages the writer and staging equality tests run on


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("demo") / "index"
    rebuild(DEMO_ARCHIVE, index_dir, jobs=1, interactive=False, stream=io.StringIO())
    return index_dir


@pytest.fixture()
def client(demo_index: Path):
    from web import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": str(demo_index)})
    return app.test_client()


@pytest.fixture(scope="session")
def corpus_articles() -> list[Article]:
    """The first 1,000 corpus pages, extracted (list pages and captures among them)."""
    corpus = need_shared(CORPUS)
    pages = list_pages(corpus, [])[:CORPUS_PAGES]
    extracted = [extract_stored(corpus, page) for page in pages]
    articles = [item for item in extracted if isinstance(item, Article)]
    assert len(articles) > 0.9 * CORPUS_PAGES
    return articles
