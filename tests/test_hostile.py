"""Over a thousand hostile files: the rebuild finishes, reports every skip, and the site still serves."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from index.archive import walk_archive
from index.build import REPORT_NAME, rebuild
from tests.hostile import write_hostile_archive
from web import create_app


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("hostile")
    archive = folder / "archive"
    made = write_hostile_archive(archive)
    index = folder / "index"
    summary = rebuild(archive, index, jobs=2, stream=io.StringIO(), interactive=False)
    return archive, index, summary, made


def test_at_least_a_thousand_hostile_files(hostile) -> None:
    _archive, _index, _summary, made = hostile
    assert made >= 1000


def test_every_page_is_indexed_listed_or_skipped_with_a_reason(hostile) -> None:
    archive, index, summary, _made = hostile
    candidates = len(list(walk_archive(archive)))
    accounted = (
        summary.indexed + summary.list_pages + summary.captures_merged + len(summary.skipped)
    )
    assert accounted == candidates
    report = json.loads((index / REPORT_NAME).read_text(encoding="utf-8"))
    assert len(report["skipped"]) == len(summary.skipped)
    assert all(entry["path"] and entry["reason"] for entry in report["skipped"])


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("empty/000.html", "empty file"),
        ("gzip/not-gzip.html.gz", "not valid gzip"),
        ("gzip/bomb.html.gz", "larger than 5 MB uncompressed"),
        ("big/over-the-limit.html", "larger than 5 MB"),
        ("links/fifo.html", "not a regular file"),
        ("links/loop.html", "not a regular file"),
        ("links/dangling.html", "not a regular file"),
        ("markup/only-comment.html", "no title and no text"),
        ("markup/not-html.html", "not HTML"),
    ],
)
def test_reasons_name_the_problem(hostile, path: str, reason: str) -> None:
    reasons = {skip.path: skip.reason for skip in hostile[2].skipped}
    assert reasons[path].startswith(reason)


def test_lying_charsets_come_out_right(hostile) -> None:
    _archive, index, _summary, _made = hostile
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    data = client.get("/search.json?q=Житомир&reprints=all&size=50").get_json()
    paths = {hit["path"] for hit in data["hits"]}
    for name in (
        "cp1251-declared-utf8.html",
        "utf8-declared-cp1251.html",
        "koi8u-undeclared.html",
        "cp1251-undeclared.html",
        "utf16-bom.html",
    ):
        assert f"charsets/{name}" in paths


def test_odd_file_names_are_indexed_with_readable_paths(hostile) -> None:
    _archive, index, _summary, _made = hostile
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    data = client.get("/search.json?q=Неправильна").get_json()
    assert [hit["path"] for hit in data["hits"]] == ["names/bad-\\xff\\xfe-bytes.html"]


@pytest.mark.parametrize(
    "path", ["/", "/?q=ремонт", "/search.csv", "/search.atom", "/?q=*", "/?sort=oldest&page=3"]
)
def test_the_site_serves_a_hostile_index(hostile, path: str) -> None:
    _archive, index, _summary, _made = hostile
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    assert client.get(path).status_code == 200


def test_stored_files_untouched(hostile) -> None:
    archive = hostile[0]
    assert (archive / "gzip" / "not-gzip.html.gz").read_bytes() == b"plain text pretending"
    assert Path(archive / "links" / "loop.html").is_symlink()
