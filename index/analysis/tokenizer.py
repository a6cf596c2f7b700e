"""Splits text into words the way Ukrainian is written.

Words keep their apostrophes (м'ясо), stress marks and soft hyphens stay
inside the word they belong to, and a hyphenated compound yields the whole
compound and each part, so «країна-агресорка» is found by the whole and by
«агресорка».
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh.analysis import Token, Tokenizer

from index.analysis.normalize import APOSTROPHES, REMOVED, normalise_surface

_LETTERS = rf"(?:[^\W_]|[{REMOVED}])+"
_SEGMENT = rf"{_LETTERS}(?:['{APOSTROPHES}]{_LETTERS})*"
_HYPHENS = "-\u2010\u2011"
WORD_PATTERN = re.compile(rf"{_SEGMENT}(?:[{_HYPHENS}]{_SEGMENT})*")
_PART_PATTERN = re.compile(_SEGMENT)

DEFAULT_LANGUAGE = "uk"


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
            start = match.start()
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if not any(ch in _HYPHENS for ch in word):
                token.text = normalise_surface(word)
                token.compound = False
                _place(token, pos, start_char + start, start_char + match.end())
                yield token
                pos += 1
                continue
            token.text = normalise_surface(word)
            token.compound = True
            _place(token, pos, start_char + start, start_char + match.end())
            yield token
            token.compound = False
            for part in _PART_PATTERN.finditer(word):
                token.text = normalise_surface(part.group())
                _place(
                    token, pos, start_char + start + part.start(), start_char + start + part.end()
                )
                yield token
                pos += 1


def _place(token: Token, pos: int, startchar: int, endchar: int) -> None:
    token.pos = pos
    token.startchar = startchar
    token.endchar = endchar
