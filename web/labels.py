"""Facet names, facet values and periods as the interface language writes them.

``search`` labels values in Ukrainian (month names, languages, «не вказано»); the
English interface writes the same values its own way.
"""

from __future__ import annotations

from datetime import date

from search.results import SearchResult
from web.i18n import current_language, word
from web.notes import note_text

EN_MONTHS = (
    "January February March April May June July August September October November December"
).split()
EN_LANGUAGES = {"uk": "Ukrainian", "ru": "Russian"}


def facet_title(name: str) -> str:
    return word(f"facet_{name}")


def value_label(facet: str, value: str, label: str) -> str:
    if current_language() != "en":
        return label
    if not value:
        return word("not_set")
    if facet == "language":
        return EN_LANGUAGES.get(value, value)
    if facet == "month" and len(value) == 7:
        return f"{EN_MONTHS[int(value[5:]) - 1]} {value[:4]}"
    return label


def period_label(start: str, interval: str, label: str) -> str:
    """A bar of the timeline: «May 2024», «week of 06.05.2024», «06.05.2024», «2024»."""
    if current_language() != "en":
        return label
    day = date.fromisoformat(start)
    if interval == "year":
        return str(day.year)
    if interval == "month":
        return f"{EN_MONTHS[day.month - 1]} {day.year}"
    if interval == "week":
        return f"week of {day:%d.%m.%Y}"
    return f"{day:%d.%m.%Y}"


def result_json(result: SearchResult) -> dict:
    """A search's JSON with its notes' words and its facets' labels in the interface's
    language (the codes and values stay as they are, for programs)."""
    data = result.to_json()
    for note, shown in zip(result.notes, data["notes"], strict=True):
        shown["text"] = note_text(note)
    for facet in data["facets"]:
        facet["label"] = facet_title(facet["name"])
        for value in facet["values"]:
            value["label"] = value_label(facet["name"], value["value"], value["label"])
    return data
