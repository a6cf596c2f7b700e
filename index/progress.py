"""Progress of long work: a redrawn bar on a terminal, periodic log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

LOG_EVERY_SECONDS = 5.0


class Progress:
    def __init__(
        self,
        total: int,
        label: str = "pages",
        stream: TextIO | None = None,
        interactive: bool | None = None,
        stage: str = "progress",
    ) -> None:
        self.total = total
        self.label = label
        self.stage = stage
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.done = 0
        self.started = time.monotonic()
        self._last_report = 0.0
        self.note = ""  # what is slow right now, shown after the counts

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._report_if_due(final=self.done == self.total)

    def tick(self, note: str = "") -> None:
        """Nothing finished, but the line may be due again, now with ``note``."""
        self.note = note
        self._report_if_due()

    def _report_if_due(self, *, final: bool = False) -> None:
        now = time.monotonic()
        interval = 0.2 if self.interactive else LOG_EVERY_SECONDS
        if now - self._last_report >= interval or final:
            self._last_report = now
            self._report(now)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def _line(self, now: float) -> str:
        rate = self.rate()
        remaining = (self.total - self.done) / rate if rate > 0 else 0.0
        share = self.done / self.total if self.total else 1.0
        line = (
            f"{self.done}/{self.total} {self.label} ({share:.0%}), {rate:.1f} {self.label}/s, "
            f"ETA {_clock(remaining)}"
        )
        return f"{line}; {self.note}" if self.note else line

    def _report(self, now: float) -> None:
        if self.interactive:
            width = 30
            filled = int(width * (self.done / self.total if self.total else 1))
            bar = "█" * filled + "·" * (width - filled)
            self.stream.write(f"\r\033[K{self.stage}: {bar} {self._line(now)}")
        else:
            self.stream.write(f"{self.stage}: {self._line(now)}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.interactive:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def say(stream: TextIO | None, line: str) -> None:
    """One line about the work, where the progress goes."""
    stream = stream or sys.stderr
    stream.write(f"{line}\n")
    stream.flush()
