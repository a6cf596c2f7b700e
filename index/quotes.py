"""Quote attribution (``index.speech`` finds quotes and speakers), kept to speech.

Quote marks also hold what nobody said: names of events, works and bodies
(«Північний потік», «Слуга народу»), scare quotes, a word or two lifted into
reported speech (заявив, що угода «дуже погана»). Those are left out, so that a
search inside quotes and the speaker facet hold speech only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from index.analysis.lemmas import morphology
from index.article import Article, Quote
from index.extract.selectors import NAME_PARTICLES
from index.speech import SPEAKER_THRESHOLD
from index.speech import attach_quotes as attribute_speech
from index.speech.lexicon import adjective_before_noun
from index.speech.quotes import _alphabet_key

__all__ = ["SPEAKER_THRESHOLD", "attach_quotes", "is_speech"]

_CUT_CLAUSE = re.compile(r"(?:^|[\s,])(?:що|щоб|чи|что|чтобы|ли)\s*[,:]?$", re.IGNORECASE)
MAX_FRAGMENT_WORDS = 3  # «дуже погана» inside reported speech
MAX_NAME_WORDS = 5  # «Європейська солідарність», «Північний потік-2»
SENTENCE_ENDS = (".", "!", "?", "…")
VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def attach_quotes(article: Article) -> None:
    """Fill ``article.quotes`` and ``article.speakers``; quotes that are not speech are
    dropped. A speaker whose words the extraction cut off («Мей зазначила, що») still
    spoke: the person stays among the article's speakers, the empty quote does not."""
    attribute_speech(article)
    language = "ru" if article.language == "ru" else "uk"
    attributed = [_with_person(quote, language) for quote in article.quotes]
    article.quotes = [quote for quote in attributed if is_speech(quote, language)]
    named = {
        q.speaker
        for q in attributed
        if q.speaker
        and q.confidence >= SPEAKER_THRESHOLD
        and (q in article.quotes or _CUT_CLAUSE.search(q.text.strip()))
    }
    article.speakers = sorted(named, key=_alphabet_key)


def is_speech(quote: Quote, language: str = "uk") -> bool:
    """Whether a quote reads as speech. A quote with a speaker is kept: attribution found
    a speech verb or a layout naming who said it. One without is dropped when it is a
    fragment of a few words or a short phrase that reads as a name."""
    text = quote.text.strip()
    words = text.split()
    if not words or _CUT_CLAUSE.search(text):
        return False  # «Мей зазначила, що»: the words said were left out
    if quote.speaker is not None:
        return True
    if len(words) <= MAX_FRAGMENT_WORDS:
        return False
    return len(words) > MAX_NAME_WORDS or not _reads_like_a_name(text, language)


PLACE_TAGS = frozenset({"Geox", "Orgn"})
NAME_VERDICTS = 20_000  # the same speakers recur across an archive
SURNAME_TAGS = frozenset({"Surn", "Patr"})


def _with_person(quote: Quote, language: str) -> Quote:
    """The quote, its speaker left unknown where the «speaker» is no person's name."""
    if quote.speaker is None or names_a_person(quote.speaker, language):
        return quote
    return replace(quote, speaker=None, confidence=0.0)


@lru_cache(maxsize=NAME_VERDICTS)
def names_a_person(name: str, language: str = "uk") -> bool:
    """«Білий дім», «УНІАН», «Київ», «Міністерство оборони» are not people: no word of
    them can be a given name (a name, an animate noun, or a word the dictionary does not
    know, as foreign names are), and one is known only as a thing, a place or a body.
    A surname that is also a common word («Анджей Дуда») keeps its person."""
    words = _name_words(name)
    if len(words) > 1 and _adjective_leads_a_thing(words[0].lower(), words[1].lower(), language):
        return False  # «Верховна Рада», «Європейська солідарність»
    analyzer = morphology(language)
    readings = [analyzer.parse(word) for word in words]
    if any(_may_be_given_name(parses) for parses in readings):
        return True
    return not any(
        _only(
            parses,
            lambda tags: bool(PLACE_TAGS & tags) or ("inan" in tags and not SURNAME_TAGS & tags),
        )
        for parses in readings
    )


def _adjective_leads_a_thing(first: str, second: str, language: str) -> bool:
    """An adjective that is no surname, agreeing with a common noun after it."""
    first_parses = morphology(language).parse(first)
    return _only(first_parses, lambda tags: "ADJF" in tags) and adjective_before_noun(
        first, second, language
    )


def _name_words(name: str) -> list[str]:
    """The words of a name that can tell: no initials, particles (ван, де) or numerals (II)."""
    words = [word.strip(".,'’") for word in name.replace("-", " ").split()]
    return [
        w
        for w in words
        if len(w) > 1 and w.isalpha() and w.lower() not in NAME_PARTICLES and not _roman(w)
    ]


def _roman(word: str) -> bool:
    return set(word) <= set("IVXLC")


def _only(parses: list, test: Callable[[frozenset[str]], bool]) -> bool:
    return all(parse.is_known for parse in parses) and all(
        test(frozenset(parse.tag.grammemes)) for parse in parses
    )


def _may_be_given_name(parses: list) -> bool:
    return any(
        not parse.is_known
        or "Name" in parse.tag.grammemes
        or (
            "anim" in parse.tag.grammemes
            and "plur" not in parse.tag.grammemes  # «Кабінет Міністрів»: people, not a name
            and not SURNAME_TAGS & parse.tag.grammemes
        )
        for parse in parses
    )


def _reads_like_a_name(text: str, language: str) -> bool:
    """A short capitalised phrase with no verb and no sentence end: a name, not a statement."""
    if not text[0].isupper() or text.endswith(SENTENCE_ENDS):
        return False
    analyzer = morphology(language)
    for word in text.split():
        bare = word.strip(",;:«»\"'()")
        if bare and any(parse.tag.POS in VERB_TAGS for parse in analyzer.parse(bare)[:1]):
            return False
    return True
