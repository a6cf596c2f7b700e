"""The Article record: identity of a document across captures, JSON form."""

from __future__ import annotations

from datetime import datetime

from index.article import Article, normalise_url


def test_url_identity_ignores_scheme_www_tracking_and_trailing_slash() -> None:
    assert (
        normalise_url("https://www.Example.ua/news/1/?utm_source=tg&id=5#top")
        == "example.ua/news/1?id=5"
    )
    assert normalise_url("http://example.ua/news/1") == normalise_url(
        "https://example.ua/news/1/?fbclid=x"
    )


def test_page_without_url_is_named_by_outlet_day_and_headline() -> None:
    first = Article(
        path="a.html",
        domain="x.ua",
        title="Нова  Школа",
        published=datetime.fromisoformat("2024-01-02T10:00:00+02:00"),
    )
    second = Article(
        path="b.html",
        domain="x.ua",
        title="нова школа",
        published=datetime.fromisoformat("2024-01-02T18:00:00+02:00"),
    )
    first.assign_id()
    second.assign_id()
    assert first.id == second.id


def test_page_with_nothing_to_go_by_is_its_path() -> None:
    article = Article(path="folder/page.html")
    assert article.identity() == "folder/page.html"


def test_json_dates_keep_their_offsets() -> None:
    article = Article(published=datetime.fromisoformat("2024-11-13T12:38:00+02:00"))
    assert article.to_json()["published"] == "2024-11-13T12:38:00+02:00"
