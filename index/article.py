"""The one record that flows from extraction to the index to search results."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True, kw_only=True, frozen=True)
class Quote:
    text: str
    speaker: str | None = None
    confidence: float = 0.0


@dataclass(slots=True, kw_only=True)
class Article:
    """An article extracted from one stored page (or several captures of one URL)."""

    id: str = ""
    kind: str = "article"  # "article" or "list"
    url: str = ""
    canonical_url: str = ""
    path: str = ""  # relative to the archive root
    sha256: str = ""
    captured_at: datetime | None = None
    captures: int = 1
    title: str = ""
    published: datetime | None = None
    published_tz_assumed: bool = False
    modified: datetime | None = None
    source: str = ""
    domain: str = ""
    rubric: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str = "uk"
    lead: str = ""
    body: str = ""
    captions: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)

    def identity(self) -> str:
        """The URL that names this document: captures of one page share it."""
        return self.canonical_url or self.url or self.path

    def assign_id(self) -> None:
        self.id = document_id(self.identity())

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready dict: datetimes in ISO 8601 with their offsets."""
        data = asdict(self)
        for key in ("captured_at", "published", "modified"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


def document_id(identity: str) -> str:
    """A short stable id derived from the document's URL (or path)."""
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]
