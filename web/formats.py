"""Search results as an Atom feed (the newest); CSV rows come from ``search.export``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from index.article import Article

SUMMARY_CHARS = 400


def atom_feed(
    articles: list[Article],
    *,
    title: str,
    self_url: str,
    html_url: str,
    article_url: Callable[[str], str],
) -> str:
    updated = max((a.published for a in articles if a.published), default=None)
    updated_text = (updated or datetime.now(UTC)).isoformat()
    entries = "".join(_entry(article, article_url(article.id)) for article in articles)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">\n'
        f"<title>{escape(title)}</title>\n"
        f"<id>{escape(self_url)}</id>\n"
        f'<link rel="self" href={quoteattr(self_url)}/>\n'
        f'<link rel="alternate" type="text/html" href={quoteattr(html_url)}/>\n'
        f"<updated>{updated_text}</updated>\n"
        f"<generator>pidshyvka</generator>\n{entries}</feed>\n"
    )


def _authors(article: Article) -> list[str]:
    """Atom wants an author per entry: the bylines, else the outlet."""
    return article.authors or [article.source or article.domain or "невідомо"]


def _entry(article: Article, url: str) -> str:
    when = (article.published or article.captured_at or datetime.now(UTC)).isoformat()
    summary = (article.lead or article.body)[:SUMMARY_CHARS]
    return (
        "<entry>\n"
        f"<title>{escape(article.title or article.url)}</title>\n"
        f"<id>urn:pidshyvka:{escape(article.id)}</id>\n"
        f"<link href={quoteattr(url)}/>\n"
        f"<updated>{when}</updated>\n"
        f"<published>{when}</published>\n"
        + "".join(f"<author><name>{escape(name)}</name></author>\n" for name in _authors(article))
        + f"<summary>{escape(summary)}</summary>\n"
        "</entry>\n"
    )
