"""Authors, from byline places only, each checked as a person's name.

Structured data first (JSON-LD author people, microdata, rel=author, <meta author>),
then what the page shows as a byline: a «Автор:» label, an element marked as the
byline, links to author pages, a signature closing the text. What the page shows
counts only outside its furniture (sidebars, footers, related-story blocks), where
block headings and columnists' lists read like bylines but are not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bs4 import Tag

from index.analysis.lemmas import morphology
from index.analysis.normalize import has_cyrillic
from index.extract.body import clean_text
from index.extract.dates import human_dates
from index.extract.fields import after_label, closing_signature, itemprop_name
from index.extract.jsonld import people_names
from index.extract.meta import all_meta, itemprop_elements
from index.extract.page import Page
from index.extract.selectors import (
    AUTHOR_HINTS,
    AUTHOR_LABELS,
    AUTHOR_META,
    AUTHOR_PAGE_LINK,
    FURNITURE_HINTS,
    NAME_PARTICLES,
)

MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 80
MAX_PAGE_LINKS = 3
MAX_BYLINE_CHARS = 120
FURNITURE_TAGS = frozenset({"aside", "footer", "nav"})
_NOT_A_NAME = re.compile(r"\d|https?:|www\.|\.(?:com|org|net|ua|ru|tv)\b|@|[!?]", re.IGNORECASE)
_EDGE_PUNCTUATION = " \t,.;:–—-|/\\()[]{}«»\"'“”„*•·"
_SPLIT = re.compile(r"\s*(?:,|;|\s+/\s+|\s+\|\s+|\s+і\s+|\s+та\s+|\s+и\s+|\s+and\s+)\s*")

Step = Callable[[Page, list[str]], list[str]]


_WRITTEN_FOR = re.compile(r"\s+(?:спеціально\s+|специально\s+|especially\s+)?(?:для|for)\s+.*$")


def trimmed(text: str) -> str:
    """A byline without its label, the outlet it was written for («… для "Вістей"») and
    the punctuation around it; a name in capitals is written as a name."""
    text = AUTHOR_LABELS.sub("", " ".join(text.split()))
    text = _WRITTEN_FOR.sub("", text).strip(_EDGE_PUNCTUATION)
    if text.isupper() and len(text.split()) > 1:  # «УНІАН» stays as it is
        text = " ".join(_capitalised(word) for word in text.split())
    return text


def _capitalised(word: str) -> str:
    if word.lower() in NAME_PARTICLES:
        return word.lower()
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def looks_like_name(text: str, min_words: int = 1) -> bool:
    """A person's name: a few capitalised words (name particles aside), no digits or addresses."""
    words = text.split()
    if not min_words <= len(words) <= MAX_NAME_WORDS or len(text) > MAX_NAME_CHARS:
        return False
    if _NOT_A_NAME.search(text):
        return False
    return words[0][0].isupper() and all(
        word[0].isupper() or word.lower() in NAME_PARTICLES for word in words
    )


def split_names(value: str) -> list[str]:
    return [name for part in _SPLIT.split(value) if (name := trimmed(part))]


def in_furniture(element: Tag) -> bool:
    for node in (element, *element.parents):
        if not isinstance(node, Tag):
            continue
        if node.name in FURNITURE_TAGS:
            return True
        marks = " ".join([*(node.get("class") or []), str(node.get("id") or "")])
        if marks and FURNITURE_HINTS.search(marks):
            return True
    return False


def _ld_people(page: Page, _paragraphs: list[str]) -> list[str]:
    return [name for value in people_names(page.ld("author")) for name in split_names(value)]


def _microdata(page: Page, _paragraphs: list[str]) -> list[str]:
    return [v for e in itemprop_elements(page.soup, "author") if (v := itemprop_name(e))]


def _rel_author(page: Page, _paragraphs: list[str]) -> list[str]:
    links = page.soup.find_all("a", rel=lambda v: v and "author" in v)
    return [clean_text(a) for a in links if not in_furniture(a)]


def _meta(page: Page, _paragraphs: list[str]) -> list[str]:
    return [name for value in all_meta(page.meta, AUTHOR_META) for name in split_names(value)]


