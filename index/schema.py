"""The Whoosh schema and the Article ⇄ stored-document mapping."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, FieldType, Schema
from whoosh.formats import Existence
from whoosh.util.times import datetime_to_long

from index.analysis import LanguageText, exact_form_analyzer, lemma_analyzer
from index.article import Article, Capture, Quote

TEXT_FIELDS: tuple[str, ...] = (
    "title",
    "body",
    "quotes",
)  # what words are searched in; body holds the lead
FORMS_FIELD = "forms"  # every exact form of an article, for ="form" queries
FORMS_SOURCES = ("title", "body")  # the fields whose text the forms field joins
NOT_SET = ""  # stored for a missing facet value so the column stays dense


def exact_forms_field() -> FieldType:
    """Which exact forms an article holds anywhere in its text: no positions, no counts.

    A query for one form (``="Путіна"``) needs only to know the article has
    it; positions stay in the lemma fields, where phrases are matched. Its text
    is the title and the body joined (``article_document``); ``sources`` says so,
    and the writer takes their forms from its one pass over them (index/writer.py).
    """
    field = FieldType(Existence(), exact_form_analyzer())
    field.sources = FORMS_SOURCES
    return field


def build_schema() -> Schema:
    analyzer = lemma_analyzer()

    def text(boost: float, stored: bool = True) -> TEXT:
        return TEXT(analyzer=analyzer, stored=stored, phrase=True, field_boost=boost)

    def facet() -> ID:
        return ID(stored=True, sortable=True)

    return Schema(
        id=ID(stored=True, unique=True),
        url=STORED(),
        canonical_url=STORED(),
        path=STORED(),
        sha256=STORED(),
        captured_at=STORED(),
        captured_from=STORED(),
        captures=STORED(),
        earlier_captures=STORED(),
        title=text(3.0),
        lead=STORED(),  # indexed as the start of body: one field fewer for every query
        body=text(1.0),
        quotes=text(2.0, stored=False),
        **{FORMS_FIELD: exact_forms_field()},
        quotes_json=STORED(),
        # a column only: date filters and orders read it whole (search/docsets.py), and as
        # indexed terms it cost five postings an article
        published=COLUMN(NumericColumn("q")),
        published_iso=STORED(),
        published_tz_assumed=STORED(),
        source=facet(),
        domain=facet(),
        rubric=KEYWORD(stored=True, commas=True, scorable=True, sortable=True),
        language=facet(),
        year=facet(),
        month=facet(),
        speakers=KEYWORD(stored=True, commas=True, scorable=True, sortable=True),
        authors=KEYWORD(stored=True, commas=True, scorable=True, sortable=True),
        tags=KEYWORD(stored=True, commas=True, lowercase=True),
        captions=STORED(),
        # folding and facets read the column; no query looks a group up by term
        reprint_group=StoredColumn(),
        digest=STORED(),
    )


class StoredColumn(COLUMN):
    """A string kept as a per-document column and as a stored value, and not indexed."""

    stored = True

    def __init__(self) -> None:
        super().__init__(VarBytesColumn())

    def to_bytes(self, value: str) -> bytes:
        return value.encode("utf-8")

    def from_bytes(self, value: bytes) -> str:
        return value.decode("utf-8")


def schema_matches(schema: Schema) -> bool:
    """Whether an existing index has today's fields, each in today's posting format."""

    def shape(of: Schema) -> dict[str, tuple[str, str]]:
        return {name: (type(f).__name__, type(f.format).__name__) for name, f in of.items()}

    return shape(schema) == shape(build_schema())


def _joined(values: list[str]) -> str:
    return ",".join(value.replace(",", " ") for value in values)


def article_document(article: Article) -> dict[str, Any]:
    """The fields Whoosh indexes and stores for one article.

    Stored values are pickled per document with their field names, so empty and
    default values are left out (None) and hashes kept as bytes: a tenth of what
    an article stores, at a hundred thousand articles 17 MB.
    """
    lang = article.language

    def analysed(value: str) -> LanguageText:
        return LanguageText(value, lang)

    published = article.published
    quotes_text = "\n".join(quote.text for quote in article.quotes)
    body = f"{article.lead}\n\n{article.body}" if article.lead else article.body
    return {
        "id": article.id,
        "url": article.url,
        "canonical_url": article.canonical_url or None,
        "path": article.path,
        "sha256": bytes.fromhex(article.sha256) if article.sha256 else None,
        "captured_at": article.captured_at.isoformat() if article.captured_at else None,
        "captured_from": article.captured_from or None,
        "captures": _unless(article.captures, 1),
        "earlier_captures": _captures_json(article.earlier_captures),
        "title": analysed(article.title),
        "_stored_title": article.title,
        "lead": article.lead or None,
        "body": analysed(body),
        FORMS_FIELD: analysed("\n".join((article.title, body))),  # FORMS_SOURCES
        "_stored_body": article.body,
        "quotes": analysed(quotes_text),
        "quotes_json": _quotes_json(article.quotes),
        "published": _column_time(published) if published else None,
        "published_tz_assumed": article.published_tz_assumed or None,
        "source": article.source or NOT_SET,
        "domain": article.domain or NOT_SET,
        "rubric": _joined(article.rubrics),
        "language": lang,
        "year": f"{published:%Y}" if published else NOT_SET,
        "month": f"{published:%Y-%m}" if published else NOT_SET,
        "speakers": _joined(article.speakers),
        "authors": _joined(article.authors),
        "tags": _joined(article.tags) or None,
        "captions": article.captions or None,
        "reprint_group": article.reprint_group or article.id,
        "digest": article_digest(article),
        "published_iso": published.isoformat() if published else None,
    }


def _unless(value: Any, default: Any) -> Any:
    """None (nothing stored) where the value is what reading would assume anyway."""
    return None if value == default else value


def _quotes_json(quotes: list[Quote]) -> str | None:
    if not quotes:
        return None
    return json.dumps([_quote_json(q) for q in quotes], ensure_ascii=False)


def _captures_json(captures: list[Capture]) -> str | None:
    if not captures:
        return None
    return json.dumps([capture.to_json() for capture in captures], ensure_ascii=False)


def _captures_from_json(text: str | None) -> list[Capture]:
    captures = []
    for item in json.loads(text or "[]"):
        when = item.get("captured_at")
        captures.append(
            Capture(
                path=item["path"],
                sha256=item["sha256"],
                captured_at=datetime.fromisoformat(when) if when else None,
                captured_from=item.get("captured_from") or "",
            )
        )
    return captures


def article_digest(article: Article) -> bytes:
    """A fingerprint of everything indexed for an article: equal digests, equal documents."""
    text = json.dumps(article.to_json(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(text.encode("utf-8")).digest()


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "text": quote.text,
        "speaker": quote.speaker,
        "confidence": quote.confidence,
        "direct": quote.direct,
    }


def _column_time(value: datetime) -> int:
    """The publication column holds Whoosh's long form of the naive UTC time."""
    return datetime_to_long(value.astimezone(UTC).replace(tzinfo=None))


