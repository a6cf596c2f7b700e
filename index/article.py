"""The one record that flows from extraction to the index to search results."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit


@dataclass(slots=True, kw_only=True, frozen=True)
class Quote:
    text: str
    speaker: str | None = None
    confidence: float = 0.0
    direct: bool = True  # the speaker's own words in quote marks; False for reported speech


@dataclass(slots=True, kw_only=True, frozen=True)
class Capture:
    """One stored copy of a page: where it is, what its bytes were, when it was captured."""

    path: str
    sha256: str
    captured_at: datetime | None = None
    captured_from: str = ""  # what said so: "archive", "page" or "file name"; "" unknown

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["captured_at"] = self.captured_at.isoformat() if self.captured_at else None
        return data

    @classmethod
    def of(cls, page: Any) -> Capture:
        """The stored copy an Article, or a build's key of one (index/staging.py), is of."""
        return cls(
            path=page.path,
            sha256=page.sha256,
            captured_at=page.captured_at,
            captured_from=page.captured_from,
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Capture:
        return cls(**{**data, "captured_at": _datetime(data.get("captured_at"))})


@dataclass(slots=True, kw_only=True)
class Article:
    """An article extracted from one stored page (or several captures of one URL)."""

    id: str = ""
    kind: str = "article"  # "article" or "list"
    url: str = ""
    canonical_url: str = ""
    path: str = ""  # relative to the archive root
    sha256: str = ""
    captured_at: datetime | None = None  # None: nothing says when (a file's time does not)
    captured_from: str = ""  # see Capture.captured_from
    captures: int = 1
    earlier_captures: list[Capture] = field(default_factory=list)  # other copies, newest first
    title: str = ""
    published: datetime | None = None
    published_tz_assumed: bool = False
    modified: datetime | None = None
    source: str = ""  # the outlet's display name, one per domain in an index
    site_name: str = ""  # what this page itself calls its outlet ("" where it says nothing)
    domain: str = ""
    rubrics: list[str] = field(default_factory=list)  # sections, the most specific first
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    language: str = "uk"
    lead: str = ""
    body: str = ""
    captions: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    reprint_group: str = ""  # id of the earliest article with the same text ("" until grouped)

    @property
    def rubric(self) -> str | None:
        """The most specific section, where the page names any."""
        return self.rubrics[0] if self.rubrics else None

    def identity(self) -> str:
        """What names this document, so that captures of one page share it.

        The URL, without scheme, "www." or tracking parameters; a page that
        states no URL is named by outlet, day and headline.
        """
        url = self.canonical_url or self.url
        if url:
            return normalise_url(url)
        if self.title and self.domain and self.published:
            headline = " ".join(self.title.lower().split())
            return f"{self.domain}|{self.published.date().isoformat()}|{headline}"
        return self.path

    def assign_id(self) -> None:
        self.id = document_id(self.identity())

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready dict: datetimes in ISO 8601 with their offsets."""
        data = asdict(self)
        for key in ("captured_at", "published", "modified"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        data["earlier_captures"] = [capture.to_json() for capture in self.earlier_captures]
        data["rubric"] = self.rubric  # the most specific section, for readers of one value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        """The Article ``to_json`` gave ``data`` for."""
        fields = {key: value for key, value in data.items() if key != "rubric"}
        for key in ("captured_at", "published", "modified"):
            fields[key] = _datetime(fields.get(key))
        fields["earlier_captures"] = [Capture.from_json(c) for c in data["earlier_captures"]]
        fields["quotes"] = [Quote(**quote) for quote in data["quotes"]]
        return cls(**fields)

    def capture(self) -> Capture:
        """This article's own stored copy."""
        return Capture.of(self)

    def all_captures(self) -> list[Capture]:
        """Every stored copy of the page, the one indexed (the newest) first."""
        return [self.capture(), *self.earlier_captures]


TRACKING_PARAMETERS = re.compile(r"^(?:utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|from)$", re.I)


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def normalise_url(url: str) -> str:
    """host/path?query without scheme, "www.", fragment, tracking parameters or a final slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING_PARAMETERS.match(k)
        ]
    )
    path = parts.path.rstrip("/") or ""
    return f"{host}{path}" + (f"?{query}" if query else "")


def document_id(identity: str) -> str:
    """A short stable id derived from the document's URL (or path)."""
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]
