"""Outlet names a person gives: the user's outlets.toml and the shipped default file.

Both have one format: a table per domain with its name and the other domains shown
as the same outlet, or a plain domain = "name" line (see index/data/outlets.toml).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

OUTLETS_FILE_NAME = "outlets.toml"  # looked for in the archive folder
DEFAULT_FILE = Path(__file__).parent / "data" / OUTLETS_FILE_NAME


class OutletFileError(ValueError):
    """An outlets file that cannot be read; the message names the file and the entry."""


@dataclass(slots=True, frozen=True)
class OutletNames:
    """Names given in an outlets file, by domain (merged domains map to the same name)."""

    by_domain: dict[str, str] = field(default_factory=dict)
    path: str = ""

    def get(self, domain: str) -> str | None:
        return self.by_domain.get(domain)


def read_outlet_file(path: Path) -> OutletNames:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise OutletFileError(f"cannot read the outlets file {path}: {error.strerror}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise OutletFileError(f"the outlets file {path} is not valid TOML: {error}") from error
    names: dict[str, str] = {}
    for domain, entry in data.items():
        name, others = _entry(path, domain, entry)
        for one in (domain, *others):
            names[_domain_key(one)] = name
    return OutletNames(by_domain=names, path=str(path))


def _entry(path: Path, domain: str, entry: object) -> tuple[str, list[str]]:
    where = f"{path}: [{domain!r}]"
    if isinstance(entry, str):
        entry = {"name": entry}
    if not isinstance(entry, dict):
        raise OutletFileError(f'{where} must be a name or a table with name = "…"')
    unknown = set(entry) - {"name", "domains"}
    if unknown:
        raise OutletFileError(f"{where} has unknown keys: {', '.join(sorted(unknown))}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise OutletFileError(f'{where} needs name = "…" (a non-empty string)')
    others = entry.get("domains", [])
    if not isinstance(others, list) or not all(isinstance(d, str) for d in others):
        raise OutletFileError(f"{where}: domains must be a list of strings")
    return " ".join(name.split()), others


def _domain_key(domain: str) -> str:
    return domain.strip().lower().removeprefix("www.")


def outlet_files(archive: Path, given: Path | None) -> OutletNames:
    """The user's names: the file given, else outlets.toml in the archive, else none."""
    if given is not None:
        return read_outlet_file(given)
    beside = archive / OUTLETS_FILE_NAME
    return read_outlet_file(beside) if beside.is_file() else OutletNames()


@cache  # the shipped file, read once per process
def default_names() -> OutletNames:
    return read_outlet_file(DEFAULT_FILE)
