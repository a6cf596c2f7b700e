"""Load: 50 concurrent clients against `pidshyvka serve` on 127.0.0.1 for 60 s.

Builds (or reuses) an index of the demo archive plus ../shared/corpus, starts
the server as a separate process on a free loopback port, drives a mixed set
of searches, facet clicks, article pages, JSON and CSV, and prints throughput,
latency percentiles and errors. Bounded in time; stops the server itself.
Run from the repo root: .venv/bin/python bench/load.py [--clients 50] [--seconds 60]
It also prints the server's resident memory at the end and at its peak; with
--index (say the 100k index bench/query.py builds) it serves that index instead.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from whoosh import index as whoosh_index  # noqa: E402  (after the path is set)

from index.build import rebuild  # noqa: E402
from index.schema import schema_matches  # noqa: E402

SHARED = REPO.parent / "shared"
WORK = Path("/tmp/pidshyvka-load")
QUERIES = [
    "війна",
    "президент",
    "ракетна технологія",
    "бюджет",
    "Брексит",
    "Мей",
    "газ",
    '"Північний потік"',
    "Ryanair страйк",
    "Тарас Мельник",
    "енерг*",
    "date:2018",
    "quote:перемога",
    "уряд АБО парламент",
    "",
    "Асія Бібі",
    "Зеленський",
    "НЕ війна",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_index() -> Path:
    if not (SHARED / "corpus" / "archive").exists():
        sys.exit(f"{SHARED / 'corpus'} is absent: the load run indexes it with the demo archive")
    archive, index = WORK / "archive", WORK / "index"
    current = (index / "rebuild-report.json").exists() and schema_matches(
        whoosh_index.open_dir(str(index)).schema
    )
    if not current:
        shutil.rmtree(archive, ignore_errors=True)
        shutil.copytree(REPO / "examples" / "archive", archive / "demo")
        shutil.copytree(SHARED / "corpus" / "archive", archive / "corpus")
        summary = rebuild(archive, index, jobs=2, stream=io.StringIO(), interactive=False)
        print(f"indexed {summary.indexed} documents for the load run")
    return index


def paths(rng: random.Random, ids: list[str]) -> str:
    roll = rng.random()
    query = rng.choice(QUERIES)
    if roll < 0.55:
        return "/?" + urlencode({"q": query})
    if roll < 0.70:
        return "/search.json?" + urlencode({"q": query, "language": rng.choice(["uk", "ru"])})
    if roll < 0.80:
        return "/?" + urlencode({"q": query, "sort": "newest", "page": rng.randint(1, 3)})
    if roll < 0.95 and ids:
        return f"/article/{quote(rng.choice(ids))}"
    return "/search.csv?" + urlencode({"q": query or "війна"})


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1
            else:
                self.latencies.append(seconds * 1000)


def client(port: int, deadline: float, seed: int, ids: list[str], tally: Tally) -> None:
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < deadline:
        path = paths(rng, ids)
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            error = None if response.status == 200 else f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as err:
            error = type(err).__name__
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        tally.record(time.perf_counter() - started, error)
    connection.close()


def wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def article_ids(port: int) -> list[str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/search.json?size=100")
    data = json.loads(connection.getresponse().read())
    connection.close()
    return [hit["id"] for hit in data["hits"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    # two processes of four threads served this 2-core box best (measured against 1×4, 1×8,
    # 2×8 and 4×2: bench/README.md); `pidshyvka serve` itself defaults to one process
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per server process")
    parser.add_argument("--index", type=Path, help="serve this index instead of demo + corpus")
    arguments = parser.parse_args()
    index = arguments.index or build_index()
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from web.cli import main; main()",
            "serve",
            "--index",
            str(index),
            "--port",
            str(port),
            "--threads",
            str(arguments.threads),
            "--workers",
            str(arguments.workers),
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(port)
        ids = article_ids(port)
        tally = Tally()
        deadline = time.monotonic() + arguments.seconds
        threads = [
            threading.Thread(target=client, args=(port, deadline, n, ids, tally))
            for n in range(arguments.clients)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=arguments.seconds + 60)
        elapsed = time.monotonic() - started
        memory = server_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    report(tally, elapsed, arguments.clients, arguments.workers)
    print(f"server memory (all its processes): {memory}")


def server_memory(pid: int) -> str:
    """Resident MB now and at peak (VmRSS, VmHWM) summed over the server and its workers, and
    the proportional share (Pss: pages that forked workers share are counted once in all)."""
    pids = [pid, *_children(pid)]
    now = peak = shared_once = 0
    for one in pids:
        now += _kilobytes(Path(f"/proc/{one}/status"), "VmRSS")
        peak += _kilobytes(Path(f"/proc/{one}/status"), "VmHWM")
        shared_once += _kilobytes(Path(f"/proc/{one}/smaps_rollup"), "Pss")
    return (
        f"{now / 1024:.0f} MB resident, {peak / 1024:.0f} MB peak, "
        f"{shared_once / 1024:.0f} MB proportional ({len(pids)} processes)"
    )


def _kilobytes(status: Path, name: str) -> int:
    for line in status.read_text().splitlines():
        if line.startswith(f"{name}:"):
            return int(line.split()[1])
    return 0


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found.extend(int(child) for child in children)
    return found


def report(tally: Tally, elapsed: float, clients: int, workers: int) -> None:
    ordered = sorted(tally.latencies)
    done = len(ordered)
    p95 = ordered[int(0.95 * (done - 1))] if ordered else 0.0
    print(
        f"clients {clients}, server workers {workers}, {elapsed:.0f} s: {done} requests ok, "
        f"{sum(tally.errors.values())} errors {tally.errors or ''}"
    )
    if ordered:
        print(
            f"throughput {done / elapsed:.1f} req/s, p50 {statistics.median(ordered):.0f} ms, "
            f"p95 {p95:.0f} ms, max {ordered[-1]:.0f} ms (target: 0 errors, p95 ≤ 300 ms)"
        )


if __name__ == "__main__":
    main()
