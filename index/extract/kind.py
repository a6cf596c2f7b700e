"""Tell a list page (home, section, tag page) from an article."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import Tag

from index.extract.body import clean_text, is_boilerplate
from index.extract.jsonld import declares_list_page
from index.extract.meta import first_meta
from index.extract.page import Page
from index.extract.textsize import TextSizes

MIN_ARTICLE_WORDS = 40
MIN_SHORT_ARTICLE_WORDS = 15  # a page with one headline and this much text is a short news item
LINK_DENSITY_LIST = 0.5
LIST_PATHS = ("", "/", "/news", "/news/", "/uk", "/uk/", "/ru", "/ru/", "/ua", "/ua/")


def _stems(text: str) -> set[str]:
    return {word[:5].lower() for word in re.findall(r"\w{4,}", text)}


def text_follows_headline(title: str, body_text: str) -> bool:
    """An article's text shares words with its headline; a front page's lead story need not."""
    return bool(_stems(title) & _stems(body_text[:3000]))


def is_list_page(
    page: Page,
    body_text: str,
    container: Tag | None,
    url: str | None,
    title: str = "",
    sizes: TextSizes | None = None,
) -> bool:
    """Declared articles are articles; otherwise a front-page URL, or little running
    text beside many headline links, makes a list page."""
    if page.article_ld is not None:
        return False
    og_type = (first_meta(page.meta, ("og:type",)) or "").lower()
    if og_type == "article" or first_meta(page.meta, ("article:published_time",)):
        return False
    if url and _path_of(url) in LIST_PATHS:
        return True
    words = len(body_text.split())
    single_headline = len(page.soup.find_all("h1")) == 1
    if (
        single_headline
        and words >= MIN_SHORT_ARTICLE_WORDS
        and text_follows_headline(title, body_text)
    ):
        return False
    dense_text = container is not None and _link_density(container, sizes) <= LINK_DENSITY_LIST
    if words >= MIN_ARTICLE_WORDS and dense_text and text_follows_headline(title, body_text):
        return False
    return declares_list_page(page.jsonld) or og_type == "website" or _many_headlines(page)


def _path_of(url: str) -> str:
    return urlsplit(url).path


def _link_density(container: Tag, sizes: TextSizes | None) -> float:
    if sizes is None:
        sizes = TextSizes(container, is_boilerplate)
    return sizes.linked(container) / (sizes.length(container) or 1)


def _many_headlines(page: Page) -> bool:
    body = page.soup.body
    if body is None:
        return False
    headline_links = [a for a in body.find_all("a") if len(clean_text(a).split()) >= 5]
    return len(headline_links) >= 8
