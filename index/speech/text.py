"""Paragraphs split into tokens, quotation regions and sentences, with offsets kept.

Tokens are parallel lists rather than objects: attribution runs once per indexed
page and must cost a fraction of extraction, so per-token work is kept to slicing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from index.analysis.normalize import APOSTROPHES, REMOVED, normalise_surface
from index.speech.patterns import ABBREVIATIONS

MARKED_TOKEN_RE = re.compile(f"\\w[\\w'’ʼ`{REMOVED}]*(?:[-‑]\\w[\\w'’ʼ`{REMOVED}]*)*|\\S")
# Possessive loops give up no letters once taken: the same tokens, found ~10% faster.
SPLIT_TOKEN_RE = re.compile(r"(\w[\w'’ʼ`]*+(?:[-‑]\w[\w'’ʼ`]*+)*+|\S)")
# What a word token takes in after a letter: apostrophes (as SPLIT_TOKEN_RE lists them) and
# the underscore, which \w has and str.isalnum has not.
WORD_CONTINUES = frozenset("'’ʼ`_")
OPENING_QUOTES = "«„"
QUOTE_MARKS = frozenset('«»„“”"')
DASHES = frozenset("-–—‑")
SENTENCE_ENDS = frozenset(".!?…")
OPENERS_BEFORE_QUOTE = frozenset("([{—–-:;,/")
_REMOVED_RE = re.compile(f"[{REMOVED}]")
STOP_MARKS = SENTENCE_ENDS | QUOTE_MARKS
# Characters that glue a capital to the word before it: no name starts there.
GLUE_BEFORE_CAPITAL = frozenset("'’ʼ`‑-")
# Letters the other language has and this one lacks: «ы» in a Ukrainian text, «ї» in a Russian.
OTHER_LETTERS = {"uk": "ыэъёЫЭЪЁ", "ru": "іїєґІЇЄҐ"}
_OTHER_ALPHABET = {language: re.compile(f"[{chars}]") for language, chars in OTHER_LETTERS.items()}
_SURFACE_TABLE = str.maketrans({**{ch: "'" for ch in APOSTROPHES}, **{ch: None for ch in REMOVED}})


@dataclass(slots=True)
class Region:
    """A stretch in quotation marks: ``first``..``last`` are its inner token indices."""

    open_index: int
    close_index: int  # index of the closing mark, or one past the last token if unclosed
    closed: bool
    words: int = 0  # how many words it holds

    @property
    def first(self) -> int:
        return self.open_index + 1

    @property
    def last(self) -> int:
        return self.close_index - 1


@dataclass(slots=True)
class Paragraph:
    """One paragraph; token ``j`` starts at ``starts[j]`` of ``text`` and reads ``lowers[j]``
    in lowercase (apostrophes made ASCII); ``word(j)`` gives it as printed."""

    text: str
    offset: int  # of ``text`` in the article's full text
    headline: bool
    language: str = "uk"
    lowers: list[str] = field(init=False, default_factory=list)
    starts: list[int] = field(init=False, default_factory=list)
    ends: list[int] = field(init=False, default_factory=list)  # where each token ends
    depth: list[int] = field(init=False, default_factory=list)  # quotation regions holding it
    region: list[int] = field(init=False, default_factory=list)  # innermost region, or -1
    regions: list[Region] = field(init=False, default_factory=list)
    sentences: list[tuple[int, int]] = field(init=False, default_factory=list)  # token spans

    def __len__(self) -> int:
        return len(self.lowers)

    def word(self, j: int) -> str:
        return self.text[self.starts[j] : self.ends[j]]

    def end(self, j: int) -> int:
        return self.ends[j]

    def is_word(self, j: int) -> bool:
        return self.lowers[j][0].isalnum()

    def capitalised(self, j: int) -> bool:
        return self.text[self.starts[j]].isupper()

    def cyrillic(self, j: int) -> bool:
        return "\u0400" <= self.text[self.starts[j]] <= "\u04ff"

    def adjacent(self, j: int) -> bool:
        """Does token ``j`` follow token ``j - 1`` with no space between?"""
        return j > 0 and self.starts[j] == self.ends[j - 1]

    def same_level(self, j: int, k: int) -> bool:
        return self.depth[j] == self.depth[k] and self.region[j] == self.region[k]

    def span_text(self, first: int, last: int) -> str:
        """The original text from token ``first`` to token ``last`` inclusive."""
        if first > last or first >= len(self.lowers):
            return ""
        return self.text[self.starts[first] : self.end(min(last, len(self.lowers) - 1))]


def split_paragraphs(
    title: str, lead: str, body: str, language: str = "uk"
) -> tuple[str, list[Paragraph]]:
    """Title, lead and body paragraphs joined into one text, each paragraph analysed."""
    parts: list[tuple[str, bool]] = []
    if title.strip():
        parts.append((title.strip(), True))
    for chunk in (lead, body):
        parts.extend((p.strip(), False) for p in chunk.split("\n\n") if p.strip())
    full = "\n\n".join(text for text, _ in parts)
    # What rarely occurs is looked for once in the whole text, not once per paragraph.
    # ``in`` finds one character in C far faster than a regex tries a class at every place.
    oddities = Oddities(
        any(letter in full for letter in OTHER_LETTERS[language]),
        any(mark in full for mark in REMOVED),
        mixed_script(full),
    )
    paragraphs: list[Paragraph] = []
    offset = 0
    for text, headline in parts:
        paragraphs.append(analyse_paragraph(text, offset, headline, language, oddities))
        offset += len(text) + 2
    return full, paragraphs


@dataclass(frozen=True, slots=True)
class Oddities:
    """Rare features of a text that cost a look at every paragraph when present."""

    other_alphabet: bool = True  # letters only the other language (uk/ru) has
    marked: bool = True  # stress marks or soft hyphens
    mixed_script: bool = True  # Latin look-alike letters inside Cyrillic words


def _cp1251_table(mark: Callable[[str], int]) -> bytes:
    """A ``bytes.translate`` table: each cp1251 byte to ``mark`` of the character it spells."""
    return bytes(mark(bytes([byte]).decode("cp1251", "replace")) for byte in range(256))


_CYRILLIC_LETTERS = frozenset(map(chr, range(0x410, 0x450))) | frozenset("іїєґІЇЄҐ")
# b"c" for a Ukrainian or Russian letter, b"l" for a Latin one, else b" "
_SCRIPT_OF_BYTE = _cp1251_table(
    lambda c: (
        ord("c") if c in _CYRILLIC_LETTERS else ord("l" if c.isascii() and c.isalpha() else " ")
    )
)


def mixed_script(text: str) -> bool:
    """Whether a Latin letter touches a Ukrainian one («Київa»)."""
    # cp1251 spells every Ukrainian and Russian letter in one byte and ASCII as itself, one
    # byte per character («?» for the rest): encoding and one byte translation mark each
    # character's script in C, several times faster than a regex over the characters.
    scripts = text.encode("cp1251", "replace").translate(_SCRIPT_OF_BYTE)
    # one byte is found at memory speed; the pairs are searched for only if Latin is there
    return b"l" in scripts and (b"cl" in scripts or b"lc" in scripts)


def paragraph_language(text: str, article_language: str) -> str:
    """A Russian headline or quote in a Ukrainian article (or the reverse) is read in its own
    language: letters only one of the two alphabets has tell."""
    other = "ru" if article_language == "uk" else "uk"
    if _OTHER_ALPHABET[article_language].search(text) and not _OTHER_ALPHABET[other].search(text):
        return other
    return article_language


def analyse_paragraph(
    text: str,
    offset: int = 0,
    headline: bool = False,
    language: str = "uk",
    oddities: Oddities = Oddities(),
) -> Paragraph:
    if oddities.other_alphabet:
        language = paragraph_language(text, language)
    paragraph = Paragraph(text, offset, headline, language)
    _tokenize(paragraph, oddities)
    stops = _stops(paragraph)
    marks = [j for j in stops if paragraph.lowers[j] in QUOTE_MARKS]
    paragraph.regions = find_regions(paragraph, marks)
    _mark_depths(paragraph)
    paragraph.sentences = split_sentences(paragraph, stops)
    return paragraph


def _tokenize(paragraph: Paragraph, oddities: Oddities) -> None:
    text = paragraph.text
    lowered = text.lower()
    if len(lowered) != len(text) or (oddities.marked and _REMOVED_RE.search(text)):
        _tokenize_slowly(paragraph)
    else:
        for apostrophe in APOSTROPHES:  # str.replace is far cheaper than str.translate here
            if apostrophe in lowered:
                lowered = lowered.replace(apostrophe, "'")
        paragraph.lowers, paragraph.starts, paragraph.ends = split_tokens(lowered)
        if oddities.mixed_script and mixed_script(lowered):
            # «Київa» with a Latin «a»: read it as Cyrillic
            paragraph.lowers = [normalise_surface(word) for word in paragraph.lowers]
    paragraph.depth = [0] * len(paragraph.lowers)
    paragraph.region = [-1] * len(paragraph.lowers)


def split_tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens ``SPLIT_TOKEN_RE`` finds in ``text``, with where each starts and ends.

    Tokens never cross whitespace, and most whitespace-separated chunks are one plain word,
    or a word and one punctuation mark: those are taken as they are, and the regex runs
    only on the other chunks. That costs half of running it over the whole text."""
    tokens: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    end = 0
    for chunk in text.split():
        start = text.find(chunk, end)
        end = start + len(chunk)
        # str.isalnum is the regex's \w, less the underscore; one character is one token
        if chunk.isalnum() or len(chunk) == 1:
            tokens.append(chunk)
            starts.append(start)
            ends.append(end)
        elif chunk[:-1].isalnum() and not (chunk[-1].isalnum() or chunk[-1] in WORD_CONTINUES):
            tokens += (chunk[:-1], chunk[-1])
            starts += (start, end - 1)
            ends += (end - 1, end)
        else:
            _split_chunk(chunk, start, tokens, starts, ends)
    return tokens, starts, ends


