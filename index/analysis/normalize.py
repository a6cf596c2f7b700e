"""Character normalisation applied to every word before matching.

The original text is never changed: tokens keep offsets into it, so snippets
show the words as written while the index sees one spelling per word.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Most tokens of a text are words seen before: per-word work is cached, bounded
# (about 250 bytes an entry; the shared corpus fills some 60,000).
WORD_CACHE_SIZE = 200_000

APOSTROPHES = "’‘ʼʻ`´"
REMOVED = "\u0301\u00ad"  # combining acute (stress mark), soft hyphen

# Latin letters that look like Cyrillic ones, as they turn up inside
# Cyrillic words through OCR, keyboard slips or deliberate obfuscation.
LATIN_LOOKALIKES = {
    "a": "а",
    "c": "с",
    "e": "е",
    "i": "і",
    "o": "о",
    "p": "р",
    "x": "х",
    "y": "у",
    "k": "к",
    "m": "м",
    "t": "т",
    "h": "н",
    "b": "в",
    "A": "А",
    "B": "В",
    "C": "С",
    "E": "Е",
    "H": "Н",
    "I": "І",
    "K": "К",
    "M": "М",
    "O": "О",
    "P": "Р",
    "T": "Т",
    "X": "Х",
    "Y": "У",
}

_SURFACE_TABLE = str.maketrans({**{ch: "'" for ch in APOSTROPHES}, **{ch: None for ch in REMOVED}})
_LOOKALIKE_TABLE = str.maketrans(LATIN_LOOKALIKES)
_FOLD_TABLE = str.maketrans({"ґ": "г", "Ґ": "Г"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[a-zA-Z]")


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN.search(text) is not None


def normalise_surface(word: str) -> str:
    """One apostrophe, no stress marks or soft hyphens, Cyrillic look-alikes fixed."""
    word = word.translate(_SURFACE_TABLE)
    if has_latin(word) and has_cyrillic(word):
        word = word.translate(_LOOKALIKE_TABLE)
    return word


@lru_cache(maxsize=WORD_CACHE_SIZE)
def fold(word: str) -> str:
    """Lowercase and ґ→г: the spelling used for matching."""
    return word.lower().translate(_FOLD_TABLE)
