"""Capture times come from what says so, never from a file's time; every capture is citable."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from whoosh import index as whoosh_index

from index.build import rebuild
from index.extract.capture import (
    FROM_FILE_NAME,
    FROM_PAGE,
    KYIV,
    capture_hints,
    capture_time,
    time_in_file_name,
)
from tests.paths import DEMO_ARCHIVE
from web import create_app

EARLIER = "poltavski-obrii.example/zasidannia-rady__2024-05-10.html"
LATER = "poltavski-obrii.example/zasidannia-rady__2024-05-12.html"


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("saved 2024-05-12T09:40:00+03:00", datetime(2024, 5, 12, 6, 40, tzinfo=UTC)),
        (
            " Page saved with SingleFile \n url: https://a.example/x \n"
            " saved date: Tue Mar 04 2025 10:01:02 GMT+0200 (Eastern European Standard Time)",
            datetime(2025, 3, 4, 8, 1, 2, tzinfo=UTC),
        ),
        (
            " Mirrored from a.example/news/1.html by HTTrack Website Copier/3.x"
            " [XR&CO'2014], Tue, 04 Mar 2025 10:01:02 GMT ",
            datetime(2025, 3, 4, 10, 1, 2, tzinfo=UTC),
        ),
        (
            "\n     FILE ARCHIVED ON 12:34:56 Oct 02, 2014 AND RETRIEVED FROM THE\n"
            "     INTERNET ARCHIVE ON 03:04:05 Jan 01, 2020.",
            datetime(2014, 10, 2, 12, 34, 56, tzinfo=UTC),
        ),
        ("saved from url=(0029)https://a.example/news/1", None),
        ("a comment about 2024-05-12", None),
    ],
)
def test_save_tools_notes_give_the_capture_time(comment: str, expected: datetime | None) -> None:
    soup = BeautifulSoup(f"<html><!--{comment}--><body><p>x</p></body></html>", "lxml")
    when, _url = capture_hints(soup)
    assert when == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("poltavski/zasidannia-rady__2024-05-12.html", datetime(2024, 5, 12, tzinfo=KYIV)),
        ("a/page_20241002T101500.html", datetime(2024, 10, 2, 10, 15, tzinfo=KYIV)),
        ("a/2024-10-02_09-30.html", datetime(2024, 10, 2, 9, 30, tzinfo=KYIV)),
        ("epravda/Pravda_2025_10_24.html", datetime(2025, 10, 24, tzinfo=KYIV)),
        ("a/old-2014-01-01__2016-02-03.htm", datetime(2016, 2, 3, tzinfo=KYIV)),
        ("poltava.today/5198712112215352553.html", None),  # an id, not a date
        ("kobzar/news1187.html", None),
        ("a/2024-13-45.html", None),
        ("a/1900-01-01.html", None),
        ("a/2999-01-01.html", None),
        ("crawl-20141002123456.warc.gz#1234", datetime(2014, 10, 2, 12, 34, 56, tzinfo=KYIV)),
    ],
)
def test_a_date_in_the_file_name(path: str, expected: datetime | None) -> None:
    assert time_in_file_name(path, today=datetime(2026, 12, 6).date()) == expected


def test_the_archive_first_then_the_page_then_the_file_name() -> None:
    noted = BeautifulSoup("<!-- saved 2024-05-12T09:40:00+03:00 --><p>x</p>", "lxml")
    bare = BeautifulSoup("<p>x</p>", "lxml")
    warc = datetime(2024, 6, 1, tzinfo=UTC)
    assert capture_time(warc, noted, "a/x__2020-01-01.html")[0].at == warc
    from_page, _ = capture_time(None, noted, "a/x__2020-01-01.html")
    assert from_page.source == FROM_PAGE and from_page.at.day == 12
    from_name, _ = capture_time(None, bare, "a/x__2020-01-01.html")
    assert from_name.source == FROM_FILE_NAME and from_name.at.year == 2020
    assert capture_time(None, bare, "a/x.html") == (None, None)


def test_a_files_time_is_not_a_capture_time(tmp_path) -> None:
    archive = tmp_path / "archive"
    page = archive / "a.example" / "story.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html lang="uk"><head><meta charset="utf-8"><title>Ремонт мосту</title></head><body>'
        "<article><h1>Ремонт мосту</h1><p>Міська рада ухвалила рішення про ремонт мосту через"
        " річку до кінця року, повідомили у виконкомі.</p></article></body></html>",
        encoding="utf-8",
    )
    os.utime(page, (1_700_000_000, 1_700_000_000))
    index = tmp_path / "ix"
    rebuild(archive, index, stream=io.StringIO(), interactive=False)
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        [stored] = list(searcher.all_stored_fields())
    assert stored.get("captured_at") is None and stored.get("captured_from") is None


@pytest.fixture()
def demo_capture_page(client):
    hits = client.get("/search.json?q=сесія міськради&reprints=all").get_json()["hits"]
    [hit] = [hit for hit in hits if hit["path"] == LATER]
    return hit, client.get(f"/article/{hit['id']}").get_data(as_text=True)


def test_both_captures_are_listed_with_their_times(demo_capture_page) -> None:
    hit, html = demo_capture_page
    assert hit["captures"] == 2
    assert [c["path"] for c in hit["earlier_captures"]] == [EARLIER]
    assert EARLIER in html and LATER in html
    assert "2024-05-12 09:40 +03:00 (за позначкою в сторінці)" in html
    assert "2024-05-10 18:02 +03:00 (за позначкою в сторінці)" in html


def test_each_capture_opens_as_its_own_stored_copy(client, demo_capture_page) -> None:
    hit, html = demo_capture_page
    earlier_sha = hashlib.sha256((DEMO_ARCHIVE / EARLIER).read_bytes()).hexdigest()
    assert f"/article/{hit['id']}/stored?sha256={earlier_sha}" in html
    earlier = client.get(f"/article/{hit['id']}/stored?sha256={earlier_sha}")
    assert earlier.status_code == 200 and "48 мільйонів" in earlier.get_data(as_text=True)
    newest = client.get(f"/article/{hit['id']}/stored")
    assert "84 мільйони" in newest.get_data(as_text=True)
    assert client.get(f"/article/{hit['id']}/stored?sha256=00ff").status_code == 404


def test_times_are_kyiv_time_in_english_too(demo_index) -> None:
    client = create_app({"TESTING": True, "INDEX_DIR": str(demo_index)}).test_client()
    hits = client.get("/search.json?q=сесія міськради&reprints=all").get_json()["hits"]
    [hit] = [hit for hit in hits if hit["path"] == LATER]
    html = client.get(f"/article/{hit['id']}?lang=en").get_data(as_text=True)
    assert "10 May 2024, 16:20 (Kyiv time)" in html  # published 16:20+03:00, not 13:20 UTC
    assert "2024-05-12 09:40 +03:00 (as noted in the page)" in html
