"""One display name per outlet across the archive, from what its pages call it.

Pages of one site name it in different ways (og:site_name on one layout, a
copyright line on another, the Russian edition in Russian). Every article of a
domain is shown under the name most of its pages give; a user's outlets.toml
renames an outlet or shows several domains as one; the shipped default file
names outlets whose pages give no name at all.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from index.extract.sitename import is_host_like
from index.outlet_file import OutletNames

CHOICES_NAME = "outlets.json"  # written into each index version


@dataclass(slots=True)
class OutletChoice:
    domain: str
    name: str
    how: str  # "outlets file", "pages", "default names" or "domain"
    seen: dict[str, int] = field(default_factory=dict)  # names the pages gave, with counts

    def to_json(self) -> dict:
        return {"domain": self.domain, "name": self.name, "how": self.how, "seen": self.seen}


class NamedPage(Protocol):
    """A page as outlets are chosen: an Article, or its key (index/staging.py)."""

    domain: str
    site_name: str


def choose_outlets(
    articles: Iterable[NamedPage], user: OutletNames, defaults: OutletNames
) -> dict[str, OutletChoice]:
    """Each domain's display name: the user's, else what most pages say, else the default."""
    seen: dict[str, Counter[str]] = {}
    for article in articles:
        if not article.domain:
            continue  # no site to pool under: the page's own name stands
        counts = seen.setdefault(article.domain, Counter())
        if article.site_name:
            counts[article.site_name] += 1
    return {domain: _choice(domain, counts, user, defaults) for domain, counts in seen.items()}


def _choice(
    domain: str, counts: Counter[str], user: OutletNames, defaults: OutletNames
) -> OutletChoice:
    seen = dict(counts.most_common())
    named = {name: n for name, n in seen.items() if not is_host_like(name, domain)}
    if (chosen := user.get(domain)) is not None:
        return OutletChoice(domain, chosen, "outlets file", seen)
    if named:
        return OutletChoice(domain, _most_given(named), "pages", seen)
    if (chosen := defaults.get(domain)) is not None:
        return OutletChoice(domain, chosen, "default names", seen)
    if seen:  # addresses only (ua.interfax.com.ua, interfax.com.ua): the plainest one
        return OutletChoice(domain, min(seen, key=lambda name: (len(name), name)), "pages", seen)
    return OutletChoice(domain, domain, "domain", seen)


def _most_given(counts: dict[str, int]) -> str:
    """The name most pages give; between equals the shorter, then the first alphabetically."""
    return min(counts, key=lambda name: (-counts[name], len(name), name))


def write_choices(version: Path, choices: dict[str, OutletChoice]) -> None:
    rows = [choices[domain].to_json() for domain in sorted(choices)]
    temporary = version / f".{CHOICES_NAME}.tmp"
    temporary.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, version / CHOICES_NAME)


def read_choices(version: Path) -> list[OutletChoice]:
    path = version / CHOICES_NAME
    if not path.is_file():
        return []
    return [OutletChoice(**row) for row in json.loads(path.read_text(encoding="utf-8"))]
