"""Query latency at archive scale: p50/p95 of a fixed query mix with all facets.

Indexes of synthesised articles (bench/synth.py: real corpus paragraphs
recombined) are built once into /tmp/pidshyvka-bench/<N> and reused.
Run from the repo root: .venv/bin/python bench/query.py 10000 100000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whoosh import index as whoosh_index

from bench.synth import gather_material, synth_articles
from index.build import WRITER_OPTIONS
from index.reprints import assign_reprint_groups
from index.schema import article_document, build_schema, schema_matches
from search import SearchRequest, open_searcher, run_search
from search.engine import warm_up

BENCH_DIR = Path("/tmp/pidshyvka-bench")
QUERIES = [
    "війна", "президент", "ракетна технологія", "Україна Росія", "газ", "бюджет", "вибори",
    "компанія заявила", '"Європейський союз"', "Брексит", "Мей", "Пакистан", "суд рішення",
    "нафта ціна", "Північний потік", "авіакомпанія", "енерг*", "date:2018", "title:Україна",
    "НЕ війна", "уряд АБО парламент", "Ryanair", "", "speaker:\"Тереза Мей\"", "Зеленський",
]
FILTERS = [{}, {"language": ["uk"]}, {"year": ["2019", "2020"]}]


def build_index(count: int) -> Path:
    folder = BENCH_DIR / str(count)
    if whoosh_index.exists_in(str(folder)):
        if schema_matches(whoosh_index.open_dir(str(folder)).schema):
            return folder
        print(f"{folder} was built with an older schema: building it again")
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    articles = synth_articles(count, material=gather_material())
    assign_reprint_groups(articles)
    ix = whoosh_index.create_in(str(folder), build_schema())
    writer = ix.writer(procs=2, multisegment=True, **WRITER_OPTIONS)
    for n, article in enumerate(articles, 1):
        writer.add_document(**article_document(article))
        if n % 10000 == 0:
            print(f"  {n}/{count} documents, {time.perf_counter() - started:.0f} s", flush=True)
    writer.commit()
    print(f"built {count} documents in {time.perf_counter() - started:.0f} s")
    return folder


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(folder: Path, rounds: int) -> None:
    """The mix with all facets first (it meets the cold caches: the target is on it), then
    without."""
    with open_searcher(folder) as searcher:
        warm_up(searcher)  # what `pidshyvka serve` loads before it accepts connections
        docs = searcher.doc_count()
        for with_facets in (True, False):
            timings = []
            for _ in range(rounds):
                for text in QUERIES:
                    for filters in FILTERS:
                        request = SearchRequest(text=text, filters=filters, with_facets=with_facets)
                        started = time.perf_counter()
                        run_search(searcher, request)
                        timings.append((time.perf_counter() - started) * 1000)
            what = "all facets" if with_facets else "no facets"
            print(f"{docs:>8} docs  queries {len(timings):>4}  "
                  f"p50 {statistics.median(timings):7.1f} ms  "
                  f"p95 {percentile(timings, 0.95):7.1f} ms  max {max(timings):7.1f} ms  "
                  f"({what}, histogram, snippets)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10000])
    parser.add_argument("--rounds", type=int, default=2)
    arguments = parser.parse_args()
    for size in arguments.sizes:
        measure(build_index(size), arguments.rounds)


if __name__ == "__main__":
    main()
