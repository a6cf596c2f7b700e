"""Dictionary lemmas from pymorphy3, every reading of a word, cached.

pymorphy3 often ranks a wrong reading first (війни → війнути, НАТО → ната),
so, as Lucene's Ukrainian analyzer does, every distinct lemma of a known word
is indexed at the word's position. Unknown words are kept as they are.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3

from index.analysis.normalize import fold

RUSSIAN_ONLY_LETTERS = frozenset("ыэъё")
LEMMA_CACHE_SIZE = 400_000


@cache
def morphology(language: str) -> pymorphy3.MorphAnalyzer:
    """One analyzer per language and process: loading the dictionary takes a while."""
    return pymorphy3.MorphAnalyzer(lang=language)


def _known_lemmas(word: str, language: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for parse in morphology(language).parse(word):
        if parse.is_known:
            seen.setdefault(fold(parse.normal_form), None)
    return tuple(seen)


def _needs_morphology(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word) and not any(ch.isdigit() for ch in word)


@lru_cache(maxsize=LEMMA_CACHE_SIZE)
def lemmas(word: str, language: str) -> tuple[str, ...]:
    """All dictionary lemmas of a folded word, in the language given.

    ``language`` is "uk", "ru" or "any" (a query: both dictionaries). A
    Ukrainian document uses the Russian dictionary only for words that the
    Ukrainian one does not know and that carry Russian-only letters, so
    Ukrainian words are never re-read as Russian; a Russian document falls
    back to the Ukrainian dictionary for Ukrainian words it quotes.
    """
    if not _needs_morphology(word):
        return (word,)
    if language == "any":
        found = _known_lemmas(word, "uk") + _known_lemmas(word, "ru")
    elif language == "ru":
        found = _known_lemmas(word, "ru") or _known_lemmas(word, "uk")
    else:
        found = _known_lemmas(word, "uk")
        if not found and RUSSIAN_ONLY_LETTERS.intersection(word):
            found = _known_lemmas(word, "ru")
    return tuple(dict.fromkeys(found)) or (word,)
