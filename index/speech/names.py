"""Person mentions: runs of capitalised name words, put in the nominative.

A mention is a run such as «Марка Коваля», «І.Коваль» or «Бондар Анатолій
Сергійович»; ``people.py`` later groups the mentions of one article into people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.speech.lexicon import (
    adjective_before_noun,
    language_data,
    noun_forms,
    role_form,
    role_words,
)
from index.speech.parts import ALL_CASES, Part, can_be_name, part_at, starts_a_name
from index.speech.patterns import NOT_PERSON_BEFORE, PREPOSITIONS
from index.speech.text import QUOTE_MARKS, Paragraph, capital_indices

MAX_NAME_PARTS = 4
# Tokens scanned before a name for the role word in apposition.
ROLE_WINDOW = 15
GENITIVE = frozenset({"gent"})
ROLE_STOPS = frozenset(".:;!?()—–")


@dataclass(slots=True)
class Mention:
    paragraph: int
    first: int  # token indices, inclusive
    last: int
    parts: list[Part]
    cases: frozenset[str]
    gender: str | None
    weak: bool  # no dictionary word backs it as a name
    in_quote: bool
    language: str
    tentative: bool = False
    role: str | None = field(init=False, default=None)
    person: int = field(init=False, default=-1)
    subject_like: bool = field(init=False, default=False)  # nominative subject of a speech verb
    names: list[Part] = field(init=False)  # the parts that are words of the name
    structure: tuple[list[Part], list[Part]] | None = field(init=False, default=None)  # people.py
    case_known: bool = field(init=False)  # a dictionary name fixes the case

    def __post_init__(self) -> None:
        self.names = [p for p in self.parts if p.kind in ("name", "unknown")]
        self.case_known = any(p.kind == "name" and p.cases is not ALL_CASES for p in self.names)

    @property
    def nominative(self) -> bool:
        return "nomn" in self.cases


def find_mentions(paragraphs: list[Paragraph]) -> list[Mention]:
    mentions: list[Mention] = []
    for number, paragraph in enumerate(paragraphs):
        mentions.extend(_paragraph_mentions(number, paragraph, paragraph.language))
    return _confirm_tentative(_split_glued(mentions))


def _confirm_tentative(mentions: list[Mention]) -> list[Mention]:
    """«Мельник тоді пообіцяв»: a common word opening a sentence is a surname only if the
    article also names that surname with a first name («Святослава Мельника»)."""
    full = {
        reading.lemma
        for m in mentions
        if len(m.names) >= 2
        for reading in m.names[-1].info.readings
    }
    return [
        m
        for m in mentions
        if not m.tentative or any(r.lemma in full for r in m.names[0].info.readings)
    ]


def _split_glued(mentions: list[Mention]) -> list[Mention]:
    """«Чоловік Діалло Бакарі Сулейман»: a long run that opens with a surname the article uses
    alone elsewhere is that person (in the genitive) followed by another name."""
    alone = {m.names[0].surface.lower() for m in mentions if len(m.names) == 1}
    result = []
    for mention in mentions:
        names = mention.names
        if len(names) >= 3 and mention.parts[0] is names[0] and names[0].surface.lower() in alone:
            head = Mention(
                mention.paragraph,
                mention.first,
                mention.first,
                [names[0]],
                names[0].cases,
                None,
                mention.weak,
                mention.in_quote,
                mention.language,
            )
            rest = mention.parts[1:]
            tail = Mention(
                mention.paragraph,
                mention.first + 1,
                mention.last,
                rest,
                _run_cases(rest),
                _run_gender(rest, _run_cases(rest)),
                mention.weak,
                mention.in_quote,
                mention.language,
            )
            result.extend([head, tail])
        else:
            result.append(mention)
    return result


def _paragraph_mentions(number: int, paragraph: Paragraph, language: str) -> list[Mention]:
    starts = {start for start, _ in paragraph.sentences}
    found: list[Mention] = []
    after = 0  # runs do not overlap
    lowers = paragraph.lowers
    for i in capital_indices(paragraph):
        if i < after or (len(lowers[i]) > 1 and not can_be_name(lowers[i], language)):
            continue  # only a name word or an initial opens a run
        run = _collect_run(paragraph, i, language)
        if run:
            mention = _make_mention(number, paragraph, i, run, starts, language)
            if mention is not None:
                found.append(mention)
            after = run[-1][0] + 1
    return found


def _collect_run(paragraph: Paragraph, i: int, language: str) -> list[tuple[int, Part]]:
    if i and paragraph.lowers[i - 1] in NOT_PERSON_BEFORE:
        return []
    run: list[tuple[int, Part]] = []
    cases = ALL_CASES
    names = 0
    j = i
    while j < len(paragraph) and names < MAX_NAME_PARTS:
        part = part_at(paragraph, j, language, run[-1][1] if run else None)
        if part is None or not cases & part.cases:
            break  # «Ради Ігор Бондар»: a word in another case starts another phrase
        if run and starts_a_name(part) and not any(p.info.known for _, p in run):
            break  # «Євроради Анна Шульц», «Кандагар Амір Хакім»: an unknown word, then a name
        cases &= part.cases
        run.append((j, part))
        names += part.kind in ("name", "unknown")
        j += 2 if part.kind == "initial" else 1
    while run and run[-1][1].kind in ("particle", "initial"):
        run.pop()
    return run


def _make_mention(
    number: int,
    paragraph: Paragraph,
    i: int,
    run: list[tuple[int, Part]],
    sentence_starts: set[int],
    language: str,
) -> Mention | None:
    parts = [p for _, p in run]
    names = [p for p in parts if p.kind in ("name", "unknown")]
    if not names:
        return None
    backed = any(p.kind == "name" and p.info.known for p in names)
    tentative = False
    if len(names) == 1 and not _single_name_evidence(names[0], i in sentence_starts):
        if not (i in sentence_starts and names[0].info.surname):
            return None
        tentative = True  # kept only if the article names this surname in full elsewhere
    if len(names) > 1 and all(p.info.common for p in names) and _capital_after(paragraph, run):
        return None  # «Рада Європейського Союзу»: ordinary words in the name of a body
    if len(names) == 1 and names[0].info.common and _names_a_thing(paragraph, run, language):
        return None  # «Білий дім заявив»: an adjective with its noun, not a surname
    cases = _run_cases(names)
    governed = False
    if i and paragraph.lowers[i - 1] in PREPOSITIONS:
        cases = cases - {"nomn"}  # «на Бейкер-стріт»: after a preposition, never a subject
    elif _holds_a_frame(paragraph, i, language) or (
        "nomn" not in cases and _whose_words(paragraph, i, language)
    ):
        cases, governed = GENITIVE, True  # «за словами Тома Стейера», «слова Ердогана»
    mention = Mention(
        paragraph=number,
        first=run[0][0],
        last=run[-1][0],
        parts=parts,
        cases=cases,
        gender=_run_gender(names, cases),
        weak=not backed,
        in_quote=paragraph.depth[i] > 0,
        language=language,
        tentative=tentative,
    )
    if governed:
        mention.case_known = True  # the word before fixes the case, whatever the parts are
    mention.role = _role_before(paragraph, mention, language) or _role_after(
        paragraph, mention, language
    )
    return mention


def _holds_a_frame(paragraph: Paragraph, i: int, language: str) -> bool:
    """«за словами X», «на думку X»: the holder of the frame is in the genitive."""
    if i < 2:
        return False
    before, noun = paragraph.lowers[i - 2], paragraph.lowers[i - 1]
    return any(before == prep and noun in nouns for prep, nouns in language_data(language).frames)


def _whose_words(paragraph: Paragraph, i: int, language: str) -> bool:
    """«слова Ердогана»: after such a noun a name that cannot be nominative is genitive
    (an indeclinable one may be the subject: «свою заяву Барньє зробив»)."""
    return bool(i) and paragraph.lowers[i - 1] in language_data(language).quoted_words


def _names_a_thing(paragraph: Paragraph, run: list[tuple[int, Part]], language: str) -> bool:
    after = run[-1][0] + 1
    if after >= len(paragraph) or paragraph.capitalised(after):
        return False
    return adjective_before_noun(paragraph.lowers[run[-1][0]], paragraph.lowers[after], language)


def _capital_after(paragraph: Paragraph, run: list[tuple[int, Part]]) -> bool:
    after = run[-1][0] + 1
    return after < len(paragraph) and paragraph.capitalised(after) and paragraph.cyrillic(after)


def _single_name_evidence(part: Part, sentence_initial: bool) -> bool:
    """Is one capitalised word alone a person? «Шевчук» yes; «Рада», «Голова» (opening) no."""
    info = part.info
    if part.kind == "unknown" or not info.known:
        return not sentence_initial
    if info.common:
        return info.surname and not sentence_initial
    return True


def _run_cases(names: list[Part]) -> frozenset[str]:
    cases = ALL_CASES
    for part in names:
        narrowed = cases & part.cases
        if narrowed:
            cases = narrowed
    return cases


def _run_gender(names: list[Part], cases: frozenset[str]) -> str | None:
    for kind in ("Name", "Surn"):
        genders: set[str] = set()
        indeclinable: set[str] = set()
        for part in names:
            for r in part.info.readings:
                if r.kind != kind or not r.gender:
                    continue
                if r.case in cases or (r.case == "any" and kind == "Name"):
                    genders.add(r.gender)
                if r.case == "any":
                    indeclinable.add(r.gender)
        # An indeclinable surname alone tells no gender, but it can make one doubtful: a man's
        # surname that women carry unchanged.
        if genders:
            genders |= indeclinable
        if len(genders) == 1:
            return genders.pop()
    return None


def _role_before(paragraph: Paragraph, mention: Mention, language: str) -> str | None:
    """The role noun in apposition: «генеральний секретар ООН Карл Шмідт» → секретар."""
    roles = noun_forms(language, "roles")
    candidates = role_words(language)
    lowers, regions = paragraph.lowers, paragraph.region
    level = regions[mention.first]
    for j in range(mention.first - 1, max(mention.first - ROLE_WINDOW, 0) - 1, -1):
        lower = lowers[j]
        if regions[j] != level or lower in QUOTE_MARKS:
            continue  # «депутатка фракції "Нова сила" Ірина …»: skip the name
        if lower in ROLE_STOPS or lower == ",":
            break
        if lower not in candidates:
            continue
        form = role_form(roles, lower)
        if form is not None and form.cases & mention.cases and not form.plural:
            return form.lemma
    return None


def _role_after(paragraph: Paragraph, mention: Mention, language: str) -> str | None:
    """«Анна Шульц (Anna Schulz), директорка фонду» → директор."""
    roles = noun_forms(language, "roles")
    words = paragraph.lowers
    j = mention.last + 1
    if j < len(words) and words[j] == "(":
        while j < len(words) and words[j] != ")":
            j += 1
        j += 1
    if j >= len(words) or words[j] != ",":
        return None
    for lower in paragraph.lowers[j + 1 : j + 4]:
        form = role_form(roles, lower)
        if form is not None and form.cases & mention.cases and not form.plural:
            return form.lemma
    return None
