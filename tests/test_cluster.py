"""`rebuild --cluster` through a real Dask scheduler and two workers, each its own process.

The scheduler and workers are started with the `dask` commands on 127.0.0.1, as a
user would start them, and stopped at the end. Without the optional `distributed`
package the tests skip and say so.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index import cluster
from index.article_store import STORE_NAME, read_store
from index.build import RebuildError, rebuild
from index.update import update
from tests.index_contents import assert_same_contents
from tests.paths import DEMO_ARCHIVE

pytest.importorskip("distributed", reason="the optional `distributed` package is not installed")

DASK = Path(sys.executable).with_name("dask")
QUIET = {"stream": io.StringIO(), "interactive": False}
START_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LocalCluster:
    """A scheduler and workers as separate processes (each worker its own group)."""

    address: str
    processes: list[subprocess.Popen] = field(default_factory=list)
    workers: list[subprocess.Popen] = field(default_factory=list)

    def start_worker(self, daemon: bool = False) -> subprocess.Popen:
        env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": str(daemon)}
        command = [str(DASK), "worker", self.address, "--nthreads", "1", "--no-dashboard"]
        worker = _start(command, env)
        self.workers.append(worker)
        self.processes.append(worker)
        return worker

    def wait_for_workers(self, count: int) -> None:
        from distributed import Client

        with Client(self.address, timeout=START_SECONDS) as client:
            client.wait_for_workers(count, timeout=START_SECONDS)

    def kill(self, process: subprocess.Popen) -> None:
        """As a machine going away: the worker and its nanny at once."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def _start(command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _cluster(workers: int, daemon: bool = False) -> Iterator[LocalCluster]:
    if not DASK.exists():
        pytest.skip(f"no `dask` command beside {sys.executable}")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start(
        [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    )
    local = LocalCluster(address, processes=[scheduler])
    try:
        for _ in range(workers):
            local.start_worker(daemon)
        local.wait_for_workers(workers)
        yield local
    finally:
        local.stop()


@pytest.fixture(scope="module")
def two_workers() -> Iterator[LocalCluster]:
    yield from _cluster(2)


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    copy = tmp_path / "archive"
    shutil.copytree(DEMO_ARCHIVE, copy)
    return copy


def test_a_cluster_rebuild_equals_a_local_one(
    two_workers: LocalCluster, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "SHARD_PAGES", 4)  # several tasks for two workers
    local = rebuild(archive, tmp_path / "local", jobs=2, **QUIET)
    remote = rebuild(archive, tmp_path / "remote", cluster=two_workers.address, **QUIET)
    assert remote.indexed == local.indexed > 10
    assert remote.skipped_by_reason() == local.skipped_by_reason()
    assert remote.reprints == local.reprints and remote.captures_merged == local.captures_merged
    parts = sorted(p.name for p in (tmp_path / "remote").resolve().joinpath(STORE_NAME).iterdir())
    assert len(parts) > 3  # the local part (empty) and one part per task
    stored = [row.article.path for row in read_store((tmp_path / "remote").resolve() / STORE_NAME)]
    assert len(stored) == len(set(stored))  # every page once, whatever ran twice
    assert_same_contents(
        whoosh_index.open_dir(str(tmp_path / "remote")),
        whoosh_index.open_dir(str(tmp_path / "local")),
    )


def test_an_update_on_the_cluster_reads_only_what_changed(
    two_workers: LocalCluster, archive: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    rebuild(archive, index, cluster=two_workers.address, **QUIET)
    changed = sorted(archive.rglob("*.html"))[0]
    changed.write_bytes(changed.read_bytes().replace(b"</body>", b"<p>Edited.</p></body>", 1))
    summary = update(archive, index, cluster=two_workers.address, **QUIET)
    assert summary.extracted == 1 and summary.reused > 10
    local = rebuild(archive, tmp_path / "local", **QUIET)
    assert summary.indexed == local.indexed
    assert_same_contents(
        whoosh_index.open_dir(str(index)), whoosh_index.open_dir(str(tmp_path / "local"))
    )


def test_a_worker_killed_during_the_rebuild(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other worker finishes the work: the index is whole."""
    monkeypatch.setattr(cluster, "SHARD_PAGES", 1)
    local = rebuild(archive, tmp_path / "local", **QUIET)
    for doomed_cluster in _cluster(2):
        doomed = doomed_cluster.workers[0]
        versions = tmp_path / "remote.versions"
        parts_at_kill: list[int] = []
        killer = threading.Thread(
            target=_kill_after_first_part, args=(doomed_cluster, doomed, versions, parts_at_kill)
        )
        killer.start()
        remote = rebuild(archive, tmp_path / "remote", cluster=doomed_cluster.address, **QUIET)
        killer.join()
        pages = sum(1 for path in archive.rglob("*") if path.is_file())
        assert doomed.poll() is not None
        assert parts_at_kill and parts_at_kill[0] < pages / 2  # it died early in the rebuild
    assert remote.indexed == local.indexed
    assert_same_contents(
        whoosh_index.open_dir(str(tmp_path / "remote")),
        whoosh_index.open_dir(str(tmp_path / "local")),
    )


def _kill_after_first_part(
    local: LocalCluster, worker: subprocess.Popen, versions: Path, parts_at_kill: list[int]
) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if any(versions.glob(f"*/{STORE_NAME}/part-000001.parquet")):
            break
        time.sleep(0.01)
    local.kill(worker)
    parts_at_kill.append(len(list(versions.glob(f"*/{STORE_NAME}/part-*.parquet"))))


def test_an_unreachable_scheduler_is_a_clear_error_and_the_old_index_serves(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index"
    rebuild(archive, index, **QUIET)
    before = index.resolve()
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(RebuildError, match=f"cannot reach the Dask scheduler at {address}"):
        rebuild(archive, index, cluster=address, **QUIET)
    assert index.resolve() == before
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        assert searcher.doc_count() > 10


def test_daemonic_workers_are_told_how_to_start(archive: Path, tmp_path: Path) -> None:
    for daemonic in _cluster(1, daemon=True):
        with pytest.raises(RebuildError, match="DASK_DISTRIBUTED__WORKER__DAEMON=False"):
            rebuild(archive, tmp_path / "index", cluster=daemonic.address, **QUIET)
    assert not (tmp_path / "index").exists()
