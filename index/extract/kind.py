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
MIN_TEASERS = 6  # distinct headline links in what was taken for the text
MIN_TEASER_WORDS = 4
TEASER_LINK_SHARE = 0.35
MAX_TEXT_BEFORE_TEASERS = 300
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
    signed: bool = False,
) -> bool:
    """Declared articles are articles; a page the site's menu points to, or one whose text
    is a run of teasers, is a list page; so is a front-page URL, or little running text
    beside many headline links. ``signed``: the page names its author (a digest of
    teasers with a byline is someone's article)."""
    if page.article_ld is not None:
        return False
    # sites mark every page og:type=article, section indexes too: structure first
    if url and _menu_target(page, url):
        return True
    if not signed and container is not None and _teasers(container, sizes):
        return True
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


def _menu_target(page: Page, url: str) -> bool:
    """The page is where the site's own menu sends readers for a section: /politics/."""
    path = _path_of(url).rstrip("/").lower()
    if not path:
        return False
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for menu in page.soup.find_all("nav"):
        for link in menu.find_all("a", href=True):
            parts = urlsplit(str(link["href"]).strip())
            if parts.hostname and parts.hostname.removeprefix("www.") != host:
                continue
            if parts.path.rstrip("/").lower() == path and not parts.query:
                return True
    return False


def _teasers(container: Tag, sizes: TextSizes | None) -> bool:
    """What was taken for the text is a run of headline links to other pages, with at most
    a line of text under each: the teasers of a section or tag page."""
    headlines = [
        a
        for a in container.find_all("a", href=True)
        if len(clean_text(a).split()) >= MIN_TEASER_WORDS
    ]
    if len({str(a["href"]) for a in headlines}) < MIN_TEASERS:
        return False
    headings = [a for a in headlines if _is_whole_heading(a)]
    if len({str(a["href"]) for a in headings}) >= MIN_TEASERS:
        # a heading that is one link, again and again: teaser cards, whatever text follows
        return _text_before(container, headings[0]) < MAX_TEXT_BEFORE_TEASERS
    if _link_density(container, sizes) < TEASER_LINK_SHARE:
        return False
    return _text_before(container, headlines[0]) < MAX_TEXT_BEFORE_TEASERS


TEASER_HEADINGS = frozenset({"h2", "h3", "h4"})


def _is_whole_heading(link: Tag) -> bool:
    parent = link.parent
    return (
        isinstance(parent, Tag)
        and parent.name in TEASER_HEADINGS
        and clean_text(parent) == clean_text(link)
    )


def _text_before(container: Tag, link: Tag) -> int:
    """Characters of text in ``container`` before ``link``: an article's text comes before
    its related-story links; a section page opens with its first teaser."""
    total = 0
    for string in container.strings:
        if string.parent is link or link in string.parents:
            break
        total += len(string.strip())
    return total


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
