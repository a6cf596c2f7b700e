"""Which index version a searcher reads, and everything search keeps for that version.

What search caches about an index (its columns and term postings, the equivalents
it confirmed) is held in the slot of the version it was read from. The slots of the
KEEP_VERSIONS most recently used versions stay; an older version's caches go with it,
so a process that serves one index after another holds at most that many at once.
Caches of words alone (lemmas, spellings) are pure and live in their modules.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar, cast

from whoosh.searching import Searcher

from search.segments import index_location

KEEP_VERSIONS = 2  # the one serving and the one an update has just committed
Key = TypeVar("Key")
Value = TypeVar("Value")


def version_key(searcher: Searcher) -> tuple:
    """Which index version a searcher reads: its real folder, the generation its reader
    opened (not the folder's newest: an update may have committed since), and its size."""
    reader = searcher.reader()
    return (index_location(searcher), reader.generation(), reader.doc_count_all())


class VersionSlots:
    """Per-version caches, the least recently used version dropped first."""

    def __init__(self, keep: int = KEEP_VERSIONS) -> None:
        self._keep = keep
        self._slots: OrderedDict[tuple, dict[str, object]] = OrderedDict()
        self._lock = threading.Lock()

    def owned(self, searcher: Searcher, name: str, make: Callable[[], Value]) -> Value:
        """The ``name`` cache of the version ``searcher`` reads, made on first use."""
        key = version_key(searcher)
        with self._lock:
            slot = self._slot(key)
            found = slot.get(name)
        if found is not None:
            return cast(Value, found)
        made = make()  # outside the lock: loading a version's columns takes a while
        with self._lock:
            return cast(Value, self._slot(key).setdefault(name, made))

    def _slot(self, key: tuple) -> dict[str, object]:
        slot = self._slots.get(key)
        if slot is None:
            slot = self._slots[key] = {}
            while len(self._slots) > self._keep:
                self._slots.popitem(last=False)
        else:
            self._slots.move_to_end(key)
        return slot

    def versions(self) -> list[tuple]:
        with self._lock:
            return list(self._slots)

    def clear(self) -> None:
        with self._lock:
            self._slots.clear()


SLOTS = VersionSlots()


def owned(searcher: Searcher, name: str, make: Callable[[], Value]) -> Value:
    return SLOTS.owned(searcher, name, make)


def _one(_value: object) -> int:
    return 1


class Recent(Generic[Key, Value]):
    """A bounded map that forgets its least recently used entries; safe across threads.
    ``size`` bounds the entries' total ``cost`` (by default, their number)."""

    def __init__(self, size: int, cost: Callable[[Value], int] = _one) -> None:
        self._size = size
        self._cost = cost
        self._held = 0
        self._entries: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Value | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Key, value: Value) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._held -= self._cost(old)
            self._entries[key] = value
            self._held += self._cost(value)
            while self._held > self._size and self._entries:
                _key, dropped = self._entries.popitem(last=False)
                self._held -= self._cost(dropped)

    def __len__(self) -> int:
        return len(self._entries)
