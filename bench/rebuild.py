"""Rebuild at scale: pages/s end to end, CPU per stage, peak memory, index size, and a baseline.

For each size N: synthesise N pages (bench/synth.py) outside the repo, then
1. time `pidshyvka rebuild --jobs 2` end to end in a child process (pages/s, peak RSS);
2. in this process, time each stage on the same pages: read+decode+parse, extract,
   quotes, analyse (our analyzer over the indexed text), write (Whoosh add+commit);
3. build a plain Whoosh index (its own codec) with StandardAnalyzer from the same
   extracted text (the baseline), so the ratio shows what our analysis costs.
With --end-to-end-only, steps 2 and 3 are left out (at 100k they take 40 minutes);
the text is then measured from the article store the rebuild wrote. Peak RSS is
sampled for every process of the rebuild (bench/rss.py), the largest first.
Run from the repo root: .venv/bin/python bench/rebuild.py 1000 10000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.analysis import StandardAnalyzer  # noqa: E402
from whoosh.fields import ID, TEXT, Schema  # noqa: E402

from bench.rss import ProcessPeak, run_sampled  # noqa: E402
from bench.synth import gather_material, synth_articles, write_pages  # noqa: E402
from index.analysis import LanguageText, ukrainian_analyzer  # noqa: E402
from index.archive import file_pages, read_page_bytes, walk_archive  # noqa: E402
from index.article_store import STORE_NAME, read_store  # noqa: E402
from index.build import WRITER_OPTIONS  # noqa: E402
from index.extract import _build  # noqa: E402
from index.extract.decode import decode_page  # noqa: E402
from index.extract.page import Page  # noqa: E402
from index.quotes import attach_quotes  # noqa: E402
from index.schema import article_document, build_schema  # noqa: E402
from index.writer import open_writer  # noqa: E402

WORK = Path("/tmp/pidshyvka-rebuild-bench")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def end_to_end(archive: Path, index: Path) -> tuple[float, list[ProcessPeak]]:
    """Seconds, and each process's peak RSS, of `pidshyvka rebuild --jobs 2`."""
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
    return run_sampled(command, REPO)


def peaks_line(peaks: list[ProcessPeak]) -> str:
    shown = ", ".join(f"{p.role} {p.peak_mb:.0f}" for p in peaks[:8])
    more = f" (+{len(peaks) - 8} more)" if len(peaks) > 8 else ""
    return f"peak RSS by process, MB: {shown}{more}"


def staged(archive: Path, folder: Path) -> tuple[dict[str, float], list, int]:
    """CPU seconds per stage over all pages, in one process; the articles; the text bytes."""
    stages = dict.fromkeys(("parse", "extract", "quotes", "analyse", "write"), 0.0)
    articles = []
    analyzer = ukrainian_analyzer()
    for file in walk_archive(archive):
        for page in file_pages(archive, file):
            started = time.process_time()
            data = read_page_bytes(page)
            parsed = Page.parse(
                decode_page(data).text, path=page.path, captured_at=page.captured_at
            )
            stages["parse"] += time.process_time() - started
            started = time.process_time()
            article = _build(parsed, data)
            stages["extract"] += time.process_time() - started
            started = time.process_time()
            attach_quotes(article)
            stages["quotes"] += time.process_time() - started
            articles.append(article)
    text_bytes = text_bytes_of(articles)
    for article in articles:
        text = f"{article.title}\n{article.lead}\n{article.body}\n" + "\n".join(
            q.text for q in article.quotes
        )
        started = time.process_time()
        for _token in analyzer(LanguageText(text, article.language)):
            pass
        stages["analyse"] += time.process_time() - started
    folder.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(folder), build_schema())
    started = time.process_time()
    writer = open_writer(ix, **WRITER_OPTIONS)
    for article in articles:
        writer.add_document(**article_document(article))
    writer.commit()
    stages["write"] = time.process_time() - started - stages["analyse"]  # add_document analyses too
    return stages, articles, text_bytes


