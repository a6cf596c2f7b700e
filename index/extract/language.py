"""The language of an article: letters first, declarations where letters are too few."""

from __future__ import annotations

from index.extract.meta import first_meta
from index.extract.page import Page
from index.extract.selectors import LOCALE_META

UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
RUSSIAN_LETTERS = frozenset("ыэъёЫЭЪЁ")
MIN_EVIDENCE = 3
CLEAR_MAJORITY = 0.8


def language_by_letters(text: str) -> str | None:
    """uk or ru when the letters only one of them has clearly dominate; else None."""
    uk = sum(1 for ch in text if ch in UKRAINIAN_LETTERS)
    ru = sum(1 for ch in text if ch in RUSSIAN_LETTERS)
    evidence = uk + ru
    if evidence < MIN_EVIDENCE:
        return None
    if uk >= CLEAR_MAJORITY * evidence:
        return "uk"
    if ru >= CLEAR_MAJORITY * evidence:
        return "ru"
    return None


def declared_language(page: Page) -> str | None:
    candidates = [
        page.soup.html.get("lang") if page.soup.html else None,
        first_meta(page.meta, LOCALE_META),
        page.ld("inLanguage"),
    ]
    for value in candidates:
        code = str(value or "").strip().lower()[:2]
        if code in ("uk", "ua"):
            return "uk"
        if code == "ru":
            return "ru"
    return None


def article_language(page: Page, text: str) -> str:
    return language_by_letters(text) or declared_language(page) or "uk"
