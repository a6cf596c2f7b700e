"""Bytes of a stored page to text, in the right encoding whatever the page claims."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CYRILLIC_SINGLE_BYTE = ("windows-1251", "koi8-u")
# Lowercase letters that dominate real Ukrainian and Russian text.
_COMMON_LOWER = frozenset("оаеніитрсвлкмдупяьзгбчйхжшюцщєїіфыэ")


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    return text_encoding(match.group(1).decode("ascii", "replace").lower())


_ASCII_PROBE = rb'<html lang="uk"><meta charset=x> Kyiv 2024-01-31, 10:00 (ok)? C:\u0041 +AGE-'


def text_encoding(name: str) -> str | None:
    """The registry's name for ``name`` if it is a text encoding a page could be in.

    The registry also holds codecs that are not (rot-13, zlib, base64, hex, uu,
    punycode, idna): a page declaring one is decoded by detection instead. HTML
    requires an encoding that reads ASCII as ASCII, which also rules out UTF-7
    and the escape codecs.
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    try:
        reads_ascii = _ASCII_PROBE.decode(info.name, "replace") == _ASCII_PROBE.decode("ascii")
    except Exception:  # a codec may raise anything on bytes it was not made for
        return None
    return info.name if reads_ascii else None


def decode_page(data: bytes) -> Decoded:
    """Decode a page: a valid UTF-8 body is UTF-8 whatever the meta says,
    otherwise the declared single-byte charset or the better-scoring of
    windows-1251 and koi8-u."""
    declared = declared_charset(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, "replace"), encoding, declared)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", declared)
    except UnicodeDecodeError:
        pass
    candidates = list(CYRILLIC_SINGLE_BYTE)
    if declared and declared not in ("utf-8", "utf-16", "ascii") and declared not in candidates:
        candidates.insert(0, declared)
    best = max(candidates, key=lambda enc: _cyrillic_score(data.decode(enc, "replace")))
    if declared in candidates and _cyrillic_score(
        data.decode(declared, "replace")
    ) >= _cyrillic_score(data.decode(best, "replace")):
        best = declared
    return Decoded(data.decode(best, "replace"), best, declared)


def _cyrillic_score(text: str) -> int:
    """Common lowercase letters count for, capitals inside words against."""
    score = 0
    previous_lower = False
    for ch in text:
        if ch in _COMMON_LOWER:
            score += 1
            previous_lower = True
        elif "А" <= ch <= "Я" and previous_lower:
            score -= 3
            previous_lower = False
        else:
            previous_lower = ch.islower()
    return score
