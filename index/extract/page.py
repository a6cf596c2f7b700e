"""Everything read once from a parsed page, shared by the field extractors."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bs4 import BeautifulSoup

from index.extract.jsonld import article_object, jsonld_objects
from index.extract.meta import meta_values

LINE_BREAK = "\u2028"  # what a <br> becomes: whitespace to str.split(), a line end to us


@dataclass(slots=True, kw_only=True)
class Page:
    soup: BeautifulSoup
    path: str
    url: str | None = None  # where it was fetched from, when the archive knows (WARC)
    captured_at: datetime | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    article_ld: dict[str, Any] | None = None

    @classmethod
    def parse(
        cls, html: str, *, path: str, url: str | None = None, captured_at: datetime | None = None
    ) -> Page:
        soup = BeautifulSoup(html, "lxml")
        for line_break in soup.find_all("br"):
            line_break.replace_with(LINE_BREAK)
        objects = jsonld_objects(soup)
        return cls(
            soup=soup,
            path=path,
            url=url,
            captured_at=captured_at,
            meta=meta_values(soup),
            jsonld=objects,
            article_ld=article_object(objects),
        )

    def ld(self, key: str) -> Any:
        return self.article_ld.get(key) if self.article_ld else None
