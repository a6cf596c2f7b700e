"""pymorphy3 look-ups for attribution, cached: speech-verb forms, role words, name readings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from pymorphy3 import MorphAnalyzer
from pymorphy3.analyzer import Parse
from pymorphy3.tagset import OpencorporaTag

from index.analysis.lemmas import morphology
from index.speech.patterns import LANGUAGES, ROLE_PREFIXES, LanguageData

NAME_CACHE_SIZE = 100_000
NAME_GRAMMEMES = ("Name", "Surn", "Patr")


@dataclass(frozen=True, slots=True)
class VerbForm:
    lemma: str
    gender: str | None  # of a past singular form
    plural: bool
    gerund: bool


# «переконаний», «впевнений»: an adjective of conviction works like a speech verb.
STANCE = VerbForm("stance", None, False, False)


@dataclass(frozen=True, slots=True)
class NounForm:
    lemma: str  # after role aliases
    cases: frozenset[str]
    plural: bool  # every reading is plural
    nominative_singular: bool  # can be the subject of a singular verb
    nominative_plural: bool


@dataclass(frozen=True, slots=True)
class NameReading:
    kind: str  # Name, Surn or Patr
    case: str  # or "any" for an indeclinable name
    gender: str | None
    lemma: str  # lowercase; the nominative singular for name readings


@dataclass(frozen=True, slots=True)
class WordInfo:
    known: bool
    common: bool  # the dictionary knows it as an ordinary word
    readings: tuple[NameReading, ...]
    first_name: bool = False
    surname: bool = False
    patronymic: bool = False  # every reading is a patronymic


def make_word_info(known: bool, common: bool, readings: tuple[NameReading, ...]) -> WordInfo:
    kinds = {r.kind for r in readings}
    return WordInfo(known, common, readings, "Name" in kinds, "Surn" in kinds, kinds == {"Patr"})


def language_data(language: str) -> LanguageData:
    return LANGUAGES.get(language, LANGUAGES["uk"])


def morph_language(language: str) -> str:
    return "ru" if language == "ru" else "uk"


def _infinitive(tag: OpencorporaTag) -> bool:
    return tag.POS == "INFN" or "infn" in tag.grammemes


@cache
def speech_verb_forms(language: str) -> dict[str, VerbForm]:
    """Finite present/past forms and gerunds of every speech verb, by surface form."""
    data = language_data(language)
    forms: dict[str, VerbForm] = {}
    for lemma in (*data.speech_verbs, *data.collocations):
        for word, form in _verb_lexeme(lemma, language):
            forms.setdefault(word, form)
    return forms


def _verb_lexeme(lemma: str, language: str) -> list[tuple[str, VerbForm]]:
    morph = morphology(morph_language(language))
    found: list[tuple[str, VerbForm]] = []
    # A lemma can be read in both aspects («закликати»): every reading's forms count.
    for parse in morph.parse(lemma):
        if parse.normal_form != lemma or parse.tag.POS not in ("VERB", "INFN"):
            continue
        found.extend(_finite_forms(parse, lemma))
        found.extend(
            (word, VerbForm(lemma, None, False, True)) for word in _gerunds(parse, language)
        )
    return found


def _finite_forms(parse: Parse, lemma: str) -> list[tuple[str, VerbForm]]:
    found = []
    for form in parse.lexeme:
        grammemes = form.tag.grammemes
        if "GRND" in grammemes:
            found.append((form.word, VerbForm(lemma, None, False, True)))
        elif form.tag.POS != "VERB" or _infinitive(form.tag) or "Impe" in grammemes:
            continue
        elif "past" in grammemes or ("pres" in grammemes and "3per" in grammemes):
            found.append(
                (form.word, VerbForm(lemma, _plain(form.tag.gender), "plur" in grammemes, False))
            )
    return found


def _gerunds(parse: Parse, language: str) -> list[str]:
    """Ukrainian gerunds are separate dictionary words: build them and keep the known ones."""
    if language == "ru":
        return []
    morph = morphology("uk")
    candidates = []
    for form in parse.lexeme:
        if "past" in form.tag.grammemes and form.tag.gender == "masc":
            candidates.append(form.word + "ши")
        if (
            "pres" in form.tag.grammemes
            and "plur" in form.tag.grammemes
            and "3per" in form.tag.grammemes
        ):
            candidates.append(form.word[:-2] + "чи")
    return [w for w in candidates if any("GRND" in p.tag.grammemes for p in morph.parse(w))]


@cache
def stance_forms(language: str) -> frozenset[str]:
    morph = morphology(morph_language(language))
    words: set[str] = set()
    for lemma in language_data(language).stance_adjectives:
        for parse in morph.parse(lemma):
            if parse.normal_form == lemma:
                words.update(f.word for f in parse.lexeme if "nomn" in f.tag.grammemes)
    return frozenset(words)


@cache
def noun_forms(language: str, group: str) -> dict[str, NounForm]:
    """Surface forms of the role, institution or media nouns (``group`` names the list)."""
    data = language_data(language)
    lemmas: frozenset[str] = getattr(data, group)
    aliases = data.role_aliases if group == "roles" else {}
    morph = morphology(morph_language(language))
    found: dict[str, tuple[str, set[tuple[str, bool]]]] = {}
    for lemma in sorted(lemmas):
        base = lemma
        while base in aliases and aliases[base] != base:  # прем'єр-міністерка → … → прем'єр
            base = aliases[base]
        for word, case, plural in _noun_lexeme(morph, lemma):
            found.setdefault(word, (base, set()))[1].add((case, plural))
    return {
        word: NounForm(
            base,
            frozenset(case for case, _ in readings),
            all(plural for _, plural in readings),
            ("nomn", False) in readings,
            ("nomn", True) in readings,
        )
        for word, (base, readings) in found.items()
    }


@cache
def role_words(language: str) -> frozenset[str]:
    """Every form of every role word, also with a prefix of rank («віце-президента»)."""
    roles = noun_forms(language, "roles")
    prefixed = {f"{prefix}-{word}" for prefix in ROLE_PREFIXES for word in roles}
    return frozenset(roles) | prefixed


def role_form(roles: dict[str, NounForm], word: str) -> NounForm | None:
    """A role word, also with a prefix of rank: «віце-президент», «екс-міністр»."""
    form = roles.get(word)
    if form is None and "-" in word:
        prefix, _, rest = word.partition("-")
        if prefix in ROLE_PREFIXES:
            form = roles.get(rest)
    return form


def _noun_lexeme(morph: MorphAnalyzer, lemma: str) -> list[tuple[str, str, bool]]:
    parses = [
        p for p in morph.parse(lemma) if p.normal_form == lemma and p.tag.POS in ("NOUN", "ADJF")
    ]
    if not parses:
        return [(lemma, "nomn", False)]
    return [
        (f.word, _plain(f.tag.case) or "nomn", "plur" in f.tag.grammemes) for f in parses[0].lexeme
    ]


@lru_cache(maxsize=NAME_CACHE_SIZE)
def adjective_before_noun(adjective: str, noun: str, language: str) -> bool:
    """«білий дім», «чорне море»: the adjective agrees with the inanimate noun after it, so a
    capitalised «Білий» there names a thing with the noun, not a person."""
    morph = morphology(morph_language(language))
    agreeing: set[tuple[str | None, str | None, str | None]] = set()
    for parse in morph.parse(adjective):
        if parse.tag.POS == "ADJF":
            agreeing.add((parse.tag.gender, parse.tag.number, parse.tag.case))
    if not agreeing:
        return False
    for parse in morph.parse(noun):
        tag = parse.tag
        if not (tag.POS == "NOUN" and tag.animacy == "inan" and parse.is_known):
            continue
        if {(tag.gender, tag.number, tag.case), (None, tag.number, tag.case)} & agreeing:
            return True
    return False


@lru_cache(maxsize=NAME_CACHE_SIZE)
def word_info(word: str, language: str) -> WordInfo:
    """How a capitalised word reads as a name part; ``word`` is lowercase, apostrophe ASCII.

    A known word is read from the dictionary directly, skipping ``MorphAnalyzer.parse``'s
    probability estimates and Parse objects; an unknown word keeps pymorphy's guesses,
    which mostly tell a foreign first name's gender («Таліта»).
    """
    morph = morphology(morph_language(language))
    dictionary = morph.dictionary
    readings: list[NameReading] = []
    common = False
    found = dictionary.words.similar_items(word, morph.char_substitutes)
    for spelling, pairs in found:
        for para_id, index in pairs:
            shape = _tag_shape(dictionary.build_tag_info(para_id, index))
            if shape.kind is None:
                common = True
                if shape.animate_noun_nominative and _paradigm_has_name(language, para_id):
                    # «Володимир»: its own tag lacks Name, its paradigm's other forms carry it
                    readings.append(NameReading("Name", "nomn", shape.gender, spelling))
            elif shape.case is not None:
                lemma = dictionary.build_normal_form(para_id, index, spelling)
                readings.append(NameReading(shape.kind, shape.case, shape.gender, lemma))
    if not found:
        readings = _guessed_readings(morph, word)
    return make_word_info(bool(found), common, tuple(dict.fromkeys(readings)))


def _guessed_readings(morph: MorphAnalyzer, word: str) -> list[NameReading]:
    readings = []
    for parse in morph.parse(word):
        kind = next((g for g in NAME_GRAMMEMES if g in parse.tag.grammemes), None)
        if kind is not None and kind != "Patr":  # foreign names end in -ич too: no patronymic
            readings.extend(_readings(parse.tag, kind, parse.normal_form))
    return readings


def _readings(tag: OpencorporaTag, kind: str, lemma: str) -> list[NameReading]:
    case = _reading_case(tag, kind)
    if case is None:
        return []
    return [NameReading(kind, case, _plain(tag.gender), lemma)]


def _reading_case(tag: OpencorporaTag, kind: str) -> str | None:
    """The case a name reading of this tag has; None when the tag gives no name reading."""
    # An indeclinable name reads the same in every case: "any" matches them all. A plural
    # reading is kept as case "plur" (a case no subject has): the dictionary tags «Терези»
    # (of Тереза) only as a plural, yet «Терези Коваль» is one woman.
    if "plur" in tag.grammemes:
        return "plur" if kind == "Name" else None
    return "any" if "Fixd" in tag.grammemes else _plain(tag.case)


@dataclass(frozen=True, slots=True)
class TagShape:
    """What a dictionary tag tells a name reading: worked out once per tag, since a few
    hundred tags serve every word of the dictionary."""

    kind: str | None  # Name, Surn, Patr, or None for an ordinary word
    case: str | None  # as in _readings; None: no name reading
    gender: str | None
    animate_noun_nominative: bool


# Keyed by the tag's identity: the dictionary keeps one object per tag for the process.
_TAG_SHAPES: dict[int, tuple[OpencorporaTag, TagShape]] = {}


def _tag_shape(tag: OpencorporaTag) -> TagShape:
    known = _TAG_SHAPES.get(id(tag))
    if known is not None and known[0] is tag:
        return known[1]
    grammemes = tag.grammemes
    kind = next((g for g in NAME_GRAMMEMES if g in grammemes), None)
    shape = TagShape(
        kind,
        _reading_case(tag, kind) if kind is not None else None,
        _plain(tag.gender),
        tag.POS == "NOUN" and "anim" in grammemes and "nomn" in grammemes,
    )
    _TAG_SHAPES[id(tag)] = (tag, shape)
    return shape


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _paradigm_has_name(language: str, para_id: int) -> bool:
    dictionary = morphology(morph_language(language)).dictionary
    return any("Name" in tag.grammemes for _, tag, _ in dictionary.build_paradigm_info(para_id))


def _plain(grammeme: object) -> str | None:
    """pymorphy3's tag attributes refuse comparison with unknown strings: make them str."""
    return str(grammeme) if grammeme else None


@lru_cache(maxsize=NAME_CACHE_SIZE)
def nominative_of(word: str, language: str, reading: NameReading) -> str:
    """``word`` (lowercase) in the nominative singular, read as ``reading``; gender kept."""
    if reading.case in ("nomn", "any"):
        return word
    for parse in morphology(morph_language(language)).parse(word):
        grammemes = parse.tag.grammemes
        if (
            reading.kind in grammemes
            and reading.case in grammemes
            and parse.normal_form == reading.lemma
        ):
            inflected = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
            if inflected is not None:
                return inflected.word
    return reading.lemma
