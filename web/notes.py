"""The words of the search's notes, in both interface languages."""

from __future__ import annotations

from search.notes import Note
from web.i18n import current_language

TEXTS: dict[str, dict[str, str]] = {
    "stray": {"uk": "зайве «{typed}» пропущено", "en": "a stray «{typed}» was left out"},
    "or_one_side": {
        "uk": "«{typed}» без слова з одного боку пропущено",
        "en": "«{typed}» with no word on one side was left out",
    },
    "nothing_after": {
        "uk": "«{typed}» без слова після нього пропущено",
        "en": "«{typed}» with no word after it was left out",
    },
    "unclosed_bracket": {
        "uk": "незакриту дужку закрито в кінці запиту",
        "en": "an unclosed bracket was closed at the end of the query",
    },
    "too_many_clauses": {
        "uk": "враховано лише перші {limit} умов запиту",
        "en": "only the first {limit} terms of the query were used",
    },
    "only_excluded": {
        "uk": "запит лише з винятками: показано все, крім них",
        "en": "the query only excludes: everything else is shown",
    },
    "cut": {
        "uk": "запит обрізано до {limit} символів",
        "en": "the query was cut to {limit} characters",
    },
    "unclosed_quotes": {
        "uk": "незакриті лапки закрито в кінці запиту",
        "en": "unclosed quotes were closed at the end of the query",
    },
    "no_words": {
        "uk": "у запиті «{typed}» немає слів для пошуку: показано всі статті",
        "en": "«{typed}» holds no words to search for: all articles are shown",
    },
    "unknown_field": {
        "uk": "невідоме поле «{typed}»: шукаю як звичайні слова",
        "en": "unknown field «{typed}»: searched as plain words",
    },
    "no_such_value": {"uk": "«{typed}»: такого значення немає", "en": "«{typed}»: no such value"},
    "values_searched": {"uk": "«{typed}» — шукаю {values}", "en": "«{typed}»: searching {values}"},
    "bad_date": {
        "uk": "не розумію дату «{typed}»: приклади date:2024-11, date:2024-11-01..2024-11-30",
        "en": "«{typed}» is not a date: try date:2024-11 or date:2024-11-01..2024-11-30",
    },
    "bad_period": {
        "uk": "не розумію період «{typed}»: приклади 2024-11, 2024-11-01..2024-11-30",
        "en": "«{typed}» is not a period: try 2024-11 or 2024-11-01..2024-11-30",
    },
    "short_prefix": {
        "uk": "«{typed}»: замало літер для пошуку за початком слова",
        "en": "«{typed}»: too few letters to search by the start of a word",
    },
    "many_endings": {
        "uk": "«{typed}» має забагато продовжень: враховано перші {limit}",
        "en": "«{typed}» has too many endings: the first {limit} were used",
    },
}
MORE = {"uk": " і ще {limit}", "en": " and {limit} more"}


def note_text(note: Note, language: str | None = None) -> str:
    language = language or current_language()
    values = ", ".join(f"«{value}»" for value in note.values)
    if note.limit and note.values:
        values += MORE[language].format(limit=note.limit)
    return TEXTS[note.code][language].format(typed=note.typed, limit=note.limit, values=values)
