"""What a speech verb attributes: the words after «що» or a colon, the quote, the clause."""

from __future__ import annotations

from index.speech.clauses import AS_WORDS, Sentence, Subject
from index.speech.parts import SHORT_REGION_WORDS
from index.speech.text import DASHES, Region

# How far after the verb a colon, «що» or an opening quote mark is looked for.
CONTENT_WINDOW = 25


def said(sentence: Sentence, k: int, subject: Subject | None, inverted: bool) -> tuple[str, bool]:
    """The words attributed by the verb at ``k``, and whether a colon, «що», quote marks or
    the verb's place delimit them (else they are whatever the sentence holds besides it)."""
    words = sentence.paragraph.lowers
    after = max(k, subject.end if subject and subject.end > k else k) + 1
    for j in range(k + 1, min(sentence.end, k + CONTENT_WINDOW)):
        if not sentence.same_level(j, k) and j not in sentence.openings:
            break
        if words[j] == ":":
            return _after_colon(sentence, j + 1), True
        if sentence.word(j) in sentence.data.complementisers:
            return sentence.text(j + 1, sentence.end - 1), True
        if j in sentence.openings and j >= after and not is_title(sentence.openings[j]):
            return _region_text(sentence, sentence.openings[j]), True
    if inverted and _as_clause(sentence, k):
        return _after_clause(sentence, after), True
    if inverted:
        return sentence.text(sentence.start, _boundary_before(sentence, k) - 1), True
    if subject is not None and subject.end > k and _fronted(sentence, k):
        # «Про підписання угоди … повідомив міністр», but «Таку заяву зробив …» points back
        return sentence.text(sentence.start, k - 1), not starts_with_back_reference(sentence)
    return sentence.text(after, sentence.end - 1), False


def _fronted(sentence: Sentence, k: int) -> bool:
    words = [sentence.word(j) for j in range(sentence.start, k) if sentence.paragraph.is_word(j)]
    return len(words) >= 2 and not all(w in sentence.data.adverbials for w in words)


def is_title(region: Region) -> bool:
    """A quotation this short names a thing («Укрінформ») rather than quoting words."""
    return region.words <= SHORT_REGION_WORDS


def _as_clause(sentence: Sentence, k: int) -> bool:
    """«Водночас, як зауважив Коваль, бюджет …»: the words follow the «як» clause."""
    j = k - 1
    while j >= sentence.start and sentence.word(j) in sentence.data.adverbials:
        j -= 1
    if j < sentence.start or sentence.word(j) not in AS_WORDS:
        return False
    return all(
        not t.isalpha() or t in sentence.data.adverbials
        for t in map(sentence.word, range(sentence.start, j))
    )


def _after_clause(sentence: Sentence, after: int) -> str:
    for j in range(after, sentence.end):
        if sentence.word(j) == "," and sentence.same_level(j, after - 1):
            return sentence.text(j + 1, sentence.end - 1)
    return ""


def _boundary_before(sentence: Sentence, k: int) -> int:
    words = sentence.paragraph.lowers
    j = k - 1
    while j > sentence.start and words[j] not in ",:" and words[j] not in DASHES:
        j -= 1
    return j


def _after_colon(sentence: Sentence, j: int) -> str:
    region = sentence.openings.get(j)
    return (
        _region_text(sentence, region) if region is not None else sentence.text(j, sentence.end - 1)
    )


def _region_text(sentence: Sentence, region: Region) -> str:
    return sentence.text(region.first, region.last)


def starts_with_back_reference(sentence: Sentence) -> bool:
    words = [sentence.word(j) for j in range(sentence.start, min(sentence.end, sentence.start + 2))]
    refs = sentence.data.back_references
    return bool(words) and (" ".join(words) in refs or words[0] in refs)
