"""Lemma search finds every inflected form of 20 Ukrainian lemmas in the shared corpus.

The ground truth is a hand-written regex per lemma (bench/recall.py); both
indexes are built once for the module from ../shared/corpus/archive.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from bench.recall import LEMMAS, Row, build_indexes, documents, extract_articles, measure
from tests.paths import CORPUS, need_shared

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Row]:
    archive = need_shared(CORPUS / "archive")
    articles = extract_articles(archive)
    folder: Path = tmp_path_factory.mktemp("recall")
    ours_dir, baseline_dir = build_indexes(articles, folder)
    with (
        whoosh_index.open_dir(str(ours_dir)).searcher() as ours,
        whoosh_index.open_dir(str(baseline_dir)).searcher() as baseline,
    ):
        measured = measure(documents(articles), ours, baseline)
    return {row.lemma.word: row for row in measured}


@pytest.mark.parametrize("lemma", [lemma.word for lemma in LEMMAS])
def test_every_document_with_a_form_of_the_lemma_is_found(rows: dict[str, Row], lemma: str) -> None:
    row = rows[lemma]
    assert row.truth, f"the regex for {lemma} matches no Ukrainian document"
    assert row.our_recall == 1.0, f"{lemma}: missed {sorted(row.missed)}"


def test_lemmas_beat_plain_whoosh(rows: dict[str, Row]) -> None:
    truth = sum(len(row.truth) for row in rows.values())
    ours = sum(len(row.ours & row.truth) for row in rows.values())
    baseline = sum(len(row.baseline & row.truth) for row in rows.values())
    assert ours / truth > 2 * baseline / truth
