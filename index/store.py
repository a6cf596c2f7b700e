"""Where an index lives: versions built side by side, swapped in by one atomic rename.

``<index>`` is a symlink to ``<index>.versions/<stamp>``. A rebuild writes a new
version and then renames a fresh link over ``<index>``, so readers see the old
index or the new one, never a half-built one; a failed build leaves the link alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

KEEP_VERSIONS = 2  # the serving one and the one before it (searchers may still read it)
REPORT_NAME = "rebuild-report.json"  # written into each version by a rebuild or update


class IndexLocationError(Exception):
    """The index directory cannot be used; the message says why and where."""


def versions_dir(index: Path) -> Path:
    return index.parent / f"{index.name}.versions"


def lock_path(index: Path) -> Path:
    return index.parent / f"{index.name}.lock"


def new_version_dir(index: Path) -> Path:
    parent = versions_dir(index)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        target = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%d-%H%M%S-"), dir=parent))
    except OSError as err:
        raise IndexLocationError(
            f"cannot write the index directory {parent}: {err.strerror}"
        ) from err
    return target


def swap_in(index: Path, version: Path) -> None:
    """Point ``index`` at ``version`` atomically, then drop old versions."""
    if index.exists() and not index.is_symlink():
        legacy = versions_dir(index) / f"legacy-{time.strftime('%Y%m%d-%H%M%S')}"
        index.rename(legacy)
    temporary = index.parent / f".{index.name}.swap-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    temporary.symlink_to(os.path.relpath(version, index.parent))
    os.replace(temporary, index)
    prune_versions(index)


def prune_versions(index: Path) -> None:
    current = index.resolve()
    versions = sorted(versions_dir(index).iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    kept = 0
    for version in versions:
        if version.resolve() == current or kept < KEEP_VERSIONS:
            kept += 1
            continue
        shutil.rmtree(version, ignore_errors=True)


def discard(version: Path) -> None:
    shutil.rmtree(version, ignore_errors=True)


def process_start(pid: int) -> str | None:
    """When a process started (clock ticks since boot), to tell it from a later one with its pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


def _holder_alive(pid: int, started: str | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return started is None or process_start(pid) in (None, started)


@contextlib.contextmanager
def build_lock(index: Path) -> Iterator[None]:
    """One rebuild per index at a time.

    The lock file names its process and that process's start time, so a lock
    left by a killed rebuild is cleared even after its pid has been reused.
    """
    path = lock_path(index)
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise IndexLocationError(f"cannot create {index.parent}: {err.strerror}") from err
    for _ in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder, started = _lock_holder(path)
            if holder is not None and _holder_alive(holder, started):
                raise IndexLocationError(
                    f"another rebuild (pid {holder}) is writing {index}; wait for it or stop it"
                ) from None
            path.unlink(missing_ok=True)  # stale: its process is gone
            continue
        except OSError as err:
            raise IndexLocationError(f"cannot write in {index.parent}: {err.strerror}") from err
        with os.fdopen(fd, "w") as handle:
            handle.write(f"{os.getpid()} {process_start(os.getpid()) or ''}".strip())
        try:
            yield
        finally:
            path.unlink(missing_ok=True)
        return
    raise IndexLocationError(f"cannot take the lock {path}")


def _lock_holder(path: Path) -> tuple[int | None, str | None]:
    try:
        parts = path.read_text().split()
        return (int(parts[0]) if parts else None), (parts[1] if len(parts) > 1 else None)
    except (OSError, ValueError):
        return None, None


def read_report(index: Path) -> dict:
    """The rebuild report stored beside the serving index ({} where there is none)."""
    try:
        return json.loads((index / REPORT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
