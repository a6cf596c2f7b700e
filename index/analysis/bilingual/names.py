"""People's names between Ukrainian and Russian, through names-translator's dictionaries.

names-translator (MIT, offline) holds ~146k validated Ukrainian first names,
surnames and patronymics with their Russian forms: Олексій → Алексей,
Ганна → Анна, Шмигаль → Шмыгаль. It translates one way. The other way, first
names and patronymics (irregular: Алексей ← Олексій) are looked up in the
reversed tables, loaded on first use (~28k entries); surnames, which follow
the spelling rules (Зеленский ← Зеленський), are spelt by them, kept only
where the surname dictionary has them, and confirmed by translating back.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache, lru_cache

from names_translator.dicts import NameDicts

from index.analysis.bilingual.rules import MAX_COST, RU_TO_UK, UKRAINIAN_LETTERS
from index.analysis.bilingual.spelling import Speller
from index.analysis.normalize import fold

MAX_NAMES = 4
_TO_UKRAINIAN = Speller(RU_TO_UK, UKRAINIAN_LETTERS, MAX_COST)


@cache
def _dictionaries() -> NameDicts:
    return NameDicts()


@lru_cache(maxsize=20_000)
def russian_names(name: str) -> tuple[str, ...]:
    """The Russian forms of a Ukrainian name (folded, most frequent first)."""
    found = (fold(form) for form in _dictionaries().lookup(name))
    return tuple(dict.fromkeys(f for f in found if f != name))[:MAX_NAMES]


@cache
def _reversed_given_names() -> dict[str, list[str]]:
    """Russian first name or patronymic → the Ukrainian ones it translates, commonest first."""
    reverse: dict[str, list[str]] = defaultdict(list)
    for pool in ("first", "patronymic"):
        for ukrainian, russians in _dictionaries().as_dict(pool).items():
            for russian in russians:
                reverse[fold(russian)].append(fold(ukrainian))
    return dict(reverse)


def _surname_prefix(prefix: str) -> bool:
    loaded = _dictionaries()._get("last")
    return loaded is not None and loaded[0].has_keys_with_prefix(prefix)


def _is_ukrainian_surname(name: str) -> bool:
    loaded = _dictionaries()._get("last")
    return loaded is not None and name in loaded[0]


@lru_cache(maxsize=20_000)
def ukrainian_names(name: str) -> tuple[str, ...]:
    """The Ukrainian names whose Russian form is ``name``."""
    given = [u for u in _reversed_given_names().get(name, []) if u != name]
    if _is_ukrainian_surname(name):
        return tuple(given)[:MAX_NAMES]  # spelt alike in both languages (Тимошенко)
    spellings = _TO_UKRAINIAN.spellings(name, _surname_prefix)
    surnames = [
        spelling
        for spelling, _cost in sorted(spellings.items(), key=lambda item: item[1])
        if spelling != name and name in russian_names(spelling)
    ]
    return tuple(dict.fromkeys([*given, *surnames]))[:MAX_NAMES]