def _labelled(page: Page, _paragraphs: list[str]) -> list[str]:
    for string in page.soup.find_all(string=AUTHOR_LABELS):
        if string.parent is not None and in_furniture(string.parent):
            continue
        value = after_label(string, AUTHOR_LABELS)
        if value:
            return split_names(value)
    return []


def _hinted(page: Page, _paragraphs: list[str]) -> list[str]:
    for element in page.soup.find_all(class_=AUTHOR_HINTS):
        if in_furniture(element):
            continue
        text = trimmed(clean_text(element))
        if looks_like_name(text, min_words=2):
            return [text]
    return []


def _author_pages(page: Page, _paragraphs: list[str]) -> list[str]:
    links = page.soup.find_all("a", href=AUTHOR_PAGE_LINK)
    named = [clean_text(a) for a in links if not in_furniture(a)]
    return [name for name in named if looks_like_name(trimmed(name), min_words=2)][:MAX_PAGE_LINKS]


def _article_footer(page: Page, _paragraphs: list[str]) -> list[str]:
    """HTML's own byline place: the <footer> of an <article> («Ольга Коваль, УП»)."""
    for footer in page.soup.find_all("footer"):
        if footer.find_parent("article") is None:
            continue
        signature = closing_signature([clean_text(footer)])
        if signature:
            return [signature]
    return []


def _signature(_page: Page, paragraphs: list[str]) -> list[str]:
    signature = closing_signature(paragraphs)
    return [signature] if signature else []


# (step, whether the page marks the place as its byline): a marked byline may be a handle
# («natali», «lemberglegion»), so it is only checked not to be an address or a number;
# what merely sits where bylines do must read as a person's name.
HEADLINE_NEIGHBOURS = 3  # elements after the headline where a date line may name its author
_NAME_THEN_DATE = re.compile(r"^(?P<name>[^,|•·]{3,80})\s*[,|•·]\s*(?P<rest>.+)$")


def _beside_headline(page: Page, _paragraphs: list[str]) -> list[str]:
    """«Олена Шевчук, 12 травня 2024, 09:15» just under the headline: the name before the
    date is the author."""
    h1 = page.soup.find("h1")
    if not isinstance(h1, Tag):
        return []
    for element in h1.find_next_siblings(True, limit=HEADLINE_NEIGHBOURS):
        text = clean_text(element)
        match = _NAME_THEN_DATE.match(text) if len(text) <= MAX_BYLINE_CHARS else None
        if match is None:
            continue
        name = match.group("name").strip()
        if looks_like_name(name, min_words=2) and human_dates(match.group("rest")):
            return [name]
    return []


LADDER: tuple[tuple[Step, bool], ...] = (
    (_ld_people, True),
    (_microdata, True),
    (_rel_author, True),
    (_meta, True),
    (_labelled, False),
    (_hinted, False),
    (_author_pages, False),
    (_beside_headline, False),
    (_article_footer, False),
    (_signature, False),
)


def plausible_handle(text: str) -> bool:
    return (
        1 <= len(text.split()) <= MAX_NAME_WORDS
        and len(text) <= MAX_NAME_CHARS
        and not (_NOT_A_NAME.search(text))
        and not _a_common_noun(text)
    )


PERSON_TAGS = frozenset({"Name", "Surn", "Patr", "anim"})


def _a_common_noun(text: str) -> bool:
    """«Редакція», «Редакция»: one word a dictionary knows only as a thing, which signs for
    the newsroom, not for a person (a Latin handle such as «natali» stays)."""
    words = text.split()
    if len(words) != 1 or not has_cyrillic(words[0]):
        return False
    for language in ("uk", "ru"):
        parses = morphology(language).parse(words[0])
        if all(p.is_known and not PERSON_TAGS & p.tag.grammemes for p in parses):
            return True
    return False


def authors(
    page: Page, body_paragraphs: list[str] | None = None, outlet_names: Iterable[str] = ()
) -> list[str]:
    """The first byline place that names people gives all of them, in page order."""
    outlets = {name.lower() for name in outlet_names if name}
    for step, marked in LADDER:
        check = plausible_handle if marked else looks_like_name
        found = [trimmed(name) for name in step(page, body_paragraphs or [])]
        found = [name for name in found if check(name) and name.lower() not in outlets]
        if found:
            return list(dict.fromkeys(found))
    return []
