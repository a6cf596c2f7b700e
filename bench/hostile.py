"""Hostile input at full size: the test suite's hostile archive plus 50 MB pages and a gzip bomb.

Writes the archive under /tmp/pidshyvka-hostile (never into the repo), runs
`pidshyvka rebuild --jobs 2` on it in a separate process, and prints how long it
took, the peak resident memory of the largest process, and what was indexed,
merged and skipped (by reason). The build must finish and every file must be
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
from tests.hostile import good_page, write_hostile_archive  # noqa: E402

WORK = Path("/tmp/pidshyvka-hostile")
MB = 1024 * 1024


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big-mb", type=int, default=50, help="size of the big pages")
    arguments = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    archive, index = WORK / "archive", WORK / "index"
    made = write_hostile_archive(archive, big_page_mb=arguments.big_mb)
    made += write_big_pages(archive / "big", arguments.big_mb)
    files = len(list(walk_archive(archive)))
    size = sum(p.stat().st_size for p in archive.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"{made} hostile files and links written, {files} files to read, {size / MB:.0f} MB")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from web.cli import main; main()", "rebuild", str(archive),
         "--index", str(index), "--jobs", "2"],
        cwd=REPO, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode != 0:
        print(f"rebuild failed ({done.returncode}):\n{done.stderr[-2000:]}")
        return 1
    report = json.loads((index / REPORT_NAME).read_text(encoding="utf-8"))
    accounted = sum(report[key] for key in ("indexed", "list_pages", "captures_merged"))
    accounted += len(report["skipped"])
    print(f"rebuild --jobs 2: {seconds:.1f} s, peak RSS of the largest process {peak:.0f} MB")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
