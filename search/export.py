"""Search results as CSV a spreadsheet opens safely: every match, one row at a time.

The web export and `pidshyvka search --format csv` write the same rows. Cells are made
safe for spreadsheets (see ``spreadsheet_cell``); JSON keeps every text as extracted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

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
