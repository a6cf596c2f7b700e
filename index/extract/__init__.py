"""Stored page bytes → Article. Each field comes from its own ladder in fields.py."""

from __future__ import annotations

import hashlib
from datetime import datetime

from index.article import Article
from index.extract import byline, fields
from index.extract.body import extract_paragraphs, figure_captions, find_container, text_sizes
from index.extract.capture import capture_time
from index.extract.decode import decode_page
from index.extract.domains import domain_from_path, registrable_domain
from index.extract.kind import is_list_page
from index.extract.language import article_language
from index.extract.page import Page
from index.extract.rubric import rubrics

__all__ = ["ExtractionError", "extract_page"]


class ExtractionError(ValueError):
    """A page that holds nothing to index; the message is the reason."""


def extract_page(
    data: bytes, *, path: str, url: str | None = None, captured_at: datetime | None = None
) -> Article:
    """Extract one stored page. Raises ExtractionError for pages with no text at all.

    ``captured_at`` is what the archive says of the capture (a WARC record's date);
    without it the page's own note or the file's name may tell.
    """
    if not data.strip():
        raise ExtractionError("empty file")
    decoded = decode_page(data)
    if "<" not in decoded.text:
        raise ExtractionError("not HTML")
    page = Page.parse(decoded.text, path=path, url=url, captured_at=captured_at)
    captured, noted_url = capture_time(captured_at, page.soup, path)
    page.captured_at = captured.at if captured else None
    page.url = url or noted_url
    article = _build(page, data)
    article.captured_from = captured.source if captured else ""
    return article


def _build(page: Page, data: bytes) -> Article:
    canonical = fields.canonical_url(page)
    page_url = page.url or canonical or ""
    domain = registrable_domain(canonical or page_url) or domain_from_path(page.path)
    title = fields.title(page) or ""
    site_name = fields.site_name(page, domain, title) or ""
    source = fields.source(site_name, domain)
    sizes = text_sizes(page.soup)
    container = find_container(page.soup, sizes)
    lead = fields.lead(page, container) or ""
    paragraphs = (
        extract_paragraphs(container, {title, lead}, sizes) if container is not None else []
    )
    if not lead:
        description = fields.description(page)
        lead = description if description and description not in paragraphs else ""
    authors = byline.authors(page, paragraphs, (site_name, source))
    signed = paragraphs and authors and fields.closing_signature(paragraphs) in authors
    if signed or fields.closing_byline(paragraphs, authors):
        paragraphs = paragraphs[:-1]  # a signature or byline line is no text
    body = "\n\n".join(paragraphs)
    found_date = fields.published(page)
    article = Article(
        url=page_url,
        canonical_url=canonical or "",
        path=page.path,
        sha256=hashlib.sha256(data).hexdigest(),
        captured_at=page.captured_at,
        title=title,
        published=found_date.value if found_date else None,
        published_tz_assumed=bool(found_date and found_date.tz_assumed),
        modified=fields.modified(page),
        source=source,
        site_name=site_name,
        domain=domain,
        rubrics=rubrics(page, title, page_url, (site_name, source)),
        authors=authors,
        tags=fields.tags(page),
        language=article_language(page, " ".join([title, lead, body])),
        lead=lead,
        body=body,
        captions=figure_captions(page.soup),
    )
    if is_list_page(page, body, container, page_url, title, sizes, signed=bool(authors)):
        article.kind = "list"
    elif not (title or body):
        raise ExtractionError("no title and no text")
    article.assign_id()
    return article
