"""Handing freed memory back to the system between the stages of a build."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache


@cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


def give_back_memory() -> None:
    """glibc keeps the heap an extracted page's text was freed from, in pieces other
    objects still hold; ``malloc_trim`` returns the free pages of it. Where there is no
    glibc this does nothing."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)
