"""Query latency at archive scale: p50/p95 of a fixed query mix with all facets.

Indexes of synthesised articles (bench/synth.py: real corpus paragraphs
recombined) are built once into /tmp/pidshyvka-bench/<N> and reused.
Run from the repo root: .venv/bin/python bench/query.py 10000 100000

Sizes above 100,000 are copies of the 100,000 index (its segment files
hard-linked under new segment names, --copies of them): writing a million
articles takes two hours on the 2-core box, copying takes a second. Postings,
columns and facet counts grow as in a real archive of that size; the
vocabulary and the stored texts stay those of 100,000 articles.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from copy import copy as shallow_copy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC
from whoosh.reading import SegmentReader

from bench.synth import gather_material, synth_articles
from index.build import WRITER_OPTIONS
from index.reprints import assign_reprint_groups
from index.schema import article_document, build_schema, schema_matches
from index.writer import open_writer
from search import SearchRequest, open_searcher, run_search
from search.engine import warm_up

BENCH_DIR = Path("/tmp/pidshyvka-bench")
LARGEST_WRITTEN = 100_000
GROUP_COLUMN_FILE = ".reprint_group.col"
QUERIES = [
    "війна",
    "президент",
    "ракетна технологія",
    "Україна Росія",
    "газ",
    "бюджет",
    "вибори",
    "компанія заявила",
    '"Європейський союз"',
    "Брексит",
    "Мей",
    "Пакистан",
    "суд рішення",
    "нафта ціна",
    "Північний потік",
    "авіакомпанія",
    "енерг*",
    "date:2018",
    "title:Україна",
    "НЕ війна",
    "уряд АБО парламент",
    "Ryanair",
    "",
    'speaker:"Тереза Мей"',
    "Зеленський",
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
    writer = open_writer(ix, 2, **WRITER_OPTIONS)
    for n, article in enumerate(articles, 1):
        writer.add_document(**article_document(article))
        if n % 10000 == 0:
            print(f"  {n}/{count} documents, {time.perf_counter() - started:.0f} s", flush=True)
    writer.commit()
    print(f"built {count} documents in {time.perf_counter() - started:.0f} s")
    return folder


def replicated_index(count: int) -> Path:
    """An index of `count` documents made of hard-linked copies of the 100k one."""
    if count % LARGEST_WRITTEN:
        raise SystemExit(f"sizes above {LARGEST_WRITTEN} must be multiples of it, not {count}")
    source = build_index(LARGEST_WRITTEN)
    folder = BENCH_DIR / str(count)
    folder_ok = whoosh_index.exists_in(str(folder))
    if folder_ok and schema_matches(whoosh_index.open_dir(str(folder)).schema):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    toc = TOC.read(FileStorage(str(source)), "MAIN")
    segments = []
    storage = FileStorage(str(folder))
    for number in range(count // LARGEST_WRITTEN):
        for segment in toc.segments:
            copy = _linked_segment(segment, source, folder)
            _own_reprint_groups(toc.schema, source, segment, storage, copy, number)
            segments.append(copy)
    TOC(toc.schema, segments, 1).write(FileStorage(str(folder)), "MAIN")
    print(f"{folder}: {len(segments)} segments linked from {source}")
    return folder


def _linked_segment(segment, source: Path, folder: Path):
    """The same segment under a fresh name, its files hard-linked into `folder`."""
    old_prefix = segment.make_filename("")
    copy = shallow_copy(segment)
    copy.segid = segment._random_id()
    new_prefix = copy.make_filename("")
    for path in source.glob(old_prefix + "*"):
        if not path.name.endswith(GROUP_COLUMN_FILE):
            (folder / (new_prefix + path.name[len(old_prefix) :])).hardlink_to(path)
    return copy


def _own_reprint_groups(schema, source: Path, segment, storage, copy, number: int) -> None:
    """Each copy's articles form reprint groups of their own, as distinct stories would.

    Shared groups would make every story a reprint ten times over and fold away
    nine hits in ten, which no real archive does.
    """
    field = schema["reprint_group"]
    column = field.column_type
    reader = SegmentReader(FileStorage(str(source)), schema, segment)
    values = reader.column_reader("reprint_group")
    out = storage.create_file(copy.make_filename(GROUP_COLUMN_FILE))
    writer = column.writer(out)
    for docnum in range(segment.doc_count_all()):
        writer.add(docnum, field.to_column_value(f"{values[docnum]}~{number}"))
    writer.finish(segment.doc_count_all())
    out.close()
    reader.close()


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(folder: Path, rounds: int) -> None:
    """The mix with all facets first (it meets the cold caches: the target is on it), then
    without. Each request runs with the words' other-language and other-script equivalents
    and without them, the order alternating, so both meet cold caches alike."""
    with open_searcher(folder) as searcher:
        warm_up(searcher)  # what `pidshyvka serve` loads before it accepts connections
        docs = searcher.doc_count()
        for with_facets in (True, False):
            timings: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(rounds):
                for n, (text, filters) in enumerate(
                    (text, filters) for text in QUERIES for filters in FILTERS
                ):
                    for expand in (True, False) if n % 2 else (False, True):
                        request = SearchRequest(
                            text=text, filters=filters, with_facets=with_facets, expand=expand
                        )
                        started = time.perf_counter()
                        run_search(searcher, request)
                        timings[expand].append((time.perf_counter() - started) * 1000)
            what = "all facets" if with_facets else "no facets"
            for expand in (False, True):
                samples = timings[expand]
                print(
                    f"{docs:>8} docs  queries {len(samples):>4}  "
                    f"p50 {statistics.median(samples):7.1f} ms  "
                    f"p95 {percentile(samples, 0.95):7.1f} ms  max {max(samples):7.1f} ms  "
                    f"({what}, histogram, snippets, "
                    f"{'with equivalents' if expand else 'as typed'})"
                )
            ratio = percentile(timings[True], 0.95) / percentile(timings[False], 0.95)
            print(f"{'':>8}       p95 with equivalents / as typed: {ratio:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10000])
    parser.add_argument("--rounds", type=int, default=2)
    arguments = parser.parse_args()
    for size in arguments.sizes:
        folder = build_index(size) if size <= LARGEST_WRITTEN else replicated_index(size)
        measure(folder, arguments.rounds)


if __name__ == "__main__":
    main()
