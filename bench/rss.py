"""Peak resident memory of a process and of every process it starts, sampled from /proc.

``getrusage(RUSAGE_CHILDREN)`` gives only the largest child that has ended; a staged
rebuild has several (the main process, extraction workers, writer processes), and
#17 asks for each. Linux only: elsewhere the sampler reports nothing.
"""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.2
PROC = Path("/proc")


@dataclass(slots=True)
class ProcessPeak:
    pid: int
    role: str
    peak_mb: float = 0.0


@dataclass(slots=True)
class TreeSampler:
    """Samples the RSS of a process tree in a thread until ``stop``."""

    root: int
    peaks: dict[int, ProcessPeak] = field(default_factory=dict)
    _done: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> list[ProcessPeak]:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        return sorted(self.peaks.values(), key=lambda p: -p.peak_mb)

    def _run(self) -> None:
        while not self._done.is_set():
            for pid in _tree(self.root):
                rss = _rss_mb(pid)
                if rss is None:
                    continue
                peak = self.peaks.get(pid)
                if peak is None:
                    peak = self.peaks[pid] = ProcessPeak(pid, _role(pid, self.root))
                peak.peak_mb = max(peak.peak_mb, rss)
            time.sleep(SAMPLE_SECONDS)


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def _tree(root: int) -> list[int]:
    children = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_mb(pid: int) -> float | None:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _role(pid: int, root: int) -> str:
    if pid == root:
        return "main"
    try:
        parent = int((PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return "child"
    return "worker" if parent == root else "grandchild"


def run_sampled(command: list[str], cwd: Path) -> tuple[float, list[ProcessPeak]]:
    """Runs ``command`` to the end; its seconds and each process's peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    sampler = TreeSampler(process.pid)
    sampler.start()
    _, errors = process.communicate()
    peaks = sampler.stop()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors}")
    return time.perf_counter() - started, peaks
