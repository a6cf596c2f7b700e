"""The people of one article: mentions grouped by surname, named as fully as the article does."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from index.speech.lexicon import NAME_CACHE_SIZE, nominative_of
from index.speech.names import Mention
from index.speech.parts import Part
from index.speech.patterns import ADJECTIVAL_ENDINGS, RU_ADJECTIVAL_ENDINGS

# Surname endings of oblique cases, for unknown foreign names: (case, ending, replacement).
OBLIQUE_ENDINGS = (
    ("gent", "а", ""),
    ("accs", "а", ""),
    ("gent", "ля", "ль"),  # «Скрипаля», «Шмигаля»: a soft consonant, not «-й»
    ("gent", "ня", "нь"),
    ("gent", "я", "й"),
    ("accs", "у", "а"),
    ("datv", "ові", ""),
    ("datv", "еві", ""),
    ("datv", "у", ""),
    ("ablt", "ом", ""),
    ("ablt", "ем", ""),
)
# «Валерії» reads as Валерія (gent) or Валерій (datv): news text names people
# in the genitive («за словами …») far more often than in other cases.
CASE_PREFERENCE = ("nomn", "gent", "accs", "datv", "ablt", "loct", "voct", "plur", "any")
SKELETON = str.maketrans(
    {"і": "и", "ї": "и", "й": "и", "є": "е", "ґ": "г", "'": "", "’": "", "ь": ""}
)
# Two spellings of one surname share at least this many first letters.
FUZZY_PREFIX = 4
FUZZY_SLACK = 2


@dataclass(slots=True)
class Person:
    key: str  # skeleton of the surname, or of the only name
    given_keys: frozenset[str] = frozenset()  # skeletons of the first given name's readings
    gender: str | None = field(init=False, default=None)
    mentions: list[Mention] = field(init=False, default_factory=list)
    roles: set[str] = field(init=False, default_factory=set)
    spoke: bool = field(init=False, default=False)

    @property
    def weak(self) -> bool:
        """Nothing but one capitalised unknown word ever names this person."""
        return all(m.weak and len(m.names) < 2 for m in self.mentions)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def skeleton(word: str) -> str:
    """A spelling-tolerant key: «Мирошніченко» and «Мирошниченко» share one."""
    return word.lower().translate(SKELETON)


def _restyle(word: str, like: str) -> str:
    styled = "-".join(piece[:1].upper() + piece[1:] for piece in word.split("-"))
    if "ё" in word and "ё" not in like.lower():
        styled = styled.replace("ё", "е").replace("Ё", "Е")  # the dictionary's ё, the text's е
    return styled.replace("'", "’") if "’" in like else styled


def nominative(part: Part, mention: Mention, language: str | None) -> str:
    """One name part in the nominative, spelled like the article spells it; without a
    ``language`` the dictionary lemma stands in (enough to compare names, and cheap)."""
    if part.kind == "name" and all(r.case == "plur" for r in part.info.readings):
        return _restyle(part.info.readings[0].lemma, part.surface)  # «Терези Коваль» → Тереза
    if part.kind in ("particle", "initial") or ("nomn" in mention.cases and part.kind == "name"):
        return part.surface
    if part.kind == "unknown":
        return _strip_ending(part.surface, mention) if mention.case_known else part.surface
    readings = [r for r in part.info.readings if r.case in mention.cases or r.case == "any"]
    # the reading of the mention's gender, not a patronymic, in the likeliest case
    readings.sort(
        key=lambda r: (
            mention.gender is not None and r.gender != mention.gender,
            r.kind == "Patr",
            CASE_PREFERENCE.index(r.case) if r.case in CASE_PREFERENCE else len(CASE_PREFERENCE),
        )
    )
    if not readings:  # «Хадіма»: guessed readings only, none in the case the text fixes
        return _strip_ending(part.surface, mention) if mention.case_known else part.surface
    if language is None:
        return _restyle(readings[0].lemma, part.surface)
    word = part.surface.lower().replace("’", "'")
    return _restyle(nominative_of(word, language, readings[0]), part.surface)


def _strip_ending(surface: str, mention: Mention) -> str:
    """An unknown surname put in the nominative by its ending; each part of «Жана-Люка»."""
    if "nomn" in mention.cases:
        return surface
    return "-".join(_strip_piece(piece, mention) for piece in surface.split("-"))


def _strip_piece(surface: str, mention: Mention) -> str:
    if len(surface) <= 3:
        return surface  # «ул», «аль»: particles inside a hyphenated name
    lower = surface.lower()
    endings = RU_ADJECTIVAL_ENDINGS if mention.language == "ru" else ADJECTIVAL_ENDINGS
    for ending, cases, replacement in endings:
        if lower.endswith(ending) and cases & mention.cases and len(lower) > len(ending) + 2:
            return surface[: len(surface) - len(ending)] + replacement
    if mention.gender == "femn":
        return surface
    for case, ending, replacement in OBLIQUE_ENDINGS:
        if case in mention.cases and surface.endswith(ending) and len(surface) > len(ending) + 2:
            return surface[: len(surface) - len(ending)] + replacement
    return surface


class People:
    """Mentions grouped into people; each mention's ``person`` indexes ``people``."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.people: list[Person] = []
        for mention in mentions:
            if _structure(mention)[0]:
                self._add_full(mention)
        for mention in mentions:
            if mention.person < 0:
                self._add_single(mention)
        for person in self.people:
            person.roles.update(m.role for m in person.mentions if m.role)

    def of(self, mention: Mention) -> Person:
        return self.people[mention.person]

    def _attach(self, mention: Mention, number: int) -> None:
        mention.person = number
        person = self.people[number]
        person.mentions.append(mention)
        person.gender = person.gender or mention.gender

    def _add_full(self, mention: Mention) -> None:
        given, surname = _structure(mention)
        key = skeleton(nominative(surname[-1], mention, None))
        given_keys = frozenset(_part_keys(given[0], mention))
        for number, person in enumerate(self.people):
            if _same_surname(person.key, key) and _same_given(person.given_keys, given_keys):
                self._attach(mention, number)
                return
        self.people.append(Person(key, given_keys))
        self._attach(mention, len(self.people) - 1)

    def _add_single(self, mention: Mention) -> None:
        part = mention.names[-1]
        keys = _part_keys(part, mention)
        first_name = _only_first_name(part)
        candidates = [
            n
            for n, person in enumerate(self.people)
            if (
                any(_same_surname(person.key, k) for k in keys)
                or (first_name and not person.given_keys.isdisjoint(keys))
            )
            and _gender_fits(person.gender, mention.gender)
        ]
        if candidates:
            self._attach(mention, _nearest(self.people, candidates, mention))
            return
        key = skeleton(nominative(part, mention, None))
        self.people.append(Person(key, frozenset(keys) if first_name else frozenset()))
        self._attach(mention, len(self.people) - 1)

    def relink(self, mention: Mention, gender: str | None) -> None:
        """Give a lone surname to the person of that surname whose gender fits its verb."""
        if len(mention.names) != 1 or gender is None or len(self.of(mention).mentions) < 2:
            return  # (a person is never left without a mention)
        keys = _part_keys(mention.names[0], mention)
        fitting = [
            n
            for n, person in enumerate(self.people)
            if person.gender == gender and any(_same_surname(person.key, k) for k in keys)
        ]
        if fitting:
            old = self.of(mention)
            old.mentions.remove(mention)
            mention.person = _nearest(self.people, fitting, mention)
            self.people[mention.person].mentions.append(mention)

    def canonical(self, person: Person) -> str:
        """Nominative, as complete as the article gives it, spelled as printed where we can."""
        best = min(person.mentions, key=_rank)
        if _nominative_evidence(best):
            return " ".join(p.surface for p in _ordered_parts(best))
        attested = [  # the surname alone, seen in the nominative
            m
            for m in person.mentions
            if len(m.names) == 1
            and (m.subject_like or m.cases == {"nomn"})
            and any(_same_surname(person.key, key) for key in _part_keys(m.names[0], m))
        ]
        attested.sort(key=lambda m: not m.subject_like)
        given, _ = _structure(best)
        if attested and given:  # «пана Яна Ковалу» … «Пан Ковала заявив»
            names = [nominative(p, best, best.language) for p in given]
            return " ".join([*names, attested[0].names[0].surface])
        return " ".join(nominative(p, best, best.language) for p in _ordered_parts(best))


