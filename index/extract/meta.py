"""<meta> tags and microdata, read once into plain lookups."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag


def meta_values(soup: BeautifulSoup) -> dict[str, list[str]]:
    """All meta name/property/itemprop/http-equiv keys (lowercased) to their contents."""
    values: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        content = tag.get("content")
        if not content or not str(content).strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = tag.get(attr)
            if key:
                values.setdefault(str(key).strip().lower(), []).append(
                    " ".join(str(content).split())
                )
    return values


def first_meta(values: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if values.get(key):
            return values[key][0]
    return None


def all_meta(values: dict[str, list[str]], keys: tuple[str, ...]) -> list[str]:
    for key in keys:
        if values.get(key):
            return values[key]
    return []


def class_names(element: Tag) -> list[str]:
    """An element's classes as a list, whether the parser split them or not."""
    classes = element.get("class")
    if classes is None:
        return []
    return classes.split() if isinstance(classes, str) else list(classes)


def itemprop_elements(soup: BeautifulSoup, prop: str) -> list[Tag]:
    return soup.find_all(itemprop=lambda v: v is not None and prop in v.lower().split())


def itemprop_value(element: Tag) -> str | None:
    for attr in ("content", "datetime"):
        if element.get(attr):
            return str(element[attr]).strip()
    if element.name == "a" and element.get("href") and not element.get_text(strip=True):
        return str(element["href"])
    text = " ".join(element.get_text(" ").split())
    return text or None
