"""Attach quotes and speakers to an article: one reading of its paragraphs, in order."""

from __future__ import annotations

from functools import cache, lru_cache

from pyuca import Collator

from index.article import Article, Quote
from index.speech import layouts
from index.speech import patterns as P
from index.speech.clauses import Sentence, Subject
from index.speech.content import said, starts_with_back_reference
from index.speech.lexicon import (
    NAME_CACHE_SIZE,
    STANCE,
    VerbForm,
    language_data,
    speech_verb_forms,
    stance_forms,
)
from index.speech.names import Mention, find_mentions
from index.speech.people import People
from index.speech.resolve import Draft, Speakers
from index.speech.text import Paragraph, Region, split_paragraphs

# Quotes at or above this confidence name their speaker in ``Article.speakers``.
SPEAKER_THRESHOLD = 0.5
# Words around a collocation verb («зробив заяву») searched for its noun.
COLLOCATION_WINDOW = 3
# Words after a role in «за словами голови правління банку … Андрія Коваля» searched for a name.
FRAME_NAME_WINDOW = 12


def attach_quotes(article: Article) -> None:
    """Fill ``article.quotes`` and ``article.speakers`` from its title, lead and body."""
    language = "ru" if article.language == "ru" else "uk"
    full, paragraphs = split_paragraphs(article.title, article.lead, article.body, language)
    article.quotes = Reading(paragraphs, language).quotes(full)
    named = {q.speaker for q in article.quotes if q.speaker and q.confidence >= SPEAKER_THRESHOLD}
    article.speakers = sorted(named, key=_alphabet_key)


