"""Token filters of the Ukrainian chain (each a picklable class at a stable path)."""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import Filter, Token

from index.analysis.lemmas import lemmas
from index.analysis.normalize import fold
from index.analysis.stopwords import STOP_WORDS

EXACT_PREFIX = "="


class FoldFilter(Filter):
    """Lowercase and ґ→г."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


class UkrainianStopFilter(Filter):
    """Drops closed-class words; positions keep their gaps, as in Lucene."""

    def __init__(self, stop_words: frozenset[str] = STOP_WORDS) -> None:
        self.stop_words = stop_words

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stop_words = self.stop_words
        for token in tokens:
            if token.text in stop_words and not token.compound:
                if not token.removestops:
                    token.stopped = True
                    yield token
                continue
            yield token


class LemmaFilter(Filter):
    """Replaces each word with all its lemmas, and with its exact form (prefixed «=»).

    At index time the folded surface form is kept as ``=form`` (unless
    ``with_forms`` is off) so a query can ask for one exact form. A query
    (mode "query") gets lemmas from both dictionaries, or only the exact form
    when the token is marked ``exact``.
    """

    is_morph = True
    with_forms = True  # also for filters unpickled from indexes older than the flag

    def __init__(self, with_forms: bool = True) -> None:
        self.with_forms = with_forms

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        with_forms = self.with_forms
        for token in tokens:
            if token.stopped:
                yield token
                continue
            if token.mode != "query":
                word = token.text
                if with_forms:
                    token.text = EXACT_PREFIX + word
                    yield token
                terms = lemmas(word, token.language)
            elif getattr(token, "exact", False):
                terms = (EXACT_PREFIX + token.text,)
            else:
                terms = lemmas(token.text, "any")
            for term in terms:
                token.text = term
                yield token


class ExactFormFilter(Filter):
    """Keeps only each word's exact form, ``=form``, for the field of exact forms."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.stopped:
                continue
            token.text = EXACT_PREFIX + token.text
            yield token