def baseline(articles: list, folder: Path) -> tuple[float, int]:
    schema = Schema(
        id=ID(stored=True),
        title=TEXT(analyzer=StandardAnalyzer(), stored=True),
        body=TEXT(analyzer=StandardAnalyzer(), stored=True),
    )
    folder.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(folder), schema)
    started = time.process_time()
    writer = ix.writer(limitmb=WRITER_OPTIONS["limitmb"], compound=False)
    for article in articles:
        writer.add_document(
            id=article.id, title=article.title, body=f"{article.lead}\n{article.body}"
        )
    writer.commit()
    return time.process_time() - started, folder_size(folder)


def text_bytes_of(articles) -> int:
    """The extracted text the index ratio is measured against: title, lead, body, quotes."""
    total = 0
    for article in articles:
        text = f"{article.title}\n{article.lead}\n{article.body}\n" + "\n".join(
            q.text for q in article.quotes
        )
        total += len(text.encode("utf-8"))
    return total


def synthesised_archive(size: int, material) -> Path:
    """The N-page archive, written once (seeded, so the same pages every time)."""
    archive = WORK / str(size) / "archive"
    complete = archive / ".complete"
    if not complete.exists():
        shutil.rmtree(archive, ignore_errors=True)
        write_pages(synth_articles(size, material=material), archive)
        complete.touch()
    return archive


def run(size: int, material, end_to_end_only: bool) -> None:
    root = WORK / str(size)
    archive = synthesised_archive(size, material)
    for leftover in ("index", "index.versions", "staged", "baseline"):
        target = root / leftover
        if target.is_symlink():
            target.unlink()
        shutil.rmtree(target, ignore_errors=True)
    seconds, peaks = end_to_end(archive, root / "index")
    version = (root / "index").resolve()
    index_size = folder_size(version)
    store_size = folder_size(version / STORE_NAME)
    print(f"\n{size} pages ({folder_size(archive) / 1e6:.0f} MB of HTML)")
    print(
        f"  end to end, --jobs 2: {seconds:.1f} s = {size / seconds:.0f} pages/s; "
        f"peak RSS {peaks[0].peak_mb:.0f} MB (largest process)"
    )
    print(f"  {peaks_line(peaks)}")
    if end_to_end_only:
        text_bytes = text_bytes_of(s.article for s in read_store(version / STORE_NAME))
        print_sizes(index_size, store_size, text_bytes, None)
        return
    stages, articles, text_bytes = staged(archive, root / "staged")
    base_seconds, base_size = baseline(articles, root / "baseline")
    ours_index_seconds = stages["analyse"] + stages["write"]
    print(
        "  CPU per stage (one process): "
        + ", ".join(
            f"{name} {value:.1f} s ({1000 * value / size:.2f} ms/page)"
            for name, value in stages.items()
        )
    )
    print_sizes(index_size, store_size, text_bytes, base_size)
    print(
        f"  analyse+write {ours_index_seconds:.1f} s vs baseline write {base_seconds:.1f} s "
        f"= {ours_index_seconds / base_seconds:.1f}× (what Ukrainian analysis costs)"
    )


def print_sizes(index_size: int, store_size: int, text_bytes: int, base_size: int | None) -> None:
    whoosh_size = index_size - store_size
    baseline_note = (
        f"  (baseline StandardAnalyzer index {base_size / 1e6:.1f} MB = "
        f"{base_size / text_bytes:.2f}×)"
        if base_size
        else ""
    )
    print(
        f"  index {index_size / 1e6:.1f} MB for {text_bytes / 1e6:.1f} MB of extracted text "
        f"= {index_size / text_bytes:.2f}×; article store {store_size / 1e6:.1f} MB; without it "
        f"{whoosh_size / 1e6:.1f} MB = {whoosh_size / text_bytes:.2f}×{baseline_note}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--end-to-end-only", action="store_true")
    arguments = parser.parse_args()
    material = gather_material()
    print(f"machine: {os.cpu_count()} cores")
    for size in arguments.sizes:
        run(size, material, arguments.end_to_end_only)


if __name__ == "__main__":
    main()