def _split_chunk(
    chunk: str, start: int, tokens: list[str], starts: list[int], ends: list[int]
) -> None:
    pieces: list[str] = SPLIT_TOKEN_RE.split(chunk)  # between tokens, token, between, …
    position = start
    for k in range(1, len(pieces), 2):
        position += len(pieces[k - 1])
        tokens.append(pieces[k])
        starts.append(position)
        position += len(pieces[k])
        ends.append(position)


def _tokenize_slowly(paragraph: Paragraph) -> None:
    """Stress marks or soft hyphens are dropped from the look-up forms: lengths then differ."""
    matches = list(MARKED_TOKEN_RE.finditer(paragraph.text))
    paragraph.starts = [m.start() for m in matches]
    paragraph.ends = [m.end() for m in matches]
    paragraph.lowers = [m.group().lower().translate(_SURFACE_TABLE) or m.group() for m in matches]


def capital_indices(paragraph: Paragraph) -> list[int]:
    """Tokens that open with a capital Cyrillic letter, not glued to an apostrophe or hyphen
    before them: where names can start."""
    text = paragraph.text
    # UTF-32 gives each character as a number without making a string of it per token.
    points = text.encode("utf-32-le")
    return [
        j
        for j, start in enumerate(paragraph.starts)
        if _is_capital(_code_point(points, start))
        and (start == 0 or text[start - 1] not in GLUE_BEFORE_CAPITAL)
    ]


