"""Build hook: the quote-attribution modules are compiled with mypyc.

Attribution runs once per indexed page and is pure Python; compiled it is ~1.6x faster.
Without a C compiler, or with PIDSHYVKA_PURE=1, the package installs as plain Python and
gives the same results, only slower (``index.speech.RUNNING_AS`` says which runs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# Data tables and the dictionary glue gain nothing; the runtime switch must stay Python.
NOT_COMPILED = {"__init__.py", "compiled.py", "lexicon.py", "patterns.py"}
SPEECH = Path("index/speech")


class OptionalBuildExt(build_ext):
    """A failed compile leaves the Python source in charge instead of failing the install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # any compiler failure means: stay Python
            print(f"pidshyvka: not compiled, running from source: {error}", file=sys.stderr)


def compiled_extensions() -> list:
    if os.environ.get("PIDSHYVKA_PURE", "") not in ("", "0"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("pidshyvka: mypyc is not installed, running from source", file=sys.stderr)
        return []
    modules = sorted(str(p) for p in SPEECH.glob("*.py") if p.name not in NOT_COMPILED)
    return mypycify(modules, opt_level="3", group_name="pidshyvka_speech")


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": OptionalBuildExt})
