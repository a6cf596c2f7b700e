"""What the search tells the user about their query, in both interface languages.

A note is its Ukrainian text (what JSON carries and tests read) with the English text
attached, so the web page can show either without search knowing about the web.
"""

from __future__ import annotations


class Note(str):
    en: str

    def __new__(cls, uk: str, en: str) -> Note:
        note = super().__new__(cls, uk)
        note.en = en
        return note

    def in_language(self, language: str) -> str:
        return self.en if language == "en" else str(self)
