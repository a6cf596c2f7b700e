"""Ukrainian-aware analysis: one analyzer for indexing, querying and highlighting.

The chain: UkrainianTokenizer (normalise characters, split compounds)
| FoldFilter (lowercase, ґ→г) | UkrainianStopFilter | LemmaFilter.

The index splits the chain's output in two: text fields hold lemmas at their
positions (phrases need them), and one ``forms`` field holds each article's
exact forms without positions, which halves the postings. The full chain,
forms and lemmas together, is what a written word can match: highlighting
and ``pidshyvka analyze`` use it.
"""

from __future__ import annotations

from whoosh.analysis import CompositeAnalyzer

from index.analysis import indexing as _indexing
from index.analysis import lemmas as _lemmas
from index.analysis import normalize as _normalize
from index.analysis import tokenizer as _tokenizer
from index.analysis.filters import (
    EXACT_PREFIX,
    ExactFormFilter,
    FoldFilter,
    LemmaFilter,
    UkrainianStopFilter,
)
from index.analysis.tokenizer import LanguageText, UkrainianTokenizer

__all__ = [
    "EXACT_PREFIX",
    "LanguageText",
    "analyzed_terms",
    "clear_caches",
    "exact_form_analyzer",
    "lemma_analyzer",
    "load_dictionaries",
    "ukrainian_analyzer",
]


def ukrainian_analyzer() -> CompositeAnalyzer:
    """Exact forms and lemmas: every term a written word can match."""
    return UkrainianTokenizer() | FoldFilter() | UkrainianStopFilter() | LemmaFilter()


def lemma_analyzer() -> CompositeAnalyzer:
    """Lemmas only, for the positional text fields."""
    return UkrainianTokenizer() | FoldFilter() | UkrainianStopFilter() | LemmaFilter(False)


def exact_form_analyzer() -> CompositeAnalyzer:
    """Exact forms only (``=form``), for the field that lets a query ask for one form."""
    return UkrainianTokenizer() | FoldFilter() | UkrainianStopFilter() | ExactFormFilter()


def analyzed_terms(
    text: str, *, language: str = "uk", mode: str = "index"
) -> list[tuple[int, str, list[str]]]:
    """Per token position: the surface word and the terms indexed there."""
    by_position: dict[int, tuple[str, list[str]]] = {}
    for token in ukrainian_analyzer()(
        text, positions=True, chars=True, mode=mode, language=language
    ):
        surface = text[token.startchar : token.endchar]
        entry = by_position.setdefault(token.pos, (surface, []))
        if token.text not in entry[1]:
            entry[1].append(token.text)
    return [(pos, surface, terms) for pos, (surface, terms) in sorted(by_position.items())]


def load_dictionaries() -> None:
    """Load both pymorphy3 dictionaries now rather than on the first word that needs them."""
    for language in ("uk", "ru"):
        _lemmas.morphology(language)


def clear_caches() -> None:
    """Forget every cached word analysis (dictionaries stay loaded): the next text starts cold."""
    for cached in (
        _tokenizer.word_shape,
        _normalize.fold,
        _lemmas.lemmas,
        _indexing.word_terms,
    ):
        cached.cache_clear()