def _hex(value: bytes | str | None) -> str:
    """A stored hash as hex; indexes written before hashes were bytes hold the hex itself."""
    if isinstance(value, bytes):
        return value.hex()
    return value or ""


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split(",") if part]


def article_from_stored(stored: dict[str, Any]) -> Article:
    """Rebuild the Article a hit stands for, from stored fields only."""
    published = stored.get("published_iso")
    captured = stored.get("captured_at")
    return Article(
        id=stored["id"],
        url=stored.get("url") or "",
        canonical_url=stored.get("canonical_url") or "",
        path=stored.get("path") or "",
        sha256=_hex(stored.get("sha256")),
        captured_at=datetime.fromisoformat(captured) if captured else None,
        captured_from=stored.get("captured_from") or "",
        captures=stored.get("captures") or 1,
        earlier_captures=_captures_from_json(stored.get("earlier_captures")),
        title=stored.get("title") or "",
        published=datetime.fromisoformat(published) if published else None,
        published_tz_assumed=bool(stored.get("published_tz_assumed")),
        source=stored.get("source") or "",
        domain=stored.get("domain") or "",
        rubrics=_split(stored.get("rubric")),
        authors=_split(stored.get("authors")),
        tags=_split(stored.get("tags")),
        language=stored.get("language") or "uk",
        lead=stored.get("lead") or "",
        body=stored.get("body") or "",
        captions=list(stored.get("captions") or []),
        quotes=[Quote(**q) for q in json.loads(stored.get("quotes_json") or "[]")],
        speakers=_split(stored.get("speakers")),
        reprint_group=stored.get("reprint_group") or "",
    )
