"""Facet names, facet values and periods as the interface language writes them.

``search`` counts raw values (``uk``, ``2024-05``, ``""``); these are the words the
page shows for them, which search also orders and filters by.
"""

from __future__ import annotations

from datetime import date

from search.results import SearchResult
from web.i18n import current_language, word
from web.notes import note_text

MONTHS = {
    "uk": (
        "січень лютий березень квітень травень червень липень серпень вересень жовтень "
        "листопад грудень"
    ).split(),
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
}
LANGUAGES = {
    "uk": {"uk": "українська", "ru": "російська"},
    "en": {"uk": "Ukrainian", "ru": "Russian"},
}
WEEK_OF = {"uk": "тиждень з", "en": "week of"}


def facet_title(name: str) -> str:
    return word(f"facet_{name}")


def value_label(facet: str, value: str) -> str:
    """A facet value as shown: «травень 2024» for 2024-05, «українська» for uk."""
    language = current_language()
    if not value:
        return word("not_set")
    if facet == "language":
        return LANGUAGES[language].get(value, value)
    if facet == "month" and len(value) == 7 and value[5:].isdigit():
        return f"{MONTHS[language][int(value[5:]) - 1]} {value[:4]}"
    return value


def period_label(start: str, interval: str) -> str:
    """A bar of the timeline: «травень 2024», «тиждень з 06.05.2024», «06.05.2024», «2024»."""
    language = current_language()
    day = date.fromisoformat(start)
    if interval == "year":
        return str(day.year)
    if interval == "month":
        return f"{MONTHS[language][day.month - 1]} {day.year}"
    if interval == "week":
        return f"{WEEK_OF[language]} {day:%d.%m.%Y}"
    return f"{day:%d.%m.%Y}"


def result_json(result: SearchResult) -> dict:
    """A search's JSON with its notes' words, its facets' titles and its periods' labels in
    the interface's language (the codes and values stay as they are, for programs); the
    search was run with ``value_label``, so facet values carry their labels already."""
    data = result.to_json()
    for note, shown in zip(result.notes, data["notes"], strict=True):
        shown["text"] = note_text(note)
    for facet in data["facets"]:
        facet["label"] = facet_title(facet["name"])
    if data["histogram"]:
        interval = data["histogram"]["interval"]
        for bucket in data["histogram"]["buckets"]:
            bucket["label"] = period_label(bucket["start"], interval)
    return data
