"""Work on pages in watched worker processes: each page gets a time and memory budget.

A page that runs past its budget is given up (its worker is killed and replaced)
and reported as over budget; a worker that dies is replaced the same way. The
rest of the work goes on, so one hostile page cannot stall a ten-hour rebuild.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

POLL_SECONDS = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Budget:
    """What one page may take; ``None`` for either means no limit."""

    seconds: float | None = 10.0
    megabytes: int | None = 500


DEFAULT_BUDGET = Budget()


@dataclass(frozen=True, slots=True)
class Overrun:
    """Why a page was given up: over its time or memory, or its worker died."""

    reason: str


@dataclass(frozen=True, slots=True)
class Done(Generic[Item, Result]):
    item: Item
    outcome: Result | Overrun
    seconds: float


@dataclass(frozen=True, slots=True)
class Running:
    label: str
    seconds: float


def _serve(connection: Connection, function: Callable[[Any], Any]) -> None:
    while True:
        item = connection.recv()
        if item is None:
            return
        connection.send(function(item))


def resident_bytes(pid: int) -> int | None:
    """The process's resident memory, from /proc (None where there is no /proc)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return None


class _Worker:
    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.connection, child = multiprocessing.get_context("fork").Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(child, function), daemon=True
        )
        self.process.start()
        child.close()
        self.item: Any = None
        self.busy = False
        self.started = 0.0
        self.resident_at_start = 0

    def give(self, item: Any) -> None:
        self.item, self.busy, self.started = item, True, time.monotonic()
        self.resident_at_start = resident_bytes(self.process.pid or 0) or 0
        self.connection.send(item)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def grown_bytes(self) -> int:
        now = resident_bytes(self.process.pid or 0)
        return 0 if now is None else now - self.resident_at_start

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


class Supervisor(Generic[Item, Result]):
    """Runs ``function`` over items in ``jobs`` forked workers, each item on a budget.

    ``label`` names an item in reports; ``on_tick`` is told, about every
    ``POLL_SECONDS``, which items have been running longer than ``slow_after``.
    """

    def __init__(
        self,
        function: Callable[[Item], Result],
        *,
        jobs: int = 1,
        budget: Budget = DEFAULT_BUDGET,
        label: Callable[[Item], str] = str,
        on_tick: Callable[[list[Running]], None] | None = None,
        slow_after: float = 3.0,
    ) -> None:
        self.function = function
        self.jobs = max(1, jobs)
        self.budget = budget
        self.label = label
        self.on_tick = on_tick
        self.slow_after = slow_after

    def run(self, items: Iterable[Item]) -> Iterator[Done[Item, Result]]:
        waiting = deque(items)
        workers = [_Worker(self.function) for _ in range(min(self.jobs, len(waiting)))]
        try:
            while waiting or any(w.busy for w in workers):
                for worker in workers:
                    if not worker.busy and waiting:
                        worker.give(waiting.popleft())
                yield from self._collect(workers)
        finally:
            for worker in workers:
                worker.stop(kill=worker.busy)

    def _collect(self, workers: list[_Worker]) -> Iterator[Done[Item, Result]]:
        busy = [w for w in workers if w.busy]
        ready = set(wait([w.connection for w in busy], timeout=POLL_SECONDS))
        for position, worker in enumerate(workers):
            if not worker.busy:
                continue
            finished = worker.connection in ready
            done = self._received(worker) if finished else self._overrun(worker)
            if done is None:
                continue
            yield done
            if isinstance(done.outcome, Overrun):
                worker.stop(kill=True)
                workers[position] = _Worker(self.function)
        if self.on_tick is not None:
            self.on_tick(self._slow(workers))

    def _received(self, worker: _Worker) -> Done[Item, Result]:
        seconds = worker.elapsed()
        worker.busy = False
        try:
            outcome: Result | Overrun = worker.connection.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=1)
            outcome = Overrun(f"the worker reading it died (exit code {worker.process.exitcode})")
        return Done(worker.item, outcome, seconds)

    def _overrun(self, worker: _Worker) -> Done[Item, Result] | None:
        seconds = worker.elapsed()
        limit_seconds, limit_mb = self.budget.seconds, self.budget.megabytes
        if limit_seconds is not None and seconds > limit_seconds:
            reason = f"took longer than {limit_seconds:g} s"
        elif limit_mb is not None and worker.grown_bytes() > limit_mb * MB:
            reason = f"needed more than {limit_mb} MB"
        elif not worker.process.is_alive():
            reason = f"the worker reading it died (exit code {worker.process.exitcode})"
        else:
            return None
        worker.busy = False
        return Done(worker.item, Overrun(reason), seconds)

    def _slow(self, workers: list[_Worker]) -> list[Running]:
        return [
            Running(self.label(w.item), w.elapsed())
            for w in workers
            if w.busy and w.elapsed() >= self.slow_after
        ]
