"""Every page of the bundled demo archive extracts to its hand-checked expectation."""

from __future__ import annotations

import gzip
import json

import pytest

from index.extract import extract_page
from tests.paths import DEMO_ARCHIVE

EXPECTED = [
    json.loads(line)
    for line in (DEMO_ARCHIVE.parent / "archive_expected.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def stored_bytes(relative: str) -> bytes:
    data = (DEMO_ARCHIVE / relative).read_bytes()
    return gzip.decompress(data) if relative.endswith(".gz") else data


@pytest.mark.parametrize("expected", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_demo_page_extracts_as_expected(expected: dict) -> None:
    article = extract_page(stored_bytes(expected["file"]), path=expected["file"])
    assert article.kind == expected["kind"]
    if expected["kind"] == "list":
        return
    published = article.published.isoformat() if article.published else ""
    assert published.startswith(expected["published"])
    assert article.title == expected["title"]
    assert (article.source, article.domain, article.rubric) == (
        expected["source"],
        expected["domain"],
        expected["rubric"],
    )
    assert article.authors == expected["authors"]
    assert article.language == expected["language"]
    body = " ".join(article.body.split())
    assert expected["body_first"] in body
    assert expected["body_last"] in body
    for boilerplate in expected["not_in_body"]:
        assert boilerplate not in body


def test_demo_archive_has_what_the_issue_asks_for() -> None:
    articles = [e for e in EXPECTED if e["kind"] == "article"]
    assert sum(e["language"] == "uk" for e in articles) >= 40
    assert sum(e["language"] == "ru" for e in articles) >= 5
    assert len({e["source"] for e in articles}) >= 4
    assert any(e["kind"] == "list" for e in EXPECTED)
    urls = [e["url"] for e in articles]
    assert len(urls) - len(set(urls)) >= 1  # two captures of one URL
