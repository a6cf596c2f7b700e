"""Serving memory per million documents: what the columns and the term cache hold.

For each size, in a fresh child process: open a searcher on the bench index of that size
(bench/query.py builds 100,000 and makes larger ones from hard-linked copies), then
measure the resident memory after opening, after loading the per-version columns, after
warm_up (field lengths and the commonest terms' postings) and after running the query
mix of bench/query.py with all facets. Prints MB and MB per million documents.
Run from the repo root: .venv/bin/python bench/memory.py 100000 1000000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

STEPS = ("opened", "columns", "warm_up", "queries")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure_here(folder: Path) -> dict[str, float]:
    """The resident memory after each step, in this process."""
    from bench.query import FILTERS, QUERIES
    from search import SearchRequest, open_searcher, run_search
    from search.columns import index_columns
    from search.engine import warm_up

    found = {"start": _rss_mb()}
    searcher = open_searcher(folder)
    found["opened"] = _rss_mb()
    index_columns(searcher)
    found["columns"] = _rss_mb()
    warm_up(searcher)
    found["warm_up"] = _rss_mb()
    for text in QUERIES:
        for filters in FILTERS:
            run_search(searcher, SearchRequest(text=text, filters=filters))
    found["queries"] = _rss_mb()
    found["documents"] = searcher.doc_count()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[100_000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(measure_here(options.child)))
        return 0
    from bench.query import LARGEST_WRITTEN, build_index, replicated_index

    for size in options.sizes:
        folder = build_index(size) if size <= LARGEST_WRITTEN else replicated_index(size)
        child = [sys.executable, __file__, "--child", str(folder)]
        output = subprocess.run(child, cwd=REPO, check=True, capture_output=True, text=True)
        found = json.loads(output.stdout.strip().splitlines()[-1])
        millions = found["documents"] / 1e6
        print(f"{found['documents']} documents")
        previous = found["start"]
        for step in STEPS:
            added = found[step] - previous
            print(
                f"  {step:8} RSS {found[step]:7.0f} MB  (+{added:6.0f} MB, "
                f"{added / millions:6.0f} MB per million documents)"
            )
            previous = found[step]
        held = found["queries"] - found["start"]
        print(f"  serving: {held:.0f} MB above the interpreter, {held / millions:.0f} MB/million")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