def _nominative_evidence(mention: Mention) -> bool:
    return mention.subject_like or (mention.case_known and mention.nominative)


def _ordered_parts(mention: Mention) -> list[Part]:
    given, surname = _structure(mention)
    return [*given, *surname]


def _rank(mention: Mention) -> tuple[int, int, int, int]:
    given = len(_structure(mention)[0])
    evidence = 0 if mention.subject_like else 1 if _nominative_evidence(mention) else 2
    return (-given, evidence, len("".join(p.surface for p in mention.parts)), mention.paragraph)


def _structure(mention: Mention) -> tuple[list[Part], list[Part]]:
    """Given names and surname (with particles) of a mention; patronymics dropped."""
    if mention.structure is None:
        mention.structure = _find_structure(mention)
    return mention.structure


def _find_structure(mention: Mention) -> tuple[list[Part], list[Part]]:
    parts = [p for p in mention.parts if p.kind != "initial"]
    names = [p for p in parts if p.kind != "particle"]
    if len(names) < 2:
        return [], parts
    if names[0].info.surname and not names[0].info.first_name and names[1].info.first_name:
        return [p for p in names[1:] if not p.info.patronymic], [names[0]]  # «Бондар Анатолій»
    last = max(i for i, p in enumerate(parts) if p.kind != "particle" and not p.info.patronymic)
    start = last
    while start > 0 and parts[start - 1].kind == "particle":
        start -= 1
    given = [p for p in parts[:start] if p.kind != "particle" and not p.info.patronymic]
    return given, parts[start : last + 1]


