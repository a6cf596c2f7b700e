"""Ukrainian ↔ Russian equivalents of a word, and Cyrillic spellings of a Latin one.

For a lemma of one language, its equivalents in the other come from, in turn:
the bilingual word list (a translation there is authoritative: no spelling
rules are tried for a word it lists), people's names (names-translator), and
cognates made by regular spelling correspondences and confirmed by the other
dictionary. False friends never become equivalents. For a word typed in
Latin letters, the place and name lists are asked first, then the Latin
spelling rules, whose spellings the caller confirms against the archive.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from index.analysis.bilingual.cognates import PERSON_GRAMMEMES, cognates, other
from index.analysis.bilingual.latin import cyrillic_spellings, is_latin_word
from index.analysis.bilingual.lexicon import key, lexicon
from index.analysis.bilingual.names import russian_names, ukrainian_names
from index.analysis.bilingual.rules import RUSSIAN_ONLY, UKRAINIAN_ONLY
from index.analysis.lemmas import morphology

__all__ = [
    "Equivalent",
    "equivalents",
    "is_latin_word",
    "language_of",
    "latin_spellings",
    "name_like",
]

BY_LEXICON, BY_NAME, BY_COGNATE, BY_SCRIPT = "lexicon", "name", "cognate", "script"
MAX_LATIN_SPELLINGS = 4
PLACE_GRAMMEMES = frozenset({"Geox", "Orgn", "Abbr"})


@dataclass(slots=True, frozen=True)
class Equivalent:
    word: str  # folded, as the other language's dictionary or the archive spells it
    language: str  # "uk" or "ru" (the script for a Latin word's Cyrillic spelling: "cyrl")
    how: str  # BY_LEXICON, BY_NAME, BY_COGNATE or BY_SCRIPT


def language_of(word: str) -> str | None:
    """The language, "uk" or "ru", where the letters or the dictionaries tell; else None."""
    if UKRAINIAN_ONLY & set(word):
        return "uk"
    if RUSSIAN_ONLY & set(word):
        return "ru"
    in_uk = lemma_known(word, "uk")
    in_ru = lemma_known(word, "ru")
    if in_uk != in_ru:
        return "uk" if in_uk else "ru"
    return None


@lru_cache(maxsize=50_000)
def lemma_known(word: str, language: str) -> bool:
    return morphology(language).word_is_known(word)


@lru_cache(maxsize=50_000)
def equivalents(lemma: str, language: str) -> tuple[Equivalent, ...]:
    """The other language's words for ``lemma`` (a folded lemma of ``language``)."""
    words = lexicon()
    translated = words.translations(lemma, language)
    if translated:
        return tuple(Equivalent(w, other(language), BY_LEXICON) for w in translated)
    found: list[Equivalent] = []
    named = russian_names(lemma) if language == "uk" else ukrainian_names(lemma)
    found += [Equivalent(w, other(language), BY_NAME) for w in named]
    found += [Equivalent(w, other(language), BY_COGNATE) for w in cognates(lemma, language)]
    unique = {e.word: e for e in reversed(found)}  # the first way that found a word names it
    return tuple(
        e for e in reversed(unique.values()) if not words.false_friend(lemma, language, e.word)
    )


def name_like(word: str) -> bool:
    """A name of a person, place or body to either dictionary, or a word neither knows."""
    readings = [
        p for language in ("uk", "ru") for p in morphology(language).parse(word) if p.is_known
    ]
    if not readings:
        return True
    return any((PERSON_GRAMMEMES | PLACE_GRAMMEMES) & p.tag.grammemes for p in readings)


def latin_spellings(
    word: str, alive: Callable[[str], bool], holds: Callable[[str], bool]
) -> tuple[Equivalent, ...]:
    """Cyrillic words for a Latin one: from the lists, else spelt by rule and held by the
    archive (``holds``) and name-like, cheapest first."""
    listed = lexicon().latin.get(key(word), [])
    if listed:
        spelled = [w for pair in listed for w in pair]
        return tuple(Equivalent(w, "cyrl", BY_LEXICON) for w in dict.fromkeys(spelled))
    spellings = cyrillic_spellings(key(word), alive)
    kept = [
        spelling
        for spelling, _cost in sorted(spellings.items(), key=lambda item: (item[1], item[0]))
        if holds(spelling) and _named(spelling)
    ]
    return tuple(Equivalent(w, "cyrl", BY_SCRIPT) for w in kept[:MAX_LATIN_SPELLINGS])


def _named(spelling: str) -> bool:
    if name_like(spelling):
        return True
    language = language_of(spelling)
    return language is not None and any(
        name_like(e.word) for e in equivalents(spelling, language) if e.how == BY_COGNATE
    )
