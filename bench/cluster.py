"""Rebuild on a Dask cluster beside a local rebuild, on this one machine (#17).

Starts a scheduler and two workers on 127.0.0.1 (each its own process, one thread, as
`dask worker` starts them), then rebuilds the N-page synthesised archive of
bench/rebuild.py three ways, each in a child process:
1. local: `rebuild --jobs 2`;
2. cluster: extraction on the workers and the Whoosh segments written by them (the default);
3. cluster, local writer: extraction on the workers, segments by two local processes.
It prints pages/s and the peak RSS of every process: the rebuild's and each worker's.
With two workers on two cores the cluster cannot beat the local pool; what this shows is
what the cluster costs (scheduling, moving keys) and which way of writing is quicker.
Run from the repo root: .venv/bin/python bench/cluster.py 10000 [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.rebuild import WORK, synthesised_archive  # noqa: E402
from bench.rss import ProcessPeak, TreeSampler, run_sampled  # noqa: E402
from bench.synth import gather_material  # noqa: E402

DASK = Path(sys.executable).with_name("dask")
WAYS = ("local", "cluster", "cluster, local writer")


def start(command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def start_cluster(workers: int) -> tuple[str, list[subprocess.Popen]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    scheduler = [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port)]
    processes = [start([*scheduler, "--no-dashboard"])]
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    worker = [str(DASK), "worker", address, "--nthreads", "1", "--no-dashboard"]
    processes += [start(worker, env) for _ in range(workers)]
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=60)
    return address, processes


def rebuild_command(archive: Path, index: Path, way: str, address: str) -> list[str]:
    cluster = "None" if way == "local" else repr(address)
    on_workers = way == "cluster"
    code = (
        "import io; from pathlib import Path; from index.build import rebuild; "
        f"rebuild(Path({str(archive)!r}), Path({str(index)!r}), jobs=2, cluster={cluster}, "
        f"segments_on_cluster={on_workers}, stream=io.StringIO(), interactive=False)"
    )
    return [sys.executable, "-c", code]


def one_run(
    archive: Path, index: Path, way: str, address: str, workers: list[subprocess.Popen]
) -> tuple[float, list[ProcessPeak], list[ProcessPeak]]:
    for leftover in (index, index.with_name(index.name + ".versions")):
        shutil.rmtree(leftover, ignore_errors=True)
    samplers = [TreeSampler(worker.pid) for worker in workers]
    for sampler in samplers:
        sampler.start()
    seconds, peaks = run_sampled(rebuild_command(archive, index, way, address), REPO)
    worker_peaks = [max(s.stop(), key=lambda p: p.peak_mb) for s in samplers]
    return seconds, peaks, worker_peaks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", type=int)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if not DASK.exists():
        print(f"no `dask` command beside {sys.executable}: pip install -e '.[cluster]'")
        return 1
    archive = synthesised_archive(args.size, gather_material())
    index = WORK / str(args.size) / "cluster-index"
    address, processes = start_cluster(2)
    try:
        print(f"{args.size} pages, scheduler and 2 workers at {address}")
        for round_number in range(1, args.rounds + 1):
            for way in WAYS:
                seconds, peaks, worker_peaks = one_run(archive, index, way, address, processes[1:])
                rebuild_peak = ", ".join(f"{p.role} {p.peak_mb:.0f}" for p in peaks[:6])
                workers = ", ".join(f"{p.peak_mb:.0f}" for p in worker_peaks)
                print(
                    f"  round {round_number}, {way}: {seconds:.1f} s = "
                    f"{args.size / seconds:.0f} pages/s; peak RSS MB, rebuild: {rebuild_peak}"
                    + (f"; workers (largest process each): {workers}" if way != "local" else "")
                )
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        time.sleep(1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
