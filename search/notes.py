"""What the search tells the user about their query, as data: which case and with what.

The words are the interface's (``web/notes.py`` writes them in Ukrainian and English;
the CLI in English); search only says what happened.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Note:
    code: str  # e.g. "no_words", "bad_date": see web/notes.py for each one's words
    typed: str = ""  # what the user typed that the note is about
    limit: int = 0  # a number the note names (a cap, or how many values more)
    values: tuple[str, ...] = ()  # values the note names

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "typed": self.typed,
            "limit": self.limit,
            "values": list(self.values),
        }
