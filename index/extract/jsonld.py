"""JSON-LD: the NewsArticle (or Article) object of a page, wherever it hides."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup

from index.extract.selectors import ARTICLE_TYPES, LIST_TYPES

LOGGER = logging.getLogger(__name__)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _objects(graph)


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type", [])
    values = raw if isinstance(raw, list) else [raw]
    return {str(value).lower() for value in values}


def jsonld_objects(soup: BeautifulSoup) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in soup.find_all("script", type=lambda v: v and "ld+json" in v.lower()):
        text = script.string or script.get_text()
        if not text or not text.strip():
            continue
        try:
            data = json.loads(text.strip().rstrip(";"), strict=False)
        except ValueError as err:  # pages often carry broken JSON-LD; the rest still counts
            LOGGER.debug("unreadable JSON-LD: %s", err)
            continue
        found.extend(_objects(data))
    return found


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    for obj in objects:
        if _types(obj) & ARTICLE_TYPES:
            return obj
    return None


def declares_list_page(objects: list[dict[str, Any]]) -> bool:
    return any(_types(obj) & LIST_TYPES for obj in objects) and article_object(objects) is None


def names(value: Any) -> list[str]:
    """Names from a JSON-LD person/organisation value (a string, an object or a list)."""
    if isinstance(value, list):
        return [name for item in value for name in names(item)]
    if isinstance(value, dict):
        name = value.get("name")
        return names(name) if name else []
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation"})


def people_names(value: Any) -> list[str]:
    """Like names(), without organisations (outlets often name themselves as author)."""
    if isinstance(value, list):
        return [name for item in value for name in people_names(item)]
    if isinstance(value, dict) and _types(value) & ORGANISATION_TYPES:
        return []
    return names(value)


def text_value(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id")
    if isinstance(value, (str, int, float)) and str(value).strip():
        return str(value).strip()
    return None
