"""Cognates: the other language's lemma a word becomes by regular spelling correspondences.

A candidate counts only if the other language's dictionary has it as a lemma
of the same part of speech; of several, the ones reached with the fewest and
cheapest rewrites win. Proper names (and words no dictionary knows) are
checked against the words of the archive instead, where names live.
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
# Readings a dictionary marks as misspelt, distorted, slang or archaic are not equivalents.
NONSTANDARD = frozenset({"Dist", "Slng", "Erro", "Infr", "Arch"})


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
def lemma_reading(lemma: str, language: str) -> Reading | None:
    """The readings of ``lemma`` as a lemma (not as a form of another word); None if none."""
    parses = [
        p
        for p in morphology(language).parse(lemma)
        if p.is_known
        and _same_word(fold(p.normal_form), lemma)
        and not NONSTANDARD & p.tag.grammemes
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
    reading = lemma_reading(lemma, language)
    target = other(language)
    if reading is None or _agrees(lemma_reading(lemma, target), reading):
        return ()  # unknown here, or the same word there: spelt alike, it matches already
    words = morphology(target).dictionary.words
    found = SPELLERS[(language, target)].spellings(lemma, words.has_keys_with_prefix)
    confirmed = {
        candidate: cost
        for candidate, cost in found.items()
        if candidate != lemma and _agrees(lemma_reading(candidate, target), reading)
    }
    return _cheapest(confirmed)


def _agrees(candidate: Reading | None, source: Reading) -> bool:
    """The same part of speech, as a word or as a person's name."""
    return candidate is not None and bool(
        candidate.parts & source.parts or candidate.person_parts & source.person_parts
    )


def _cheapest(costs: dict[str, int]) -> tuple[str, ...]:
    if not costs:
        return ()
    best = min(costs.values())
    chosen = sorted(word for word, cost in costs.items() if cost == best)
    return tuple(chosen[:MAX_COGNATES])


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
