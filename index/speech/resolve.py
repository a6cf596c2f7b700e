"""Who a subject is: a name, a pronoun or a role resolved to one person of the article."""

from __future__ import annotations

from dataclasses import dataclass

from index.speech import patterns as P
from index.speech.clauses import Subject
from index.speech.lexicon import VerbForm
from index.speech.names import Mention
from index.speech.patterns import LanguageData
from index.speech.people import People

# A role word in the title, lead or first paragraph may name someone only named later.
CATAPHORA_PARAGRAPHS = 2

Position = tuple[int, int]  # paragraph number, token index
Speaker = tuple[int | None, float]  # person number (None: unnamed), confidence


@dataclass(slots=True)
class Draft:
    """A quote found, before its speaker is given a canonical name."""

    text: str
    person: int | None
    confidence: float
    position: Position
    role: str | None = None  # a headline role, resolved once the whole article is read


class Speakers:
    """The people of one article and the quotes found so far, in reading order."""

    def __init__(self, people: People, mentions: list[Mention], data: LanguageData) -> None:
        self.people = people
        self.data = data
        self.drafts: list[Draft] = []
        # Mentions a pronoun may point back to: named in the narrative, in the nominative.
        self.subjects = [m for m in mentions if not m.in_quote and m.nominative and m.case_known]

    def add(self, draft: Draft) -> None:
        self.drafts.append(draft)
        if draft.person is not None:
            self.people.people[draft.person].spoke = True

    def gender_fits(self, mention: Mention, verb: VerbForm) -> bool:
        if verb.plural or verb.gender is None:
            return True
        gender = self.people.of(mention).gender or mention.gender
        return gender is None or gender == verb.gender

    def of_subject(
        self, subject: Subject | None, verb: VerbForm | None, at: Position
    ) -> list[Speaker]:
        """Speakers of a cue; a subject-less singular verb continues the last person."""
        gender = verb.gender if verb else None
        if subject is None:
            if verb is not None and verb.plural:
                return [(None, P.CONFIDENCE_UNNAMED)]
            person, _ = self.pronoun(gender, at)  # «…, наголосивши, що …»: no subject written
            return [(person, P.CONFIDENCE_UNSTATED if person is not None else P.CONFIDENCE_UNNAMED)]
        if subject.kind == "person":
            return [self.named(m, verb is not None) for m in subject.mentions]
        if subject.kind == "pronoun":
            return [self.pronoun(subject.gender, at)]
        if subject.kind == "role" and subject.role:
            return [self.role(subject.role, gender, at)]
        return [(None, P.CONFIDENCE_UNNAMED)]

    def named(self, mention: Mention, as_subject: bool) -> Speaker:
        # a subject is in the nominative: «слова Ердогана» names whose words, not who spoke
        mention.subject_like = mention.subject_like or (as_subject and "nomn" in mention.cases)
        confidence = P.CONFIDENCE_GUESS if self.people.of(mention).weak else P.CONFIDENCE_NAMED
        return mention.person, confidence

    def pronoun(self, gender: str | None, at: Position) -> Speaker:
        person = self.latest(at, gender, narrative=True)
        if person is None:
            return None, P.CONFIDENCE_UNNAMED
        return person, P.CONFIDENCE_PRONOUN

    def latest(self, at: Position, gender: str | None, narrative: bool) -> int | None:
        """The person who last spoke (or, with ``narrative``, was last named as a subject)."""
        events = [
            (d.position, d.person) for d in self.drafts if d.person is not None and d.position < at
        ]
        if narrative:
            events += [
                ((m.paragraph, m.last), m.person)
                for m in self.subjects
                if (m.paragraph, m.last) < at
            ]
        for _, person in sorted(events, reverse=True):
            if gender is None or self.people.people[person].gender in (None, gender):
                return person
        return None

    def role(self, role: str, gender: str | None, at: Position) -> Speaker:
        """«Посадовець», «речниця МЗС»: the person the article ties to this role, if any."""
        people = self.people.people
        holders = [
            n
            for n, p in enumerate(people)
            if role in p.roles and (gender is None or p.gender in (None, gender))
        ]
        if at[0] > CATAPHORA_PARAGRAPHS:  # deep in the body a role points back, not ahead
            holders = [n for n in holders if self._mentioned_before(n, at)]
        if holders:
            pool = [n for n in holders if people[n].spoke] or holders
            return self._nearest(pool, at), P.CONFIDENCE_ROLE
        if role in self.data.generic_roles:
            person = self.latest(at, gender, narrative=False)
            if person is not None:
                return person, P.CONFIDENCE_GENERIC
        return None, P.CONFIDENCE_UNNAMED

    def main_speaker(self, threshold: float) -> int | None:
        """The person quoted most often: a headline's unresolved role falls back to them."""
        counts: dict[int, int] = {}
        for draft in self.drafts:
            if draft.person is not None and draft.confidence >= threshold:
                counts[draft.person] = counts.get(draft.person, 0) + 1
        return max(counts, key=lambda n: counts[n]) if counts else None

    def _mentioned_before(self, person: int, at: Position) -> bool:
        return any((m.paragraph, m.first) < at for m in self.people.people[person].mentions)

    def _nearest(self, pool: list[int], at: Position) -> int:
        """The person of ``pool`` named last before ``at``; else the first named after it."""

        def key(number: int) -> tuple[int, tuple[int, int]]:
            positions = [(m.paragraph, m.first) for m in self.people.people[number].mentions]
            before = [p for p in positions if p < at]
            return (0, (-max(before)[0], -max(before)[1])) if before else (1, min(positions))

        return min(pool, key=key)
