"""Snippets with matched words marked: inflected forms found through their lemmas too.

The text is analysed with the same analyzer as the index; a word is marked
when any of its terms is among the query's terms. Escape first, then mark.
Only words that can match are analysed: those among the written forms of the
query's lemmas (their paradigms), its exact forms, its unknown-word stems,
and adverbial participles (which the analyzer also files under their verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from index.analysis import EXACT_PREFIX, ukrainian_analyzer
from index.analysis.lemmas import (
    ADVERBIAL_PARTICIPLE_SOURCES,
    UNKNOWN_STEM_PREFIX,
    paradigm_forms,
)
from index.analysis.normalize import fold, normalise_surface
from index.analysis.tokenizer import WORD_PATTERN

SNIPPET_CHARS = 260


@dataclass(slots=True, frozen=True)
class Highlight:
    html: str
    forms: list[str]


@lru_cache(maxsize=200_000)
def word_terms(word: str, language: str) -> frozenset[str]:
    """Every term the index holds for one written word (its exact form and lemmas)."""
    return frozenset(token.text for token in ukrainian_analyzer()(word, language=language))


PARTICIPLE_ENDINGS = tuple(ending for ending, _source in ADVERBIAL_PARTICIPLE_SOURCES)
_HYPHENS = re.compile("[-\u2010\u2011]")


MAX_VERDICTS = 100_000  # words remembered per query before starting afresh


@dataclass(slots=True, frozen=True)
class Candidates:
    """What a written word must look like to have any chance of matching the query."""

    forms: frozenset[str]
    stems: tuple[str, ...]
    # word → admitted: the same everyday words recur in every snippet of a query
    verdicts: dict[str, bool] = field(default_factory=dict, compare=False, hash=False)

    def admit(self, word: str) -> bool:
        verdict = self.verdicts.get(word)
        if verdict is None:
            if len(self.verdicts) >= MAX_VERDICTS:
                self.verdicts.clear()
            verdict = self.verdicts[word] = self._may_match(word)
        return verdict

    def _may_match(self, word: str) -> bool:
        key = fold(normalise_surface(word))
        return any(
            part in self.forms or part.startswith(self.stems) or part.endswith(PARTICIPLE_ENDINGS)
            for part in (key, *_HYPHENS.split(key))
        )


@lru_cache(maxsize=4096)
def candidates_for(terms: frozenset[str]) -> Candidates:
    forms: set[str] = set()
    stems: list[str] = []
    for term in terms:
        if term.startswith(EXACT_PREFIX):
            forms.add(term[len(EXACT_PREFIX) :])
        elif term.startswith(UNKNOWN_STEM_PREFIX):
            stems.append(term[len(UNKNOWN_STEM_PREFIX) :])
        else:
            forms |= paradigm_forms(term)
    return Candidates(frozenset(forms), tuple(stems))


def matched_spans(text: str, terms: set[str], language: str) -> list[tuple[int, int]]:
    """Character spans of the words in ``text`` that any of ``terms`` matches.

    Each distinct word that may match is analysed once (and cached across
    calls); the pass that finds where the matching words stand compares
    strings only, and is skipped when no word matches.
    """
    may_match = candidates_for(frozenset(terms)).admit
    matching = {
        word
        for word in set(WORD_PATTERN.findall(text))
        if may_match(word) and not terms.isdisjoint(word_terms(word, language))
    }
    if not matching:
        return []
    return [m.span() for m in WORD_PATTERN.finditer(text) if m.group() in matching]


def _drop_nested(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            if end > kept[-1][1]:
                kept[-1] = (kept[-1][0], end)
            continue
        kept.append((start, end))
    return kept


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    if not spans:
        return 0, min(len(text), size)
    best_start, best_count = spans[0][0], 0
    last = 0  # spans[first:last] start within ``size`` characters of spans[first]
    for first, (start, _) in enumerate(spans):
        last = max(last, first)
        while last < len(spans) and spans[last][0] < start + size:
            last += 1
        if last - first > best_count:
            best_start, best_count = start, last - first
    begin = max(0, best_start - size // 4)
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return begin, min(len(text), begin + size)


def mark(text: str, spans: list[tuple[int, int]], begin: int = 0, end: int | None = None) -> str:
    end = len(text) if end is None else end
    out, cursor = [], begin
    for start, stop in spans:
        if start < begin or stop > end:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:stop])}</mark>")
        cursor = stop
    out.append(escape(text[cursor:end]))
    return "".join(out)


def highlight(
    text: str, terms: set[str], language: str = "uk", size: int = SNIPPET_CHARS
) -> Highlight:
    """A snippet of ``text`` around its densest matches, and the word forms that matched."""
    spans = matched_spans(text, terms, language) if terms else []
    begin, end = _window(text, spans, size)
    html = mark(text, spans, begin, end)
    if begin > 0:
        html = "…" + html
    if end < len(text):
        html += "…"
    forms = list(dict.fromkeys(text[s:e] for s, e in spans))
    return Highlight(html=html, forms=forms)