def _code_point(points: bytes, at: int) -> int:
    """The character at index ``at`` of a text encoded as UTF-32-LE (four bytes each)."""
    start = 4 * at
    return points[start] | points[start + 1] << 8 | points[start + 2] << 16


def _is_capital(point: int) -> bool:
    """A capital that can open a name: Ukrainian, Russian and other Cyrillic capitals."""
    return 0x400 <= point < 0x430 or point == 0x490


def _stops(paragraph: Paragraph) -> list[int]:
    """Tokens that can end a sentence or open or close a quotation (one-character tokens)."""
    return [j for j, word in enumerate(paragraph.lowers) if len(word) == 1 and word in STOP_MARKS]


def _spaced_before(paragraph: Paragraph, i: int) -> bool:
    return not paragraph.adjacent(i) or paragraph.lowers[i - 1] in OPENERS_BEFORE_QUOTE


def _spaced_after(paragraph: Paragraph, i: int) -> bool:
    words = paragraph.lowers
    if i + 1 >= len(words) or not paragraph.adjacent(i + 1):
        return True
    return not words[i + 1][0].isalnum() and words[i + 1] not in QUOTE_MARKS


def find_regions(paragraph: Paragraph, marks: list[int]) -> list[Region]:
    """Pair the quotation marks at token indices ``marks``; straight quotes open or close by
    the spaces around them."""
    stack: list[tuple[str, int]] = []
    regions: list[Region] = []

    def close(marks: str, i: int) -> bool:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] in marks:
                regions.append(Region(stack[depth][1], i, True))
                del stack[depth:]
                return True
        return False

    for i in marks:
        mark = paragraph.lowers[i]
        spaced_before, spaced_after = _spaced_before(paragraph, i), _spaced_after(paragraph, i)
        opening = spaced_before and not spaced_after
        closing = spaced_after and not spaced_before
        if mark in OPENING_QUOTES:
            stack.append((mark, i))
        elif mark == "»":
            close("«", i)
        elif mark == "”":
            close('“„"', i)
        elif mark == "“":
            if not (stack and stack[-1][0] == "„" and close("„", i)) and not (
                closing and close("“", i)
            ):
                stack.append((mark, i))
        elif opening or not (closing or stack):
            stack.append((mark, i))
        else:
            close('"', i)
    regions.extend(Region(start, _unclosed_end(paragraph, start), False) for _, start in stack)
    return sorted(regions, key=lambda r: r.open_index)


