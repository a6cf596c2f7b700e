"""The bilingual word lists, kept as data: translations, false friends, places, Latin names.

Files in ``data/`` (TAB-separated, ``#`` starts a comment line):
``lexicon.tsv`` (uk, ru[, ru …]): translations regular spelling rules cannot make
(a Russian word written ``>word`` is searched for the Ukrainian one, not back:
uk «провадження» is ru «производство» in law, but ru «производство» is mostly
«виробництво»);
``false_friends.tsv`` (uk, ru, gloss): look-alikes that must never be matched;
``places.tsv`` (uk, ru, latin[, latin …]); ``latin_names.tsv`` (latin, uk, ru).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from index.analysis.normalize import fold, normalise_surface

DATA = Path(__file__).resolve().parent / "data"
ONE_WAY = ">"


@dataclass(slots=True)
class Lexicon:
    """Word → its equivalents, in both directions, and pairs never to be matched."""

    uk_to_ru: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    ru_to_uk: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    false_friends: set[tuple[str, str]] = field(default_factory=set)  # (uk, ru)
    latin: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def translations(self, word: str, language: str) -> list[str]:
        table = self.uk_to_ru if language == "uk" else self.ru_to_uk
        return table.get(word, [])

    def knows(self, word: str, language: str) -> bool:
        return bool(self.translations(word, language))

    def false_friend(self, word: str, language: str, equivalent: str) -> bool:
        pair = (word, equivalent) if language == "uk" else (equivalent, word)
        return pair in self.false_friends

    def add_pair(self, uk: str, ru: str, *, both_ways: bool = True) -> None:
        _add(self.uk_to_ru[uk], ru)
        if both_ways:
            _add(self.ru_to_uk[ru], uk)


def _add(values: list[str], value: str) -> None:
    if value not in values:
        values.append(value)


def key(word: str) -> str:
    """How a written word is looked up in the lists: one apostrophe, folded."""
    return fold(normalise_surface(word.strip()))


def rows(name: str, folder: Path = DATA) -> Iterator[list[str]]:
    """The TAB-separated columns of a data file's entries; no file, no entries."""
    path = folder / name
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            yield [column.strip() for column in line.split("\t")]


def _variants(column: str) -> list[str]:
    return [key(value) for value in column.split(",") if value.strip()]


@lru_cache(maxsize=2)  # the shipped folder, and a test's
def lexicon(folder: Path = DATA) -> Lexicon:
    found = Lexicon()
    for uk, ru, *_ in rows("lexicon.tsv", folder):
        for russian in ru.split(","):
            one_way = russian.strip().startswith(ONE_WAY)
            word = key(russian.strip().removeprefix(ONE_WAY))
            if word:
                found.add_pair(key(uk), word, both_ways=not one_way)
    for uk, ru, *_ in rows("false_friends.tsv", folder):
        found.false_friends.add((key(uk), key(ru)))
    for uk, ru, latin, *_ in rows("places.tsv", folder):
        found.add_pair(key(uk), key(ru))
        for spelling in _variants(latin):
            found.latin[spelling].append((key(uk), key(ru)))
    for latin, uk, ru, *_ in rows("latin_names.tsv", folder):
        found.latin[key(latin)].append((key(uk), key(ru)))
    return found
