"""Search the other language and the other script too: вибори finds выборы, Trump finds Трамп.

Each written word of a query may bring equivalents (``index.analysis.bilingual``):
its Russian or Ukrainian counterparts, or the Cyrillic spellings of a Latin
name. An equivalent is searched only if the archive holds it, at the same
position as the word (phrases keep working across languages), and it weighs
at most what the word itself would: its weight is capped by the ratio of the
two words' rarity, so a rare look-alike cannot push the word's own matches
down. Exact forms (``="…"``) never expand; a word marked ``!``, a switch, or
an equivalent the person removed do not either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from math import log

from whoosh.searching import Searcher

from index.analysis.bilingual import (
    Equivalent,
    equivalents,
    is_latin_word,
    language_of,
    latin_spellings,
)
from index.analysis.bilingual.cognates import is_person, spelled_in_archive
from index.analysis.bilingual.lexicon import key
from index.analysis.lemmas import dictionary_lemmas, lemmas, morphology
from index.schema import TEXT_FIELDS
from search.version import Recent, owned

EQUIVALENT_WEIGHT = 0.9  # an equivalent counts a little less than the word as written
MAX_EQUIVALENTS_PER_WORD = 6
LANGS = ("uk", "ru")
FOUND_CACHE_SIZE = 20_000  # words; each entry holds a few equivalents


def _new_equivalents_cache() -> Recent[tuple[str, str | None], list[Equivalent]]:
    return Recent(FOUND_CACHE_SIZE)


@dataclass(slots=True, frozen=True)
class Expansion:
    """One equivalent searched beside a written word."""

    typed: str  # the word as the person wrote it
    word: str  # the equivalent, folded
    language: str  # "uk", "ru" or "cyrl" (a Latin word spelt in Cyrillic)
    how: str  # which mechanism found it (see index.analysis.bilingual)
    terms: tuple[str, ...]  # the index terms it adds at the word's position
    weight: float  # the boost of those terms

    @property
    def shown(self) -> str:
        """The equivalent as a person would write it: capitalised like the typed word."""
        if not self.typed[:1].isupper():
            return self.word
        return "-".join(part[:1].upper() + part[1:] for part in self.word.split("-"))

    def to_json(self) -> dict[str, object]:
        return {
            "typed": self.typed,
            "equivalent": self.shown,
            "language": self.language,
            "how": self.how,
            "terms": list(self.terms),
            "weight": round(self.weight, 3),
        }


@dataclass(slots=True)
class ArchiveTerms:
    """What the archive's index holds, asked of the searcher's reader."""

    searcher: Searcher
    _documents: int = 0
    _held: dict[str, bool] = field(default_factory=dict)

    def holds(self, term: str) -> bool:
        found = self._held.get(term)
        if found is None:
            reader = self.searcher.reader()
            found = self._held[term] = any((name, term) in reader for name in TEXT_FIELDS[:2])
        return found

    def holds_word(self, word: str) -> bool:
        """The archive has the word as written or its dictionary lemmas or its stem."""
        return any(self.holds(term) for term in lemmas(word, "any"))

    def begins(self, prefix: str) -> bool:
        reader = self.searcher.reader()
        return any(True for _ in _first(reader.expand_prefix("body", prefix)))

    def frequency(self, terms: Iterable[str]) -> int:
        reader = self.searcher.reader()
        return max((reader.doc_frequency("body", t) for t in terms), default=0)

    def rarity(self, frequency: int) -> float:
        """An idf: the rarer, the larger."""
        if not self._documents:
            self._documents = self.searcher.reader().doc_count() or 1
        return log(1 + self._documents / (frequency + 0.5))


def _first(iterator):
    for item in iterator:
        yield item
        return


@dataclass(slots=True)
class Expander:
    """Equivalents of a query's words, confirmed by one index."""

    archive: ArchiveTerms
    skip: frozenset[str] = frozenset()  # equivalents the person removed
    language: str | None = None  # the query's language, where its words tell

    @classmethod
    def for_searcher(cls, searcher: Searcher, skip: Iterable[str] = ()) -> Expander:
        return cls(ArchiveTerms(searcher), frozenset(key(word) for word in skip))

    def guess_language(self, words: Iterable[str]) -> None:
        """The query's language where its words tell (letters only one language has, or
        words only one dictionary knows); None where they do not."""
        votes = [language_of(key(word)) for word in words]
        uk, ru = votes.count("uk"), votes.count("ru")
        self.language = None if uk == ru else "uk" if uk > ru else "ru"

    def expand(self, written: str, terms: list[str]) -> list[Expansion]:
        """Equivalents of one written word whose own terms are ``terms``."""
        word = key(written)
        found = self._found(word)
        expansions: list[Expansion] = []
        own = set(terms) | self._skipped_terms()
        base = self.archive.frequency(t for t in terms if not t.startswith("="))
        for equivalent in found:
            if equivalent.word in self.skip or equivalent.word == word:
                continue
            added = tuple(t for t in self._terms_of(equivalent) if t not in own)
            if not added:
                continue
            own.update(added)
            expansions.append(
                Expansion(
                    typed=written,
                    word=equivalent.word,
                    language=equivalent.language,
                    how=equivalent.how,
                    terms=added,
                    weight=self._weight(base, added),
                )
            )
            if len(expansions) >= MAX_EQUIVALENTS_PER_WORD:
                break
        return expansions

    def _found(self, word: str) -> list[Equivalent]:
        """The word's equivalents held by this index version, worked out once per version:
        spelling a Latin name or an unpaired name walks the index's term list."""
        confirmed = owned(self.archive.searcher, "equivalents", _new_equivalents_cache)
        cached = confirmed.get((word, self.language))
        if cached is not None:
            return cached
        found = self._of_latin(word) if is_latin_word(word) else self._of_cyrillic(word)
        confirmed.put((word, self.language), found)
        return found

    def _skipped_terms(self) -> set[str]:
        """The terms of removed equivalents: no other equivalent brings them back."""
        return {t for word in self.skip for t in lemmas(word, "any")}

    def _of_cyrillic(self, word: str) -> list[Equivalent]:
        """A word of a known language goes to the other; one that could be either (Путин,
        Барнье), to both."""
        language = language_of(word) or self.language
        languages = (language,) if language else LANGS
        found: list[Equivalent] = []
        for source in languages:
            for lemma in dictionary_lemmas(word, source) or (word,):
                these = list(equivalents(lemma, source))
                if not these and (is_person(lemma, source) or lemma == word):
                    these = self._spelt_in_archive(lemma, source)
                found += these
        return found

    def _spelt_in_archive(self, name: str, language: str) -> list[Equivalent]:
        """A name neither dictionary pairs (Мей, Барньє): spelt the other way, if held."""
        target = "ru" if language == "uk" else "uk"
        spelt = spelled_in_archive(name, language, self.archive.begins, self.archive.holds_word)
        return [Equivalent(w, target, "cognate") for w in spelt]

    def _of_latin(self, word: str) -> list[Equivalent]:
        spellings = latin_spellings(word, self._alive, self.archive.holds_word)
        found = list(spellings)
        for spelling in spellings:
            language = language_of(spelling.word)
            if language is not None:
                for lemma in dictionary_lemmas(spelling.word, language) or (spelling.word,):
                    found += equivalents(lemma, language)
        return found

    def _alive(self, prefix: str) -> bool:
        """Some word form of either dictionary, or some word of the archive, begins so."""
        return any(
            morphology(lang).dictionary.words.has_keys_with_prefix(prefix) for lang in LANGS
        ) or self.archive.begins(prefix)

    def _terms_of(self, equivalent: Equivalent) -> tuple[str, ...]:
        language = equivalent.language if equivalent.language in ("uk", "ru") else "any"
        terms = lemmas(equivalent.word, language)
        return tuple(t for t in terms if self.archive.holds(t))

    def _weight(self, base_frequency: int, added: tuple[str, ...]) -> float:
        own = self.archive.rarity(base_frequency)
        theirs = self.archive.rarity(self.archive.frequency(added))
        return EQUIVALENT_WEIGHT * min(1.0, own / theirs)
