"""Quote attribution (being written)."""

from __future__ import annotations

from index.article import Article


def attach_quotes(article: Article) -> None:
    article.quotes = []
    article.speakers = []
