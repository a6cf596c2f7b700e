"""Throughput and memory of the Ukrainian analyzer over the shared corpus.

Run from the repository root: ``.venv/bin/python bench/analyzer.py``.

Every page under ../shared/corpus/archive is extracted (title, lead, body),
then, in this one process, the whole analyzer chain runs over all that text
the way the indexer calls it: once with a fresh lemma cache (cold), then
with the cache filled (warm), beside plain Whoosh ``StandardAnalyzer``.
Memory added by the analyzer is the growth of VmRSS from before pymorphy3
is imported to after the cold pass (dictionaries plus cache). Times are CPU
seconds of this process, so other work on a shared machine skews them less.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "corpus" / "archive"
sys.path.insert(0, str(REPO))

from index.archive import walk_archive  # noqa: E402
from index.extract import ExtractionError, extract_page  # noqa: E402

TARGET_TOKENS_PER_SECOND = 150_000
TARGET_MEMORY_MB = 100
REPEATS = 3  # warm and StandardAnalyzer passes: best of this many
INDEX_OPTIONS = {"positions": True, "boosts": True, "mode": "index"}  # as Whoosh's Positions


@dataclass(slots=True, frozen=True)
class Text:
    value: str
    language: str


@dataclass(slots=True, frozen=True)
class Pass:
    name: str
    seconds: float
    positions: int
    terms: int

    @property
    def positions_per_second(self) -> float:
        return self.positions / self.seconds

    @property
    def terms_per_second(self) -> float:
        return self.terms / self.seconds


def corpus_texts(archive: Path) -> list[Text]:
    """Title, lead and body of every page that extracts, in a stable order."""
    texts: list[Text] = []
    for file in walk_archive(archive):
        relative = file.relative_to(archive).as_posix()
        try:
            article = extract_page(file.read_bytes(), path=relative)
        except ExtractionError:
            continue
        for part in (article.title, article.lead, article.body):
            if part:
                texts.append(Text(part, article.language))
    return texts


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def run_pass(name: str, analyzer: Callable, texts: Iterable[Text], with_language: bool) -> Pass:
    """Analyse every text; positions = words seen (stopped ones too), terms = tokens out."""
    positions = terms = 0
    started = time.process_time()
    for text in texts:
        options = {"language": text.language} if with_language else {}
        last = -1
        for token in analyzer(text.value, **INDEX_OPTIONS, **options):
            terms += 1
            last = max(last, token.pos)
        positions += last + 1
    return Pass(name, time.process_time() - started, positions, terms)


def best_of(repeats: int, measure: Callable[[], Pass]) -> Pass:
    return min((measure() for _ in range(repeats)), key=lambda p: p.seconds)


def print_table(passes: list[Pass], baseline: Pass) -> None:
    print(
        f"{'pass':<22}{'CPU s':>9}{'positions':>11}{'terms':>11}"
        f"{'positions/s':>13}{'terms/s':>11}{'time ÷ std':>13}"
    )
    for p in passes:
        ratio = p.seconds / baseline.seconds
        print(
            f"{p.name:<22}{p.seconds:>9.2f}{p.positions:>11,}{p.terms:>11,}"
            f"{p.positions_per_second:>13,.0f}{p.terms_per_second:>11,.0f}{ratio:>12.1f}×"
        )


def dictionary_reader() -> str:
    """Cold speed hangs on it: dictionary look-ups are most of a cold pass."""
    from pymorphy3.dawg import EXTENSION_AVAILABLE

    if EXTENSION_AVAILABLE:
        return "the C DAWG extension"
    return "the pure-Python DAWG reader (dawg_python; the C one comes with `dawg2`)"


def verdict(label: str, ok: bool) -> str:
    return f"{label}: {'met' if ok else 'NOT met'}"


def main() -> int:
    if not ARCHIVE.is_dir():
        print(f"{ARCHIVE} is absent: put ../shared beside this checkout", file=sys.stderr)
        return 2
    from whoosh.analysis import StandardAnalyzer

    started = time.perf_counter()
    texts = corpus_texts(ARCHIVE)
    chars = sum(len(t.value) for t in texts)
    print(
        f"extracted {len(texts):,} texts, {chars:,} characters "
        f"in {time.perf_counter() - started:.1f} s"
    )

    if "pymorphy3" in sys.modules:
        print("note: extraction imported pymorphy3: the memory figure leaves its import out")
    gc.collect()
    rss_before = rss_mb()
    from index.analysis import clear_caches, ukrainian_analyzer
    from index.analysis.lemmas import morphology

    loading = time.perf_counter()
    morphology("uk"), morphology("ru")
    print(f"pymorphy3 dictionaries (uk, ru) loaded in {time.perf_counter() - loading:.2f} s")
    print(f"pymorphy3 reads them with {dictionary_reader()}")

    ours = ukrainian_analyzer()
    clear_caches()  # the lemma cache (lemmas.lemmas.cache_clear()) and the per-word caches
    cold = run_pass("ours, cold cache", ours, texts, with_language=True)
    gc.collect()
    added_mb = rss_mb() - rss_before
    warm = best_of(REPEATS, lambda: run_pass("ours, warm cache", ours, texts, True))
    standard = StandardAnalyzer()
    baseline = best_of(REPEATS, lambda: run_pass("StandardAnalyzer", standard, texts, False))

    print()
    print_table([cold, warm, baseline], baseline)
    print()
    print(f"memory added by the analyzer (dictionaries + cache): {added_mb:.1f} MB")
    for measured in (cold, warm):
        rate_ok = measured.positions_per_second >= TARGET_TOKENS_PER_SECOND
        print(verdict(f"≥{TARGET_TOKENS_PER_SECOND:,} tokens/s, {measured.name}", rate_ok))
    print(verdict(f"≤{TARGET_MEMORY_MB} MB added", added_mb <= TARGET_MEMORY_MB))
    return 0


if __name__ == "__main__":
    sys.exit(main())
