"""Search results as CSV (every match, streamed) and as an Atom feed (the newest).

CSV cells are made safe for spreadsheets (see ``spreadsheet_cell``); the JSON
answers keep every text exactly as extracted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from index.article import Article

CSV_COLUMNS = (
    "id",
    "published",
    "title",
    "source",
    "domain",
    "rubric",
    "authors",
    "speakers",
    "language",
    "url",
    "path",
    "sha256",
    "captures",
    "captured_at",
    "page_url",
    "lead",
    "quotes",
)
SUMMARY_CHARS = 400
# A cell starting with one of these is a formula to Excel, LibreOffice and Google
# Sheets (OWASP "CSV Injection"); archived pages come from anywhere.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(
    articles: Iterable[Article], page_url: Callable[[str], str] = lambda _id: ""
) -> Iterator[str]:
    """A header, then one row per article, each row produced when it is asked for;
    ``page_url`` gives the address of an article's page here."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff"  # spreadsheets open UTF-8 CSV correctly only with a BOM
    writer.writerow(CSV_COLUMNS)
    yield flush()
    for article in articles:
        values = _csv_values(article, page_url(article.id))
        writer.writerow([spreadsheet_cell(value) for value in values])
        yield flush()


def spreadsheet_cell(value: str | int) -> str:
    """A cell a spreadsheet shows as the text it is: a text that would start a formula
    gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, int):
        return str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _quoted(article: Article) -> str:
    return " | ".join(f"«{q.text}» — {q.speaker or '?'}" for q in article.quotes)


def _csv_values(article: Article, page_url: str) -> list[str | int]:
    values = {
        **{name: getattr(article, name) for name in CSV_COLUMNS if hasattr(article, name)},
        "published": article.published.isoformat() if article.published else "",
        "authors": "; ".join(article.authors),
        "speakers": "; ".join(article.speakers),
        "rubric": ", ".join(article.rubrics),
        "captured_at": article.captured_at.isoformat() if article.captured_at else "",
        "page_url": page_url,
        "quotes": _quoted(article),
    }
    return [v if isinstance(v, int) else str(v) for v in (values[n] for n in CSV_COLUMNS)]


def atom_feed(
    articles: list[Article], *, title: str, self_url: str, html_url: str, article_url: callable
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
