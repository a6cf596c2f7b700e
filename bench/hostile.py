"""Hostile input at full size: the hostile test archive, 50 MB pages, a gzip bomb, heavy pages.

Writes the archive under /tmp/pidshyvka-hostile (never into the repo), runs
`pidshyvka rebuild --jobs 2` on it in a separate process, and prints how long it
took, the peak resident memory of the largest process, and what was indexed,
merged and skipped (by reason). First the demo archive is rebuilt alone and
then with the heavy pages (200k unclosed <p><span>, 100k nested <div>, 200k
links, codec charsets): that must take at most twice the demo plus the page
time budget of each page skipped for time. The build must finish and every file must be
accounted for; the script exits non-zero otherwise.
Run from the repo root: .venv/bin/python bench/hostile.py [--big-mb 50]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from index.archive import walk_archive  # noqa: E402  (after the path is set)
from index.build import REPORT_NAME  # noqa: E402
from index.workers import DEFAULT_BUDGET  # noqa: E402
from tests.hostile import good_page, write_heavy_pages, write_hostile_archive  # noqa: E402

WORK = Path("/tmp/pidshyvka-hostile")
MB = 1024 * 1024
PAGE_TIMEOUT = DEFAULT_BUDGET.seconds or 0.0


def write_big_pages(folder: Path, megabytes: int) -> int:
    """A real-looking article of ``megabytes``, the same gzipped, and a gzip bomb."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraph = "<p>Депутати наголосили, що роботи почнуться навесні й триватимуть рік.</p>\n"
    head, tail = good_page("Дуже довга сторінка").split("</article>")
    body = paragraph * (megabytes * MB // len(paragraph.encode()))
    article = (head + body + "</article>" + tail).encode()
    (folder / "long-article.html").write_bytes(article)
    (folder / "long-article.html.gz").write_bytes(gzip.compress(article, compresslevel=1))
    with gzip.open(folder / "bomb.html.gz", "wb", compresslevel=9) as bomb:
        zeros = b"\0" * MB
        for _ in range(megabytes * 4):
            bomb.write(zeros)
    return 3


def run_rebuild(archive: Path, index: Path) -> tuple[float, dict]:
    """`pidshyvka rebuild --jobs 2` in its own process: its seconds and its report."""
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from web.cli import main; main()",
            "rebuild",
            str(archive),
            "--index",
            str(index),
            "--jobs",
            "2",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"rebuild of {archive} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, json.loads((index / REPORT_NAME).read_text(encoding="utf-8"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def copy_demo(folder: Path) -> None:
    shutil.copytree(REPO / "examples" / "archive", folder)


def heavy_with_demo() -> bool:
    """The demo alone, then the demo with the heavy pages: within 2× plus the budgets?"""
    demo, heavy = WORK / "demo", WORK / "demo-heavy"
    copy_demo(demo / "archive")
    copy_demo(heavy / "archive" / "demo")
    written = write_heavy_pages(heavy / "archive" / "hostile")
    demo_seconds, _report = run_rebuild(demo / "archive", demo / "index")
    seconds, report = run_rebuild(heavy / "archive", heavy / "index")
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}
    over_time = sum(1 for reason in skipped.values() if reason.startswith("took longer"))
    bound = 2 * demo_seconds + over_time * PAGE_TIMEOUT
    print(
        f"demo alone: {demo_seconds:.1f} s; demo + {len(written)} heavy pages: {seconds:.1f} s "
        f"(bound 2 × demo + {over_time} × {PAGE_TIMEOUT:g} s = {bound:.1f} s), "
        f"peak RSS so far {peak_mb():.0f} MB"
    )
    for name, what in written.items():
        print(f"  {what:<40} {skipped.get('hostile/' + name, 'read')}")
    slowest = ", ".join(f"{p['seconds']:.1f} s {p['path']}" for p in report["slowest_pages"][:3])
    print(f"  slowest: {slowest}")
    return seconds <= bound


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=int, default=50, help="size of the big pages")
    arguments = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    within = heavy_with_demo()
    archive, index = WORK / "archive", WORK / "index"
    made = write_hostile_archive(archive, big_page_mb=arguments.big_mb)
    made += write_big_pages(archive / "big", arguments.big_mb)
    made += len(write_heavy_pages(archive / "heavy"))
    files = len(list(walk_archive(archive)))
    size = sum(p.stat().st_size for p in archive.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"{made} hostile files and links written, {files} files to read, {size / MB:.0f} MB")
    seconds, report = run_rebuild(archive, index)
    accounted = sum(report[key] for key in ("indexed", "list_pages", "captures_merged"))
    accounted += len(report["skipped"])
    print(f"rebuild --jobs 2: {seconds:.1f} s, peak RSS of the largest process {peak_mb():.0f} MB")
    print(
        f"indexed {report['indexed']}, list pages {report['list_pages']}, "
        f"captures merged {report['captures_merged']}, skipped {len(report['skipped'])}"
    )
    for reason, count in sorted(report["skipped_by_reason"].items(), key=lambda kv: -kv[1]):
        print(f"  {count:5} × {reason}")
    if accounted != files:
        print(f"NOT ACCOUNTED FOR: {files - accounted} of {files} files")
        return 1
    print(f"every one of the {files} files is accounted for")
    if not within:
        print("the demo with the heavy pages took longer than 2 × the demo plus the budgets")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
