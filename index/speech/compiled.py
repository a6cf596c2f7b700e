"""Compiled or source: which copy of the attribution modules runs.

``setup.py`` compiles most of this package with mypyc (attribution runs once per indexed
page and is ~1.6x faster compiled). Python prefers an extension module over the ``.py``
beside it, so a compiled copy made from an older source would silently run old code.
``setup.py`` records the digest of every source it compiled; before any submodule loads,
``choose`` compares them with the sources now present (file times are no guide: installing
a wheel resets them). If a source differs, or the record or the compiled copies' shared
runtime is missing, or ``PIDSHYVKA_PURE=1`` is set, every module of the package is loaded
from source. Compiled modules call one another directly, so it is all or nothing.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = __name__.rpartition(".")[0]
PURE_VARIABLE = "PIDSHYVKA_PURE"
# mypyc puts the code shared by the compiled modules in one library named after the group.
SHARED_RUNTIME = "pidshyvka_speech__mypyc"
# Written by setup.py beside the compiled copies: "<name>.py <sha256 of its source>" lines.
MANIFEST = "compiled_sources.txt"


def compiled_copies(directory: Path) -> dict[Path, Path]:
    """Each source file of ``directory`` that has a compiled copy, with that copy."""
    found = {}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for extension in directory.glob(f"*{suffix}"):
            source = directory / (extension.name[: -len(suffix)] + ".py")
            if source.exists():
                found[source] = extension
    return found


def why_source(directory: Path, environment: dict[str, str], runtime_found: bool) -> str | None:
    """Why the package must run from source; None when its compiled copies can be used."""
    if environment.get(PURE_VARIABLE, "") not in ("", "0"):
        return f"{PURE_VARIABLE} is set"
    copies = compiled_copies(directory)
    if not copies:
        return "not compiled"
    recorded = recorded_digests(directory)
    if not recorded:
        return f"no {MANIFEST} tells what the compiled copies were made from"
    stale = sorted(source.name for source in copies if recorded.get(source.name) != _digest(source))
    if stale:
        return f"{', '.join(stale)} changed after compiling (reinstall to compile again)"
    if not runtime_found:
        return f"the compiled copies' shared library {SHARED_RUNTIME} is missing"
    return None


def recorded_digests(directory: Path) -> dict[str, str]:
    try:
        lines = (directory / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return dict(line.split(" ", 1) for line in lines if " " in line)


def _digest(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Loads ``index.speech.*`` from the ``.py`` files, passing over compiled copies."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, module = name.rpartition(".")
        source = self.directory / f"{module}.py"
        if package != PACKAGE or not source.exists():
            return None
        return importlib.util.spec_from_file_location(name, source)


def choose() -> str:
    """Decide once, before the submodules load; returns how the package runs, for reports."""
    directory = Path(__file__).parent
    runtime_found = importlib.util.find_spec(SHARED_RUNTIME) is not None
    reason = why_source(directory, dict(os.environ), runtime_found)
    if reason is None:
        return "compiled"
    if compiled_copies(directory) and not any(
        isinstance(finder, _SourceFinder) for finder in sys.meta_path
    ):
        sys.meta_path.insert(0, _SourceFinder(directory))
    return f"source ({reason})"