def _part_keys(part: Part, mention: Mention) -> set[str]:
    keys = {skeleton(part.surface), skeleton(_strip_ending(part.surface, mention))}
    keys.update(skeleton(r.lemma) for r in part.info.readings)
    return keys


def _same_surname(key: str, other: str) -> bool:
    if key == other:
        return True
    if key[:3] != other[:3]:
        return False  # most pairs differ at once: skip the letter-by-letter walk
    if "-" in key and key.count("-") == other.count("-"):  # «жана-люка», «жан-люк»
        return all(_same_piece(a, b) for a, b in zip(key.split("-"), other.split("-"), strict=True))
    shortest = min(len(key), len(other))
    common = 0
    while common < shortest and key[common] == other[common]:
        common += 1
    return common >= max(FUZZY_PREFIX, shortest - FUZZY_SLACK)


def _same_piece(piece: str, other: str) -> bool:
    shortest = min(len(piece), len(other))
    common = 0
    while common < shortest and piece[common] == other[common]:
        common += 1
    return common >= max(min(3, shortest), shortest - FUZZY_SLACK)


def _same_given(keys: frozenset[str], others: frozenset[str]) -> bool:
    """«Зої» and «Зоя», «Яніса» and «Яніс» are one first name (or one is missing)."""
    if not keys or not others or not keys.isdisjoint(others):
        return True
    return any(_same_surname(key, other) for key in keys for other in others)


def _only_first_name(part: Part) -> bool:
    return part.info.first_name and not part.info.surname


def _gender_fits(gender: str | None, other: str | None) -> bool:
    return gender is None or other is None or gender == other


def _nearest(people: list[Person], candidates: list[int], mention: Mention) -> int:
    """The candidate last mentioned before ``mention``; else the first one mentioned after."""
    here = (mention.paragraph, mention.first)

    def distance(number: int) -> tuple[int, tuple[int, int]]:
        before = [
            (m.paragraph, m.first) for m in people[number].mentions if (m.paragraph, m.first) < here
        ]
        if before:
            latest = max(before)
            return (0, (-latest[0], -latest[1]))
        return (1, min((m.paragraph, m.first) for m in people[number].mentions))

    return min(candidates, key=distance)