def _unclosed_end(paragraph: Paragraph, start: int) -> int:
    """A quote that never closes runs to its attribution («…, - сказав він») or the end."""
    words = paragraph.lowers
    for i in range(start + 2, len(words) - 1):
        if (
            words[i] in DASHES
            and words[i - 1] in (",", ".", "!", "?", "…")
            and paragraph.is_word(i + 1)
        ):
            return i - 1 if words[i - 1] == "," else i
    return len(words)


def _mark_depths(paragraph: Paragraph) -> None:
    depth, region_of, lowers = paragraph.depth, paragraph.region, paragraph.lowers
    for number, region in enumerate(paragraph.regions):  # outer regions come first
        inside = slice(region.first, region.close_index)
        depth[inside] = [d + 1 for d in depth[inside]]
        region_of[inside] = [number] * (region.close_index - region.first)
        region.words = len([w for w in lowers[inside] if w[0].isalnum()])


def split_sentences(paragraph: Paragraph, stops: list[int]) -> list[tuple[int, int]]:
    """Token spans of sentences; ``stops`` are the indices of the tokens that may end one."""
    words = paragraph.lowers
    spans = []
    start = 0
    for i in stops:
        if i + 1 < len(words) and _ends_sentence(paragraph, i):
            spans.append((start, i + 1))
            start = i + 1
    if start < len(words):
        spans.append((start, len(words)))
    return spans


def _ends_sentence(paragraph: Paragraph, i: int) -> bool:
    words = paragraph.lowers
    following = words[i + 1]
    if paragraph.depth[i] or (paragraph.adjacent(i + 1) and following[0].isalnum()):
        return False
    if words[i] in QUOTE_MARKS:
        ends = i > 0 and words[i - 1] in SENTENCE_ENDS
    else:
        ends = not (words[i] == "." and _abbreviation(paragraph, i))
    return ends and (
        paragraph.capitalised(i + 1)
        or following[0].isdigit()
        or following in QUOTE_MARKS
        or following in DASHES
    )


def _abbreviation(paragraph: Paragraph, i: int) -> bool:
    if i == 0 or not paragraph.adjacent(i) or not paragraph.is_word(i - 1):
        return False
    previous = paragraph.lowers[i - 1]
    return len(previous) == 1 or previous in ABBREVIATIONS
