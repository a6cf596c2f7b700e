"""Inside one sentence: who is the subject of a speech verb, and what are the words said."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from index.speech.lexicon import (
    STANCE,
    NounForm,
    VerbForm,
    language_data,
    noun_forms,
    role_form,
    role_words,
)
from index.speech.names import Mention
from index.speech.parts import SHORT_REGION_WORDS
from index.speech.patterns import PREPOSITIONS, LanguageData
from index.speech.text import DASHES, QUOTE_MARKS, Paragraph, Region

if TYPE_CHECKING:
    from index.speech.quotes import Reading

# How far from the verb a subject is looked for.
SUBJECT_WINDOW = 25
# How far after a role word («речниця міністерства … Ольга Дмитренко») its name may follow.
APPOSITION_WINDOW = 14
COORDINATORS = frozenset({"і", "й", "та", "и"})
AS_WORDS = frozenset({"як", "как"})
NOUN_GROUPS = ("roles", "media", "institutions")
TRIM = ' \t-–—«»"„“”,:;'


@dataclass(slots=True)
class Subject:
    kind: str  # person, pronoun, role, group, institution, media, none
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    role: str | None = None
    end: int = -1  # last token of the subject phrase
    weak: bool = False  # a Latin or all-capitals word: an outlet or a body, perhaps an object


@cache
def _word_lists(
    language: str,
) -> tuple[LanguageData, dict[str, dict[str, NounForm]], frozenset[str]]:
    nouns = {group: noun_forms(language, group) for group in NOUN_GROUPS}
    return language_data(language), nouns, _subject_words(language)


@cache
def _subject_words(language: str) -> frozenset[str]:
    """Lowercase words that can head a subject: pronouns, roles, bodies, outlets."""
    data = language_data(language)
    words = set(data.pronouns) | data.plural_pronouns | role_words(language)
    for group in ("media", "institutions"):
        words.update(noun_forms(language, group))
    return frozenset(words)


def _agrees(form: NounForm, verb: VerbForm) -> bool:
    """Can this noun be the subject of this verb (nominative, same number)?"""
    if verb.gerund or verb is STANCE:
        return form.nominative_singular or form.nominative_plural
    return form.nominative_plural if verb.plural else form.nominative_singular


class Sentence:
    """One sentence of a paragraph with the article's mentions and word lists at hand."""

    def __init__(
        self, paragraph: Paragraph, span: tuple[int, int], number: int, article: Reading
    ) -> None:
        self.paragraph = paragraph
        self.lowers, self.depth, self.region = paragraph.lowers, paragraph.depth, paragraph.region
        self.start, self.end = span
        self.number = number  # paragraph number
        self.article = article
        self.language = paragraph.language
        self.data, self.nouns, self.subject_words = _word_lists(self.language)
        self.openings, self.closings = article.region_ends(number)
        self.starts: dict[int, Mention] = article.starts.get(number, {})
        self.ends: dict[int, Mention] = article.ends.get(number, {})

    # --- tokens -----------------------------------------------------------

    def word(self, j: int) -> str:
        return self.lowers[j]

    def same_level(self, j: int, k: int) -> bool:
        return self.depth[j] == self.depth[k] and self.region[j] == self.region[k]

    def text(self, first: int, last: int) -> str:
        return self.paragraph.span_text(first, last).strip(TRIM).rstrip(".").strip(TRIM)

    def noun(self, j: int, group: str) -> NounForm | None:
        forms = self.nouns[group]
        return role_form(forms, self.word(j)) if group == "roles" else forms.get(self.word(j))

    def mention_at(self, j: int) -> Mention | None:
        return self.starts.get(j)

    def mention_ending(self, j: int) -> Mention | None:
        return self.ends.get(j)

    def spaced_dash(self, j: int) -> bool:
        paragraph = self.paragraph
        return paragraph.lowers[j] in DASHES and (
            j + 1 >= len(paragraph) or not paragraph.adjacent(j + 1)
        )

    # --- subjects ------------------------------------------------------------

    def inverted(self, k: int) -> bool:
        """Is the verb placed after its content («…, — додав Коваль», «як зазначив Коваль»)?"""
        j = k - 1
        while j >= self.start and self.word(j) in self.data.adverbials:
            j -= 1
        if j < self.start:
            return True
        word = self.paragraph.lowers[j]
        return word in ",:" or word in DASHES or word in QUOTE_MARKS or self.word(j) in AS_WORDS

    def subject(self, k: int, verb: VerbForm) -> Subject | None:
        first, second = self.right_subject, self.left_subject
        if not self.inverted(k):
            first, second = second, first
        found = first(k, verb)
        if found is None or found.weak:
            other = second(k, verb)
            if other is not None and (found is None or not other.weak):
                found = other
        if found is None or found.kind in ("media", "none"):
            return self._whose_words(k) or found
        return found

    def _whose_words(self, k: int) -> Subject | None:
        """«цитує Reuters слова Ердогана»: a relay of someone's words names its speaker."""
        for j in range(k + 1, min(self.end - 1, k + SUBJECT_WINDOW)):
            if self.word(j) in ":;" or not self.same_level(j, k):
                return None
            if self.word(j) in self.data.quoted_words:
                mention = self.mention_at(j + 1)
                return Subject("person", [mention], end=mention.last) if mention else None
        return None

    def right_subject(self, k: int, verb: VerbForm) -> Subject | None:
        weak: Subject | None = None  # «розповів у коментарі CNN голова …»: look past CNN
        named: Subject | None = None  # «розповіла "Укрінформу" очільниця …»: and past that
        j = k + 1
        while j < min(self.end, k + SUBJECT_WINDOW):
            word = self.word(j)
            if word in self.data.complementisers or word in ":;" or not self.same_level(j, k):
                break
            region = self.openings.get(j)
            if region is not None:
                if named is not None:
                    break
                named = self._named_thing(region, verb)
                if named is None:
                    break
                j = region.close_index + 1
                continue
            found = self._candidate(j, verb, forward=True)
            if isinstance(found, Subject) and not found.weak:
                return found if named is None or found.kind == "person" else named
            if isinstance(found, Subject):
                weak = weak or found
                j = found.end + 1
            else:
                j = found
        return named or weak

    def _named_thing(self, region: Region, verb: VerbForm) -> Subject | None:
        """«передає "Укрінформ"»: a short quoted name after the verb is an outlet or a body."""
        if region.words > SHORT_REGION_WORDS:
            return None
        return Subject(
            "media" if verb.lemma in self.data.media_verbs else "institution",
            end=region.close_index,
        )

    def left_subject(self, k: int, verb: VerbForm) -> Subject | None:
        pending: Subject | None = None
        j = k - 1
        while j >= self.start:
            mark = self.paragraph.lowers[j]
            if j in self.closings and self.same_level(j, k):
                j = self.closings[j].open_index - 1
                continue
            if not self.same_level(j, k) or mark in ":;" or self.spaced_dash(j):
                break
            word = self.word(j)
            if word in self.data.relatives:
                if pending is not None:
                    pending = None  # it was the subject of a relative clause
                elif (
                    self.data.relative_subjects.get(word) == verb.plural and self.word(j - 1) == ","
                ):
                    return self._antecedent(j - 2, verb)  # «Іваненка, який звинуватив …»
                else:
                    break  # «…, яку критикують опозиціонери»: the subject follows the verb
                j -= 1
                continue
            if word in self.data.complementisers:
                break
            if mark == "," and pending is not None:
                return self._named_before(j) if pending.kind == "role" else pending
            found = self._candidate(j, verb, forward=False)
            if isinstance(found, Subject):
                if pending is None or (pending.weak and not found.weak):
                    pending = found
                j = min((m.first for m in found.mentions), default=j) - 1
                continue
            j = found
        return pending

    def _named_before(self, comma: int) -> Subject | None:
        """«Анна Шульц (…), директорка фонду, розповіла»: the name before the role."""
        j = comma - 1
        if j >= self.start and self.word(j) == ")":
            while j > self.start and self.word(j) != "(":
                j -= 1
            j -= 1
        mention = self.mention_ending(j) if j >= self.start else None
        if mention is not None and mention.nominative:
            return Subject("person", [mention], end=mention.last)
        return None

    def _antecedent(self, j: int, verb: VerbForm) -> Subject:
        """«…Іваненка, який звинуватив…»: the subject is the word before the comma."""
        mention = self.mention_ending(j) if j >= self.start else None
        if mention is None:
            return Subject("none", end=j)
        head = mention.first - 1  # «президент Молдови, який заявив»: the role is the antecedent
        role = self.noun(head, "roles") if head >= self.start else None
        if role is not None and not mention.nominative:
            return Subject("role", role=role.lemma, end=head)
        return Subject("person", [mention], end=j)

    def _candidate(self, j: int, verb: VerbForm, forward: bool) -> Subject | int:
        """A subject starting (or, going back, ending) at ``j``; else the next index to try."""
        step = 1 if forward else -1
        mention = self.mention_at(j) if forward else self.mention_ending(j)
        if mention is not None:
            if mention.nominative and not self.article.gender_fits(mention, verb):
                self.article.people.relink(
                    mention, verb.gender
                )  # «Ковальчук заявила»: the woman of that name
            if mention.nominative and self.article.gender_fits(mention, verb):
                subject = self._person(mention, verb, forward)
                if not verb.plural or len(subject.mentions) > 1:
                    return subject  # a plural verb needs «X і Y», not one person
            return (mention.last if forward else mention.first) + step
        word = self.word(j)
        if word not in self.subject_words and not self.paragraph.capitalised(j):
            return j + step
        pronoun_gender = self.data.pronouns.get(word)
        if pronoun_gender is not None:
            if verb.plural or (verb.gender and verb.gender != pronoun_gender):
                return j + step
            return Subject("pronoun", gender=pronoun_gender, end=j)
        if word in self.data.plural_pronouns:
            return Subject("group", end=j)
        return self._noun_subject(j, verb, forward) or j + step

    def _person(self, mention: Mention, verb: VerbForm, forward: bool) -> Subject:
        mentions = [mention]
        if verb.plural:
            mentions.extend(self._coordinated(mention, forward))
        return Subject("person", mentions, end=mention.last)

    def _coordinated(self, mention: Mention, forward: bool) -> list[Mention]:
        """«Ігор Бойко і Олена Гнатюк виступили»: every person of the pair."""
        if forward:
            j = mention.last + 1
            other = (
                self.mention_at(j + 1)
                if j + 1 < self.end and self.word(j) in COORDINATORS
                else None
            )
        else:
            j = mention.first - 1
            other = (
                self.mention_ending(j - 1)
                if j - 1 >= self.start and self.word(j) in COORDINATORS
                else None
            )
        return [other] if other is not None and other.nominative else []

    def _noun_subject(self, j: int, verb: VerbForm, forward: bool) -> Subject | None:
        paragraph = self.paragraph
        role = self.noun(j, "roles")
        if role is not None and _agrees(role, verb):
            if verb.plural or not role.nominative_singular:
                return Subject("group", end=j)
            named = self._apposition(j, verb) if forward else None
            return named or Subject("role", role=role.lemma, end=j)
        for group, kind in (("media", "media"), ("institutions", "institution")):
            form = self.noun(j, group)
            if form is not None and _agrees(form, verb):
                return Subject(kind, end=j)
        word = paragraph.word(j)
        if word[0].isupper() and (not paragraph.cyrillic(j) or word.isupper()) and word.isalpha():
            if j > self.start and self.word(j - 1) in PREPOSITIONS:
                return None  # «у коментарі CNN»: a place or a channel, not the speaker
            kind = "media" if verb.lemma in self.data.media_verbs else "institution"
            return Subject(kind, end=j, weak=True)
        return None

    def _apposition(self, j: int, verb: VerbForm) -> Subject | None:
        role = self.noun(j, "roles")
        for i in range(j + 1, min(self.end, j + APPOSITION_WINDOW)):
            if self.word(i) in self.data.complementisers or self.word(i) in ":;":
                return None
            mention = self.mention_at(i)
            if (
                mention is not None
                and mention.nominative
                and self.article.gender_fits(mention, verb)
            ):
                return Subject(
                    "person", [mention], role=role.lemma if role else None, end=mention.last
                )
        return None
