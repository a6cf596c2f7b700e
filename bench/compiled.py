"""What compiling ``index/speech`` with mypyc is worth in an end-to-end rebuild.

Builds an archive of N pages from the real corpus layouts (../shared/corpus pages
copied until N, each copy made distinct by a trailing comment so none is skipped as a
repeat), then times `pidshyvka rebuild --jobs 2` with the compiled attribution modules
and with PIDSHYVKA_PURE=1 (the same modules from source), alternating, in child
processes of this one. Prints pages/s for each and the ratio.
Run from the repo root after `make .venv/bin/.installed`: .venv/bin/python bench/compiled.py
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "archive"
WORK = Path(tempfile.gettempdir()) / "pidshyvka-bench" / "real-layouts"


def real_layout_archive(size: int) -> Path:
    archive = WORK / str(size)
    complete = archive / ".complete"
    if complete.exists():
        return archive
    shutil.rmtree(archive, ignore_errors=True)
    pages = sorted(CORPUS.rglob("*.html"))
    for n in range(size):
        source = pages[n % len(pages)]
        target = archive / f"copy{n // len(pages)}" / source.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes() + f"\n<!-- copy {n} -->\n".encode())
    complete.touch()
    return archive


def rebuild_seconds(archive: Path, index: Path, pure: bool) -> float:
    environment = {k: v for k, v in os.environ.items() if k != "PIDSHYVKA_PURE"}
    if pure:
        environment["PIDSHYVKA_PURE"] = "1"
    shutil.rmtree(index, ignore_errors=True)
    command = [sys.executable, "-c", "from web.cli import main; main()", "rebuild"]
    command += [str(archive), "--index", str(index), "--jobs", "2"]
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=environment, check=True, capture_output=True)
    return time.perf_counter() - started


def running_as(pure: bool) -> str:
    environment = dict(os.environ, PIDSHYVKA_PURE="1" if pure else "0")
    code = "from index.speech import RUNNING_AS; print(RUNNING_AS)"
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=environment, capture_output=True, text=True
    )
    return found.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", nargs="?", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=2)
    options = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: no corpus at {CORPUS}", file=sys.stderr)
        return 1
    compiled, pure = running_as(False), running_as(True)
    print(f"modules: default run {compiled}; with PIDSHYVKA_PURE=1 {pure}")
    if not compiled.startswith("compiled"):
        print("the compiled copies are not in use: nothing to compare", file=sys.stderr)
        return 1
    archive = real_layout_archive(options.size)
    times: dict[bool, list[float]] = {False: [], True: []}
    for round_number in range(options.rounds):
        for as_pure in (False, True):
            seconds = rebuild_seconds(archive, WORK / f"index-{options.size}", as_pure)
            times[as_pure].append(seconds)
            label = "source  " if as_pure else "compiled"
            rate = options.size / seconds
            print(f"round {round_number + 1} {label} {seconds:7.1f} s  {rate:6.1f} pages/s")
    best_compiled, best_pure = min(times[False]), min(times[True])
    print(
        f"best of {options.rounds}: compiled {options.size / best_compiled:.1f} pages/s, "
        f"source {options.size / best_pure:.1f} pages/s; "
        f"compiled saves {1 - best_compiled / best_pure:.1%} of the rebuild"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
