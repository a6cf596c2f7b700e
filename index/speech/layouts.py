"""Quotes that a page's layout attributes: headlines, «Джерело:/Пряма мова:», quote paragraphs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.speech import patterns as P
from index.speech.clauses import Sentence
from index.speech.resolve import Draft
from index.speech.text import DASHES, Paragraph

if TYPE_CHECKING:
    from index.speech.quotes import Reading

# At most this many words name the speaker of a headline («Ірина Бойко:», «– генпрокурор»).
HEADLINE_NAME_WORDS = 6
QUOTE_OPENERS = frozenset('«„“"')


def headline(reading: Reading, number: int, paragraph: Paragraph) -> None:
    """«Ірина Бойко: …», «… – Мельник», «…, - Єврокомісар | Site»."""
    words = paragraph.lowers
    end = next((i for i, word in enumerate(words) if word == "|"), len(words))
    colon = next((i for i in range(min(end, HEADLINE_NAME_WORDS + 1)) if words[i] == ":"), None)
    sentence = Sentence(paragraph, (0, end), number, reading)
    if colon:
        _headline_quote(reading, sentence, (0, colon - 1), (colon + 1, end - 1))
        return
    dashes = [i for i in range(2, end - 1) if sentence.spaced_dash(i) and not paragraph.adjacent(i)]
    for dash in reversed(dashes):  # the last dash that is followed by a name or a role
        if _headline_quote(reading, sentence, (dash + 1, end - 1), (0, dash - 1)):
            return
        end = dash


def _headline_quote(
    reading: Reading, sentence: Sentence, who: tuple[int, int], said: tuple[int, int]
) -> bool:
    first, last = who
    if last < first or last - first >= HEADLINE_NAME_WORDS or said[1] - said[0] < 2:
        return False
    text = sentence.text(*said)
    position = (sentence.number, first)
    mention = sentence.mention_at(first)
    if mention is not None and mention.last == last:
        reading.speakers.add(Draft(text, *reading.speakers.named(mention, False), position))
        return True
    roles = [sentence.noun(j, "roles") for j in range(first, min(last + 1, first + 2))]
    role = next((r for r in roles if r is not None), None)
    if role is None or role.plural:
        return False
    reading.speakers.add(Draft(text, None, P.CONFIDENCE_ROLE, position, role=role.lemma))
    return True


_LABEL_FIRST_WORDS = frozenset(
    label.split()[0].rstrip(":") for label in P.SOURCE_LABELS + P.DIRECT_SPEECH_LABELS
)


def labelled(reading: Reading, number: int, paragraph: Paragraph) -> bool:
    """Ukrainska Pravda's «Джерело: інтерв'ю X» line names who speaks in «Пряма мова: "…"»."""
    if not paragraph.lowers or paragraph.lowers[0] not in _LABEL_FIRST_WORDS:
        return False  # nearly every paragraph: its first word tells
    lower = paragraph.text.lower()
    if lower.startswith(P.SOURCE_LABELS):
        named = sorted(reading.starts.get(number, {}).items())
        reading.source = named[0][1].person if named else None
        return True
    label = next((label for label in P.DIRECT_SPEECH_LABELS if lower.startswith(label)), None)
    if label is None:
        return False
    text = paragraph.text[len(label) :].strip(' "«»„“”')
    position = (number, 0)
    speakers = reading.speakers
    if reading.source is not None:
        speakers.add(Draft(text, reading.source, P.CONFIDENCE_NAMED, position))
        return True
    person = speakers.latest(position, None, narrative=False)
    confidence = P.CONFIDENCE_GENERIC if person is not None else P.CONFIDENCE_UNNAMED
    speakers.add(Draft(text, person, confidence, position))
    return True


def continuation(reading: Reading, number: int, paragraph: Paragraph) -> None:
    """A quote paragraph with no attribution of its own continues the previous speaker."""
    words = paragraph.lowers
    opens = bool(words) and (words[0] in QUOTE_OPENERS or words[0] in DASHES)
    drafts = reading.speakers.drafts
    previous = drafts[-1] if drafts else None
    if not opens or previous is None or previous.position[0] != number - 1:
        return
    text = paragraph.text.strip(' "«»„“”-–—')
    confidence = min(previous.confidence, P.CONFIDENCE_CONTINUATION)
    reading.speakers.add(Draft(text, previous.person, confidence, (number, 0), previous.role))
