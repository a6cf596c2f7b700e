"""The fast paths of attribution's tokenizer and script checks against their plain definitions."""

from __future__ import annotations

import random
import re
from itertools import accumulate

from index.extract import extract_page
from index.speech.text import SPLIT_TOKEN_RE, mixed_script, split_tokens
from tests.paths import DEMO_ARCHIVE

# Characters where the shortcuts could go wrong: apostrophes, the underscore (\w but not
# isalnum), hyphens, quote marks, odd spaces, a combining stress mark, letters outside
# Cyrillic, a character outside the BMP.
TRICKY = list("аБ'’ʼ`_-‑.,«»\"— \t\n\u00a0\u2009\x1c\x85x1́é😀:;()…!?")


def by_regex(text: str) -> tuple[list[str], list[int], list[int]]:
    pieces = SPLIT_TOKEN_RE.split(text)  # between tokens, token, between, …
    offsets = list(accumulate(map(len, pieces)))
    return pieces[1::2], offsets[0:-1:2], offsets[1::2]


def demo_paragraphs() -> list[str]:
    paragraphs = []
    for page in sorted(DEMO_ARCHIVE.rglob("*.html")):
        article = extract_page(page.read_bytes(), path=str(page))
        text = "\n\n".join((article.title, article.lead, article.body))
        paragraphs += [p.strip().lower().replace("’", "'") for p in text.split("\n\n")]
    return paragraphs


def random_texts(count: int) -> list[str]:
    chooser = random.Random(20261126)
    return ["".join(chooser.choices(TRICKY, k=chooser.randint(0, 14))) for _ in range(count)]


def test_split_tokens_finds_what_the_regex_finds() -> None:
    texts = demo_paragraphs() + random_texts(20_000)
    assert len(texts) > 20_100
    for text in texts:
        assert split_tokens(text) == by_regex(text), text


def test_mixed_script_is_a_latin_letter_beside_a_cyrillic_one() -> None:
    cyrillic, latin = "[а-яА-ЯіїєґІЇЄҐ]", "[a-zA-Z]"
    touching = re.compile(f"{cyrillic}{latin}|{latin}{cyrillic}")
    alphabet = list("аЯіЇєҐёыaZ -1😀é")
    chooser = random.Random(7)
    texts = ["Київa", "aКиїв", "Київ a", "ёa"] + [
        "".join(chooser.choices(alphabet, k=chooser.randint(0, 8))) for _ in range(5_000)
    ]
    for text in texts:
        assert mixed_script(text) == bool(touching.search(text)), text
