"""Cognates: the other language's lemma a word becomes by regular spelling correspondences.

A candidate counts only if the other language's dictionary has it as a lemma
of the same part of speech; of several, the ones reached with the fewest and
cheapest rewrites win. Where the other dictionary has the very spelling too,
only a cheap rewrite may stand beside it: the Ukrainian dictionary lists
«европа» beside «європа», and the archive, which the caller asks, knows which
one its pages use; but ru «день» is uk «день», not «дін». Proper names (and
words no dictionary knows) are checked against the words of the archive
instead, where names live.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from index.analysis.bilingual.rules import (
    MAX_COST,
    RU_TO_UK,
    RUSSIAN_LETTERS,
    UK_TO_RU,
    UKRAINIAN_LETTERS,
)
from index.analysis.bilingual.spelling import PrefixCheck, Speller
from index.analysis.lemmas import morphology
from index.analysis.normalize import fold

SPELLERS = {
    ("uk", "ru"): Speller(UK_TO_RU, RUSSIAN_LETTERS, MAX_COST),
    ("ru", "uk"): Speller(RU_TO_UK, UKRAINIAN_LETTERS, MAX_COST),
}
# People's names; the Ukrainian dictionary does not mark places, so those count as words.
PERSON_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
# Parts of speech as both dictionaries would agree on them.
PART_OF_SPEECH = {
    "INFN": "VERB",
    "VERB": "VERB",
    "ADJF": "ADJ",
    "ADJS": "ADJ",
    "PRTF": "ADJ",
    "PRTS": "ADJ",
    "COMP": "ADJ",
    "NOUN": "NOUN",
    "ADVB": "ADVB",
    "GRND": "GRND",
    "NUMR": "NUMR",
}
MAX_COGNATES = 3
COST_BESIDE_SAME_SPELLING = 1  # where the spelling is a word there too, only cheap rewrites
# Readings a dictionary marks as misspelt, distorted, slang, archaic or an alternative
# spelling are not equivalents.
NONSTANDARD = frozenset({"Dist", "Slng", "Erro", "Infr", "Arch", "alt"})


@dataclass(slots=True, frozen=True)
class Reading:
    """What a dictionary says a lemma is: parts of speech (see PART_OF_SPEECH) of its
    readings as a word and of its readings as a person's name."""

    parts: frozenset[str]
    person_parts: frozenset[str]

    @property
    def person(self) -> bool:
        return bool(self.person_parts)


def other(language: str) -> str:
    return "ru" if language == "uk" else "uk"


@lru_cache(maxsize=20_000)
def lemma_reading(lemma: str, language: str, standard: bool = False) -> Reading | None:
    """The readings of ``lemma`` as a lemma (not as a form of another word); None if none.
    ``standard``: only readings the dictionary does not mark as nonstandard."""
    parses = [
        p
        for p in morphology(language).parse(lemma)
        if p.is_known
        and _same_word(fold(p.normal_form), lemma)
        and not (standard and NONSTANDARD & p.tag.grammemes)
    ]
    if not parses:
        return None
    people = [p for p in parses if PERSON_GRAMMEMES & p.tag.grammemes]
    words = [p for p in parses if not PERSON_GRAMMEMES & p.tag.grammemes]
    return Reading(_parts_of(words), _parts_of(people))


def _parts_of(parses: list) -> frozenset[str]:
    return frozenset(PART_OF_SPEECH.get(str(p.tag.POS), str(p.tag.POS)) for p in parses)


def _same_word(a: str, b: str) -> bool:
    return a.replace("ё", "е") == b.replace("ё", "е")


@lru_cache(maxsize=20_000)
def cognates(lemma: str, language: str) -> tuple[str, ...]:
    """Lemmas of the other language that ``lemma`` (a dictionary lemma) regularly becomes."""
    return _cheapest(_confirmed(lemma, language))


def _confirmed(lemma: str, language: str) -> dict[str, int]:
    """The other language's lemmas the rules spell ``lemma`` as, with their costs."""
    reading = lemma_reading(lemma, language)
    target = other(language)
    if reading is None:
        return {}
    as_words: dict[str, int] = {}
    as_names: dict[str, int] = {}
    for candidate, cost in _spellings(lemma, language).items():
        found = lemma_reading(candidate, target, True)
        if candidate == lemma or found is None:
            continue
        if found.parts & reading.parts:
            as_words[candidate] = cost
        elif found.person_parts & reading.person_parts:
            as_names[candidate] = cost
    if _spelt_alike(lemma, target, reading):  # день is день there: only a regular rewrite
        as_words = {w: c for w, c in as_words.items() if c <= COST_BESIDE_SAME_SPELLING}
        as_names = {w: c for w, c in as_names.items() if c <= COST_BESIDE_SAME_SPELLING}
    # a word that is also a surname (вітер) is a word first: ветер, not the name Витер
    return as_words or as_names


def _spelt_alike(lemma: str, target: str, reading: Reading) -> bool:
    """The other dictionary has the very spelling, as the same part of speech."""
    there = lemma_reading(lemma, target, True)
    return there is not None and bool(
        there.parts & reading.parts or there.person_parts & reading.person_parts
    )


def _spellings(lemma: str, language: str) -> dict[str, int]:
    """The other language's spellings of a lemma; a hyphenated one part by part (the
    dictionaries hold прем'єр and міністр, not прем'єр-міністр)."""
    target = other(language)
    words = morphology(target).dictionary.words
    speller = SPELLERS[(language, target)]
    if "-" not in lemma.strip("-"):
        return speller.spellings(lemma, words.has_keys_with_prefix)
    joined: dict[str, int] = {"": 0}
    for part in lemma.split("-"):
        options = speller.spellings(part, words.has_keys_with_prefix)
        if part in words:
            options.setdefault(part, 0)
        joined = {
            f"{left}-{right}" if left else right: cost + extra
            for left, cost in joined.items()
            for right, extra in options.items()
        }
    return joined


def _cheapest(costs: dict[str, int]) -> tuple[str, ...]:
    if not costs:
        return ()
    best = min(costs.values())
    chosen = sorted(word for word, cost in costs.items() if cost == best)
    return tuple(chosen[:MAX_COGNATES])


def is_person(lemma: str, language: str) -> bool:
    """The dictionary reads the lemma as a person's name (and maybe as a word too)."""
    reading = lemma_reading(lemma, language)
    return reading is not None and reading.person


def spelled_in_archive(
    word: str, language: str, alive: PrefixCheck, holds: PrefixCheck
) -> tuple[str, ...]:
    """The other language's spellings of a name that the archive itself holds.

    ``alive`` tells whether the archive has a word beginning so, ``holds``
    whether it has the word itself.
    """
    target = other(language)
    found = SPELLERS[(language, target)].spellings(word, alive)
    return _cheapest({w: c for w, c in found.items() if w != word and holds(w)})
