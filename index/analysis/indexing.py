"""The index chain in one pass: each text's lemmas at their positions and its exact forms.

What ``lemma_analyzer`` and ``exact_form_analyzer`` give a text, worked out once per
text instead of once per analyzer, and per distinct written word instead of per
token: the words of a text are looked up in a cache of what the chain makes of
each (its compound parts, stop words dropped, folded forms and lemmas, already
encoded). ``tests/test_writer.py`` holds the two ways equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from index.analysis.lemmas import lemmas
from index.analysis.normalize import WORD_CACHE_SIZE, fold
from index.analysis.stopwords import STOP_WORDS
from index.analysis.tokenizer import WORD_PATTERN, word_shape

# (position offset within the written word, exact form "=form", lemmas), UTF-8 encoded
WordTerm = tuple[int, bytes, tuple[bytes, ...]]
EXACT_PREFIX_BYTES = b"="


@dataclass(slots=True)
class TextTerms:
    """One text as the index sees it."""

    positions: dict[bytes, list[int]] = field(default_factory=dict)  # lemma → positions
    forms: set[bytes] = field(default_factory=set)  # exact forms, "=" prefixed


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_terms(word: str, language: str) -> tuple[tuple[WordTerm, ...], int]:
    """The terms of one written word and how many positions it takes.

    As the chain does: a hyphenated compound is kept whole (never a stop word)
    at its position and each part at one position of its own, from the first.
    """
    text, parts = word_shape(word)
    tokens: list[tuple[int, str, bool]] = [(0, fold(text), bool(parts))]
    tokens += [(offset, fold(part), False) for offset, (part, _, _) in enumerate(parts)]
    terms = tuple(
        (offset, EXACT_PREFIX_BYTES + folded.encode(), _encoded(lemmas(folded, language)))
        for offset, folded, compound in tokens
        if compound or folded not in STOP_WORDS
    )
    return terms, len(parts) or 1


def _encoded(words: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(word.encode() for word in words)


def text_terms(text: str, language: str) -> TextTerms:
    """Every lemma of ``text`` with its positions, and its exact forms."""
    result = TextTerms()
    positions, forms = result.positions, result.forms
    pos = 0
    for match in WORD_PATTERN.finditer(text):
        terms, width = word_terms(match.group(), language)
        for offset, form, lemma_terms in terms:
            forms.add(form)
            at = pos + offset
            for lemma in lemma_terms:
                found = positions.get(lemma)
                if found is None:
                    positions[lemma] = [at]
                else:
                    found.append(at)
        pos += width
    return result
