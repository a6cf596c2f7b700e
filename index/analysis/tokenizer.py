"""Splits text into words the way Ukrainian is written.

Words keep their apostrophes (м'ясо), stress marks and soft hyphens stay
inside the word they belong to, and a hyphenated compound yields the whole
compound and each part, so «країна-агресорка» is found by the whole and by
«агресорка».
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Token, Tokenizer

from index.analysis.normalize import APOSTROPHES, REMOVED, WORD_CACHE_SIZE, normalise_surface

_LETTERS = rf"(?:[^\W_]|[{REMOVED}])+"
_SEGMENT = rf"{_LETTERS}(?:['{APOSTROPHES}]{_LETTERS})*"
_HYPHENS = "-\u2010\u2011"
WORD_PATTERN = re.compile(rf"{_SEGMENT}(?:[{_HYPHENS}]{_SEGMENT})*")
_PART_PATTERN = re.compile(_SEGMENT)
_HYPHEN = re.compile(f"[{_HYPHENS}]")

DEFAULT_LANGUAGE = "uk"

WordPart = tuple[str, int, int]  # normalised part, its start and end within the word


def document_language(value: str, requested: str | None) -> str:
    """The language a text is analysed in: asked for, carried by the value, or Ukrainian."""
    return requested or getattr(value, "language", None) or DEFAULT_LANGUAGE


class LanguageText(str):
    """A str that carries the language of the document it comes from.

    Whoosh hands field values straight to the analyzer, so the document's
    language rides along on the value itself.
    """

    language: str

    def __new__(cls, text: str, language: str) -> LanguageText:
        obj = super().__new__(cls, text)
        obj.language = language
        return obj

    def __reduce__(self):  # pickles as what it is, text plus language
        return (LanguageText, (str(self), self.language))


class UkrainianTokenizer(Tokenizer):
    """Yields normalised words with positions and offsets into the original text."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        language: str | None = None,
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        token.language = document_language(value, language)
        token.compound = False
        pos = start_pos
        for match in WORD_PATTERN.finditer(value):
            word = match.group()
            text, parts = word_shape(word)
            start = start_char + match.start()
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            token.text = text
            token.compound = bool(parts)
            token.pos = pos
            token.startchar = start
            token.endchar = start_char + match.end()
            yield token
            if parts:
                token.compound = False
                yield from _yield_parts(token, parts, pos, start)
            pos += len(parts) or 1


def _yield_parts(
    token: Token, parts: tuple[WordPart, ...], pos: int, start: int
) -> Iterator[Token]:
    """The parts of a compound, one position each, the first at the compound's own."""
    for offset, (text, part_start, part_end) in enumerate(parts):
        token.text = text
        token.pos = pos + offset
        token.startchar = start + part_start
        token.endchar = start + part_end
        yield token


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_shape(word: str) -> tuple[str, tuple[WordPart, ...]]:
    """The normalised word and, when it is a hyphenated compound, its normalised parts."""
    if not _HYPHEN.search(word):
        return normalise_surface(word), ()
    parts = tuple(
        (normalise_surface(part.group()), part.start(), part.end())
        for part in _PART_PATTERN.finditer(word)
    )
    return normalise_surface(word), parts
