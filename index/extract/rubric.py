"""The sections an article is filed under, most specific first.

The article's own metadata comes first (JSON-LD articleSection and BreadcrumbList,
<meta article:section>, microdata), then what the page shows: a «Рубрика:» label,
the deepest breadcrumb, the link to the section named by the URL's path, the heading
of a block of the section's stories, an element marked as the section. A home
crumb, the site's own name and the headline are never a section.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bs4 import Tag

from index.extract.body import clean_text
from index.extract.fields import after_label
from index.extract.jsonld import text_value
from index.extract.meta import all_meta, itemprop_elements, itemprop_value
from index.extract.page import Page
from index.extract.selectors import (
    BOILERPLATE_LINES,
    BREADCRUMB_HINTS,
    HOME_CRUMBS,
    MENU_HINTS,
    RUBRIC_HINTS,
    RUBRIC_LABELS,
    SECTION_META,
)

MAX_RUBRICS = 3
MAX_RUBRIC_CHARS = 60
MAX_RUBRIC_WORDS = 4
MENU_HEADING_LOOKAHEAD = 40
_CRUMB_SEPARATORS = frozenset("›»/>|→•·")
_CRUMB_SPLIT = re.compile(r"\s[›»/>|→•·]\s")
_SLUG = re.compile(r"^[a-z][a-z_-]{1,40}$")
_WORD = re.compile(r"\w+")
_ADDRESS = re.compile(r"^(?:https?:|www\.|/)", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Known:
    """What the other extractors found that the steps need."""

    headline: str
    url: str


Step = Callable[[Page, Known], list[str]]


def rubrics(page: Page, headline: str, url: str, site_names: Iterable[str]) -> list[str]:
    """The first step that names a section gives them all, most specific first."""
    excluded = {name.lower() for name in site_names if name} | HOME_CRUMBS
    known = Known(headline=headline, url=url)
    for step in LADDER:
        found = [
            value
            for value in dict.fromkeys(_squash(v) for v in step(page, known))
            if value and _admissible(value, headline, excluded)
        ]
        if found:
            return found[:MAX_RUBRICS]
    return []


def _squash(text: str | None) -> str:
    return " ".join((text or "").split()).strip(" :|›»")


def _admissible(value: str, headline: str, excluded: set[str]) -> bool:
    return (
        len(value) <= MAX_RUBRIC_CHARS
        and not _ADDRESS.match(value)
        and value.lower() not in excluded
        and not _same_words(value, headline)
    )


def _same_words(a: str, b: str) -> bool:
    """A crumb that repeats the headline (often cut short) is the article, not its section."""
    wa = [w.lower() for w in _WORD.findall(a)]
    wb = [w.lower() for w in _WORD.findall(b)]
    return len(wa) > MAX_RUBRIC_WORDS - 1 and wa == wb[: len(wa)]


def _ld_sections(page: Page, _known: Known) -> list[str]:
    value = page.ld("articleSection")
    values = value if isinstance(value, list) else [value]
    return [text for v in values if (text := text_value(v))]


def _ld_breadcrumbs(page: Page, _known: Known) -> list[str]:
    for obj in page.jsonld:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "BreadcrumbList" in kinds:
            return _deepest_first(_crumb_names(obj.get("itemListElement")))
    return []


def _crumb_names(elements: Any) -> list[str]:
    if not isinstance(elements, list):
        return []
    ordered = sorted(
        (e for e in elements if isinstance(e, dict)), key=lambda e: _position(e.get("position"))
    )
    found = []
    for element in ordered:
        item = element.get("item")
        name = element.get("name") or (item.get("name") if isinstance(item, dict) else None)
        if isinstance(name, str) and name.strip():
            found.append(name)
    return found


def _position(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("inf")


def _deepest_first(crumbs: list[str]) -> list[str]:
    return list(reversed(crumbs))


def _meta_sections(page: Page, _known: Known) -> list[str]:
    found = list(all_meta(page.meta, SECTION_META))
    found += [v for e in itemprop_elements(page.soup, "articlesection") if (v := itemprop_value(e))]
    return found


def _labelled(page: Page, _known: Known) -> list[str]:
    for string in page.soup.find_all(string=RUBRIC_LABELS):
        value = after_label(string, RUBRIC_LABELS)
        if value:
            return [value]
    return []


def _html_breadcrumbs(page: Page, _known: Known) -> list[str]:
    for element in page.soup.find_all(class_=BREADCRUMB_HINTS):
        crumbs = [clean_text(e) for e in element.find_all(["a", "span", "li"])]
        if not crumbs:  # «Головна » Новини » Спорт»: the trail as plain text
            crumbs = [part.strip() for part in _CRUMB_SPLIT.split(clean_text(element))]
        crumbs = [c for c in dict.fromkeys(crumbs) if c and c not in _CRUMB_SEPARATORS]
        crumbs = [c for c in crumbs if len(c) < MAX_RUBRIC_CHARS]
        if crumbs:
            return _deepest_first(crumbs)
    return []


def _url_section(page: Page, known: Known) -> list[str]:
    """/politics/991464-… names its section: the page's link to /politics/ says how."""
    url = known.url
    folders = [part for part in urlsplit(url).path.split("/")[:-1] if part]
    if not folders:
        return []
    links = _links_by_path(page, urlsplit(url).hostname or "")
    found = []
    for depth in range(len(folders), 0, -1):
        slug = folders[depth - 1].lower()
        if not _SLUG.match(slug):
            continue
        text = links.get("/" + "/".join(folders[:depth]).lower()) or _named_after(links, slug)
        if text and _reads_like_a_section(text):
            found.append(text)
    return found


