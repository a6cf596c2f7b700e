"""Rebuild: report, summary, atomic swap, clear failures, captures merged, WARC input."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index import build
from index.build import REPORT_NAME, RebuildError, rebuild
from index.store import IndexLocationError, build_lock, lock_path
from index.writer import PooledSegmentWriter

ARTICLE = """<html lang="uk"><head><meta charset="utf-8">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Тестові вісті">
<meta property="og:url" content="https://test.example/{slug}">
<meta property="article:published_time" content="{date}"></head>
<body><article><h1>{title}</h1>
<p>{title}: депутати міської ради обговорили ремонт доріг і шкіл у місті.</p>
<p>Голова комісії пояснив, що кошти на ремонт знайдуть у резервному фонді.</p></article></body></html>"""


def write_article(
    folder: Path,
    name: str,
    title: str,
    slug: str,
    date: str = "2024-05-10T10:00:00+03:00",
    saved: str | None = None,
) -> Path:
    html = ARTICLE.format(title=title, slug=slug, date=date)
    if saved:
        html = f"<!-- saved {saved} -->\n{html}"
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_article(root, "a/one.html", "Ремонт доріг", "one")
    write_article(root, "a/two.htm", "Нові школи", "two")
    gz = root / "b" / "three.html.gz"
    gz.parent.mkdir(parents=True)
    gz.write_bytes(
        gzip.compress(
            ARTICLE.format(title="Зелені парки", slug="three", date="2025-01-02").encode()
        )
    )
    write_article(root, "c/cap1.html", "Стара версія", "same", saved="2024-05-10T10:00:00+03:00")
    write_article(root, "c/cap2.html", "Нова версія", "same", saved="2024-05-12T10:00:00+03:00")
    (root / "c" / "empty.html").write_bytes(b"")
    (root / "c" / "fake.html.gz").write_bytes(b"this is not gzip")
    (root / "notes.txt").write_text("ignored")
    return root


def run(archive: Path, index: Path, **kwargs) -> build.RebuildSummary:
    return rebuild(archive, index, stream=io.StringIO(), interactive=False, **kwargs)


def test_rebuild_summary_and_report(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    summary = run(archive, index)
    assert summary.indexed == 4
    assert summary.captures_merged == 1
    reasons = {skip.path: skip.reason for skip in summary.skipped}
    assert reasons["c/empty.html"] == "empty file"
    assert reasons["c/fake.html.gz"].startswith("not valid gzip")
    report = json.loads((index / REPORT_NAME).read_text(encoding="utf-8"))
    assert {entry["path"] for entry in report["skipped"]} == {"c/empty.html", "c/fake.html.gz"}
    assert report["indexed"] == 4
    assert any("merged: 1" in line for line in summary.lines())


def test_rebuild_reports_progress_of_every_stage(archive: Path, tmp_path: Path) -> None:
    stream = io.StringIO()
    summary = rebuild(archive, tmp_path / "ix", stream=stream, interactive=False)
    lines = stream.getvalue().splitlines()
    assert any(line.startswith("reading: 7/7 pages (100%)") for line in lines)
    assert "merging repeated captures and grouping reprints" in lines
    assert any(line.startswith("writing: 4/4 documents (100%)") for line in lines)
    assert lines[-1] == "index written"
    assert set(summary.stages) == {"extract", "captures and reprints", "write"}
    report = json.loads((tmp_path / "ix" / REPORT_NAME).read_text(encoding="utf-8"))
    assert set(report["stage_seconds"]) == set(summary.stages)


def test_newest_capture_wins_and_counts_captures(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    run(archive, index)
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        docs = [
            d
            for d in searcher.all_stored_fields()
            if d["canonical_url"] == "https://test.example/same"
        ]
    assert len(docs) == 1
    assert docs[0]["title"] == "Нова версія" and docs[0]["captures"] == 2


def test_parallel_rebuild_gives_the_same_documents(archive: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    run(archive, one, jobs=1)
    run(archive, two, jobs=2)

    def ids(path: Path) -> set[str]:
        with whoosh_index.open_dir(str(path)).searcher() as searcher:
            return {d["id"] for d in searcher.all_stored_fields()}

    assert ids(one) == ids(two)


def test_missing_archive_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RebuildError, match="archive folder not found"):
        run(tmp_path / "nope", tmp_path / "ix")


def test_empty_archive_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(RebuildError, match=r"no \.html"):
        run(tmp_path / "empty", tmp_path / "ix")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root can write anywhere, so a read-only folder proves nothing"
)
def test_unwritable_index_directory_is_a_clear_error(archive: Path, tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(IndexLocationError):
            run(archive, locked / "ix")
    finally:
        locked.chmod(0o700)


def test_index_path_under_a_file_is_a_clear_error(archive: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(IndexLocationError, match="cannot"):
        run(archive, blocker / "ix")


def test_failed_rebuild_leaves_previous_index_serving(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "ix"
    run(archive, index)
    before = index.resolve()

    def explode(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build, "merge_captures", explode)
    with pytest.raises(RuntimeError):
        run(archive, index)
    assert index.resolve() == before
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        assert searcher.doc_count() == 4
    assert not lock_path(index).exists()
    leftovers = [p for p in before.parent.iterdir() if p != before]
    assert leftovers == []


def test_a_writer_process_failing_is_a_clear_error_and_swaps_nothing(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "ix"
    run(archive, index)
    before = index.resolve()

    def broken(self: PooledSegmentWriter) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(PooledSegmentWriter, "_flush_segment", broken)  # in forked ones too
    with pytest.raises(
        RebuildError, match="writing the index failed: writer processes failed: 1 of 1"
    ):
        run(archive, index, jobs=2)
    assert index.resolve() == before
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        assert searcher.doc_count() == 4


def test_swap_replaces_the_index_and_keeps_one_previous(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    run(archive, index)
    first = index.resolve()
    write_article(archive, "d/new.html", "Свіжа новина", "fresh")
    run(archive, index)
    assert index.resolve() != first
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        assert searcher.doc_count() == 5


def test_stale_lock_is_cleared_live_lock_refuses(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    lock_path(index).write_text("999999999")  # no such process
    with build_lock(index):
        assert lock_path(index).read_text().split()[0] == str(os.getpid())
    lock_path(index).write_text(f"{os.getpid()} 1")  # our pid, but a different start: pid reused
    with build_lock(index):
        pass
    lock_path(index).write_text(str(os.getppid()))  # a live process
    with pytest.raises(IndexLocationError, match="another rebuild"), build_lock(index):
        pass


def test_warc_response_records_are_pages(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    root = tmp_path / "archive"
    root.mkdir()
    with (root / "crawl.warc.gz").open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for slug, title in (("w1", "Повінь у місті"), ("w2", "Нова бібліотека")):
            body = ARTICLE.format(title=title, slug=slug, date="2024-03-01T08:00:00+02:00").encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://test.example/{slug}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-02T10:00:00Z"},
            )
            writer.write_record(record)
        image = writer.create_warc_record(
            "https://test.example/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG"),
            length=4,
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(image)
    summary = run(root, tmp_path / "ix")
    assert summary.indexed == 2
    with whoosh_index.open_dir(str(tmp_path / "ix")).searcher() as searcher:
        stored = sorted(searcher.all_stored_fields(), key=lambda d: d["url"])
    assert [d["url"] for d in stored] == ["https://test.example/w1", "https://test.example/w2"]
    assert stored[0]["captured_at"].startswith("2024-03-02T10:00:00")
    assert stored[0]["path"].startswith("crawl.warc.gz#")


def test_stored_html_is_never_modified(archive: Path, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()}
    run(archive, tmp_path / "ix")
    assert {p: p.read_bytes() for p in archive.rglob("*") if p.is_file()} == before
