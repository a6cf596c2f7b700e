"""kill -9 a rebuild at random moments: the previous index keeps serving, the next rebuild succeeds."""

from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index.build import rebuild
from index.store import lock_path
from tests.hostile import good_page

PAGES = 300


def write_archive(folder: Path, generation: int) -> None:
    for n in range(PAGES):
        html = good_page(f"Новина {generation}-{n}").replace(
            "<head>",
            f'<head><meta property="og:url" content="https://test.example/{generation}/{n}">',
        )
        path = folder / f"{n % 10}" / f"page-{generation}-{n}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")


def doc_count(index: Path) -> int:
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        return searcher.doc_count()


def start_rebuild(archive: Path, index: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-c",
        "from web.cli import main; main()",
        "rebuild",
        str(archive),
        "--index",
        str(index),
        "--jobs",
        "2",
    ]
    return subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        cwd=Path(__file__).resolve().parents[1],
    )


def wait_for(condition, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the rebuild never took its lock")
        time.sleep(0.01)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_kill_minus_nine_leaves_the_previous_index_serving(tmp_path: Path, seed: int) -> None:
    archive, index = tmp_path / "archive", tmp_path / "index"
    write_archive(archive, generation=1)
    rebuild(archive, index, stream=io.StringIO(), interactive=False)
    before = doc_count(index)
    write_archive(archive, generation=2)  # the next rebuild has twice as much to do

    process = start_rebuild(archive, index)
    wait_for(lambda: lock_path(index).exists() or process.poll() is not None)
    time.sleep(random.Random(seed).uniform(0.0, 2.0))  # somewhere inside the locked build
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)

    assert doc_count(index) in (before, 2 * PAGES)  # the old index, or the new one if it finished
    summary = rebuild(archive, index, stream=io.StringIO(), interactive=False)
    assert summary.indexed == 2 * PAGES
    assert doc_count(index) == 2 * PAGES
    assert not lock_path(index).exists()