def _named_after(links: dict[str, str], slug: str) -> str | None:
    """A section index elsewhere on the site: /news/chapter_world for /world/…, and /misto
    for /news/misto/… or /uk/misto/2024/…"""
    for path, text in links.items():
        last = path.rsplit("/", 1)[-1]
        top_level = path == "/" + slug
        if top_level or (last != slug and re.split(r"[_-]", last)[-1] == slug):
            return text
    return None


def _links_by_path(page: Page, host: str) -> dict[str, str]:
    """Link paths on this site (lowercased, no final slash) → the first text linking there."""
    links: dict[str, str] = {}
    for anchor in page.soup.find_all("a", href=True):
        parts = urlsplit(str(anchor["href"]).strip())
        if (
            parts.hostname
            and host
            and parts.hostname.removeprefix("www.") != host.removeprefix("www.")
        ):
            continue
        path = parts.path.rstrip("/").lower()
        if path and path not in links and (text := clean_text(anchor)):
            links[path] = text
    return links


def _hinted(page: Page, _known: Known) -> list[str]:
    element = page.soup.find(class_=RUBRIC_HINTS)
    if not isinstance(element, Tag) or len(element.find_all("a")) > 1:
        return []  # a list of sections is a menu, not this article's section
    text = clean_text(element)
    return [text] if _reads_like_a_section(text) else []


def _reads_like_a_section(text: str) -> bool:
    """A section name: a few words, not a lead-in («Катерина Тейлор:») nor a related block."""
    return (
        0 < len(text.split()) <= MAX_RUBRIC_WORDS
        and not text.endswith(":")
        and not BOILERPLATE_LINES.match(text)
    )


def _menu_sections(page: Page) -> dict[str, str]:
    """Section names of the site's menus, lowercased → as written."""
    menus = page.soup.find_all("nav") + page.soup.find_all(class_=MENU_HINTS)
    sections: dict[str, str] = {}
    for menu in menus:
        for link in menu.find_all("a"):
            text = clean_text(link)
            if text and text.lower() not in HOME_CRUMBS and len(text.split()) <= MAX_RUBRIC_WORDS:
                sections.setdefault(text.lower(), text)
    return sections


def _menu_heading(page: Page, _known: Known) -> list[str]:
    """A heading after the headline that names one of the site's menu sections: the block
    of that section's stories, which outlets put beside an article of the section."""
    h1 = page.soup.find("h1")
    if not isinstance(h1, Tag):
        return []
    sections = _menu_sections(page)
    if not sections:
        return []
    for heading in h1.find_all_next(["h2", "h3", "h4", "h5"], limit=MENU_HEADING_LOOKAHEAD):
        text = clean_text(heading)
        if text.lower() in sections and _reads_like_a_section(text):
            return [text]
    return []


LADDER: tuple[Step, ...] = (
    _ld_sections,
    _ld_breadcrumbs,
    _meta_sections,
    _labelled,
    _html_breadcrumbs,
    _url_section,
    _menu_heading,
    _hinted,
)
