"""Extraction and capture merging measured on the real pages of ../shared/corpus, gated."""

from __future__ import annotations

import json

import pytest

from bench.extraction import CORPUS, evaluate, load_gold
from index.extract import extract_page
from tests.paths import need_shared

# Floors at the targets; rubric_absent: no rubric invented where the page shows none.
FLOORS = {
    "title": 0.98,
    "published_minute": 0.95,
    "published_day": 0.98,
    "source": 1.0,
    "domain": 1.0,
    "language": 1.0,
    "authors": 0.90,
    "rubric": 0.90,
    "rubric_absent": 0.95,
    "body": 0.95,
    "list": 1.0,
    "kind": 1.0,
}


@pytest.fixture(scope="module")
def tally():
    need_shared(CORPUS)
    result, _times, _articles = evaluate(load_gold())
    return result


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_accuracy_at_least_the_floor(tally, field: str) -> None:
    accuracy = tally.hits[field] / tally.totals[field]
    assert accuracy >= FLOORS[field], [e for e in tally.errors if e.startswith(field)]


def test_every_duplicate_group_becomes_one_document() -> None:
    gold = json.loads(
        (need_shared(CORPUS) / "gold" / "duplicates.json").read_text(encoding="utf-8")
    )
    archive = CORPUS / "archive"
    for group in gold["groups"]:
        ids = {extract_page((archive / f).read_bytes(), path=f).id for f in group["files"]}
        assert len(ids) == 1, group["files"]
