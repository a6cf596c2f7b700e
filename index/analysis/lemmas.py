"""Dictionary lemmas from pymorphy3, every reading of a word, cached.

pymorphy3 often ranks a wrong reading first (війни → війнути, НАТО → ната),
so, as Lucene's Ukrainian analyzer does, every distinct lemma of a known word
is indexed at the word's position. Unknown words are kept as they are.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3

from index.analysis.normalize import fold, has_cyrillic

RUSSIAN_ONLY_LETTERS = frozenset("ыэъё")
LEMMA_CACHE_SIZE = 400_000


@cache
def morphology(language: str) -> pymorphy3.MorphAnalyzer:
    """One analyzer per language and process: loading the dictionary takes a while."""
    return pymorphy3.MorphAnalyzer(lang=language)


Reading = tuple[str, int, int]  # the dictionary spelling, paradigm id, form index


def _readings(morph: pymorphy3.MorphAnalyzer, word: str) -> list[Reading]:
    found = morph.dictionary.words.similar_items(word, morph.char_substitutes)
    return [(spelling, para_id, index) for spelling, pairs in found for para_id, index in pairs]


def _normal_forms(morph: pymorphy3.MorphAnalyzer, readings: list[Reading]) -> list[str]:
    build = morph.dictionary.build_normal_form
    return [build(para_id, index, spelling) for spelling, para_id, index in readings]


def _known_lemmas(word: str, language: str) -> tuple[str, ...]:
    """Folded lemmas of every dictionary reading of a word; () for a word the dictionary lacks.

    Reads the dictionary directly rather than through ``MorphAnalyzer.parse``:
    a known word's readings all come from the dictionary, and an unknown
    word's readings are guesses we drop anyway, so skipping the guessers and
    Parse objects gives the same lemmas at a fraction of the cost.
    """
    morph = morphology(language)
    word = word.lower()
    readings = _readings(morph, word)
    if not readings:
        return ()
    forms = _normal_forms(morph, readings)
    if morph.prob_estimator is not None and len(set(forms)) > 1:
        # the Russian dictionary orders readings by corpus frequency: keep its order
        forms = [parse.normal_form for parse in morph.parse(word)]
    if language == "uk":
        forms += _verbs_of_adverbial_participle(morph, word, readings)
    return tuple(dict.fromkeys(fold(form) for form in forms))


def dictionary_lemmas(word: str, language: str) -> tuple[str, ...]:
    """The folded lemmas one dictionary ("uk" or "ru") gives a word; () if it lacks it."""
    return _known_lemmas(word, language) if _needs_morphology(word) else ()


# Ukrainian adverbial participle ending → the verb form it is built on:
# заявивши ← заявив, відбувшись ← відбувся, працюючи ← працюють, намагаючись ← намагаються.
ADVERBIAL_PARTICIPLE_SOURCES = (("шись", "ся"), ("ши", ""), ("чись", "ться"), ("чи", "ть"))


def _verbs_of_adverbial_participle(
    morph: pymorphy3.MorphAnalyzer, word: str, readings: list[Reading]
) -> list[str]:
    """The verb an adverbial participle belongs to: the dictionary lists it as its own lemma.

    VESUM, and so Lucene, file «заявивши» under «заявити»; pymorphy3's
    dictionary makes it a lemma of its own, which hides it from a search for
    the verb. The verb is found through the finite form the participle is
    built on (past masculine or present 3rd plural).
    """
    source = _participle_source(word)
    if source is None or not any(_is_adverbial_participle(morph, r) for r in readings):
        return []
    verbs = [r for r in _readings(morph, source) if _tag(morph, r).POS == "VERB"]
    return _normal_forms(morph, verbs)


def _participle_source(word: str) -> str | None:
    for ending, replacement in ADVERBIAL_PARTICIPLE_SOURCES:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + replacement
    return None


def _is_adverbial_participle(morph: pymorphy3.MorphAnalyzer, reading: Reading) -> bool:
    return "GRND" in _tag(morph, reading)


def _tag(morph: pymorphy3.MorphAnalyzer, reading: Reading) -> pymorphy3.tagset.OpencorporaTag:
    _spelling, para_id, index = reading
    return morph.dictionary.build_tag_info(para_id, index)


def _needs_morphology(word: str) -> bool:
    return has_cyrillic(word) and not any(map(str.isdigit, word))


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
    return tuple(dict.fromkeys(found)) or unknown_word_terms(word)


PARADIGM_CACHE_SIZE = 20_000


@lru_cache(maxsize=PARADIGM_CACHE_SIZE)
def paradigm_forms(lemma: str) -> frozenset[str]:
    """Every folded written form, in either dictionary, of the words whose lemma is ``lemma``.

    The reverse of ``lemmas``: a dictionary word has ``lemma`` among its lemmas only
    if it is one of these forms. Highlighting uses it to skip words that cannot match
    without analysing them. Forms with «ё» are also listed with «е», as the Russian
    dictionary reads them either way.
    """
    forms = {lemma}
    for language in ("uk", "ru"):
        for parse in morphology(language).parse(lemma):
            if fold(parse.normal_form) != lemma:
                continue
            forms.update(fold(form.word) for form in parse.lexeme)
    forms.update([form.replace("ё", "е") for form in forms if "ё" in form])
    return frozenset(forms)


# Case endings of Ukrainian and Russian nouns and adjectives, longest first. Names and
# loanwords missing from the dictionaries (Асія, Асії, Асію; Сибіга, Сибігою) share
# what is left once one is taken off, which no dictionary-only analyzer offers.
UNKNOWN_WORD_ENDINGS = tuple(
    sorted(
        """
    ами ями ові еві єві ою ею єю ій ої ом ем єм ах ях ам ям ів їв ий ій ого ому ими ім их
    ой ей ов ев ый ым ых ую юю ая яя а я у ю і ї е є о и ы
    """.split(),
        key=len,
        reverse=True,
    )
)
UNKNOWN_STEM_PREFIX = "~"
MIN_UNKNOWN_STEM = 3
MIN_UNKNOWN_WORD = 4


def unknown_stem(word: str) -> str | None:
    """The word without its case ending, where enough of it is left to mean something."""
    if len(word) < MIN_UNKNOWN_WORD or not word.isalpha():
        return None
    for ending in UNKNOWN_WORD_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_UNKNOWN_STEM:
            return word[: -len(ending)]
    return word


def unknown_word_terms(word: str) -> tuple[str, ...]:
    """A word no dictionary knows: kept as written, plus its ending-less stem."""
    stem = unknown_stem(word)
    return (word, UNKNOWN_STEM_PREFIX + stem) if stem else (word,)