class Reading:
    """One pass over an article's paragraphs in order, collecting quotes as it goes."""

    def __init__(self, paragraphs: list[Paragraph], language: str) -> None:
        self.language = language
        self.data = language_data(language)
        self.paragraphs = paragraphs
        self.mentions = find_mentions(paragraphs)
        self.people = People(self.mentions)
        self.speakers = Speakers(self.people, self.mentions, self.data)
        self.starts: dict[int, dict[int, Mention]] = {}
        self.ends: dict[int, dict[int, Mention]] = {}
        for mention in self.mentions:
            self.starts.setdefault(mention.paragraph, {})[mention.first] = mention
            self.ends.setdefault(mention.paragraph, {})[mention.last] = mention
        self._region_ends: dict[int, tuple[dict[int, Region], dict[int, Region]]] = {}
        self.source: int | None = None  # the person a «Джерело:» line names

    # --- the walk --------------------------------------------------------------

    def quotes(self, full: str) -> list[Quote]:
        """The article's quotes; ``full`` is the text the paragraphs were cut from."""
        drafts = self.speakers.drafts
        for number, paragraph in enumerate(self.paragraphs):
            if layouts.labelled(self, number, paragraph):
                continue
            before = len(drafts)
            if paragraph.headline:
                layouts.headline(self, number, paragraph)
            triggers = _triggers(paragraph.language)
            for start, end in paragraph.sentences:
                # most sentences hold no cue at all: one set operation tells
                if not triggers.isdisjoint(paragraph.lowers[start:end]):
                    self._sentence(Sentence(paragraph, (start, end), number, self))
            if len(drafts) == before:
                layouts.continuation(self, number, paragraph)
        return self._finish(full)

    def _sentence(self, sentence: Sentence) -> None:
        lowers = sentence.paragraph.lowers
        triggers = _triggers(sentence.language)
        for k in [k for k in range(sentence.start, sentence.end) if lowers[k] in triggers]:
            if lowers[k] == ":":
                self._colon_cue(sentence, k)
                continue
            verb = self._speech_verb(sentence, k)
            if verb is not None:
                self._verb_cue(sentence, k, verb)
            else:
                self._frame_cue(sentence, k)

    def _speech_verb(self, sentence: Sentence, k: int) -> VerbForm | None:
        word = sentence.word(k)
        language = sentence.language
        verb = speech_verb_forms(language).get(word)
        if verb is None and word in stance_forms(language):
            verb = STANCE
        if verb is None:
            return None
        nouns = sentence.data.collocations.get(verb.lemma)
        if nouns is not None:
            window = range(
                max(sentence.start, k - COLLOCATION_WINDOW),
                min(sentence.end, k + COLLOCATION_WINDOW + 1),
            )
            if not any(sentence.word(j) in nouns for j in window):
                return None
        if k > sentence.start and sentence.word(k - 1) in sentence.data.negations:
            return None
        blockers = sentence.data.not_speech_before.get(verb.lemma)
        if blockers is not None:
            following = range(k + 1, min(sentence.end, k + COLLOCATION_WINDOW + 1))
            if any(sentence.word(j) in blockers for j in following):
                return None
        return verb

    def _verb_cue(self, sentence: Sentence, k: int, verb: VerbForm) -> None:
        inverted = sentence.inverted(k)
        subject = sentence.subject(k, verb)
        if subject is not None and subject.kind == "media":
            return
        text, delimited = said(sentence, k, subject, inverted)
        if (not delimited and starts_with_back_reference(sentence)) or not text:
            text = self._previous_sentence(sentence)
        if not text:
            return
        position = (sentence.number, k)
        for person, confidence in self.speakers.of_subject(subject, verb, position):
            self.speakers.add(Draft(text, person, confidence, position))

    def _colon_cue(self, sentence: Sentence, colon: int) -> None:
        """«Голова профспілки Марія Лисенко: «…»»: a name, a colon, then quote marks."""
        region = sentence.openings.get(colon + 1)
        mention = sentence.mention_ending(colon - 1)
        if region is None or mention is None or not mention.nominative:
            return
        if any(self._speech_verb(sentence, j) for j in range(sentence.start, colon)):
            return  # «… заявив: «…»» is the verb's quote
        text = sentence.text(region.first, region.last)
        self.speakers.add(
            Draft(text, *self.speakers.named(mention, True), (sentence.number, colon))
        )

    def _frame_cue(self, sentence: Sentence, k: int) -> None:
        holder_at = self._frame_at(sentence, k)
        if holder_at is None:
            return
        if holder_at < 0:  # «за його словами»: the possessive stands before the noun
            gender = sentence.data.possessives[sentence.word(k + 1)]
            subject: Subject | None = Subject("pronoun", gender=gender, end=k + 2)
        else:
            subject = self._frame_holder(sentence, holder_at)
        if subject is not None and subject.kind == "media":
            return
        opening = all(
            sentence.word(j) in sentence.data.adverbials or not sentence.word(j).isalpha()
            for j in range(sentence.start, k)
        )
        if opening:
            comma = next((j for j in range(k + 1, sentence.end) if sentence.word(j) == ","), None)
            text = sentence.text(comma + 1, sentence.end - 1) if comma is not None else ""
        else:
            text = sentence.text(sentence.start, k - 1)
        if text:
            position = (sentence.number, k)
            for person, confidence in self.speakers.of_subject(subject, None, position):
                self.speakers.add(Draft(text, person, confidence, position))

    def _frame_at(self, sentence: Sentence, k: int) -> int | None:
        """Where the holder of a frame starting at ``k`` stands; -1 for a possessive."""
        word = sentence.word(k)
        for prep, nouns in sentence.data.frames:
            if word != prep or k + 2 >= sentence.end:
                continue
            if sentence.word(k + 1) in nouns:
                return k + 2
            if sentence.word(k + 1) in sentence.data.possessives and sentence.word(k + 2) in nouns:
                return -1
        return None

    def _frame_holder(self, sentence: Sentence, j: int) -> Subject | None:
        """Who «за словами …» / «на думку …» names: a name, a possessive or a role."""
        word = sentence.word(j)
        gender = sentence.data.possessives.get(word)
        if gender is not None:
            return Subject("pronoun", gender=gender, end=j)
        mention = sentence.mention_at(j)
        if mention is not None:
            return Subject("person", [mention], end=mention.last)
        for i in (j, j + 1):
            if i < sentence.end and sentence.noun(i, "roles") is not None:
                return self._role_holder(sentence, i)
        for i in (j, j + 1):
            if i < sentence.end and sentence.noun(i, "media") is not None:
                return Subject("media", end=i)
        return Subject("none", end=j)

    def _role_holder(self, sentence: Sentence, i: int) -> Subject:
        role = sentence.noun(i, "roles")
        for m in range(i + 1, min(sentence.end, i + FRAME_NAME_WINDOW)):
            if sentence.word(m) in ",.:;":
                break
            mention = sentence.mention_at(m)
            if mention is not None:
                return Subject("person", [mention], end=mention.last)
        if role is None or role.plural:
            return Subject("group", end=i)
        return Subject("role", role=role.lemma, end=i)

    def region_ends(self, number: int) -> tuple[dict[int, Region], dict[int, Region]]:
        """Quotation regions of a paragraph by the index of their opening and closing marks."""
        if number not in self._region_ends:
            regions = self.paragraphs[number].regions
            self._region_ends[number] = (
                {r.open_index: r for r in regions},
                {r.close_index: r for r in regions if r.closed},
            )
        return self._region_ends[number]

    def gender_fits(self, mention: Mention, verb: VerbForm) -> bool:
        return self.speakers.gender_fits(mention, verb)

    def _previous_sentence(self, sentence: Sentence) -> str:
        paragraph = sentence.paragraph
        spans = paragraph.sentences
        index = spans.index((sentence.start, sentence.end))
        if index > 0:
            return Sentence(paragraph, spans[index - 1], sentence.number, self).text(
                spans[index - 1][0], spans[index - 1][1] - 1
            )
        if sentence.number == 0:
            return ""
        before = self.paragraphs[sentence.number - 1]
        if not before.sentences:
            return ""
        span = before.sentences[-1]
        return Sentence(before, span, sentence.number - 1, self).text(span[0], span[1] - 1)

    def _finish(self, full: str) -> list[Quote]:
        """Drafts named canonically; one quote per text and speaker, the surest kept."""
        main = self.speakers.main_speaker(SPEAKER_THRESHOLD)
        end = (len(self.paragraphs), 0)
        names: dict[int, str] = {}
        quotes: dict[tuple[str, str | None], Quote] = {}
        for draft in self.speakers.drafts:
            person, confidence = draft.person, draft.confidence
            if draft.role is not None and person is None:
                person, confidence = self.speakers.role(draft.role, None, end)
                if person is None and main is not None:
                    person, confidence = main, P.CONFIDENCE_GENERIC
            if person is not None and person not in names:
                names[person] = self.people.canonical(self.people.people[person])
            name = names[person] if person is not None else None
            key = (draft.text, name)
            if key not in quotes or quotes[key].confidence < confidence:
                direct = _in_quote_marks(draft.text, full)
                quotes[key] = Quote(
                    text=draft.text, speaker=name, confidence=confidence, direct=direct
                )
        return list(quotes.values())


OPENING_MARKS = "«„“\"'"


def _in_quote_marks(quote: str, text: str) -> bool:
    """Whether the quote stands in the text right after an opening quote mark."""
    start = text.find(quote.strip(OPENING_MARKS + '»“”" ')[:40])
    return start > 0 and text[start - 1] in OPENING_MARKS


@cache
def _collator() -> Collator:
    return Collator()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _alphabet_key(name: str) -> tuple[int, ...]:
    """Alphabet order (plain ``sorted`` puts є, і, ї, ґ after я)."""
    return _collator().sort_key(name)


@cache
def _triggers(language: str) -> frozenset[str]:
    """Where a cue can start: speech-verb forms, stance adjectives, frame prepositions, colons."""
    frames = {preposition for preposition, _ in language_data(language).frames}
    return frozenset(speech_verb_forms(language)) | stance_forms(language) | frames | {":"}


__all__ = ["SPEAKER_THRESHOLD", "attach_quotes"]
