"""Name parts: what one capitalised word (or particle, or initial) is within a name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from index.analysis.normalize import LATIN_LOOKALIKES, has_latin
from index.speech.lexicon import NAME_CACHE_SIZE, WordInfo, make_word_info, noun_forms, word_info
from index.speech.patterns import ADJECTIVAL_ENDINGS, NAME_PARTICLES
from index.speech.text import Paragraph

ALL_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})
# Quotation regions this short are titles or names of things, not speech.
SHORT_REGION_WORDS = 4
ABBREVIATION_LETTERS = 5  # ОВА, ДСНС, КМДА: short capitals no dictionary reads as a name


@dataclass(frozen=True, slots=True)
class Part:
    surface: str  # as printed, title-cased if it was all capitals
    info: WordInfo
    kind: str  # "name", "unknown", "initial" or "particle"
    cases: frozenset[str] = ALL_CASES  # guessed readings of unknown words constrain nothing


def make_part(surface: str, info: WordInfo, kind: str) -> Part:
    found = {r.case for r in info.readings} - {"plur"}
    if kind == "unknown":
        return Part(surface, info, kind, _adjectival_cases(surface.lower()))
    if kind != "name" or not found or "any" in found or not info.known:
        return Part(surface, info, kind)  # no case to go by
    return Part(surface, info, kind, frozenset(found))


def _adjectival_cases(word: str) -> frozenset[str]:
    """«Чорновуського»: an unknown surname with an adjective's ending shows its case."""
    for ending, cases, _ in ADJECTIVAL_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return cases
    return ALL_CASES


NO_INFO = make_word_info(False, False, ())
_LOOKALIKES = str.maketrans(LATIN_LOOKALIKES)


def starts_a_name(part: Part) -> bool:
    info = part.info
    return part.kind == "name" and info.known and info.first_name and not info.surname


def part_at(paragraph: Paragraph, j: int, language: str, before: Part | None) -> Part | None:
    """Token ``j`` as a name part after ``before`` (None: as the first word of a name)."""
    inside = before is not None
    word, lower = paragraph.word(j), paragraph.lowers[j]
    if not word[0].isalpha() or not paragraph.cyrillic(j) or in_short_region(paragraph, j):
        return None
    if lower in NAME_PARTICLES and inside and _particles_then_capital(paragraph, j):
        return make_part(word, NO_INFO, "particle")
    if not word[0].isupper():
        return None
    if len(word) == 1:
        return make_part(word + ".", NO_INFO, "initial") if _initial(paragraph, j) else None
    if word.isupper() and not inside and not next_is_capital(paragraph, j):
        return None  # an abbreviation (МЗС, УНН), not a surname in capitals
    if word.isupper() and not inside and _abbreviation(paragraph, j, lower, language):
        return None  # «голова ОВА Олег Синєгубов»; «ШЕВЧЕНКО Тарас» stays a name
    part = name_part(word, lower, language)
    if part is None and before is not None and before.info.first_name and not word.isupper():
        # «Олег Скрипаль»: a capitalised common noun right after a first name is a surname.
        return make_part(word, NO_INFO, "unknown")
    return part


def _abbreviation(paragraph: Paragraph, j: int, lower: str, language: str) -> bool:
    """Short capitals no dictionary reads as a name, unless a name in capitals follows
    («ОВА Олег Синєгубов», «ОВЦС УПЦ»; «ОЛЕГ СИНЄГУБОВ» is a name)."""
    if len(lower) > ABBREVIATION_LETTERS or word_info(lower, language).readings:
        return False
    following = paragraph.word(j + 1)
    return not (following.isupper() and word_info(paragraph.lowers[j + 1], language).readings)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def name_part(word: str, lower: str, language: str) -> Part | None:
    """What a capitalised word is as part of a name, whatever its context."""
    if not can_be_name(lower, language):
        return None
    surface = "-".join(piece.capitalize() for piece in word.split("-")) if word.isupper() else word
    if has_latin(surface):  # «Андрiй» typed with a Latin «i»
        surface = surface.translate(_LOOKALIKES)
    info = word_info(lower, language)
    return make_part(surface, info, "name" if info.readings else "unknown")


# A plain dict per language: asked ~50 times a page, where lru_cache's bookkeeping showed.
_CAN_BE_NAME: dict[str, dict[str, bool]] = {}


def can_be_name(lower: str, language: str) -> bool:
    """Whether a capitalised word spelled ``lower`` can be part of a name (``name_part`` is
    not None): it depends on the spelling only, not on how the word was capitalised."""
    seen = _CAN_BE_NAME.setdefault(language, {})
    answer = seen.get(lower)
    if answer is None:
        if len(seen) >= NAME_CACHE_SIZE:
            seen.clear()
        info = word_info(lower, language)
        answer = bool(info.readings) or not (info.known or lower in noun_forms(language, "roles"))
        seen[lower] = answer
    return answer


def in_short_region(paragraph: Paragraph, j: int) -> bool:
    region = paragraph.region[j]
    return region >= 0 and paragraph.regions[region].words <= SHORT_REGION_WORDS


def _particles_then_capital(paragraph: Paragraph, j: int) -> bool:
    """«фон дер Гельм»: particles, then a capitalised word."""
    while j + 1 < len(paragraph) and paragraph.lowers[j + 1] in NAME_PARTICLES:
        j += 1
    return next_is_capital(paragraph, j)


def next_is_capital(paragraph: Paragraph, j: int) -> bool:
    return j + 1 < len(paragraph) and paragraph.capitalised(j + 1) and paragraph.cyrillic(j + 1)


def _initial(paragraph: Paragraph, j: int) -> bool:
    words = paragraph.lowers
    return (
        j + 2 < len(words)
        and words[j + 1] == "."
        and paragraph.adjacent(j + 1)
        and paragraph.capitalised(j + 2)
        and len(words[j + 2]) > 1
    )
