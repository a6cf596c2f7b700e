"""Build hook: the quote-attribution modules are compiled with mypyc.

Attribution runs once per indexed page and is pure Python; compiled it is ~1.6x faster.
Without a C compiler, or with PIDSHYVKA_PURE=1, the package installs as plain Python and
gives the same results, only slower (``index.speech.RUNNING_AS`` says which runs).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The word lists gain nothing compiled; the runtime switch must stay Python.
NOT_COMPILED = {"__init__.py", "compiled.py", "patterns.py"}
SPEECH = Path("index/speech")
SOURCES = sorted(p for p in SPEECH.glob("*.py") if p.name not in NOT_COMPILED)
# Read by index/speech/compiled.py: which sources the compiled copies were made from.
MANIFEST = "compiled_sources.txt"


class OptionalBuildExt(build_ext):
    """A failed compile leaves the Python source in charge instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # any compiler failure means: stay Python
            print(f"pidshyvka: not compiled, running from source: {error}", file=sys.stderr)
            return
        if self.extensions:
            self.record_sources()

    def record_sources(self) -> None:
        """Beside the compiled copies (in place or in the build tree), each source's digest."""
        target = Path(self.get_ext_fullpath("index.speech.text")).parent
        lines = [f"{p.name} {hashlib.sha256(p.read_bytes()).hexdigest()}\n" for p in SOURCES]
        (target / MANIFEST).write_text("".join(lines), encoding="utf-8")


def compiled_extensions() -> list:
    if os.environ.get("PIDSHYVKA_PURE", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("pidshyvka: mypyc is not installed, running from source", file=sys.stderr)
        return []
    return mypycify([str(p) for p in SOURCES], opt_level="3", group_name="pidshyvka_speech")


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": OptionalBuildExt})
