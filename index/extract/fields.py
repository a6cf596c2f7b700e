"""One small ladder per field: each step returns a value or None, the first value wins."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin

from bs4 import NavigableString, Tag

from index.extract.body import clean_text
from index.extract.dates import FoundDate, best_of_shown_dates, human_dates, parse_iso
from index.extract.jsonld import names, text_value
from index.extract.meta import (
    all_meta,
    class_names,
    first_meta,
    itemprop_elements,
    itemprop_value,
)
from index.extract.page import Page
from index.extract.selectors import (
    AUTHOR_LABELS,
    COPYRIGHT_LINE,
    DATE_HINTS,
    DESCRIPTION_META,
    LEAD_HINTS,
    MODIFIED_META,
    PUBLISHED_META,
    SIGNATURE_LINE,
    SITE_NAME_META,
    TAG_META,
    TITLE_META,
    TITLE_SEPARATORS,
)
from index.extract.sitename import clean_site_name, is_host_like
from index.outlet_file import default_names

_WORD = re.compile(r"\w+")


def _squash(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


# --- URL and domain ---------------------------------------------------------------


def canonical_url(page: Page) -> str | None:
    link = page.soup.find("link", rel=lambda v: v and "canonical" in v)
    base = page.url or ""
    for candidate in (
        link.get("href") if isinstance(link, Tag) else None,
        first_meta(page.meta, ("og:url",)),
        text_value(page.ld("mainEntityOfPage")) or text_value(page.ld("url")),
    ):
        if candidate and str(candidate).strip().startswith(("http://", "https://", "/")):
            return urljoin(base, str(candidate).strip())
    return None


# --- title --------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def _similar(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def strip_site_suffix(title: str, site_names: list[str]) -> str:
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    lowered = {name.lower() for name in site_names if name}
    while len(parts) > 1 and (parts[-1].strip().lower() in lowered or len(parts[-1].split()) <= 3):
        parts.pop()
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def title(page: Page, source: str | None = None) -> str | None:
    source = source or first_meta(page.meta, SITE_NAME_META)
    meta_title = _squash(text_value(page.ld("headline"))) or _squash(
        first_meta(page.meta, TITLE_META)
    )
    for element in itemprop_elements(page.soup, "headline"):
        meta_title = meta_title or _squash(itemprop_value(element))
    headings = [clean_text(h) for h in page.soup.find_all("h1")]
    headings = [h for h in headings if h]
    if meta_title:
        for heading in headings:
            if _similar(heading, meta_title):
                return heading
        return strip_site_suffix(meta_title, [source or ""])
    if len(headings) == 1:
        return headings[0]
    html_title = _squash(page.soup.title.get_text()) if page.soup.title else None
    if html_title:
        return strip_site_suffix(html_title, [source or ""])
    return headings[0] if headings else None


# --- dates --------------------------------------------------------------------------


def _time_elements(page: Page) -> list[str]:
    return [str(t["datetime"]) for t in page.soup.find_all("time") if t.get("datetime")]


def published(page: Page) -> FoundDate | None:
    candidates: list[str | None] = [
        text_value(page.ld("datePublished")),
        first_meta(page.meta, PUBLISHED_META),
    ]
    candidates += [itemprop_value(e) for e in itemprop_elements(page.soup, "datepublished")]
    candidates += _time_elements(page)[:1]
    candidates.append(text_value(page.ld("dateCreated")))
    best: FoundDate | None = None
    for candidate in candidates:
        found = parse_iso(candidate) if candidate else None
        if found and (best is None or _better(found, best)):
            best = found
            if not found.tz_assumed and found.has_time:
                return found
    if best is not None and not best.has_time:
        shown = published_from_text(page)  # «21.08.2023 | 16:40» beside a meta day alone
        if shown and shown.has_time and shown.value.date() == best.value.date():
            return shown
    return best or published_from_text(page)


def _better(found: FoundDate, best: FoundDate) -> bool:
    return (found.has_time, not found.tz_assumed) > (best.has_time, not best.tz_assumed)


def published_from_text(page: Page) -> FoundDate | None:
    # Pages often split «8 жовтня 2014» and «14:08» into neighbouring elements: read the
    # first few date-like elements as one line.
    shown = [clean_text(e) for e in page.soup.find_all(class_=DATE_HINTS, limit=40)]
    line = " ".join(text for text in shown if text)[:2000]
    found = best_of_shown_dates(human_dates(line, page.captured_at))
    if found:
        return found
    body = page.soup.body
    text = clean_text(body) if body else ""
    return best_of_shown_dates(human_dates(text[:5000], page.captured_at))


def modified(page: Page) -> datetime | None:
    for candidate in (text_value(page.ld("dateModified")), first_meta(page.meta, MODIFIED_META)):
        found = parse_iso(candidate) if candidate else None
        if found:
            return found.value
    return None


# --- outlet --------------------------------------------------------------------------


def site_name(page: Page, domain: str, headline: str = "") -> str | None:
    """What the page itself calls its outlet, cleaned of taglines; None where it says nothing."""
    ladder = (  # in turn: the later steps walk the whole page
        lambda: first_meta(page.meta, SITE_NAME_META),
        lambda: next(iter(names(page.ld("publisher"))), None),
        lambda: _microdata_publisher(page),
        lambda: _title_remainder(page, headline),
        lambda: _copyright_line(page),
    )
    for step in ladder:
        name = clean_site_name(step(), domain)
        if name:
            return name
    return None


def source(name: str | None, domain: str) -> str:
    """The outlet of one page: its own name, else the shipped default, else the domain.

    A rebuild then shows every page of a domain under one name (index/outlets.py).
    """
    if name and not is_host_like(name, domain):
        return name
    return default_names().get(domain) or name or domain


MAX_COPYRIGHT_LINES = 3


def _copyright_line(page: Page) -> str | None:
    """«© 2014 Espreso.tv»: the last copyright line of the page, the one in its footer."""
    lines = page.soup.find_all(string=COPYRIGHT_LINE)
    for line in reversed(lines[-MAX_COPYRIGHT_LINES:]):
        text = _squash(str(line))
        if text and len(text) < 120:
            return text
    return None


def _microdata_publisher(page: Page) -> str | None:
    for element in itemprop_elements(page.soup, "publisher"):
        name = itemprop_name(element)
        if name:
            return name
    return None


def _title_remainder(page: Page, headline: str) -> str | None:
    """«Headline – Outlet» in <title>: what is left once the headline is taken away."""
    html_title = _squash(page.soup.title.get_text()) if page.soup.title else None
    if not html_title or not headline or html_title == headline:
        return None
    if html_title.startswith(headline):
        rest = html_title[len(headline) :]
    elif html_title.endswith(headline):
        rest = html_title[: -len(headline)]
    else:
        return None
    rest = rest.strip(" |–—-:·»«")
    return rest if 0 < len(rest.split()) <= 4 else None


# --- people and sections ---------------------------------------------------------------


MAX_BYLINE_LINE = 120


def closing_byline(paragraphs: list[str], authors: list[str]) -> bool:
    """«Автор: Петро Іваненко» as the last line: the byline the authors came from."""
    if not paragraphs or not authors or len(paragraphs[-1]) > MAX_BYLINE_LINE:
        return False
    last = paragraphs[-1]
    return bool(AUTHOR_LABELS.match(last)) and any(name in last for name in authors)


def closing_signature(paragraphs: list[str]) -> str | None:
    """«Ім'я Прізвище» (optionally «, агенція») alone on the last line is the author's signature."""
    if not paragraphs:
        return None
    match = SIGNATURE_LINE.match(paragraphs[-1].strip())
    return match.group("name").strip() if match else None


def itemprop_name(element: Tag) -> str | None:
    named = element.find(itemprop="name")
    return itemprop_value(named) if isinstance(named, Tag) else itemprop_value(element)


def after_label(string: NavigableString, label: re.Pattern[str]) -> str | None:
    """The text after «Автор:»-like labels: in the same string, or in the next one."""
    own = label.sub("", " ".join(str(string).split()))
    if own:
        return own
    following = string.find_next(string=lambda s: bool(s.strip()))
    return " ".join(str(following).split()) if following else None


def tags(page: Page) -> list[str]:
    values = all_meta(page.meta, TAG_META)
    if not values and page.ld("keywords"):
        raw = page.ld("keywords")
        values = raw if isinstance(raw, list) else [str(raw)]
    found = [part.strip() for value in values for part in str(value).split(",") if part.strip()]
    return list(dict.fromkeys(found))


def lead(page: Page, container: Tag | None) -> str | None:
    """A standfirst marked up apart from the running text (class, itemprop or a subtitle)."""
    if container is not None:
        for element in container.find_all(True, limit=400):
            classes = class_names(element)
            if (
                any(LEAD_HINTS.search(m) for m in classes)
                or element.get("itemprop") == "description"
            ):
                text = clean_text(element)
                if len(text) > 30:
                    return text
    h1 = page.soup.find("h1")
    if isinstance(h1, Tag):
        between = _standfirst_after(h1, container)
        if between:
            return between
        follower = h1.find_next_sibling(["h2", "h3", "h4"])
        if isinstance(follower, Tag) and len(clean_text(follower)) > 30:
            return clean_text(follower)
    return None


STANDFIRST_LOOKAHEAD = 4


def _standfirst_after(h1: Tag, container: Tag | None) -> str | None:
    """A lead marked as such between the headline and the running text: sites keep it
    out of articleBody, so a search of the text block alone never sees it."""
    for element in h1.find_next_siblings(True, limit=STANDFIRST_LOOKAHEAD):
        if container is not None and (element is container or container in element.descendants):
            return None
        classes = class_names(element)
        if any(LEAD_HINTS.search(m) for m in classes) or element.get("itemprop") == "description":
            text = clean_text(element)
            if len(text) > 30:
                return text
    return None


def description(page: Page) -> str | None:
    text = first_meta(page.meta, DESCRIPTION_META)
    return text if text and len(text) > 30 else None
