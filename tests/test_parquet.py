"""`pidshyvka export --parquet`: the demo index as tables, read back with pyarrow and DuckDB."""

from __future__ import annotations

from collections import Counter
from datetime import UTC
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import search.parquet
from search import open_searcher
from search.parquet import export_parquet
from web.cli import cli

TABLES = ("articles", "quotes", "reprints")


@pytest.fixture(scope="module")
def exported(demo_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    result = CliRunner().invoke(
        cli, ["export", "--index", str(demo_index), "--parquet", str(folder)]
    )
    assert result.exit_code == 0, result.output
    assert "exported" in result.output
    return folder


@pytest.fixture(scope="module")
def stored(demo_index: Path) -> list:
    from index.schema import article_from_stored

    with open_searcher(demo_index) as searcher:
        return [article_from_stored(s) for s in searcher.reader().all_stored_fields()]


def test_every_article_is_a_row_with_its_fields(exported: Path, stored: list) -> None:
    table = pq.read_table(exported / "articles.parquet")
    assert table.num_rows == len(stored) > 40
    rows = {row["id"]: row for row in table.to_pylist()}
    for article in stored:
        row = rows[article.id]
        assert row["title"] == article.title and row["source"] == article.source
        assert row["rubrics"] == article.rubrics and row["speakers"] == article.speakers
        assert row["quote_count"] == len(article.quotes)
        if article.published:
            assert row["published"] == article.published  # the same moment, in UTC
    assert pq.read_metadata(exported / "articles.parquet").metadata[b"pidshyvka.format"] == b"1"


def test_quotes_carry_speaker_outlet_and_date(exported: Path, stored: list) -> None:
    quotes = pq.read_table(exported / "quotes.parquet").to_pylist()
    assert len(quotes) == sum(len(a.quotes) for a in stored) > 20
    by_id = {a.id: a for a in stored}
    for row in quotes:
        article = by_id[row["article_id"]]
        quote = article.quotes[row["position"]]
        assert (row["text"], row["speaker"]) == (quote.text, quote.speaker)
        assert row["source"] == article.source


def test_reprint_groups_have_one_first_and_their_size(exported: Path) -> None:
    rows = pq.read_table(exported / "reprints.parquet").to_pylist()
    assert rows  # the demo archive has reprints
    members = Counter(row["reprint_group"] for row in rows)
    firsts = Counter(row["reprint_group"] for row in rows if row["is_first"])
    assert set(firsts) == set(members) and set(firsts.values()) == {1}
    assert all(row["group_size"] == members[row["reprint_group"]] >= 2 for row in rows)


def test_duckdb_answers_the_readme_question(exported: Path, stored: list) -> None:
    """Quotes of a speaker per outlet per month, as the README shows it."""
    speaker = Counter(q.speaker for a in stored for q in a.quotes if q.speaker).most_common(1)[0][0]
    query = f"""
        SELECT source, strftime(published, '%Y-%m') AS month, count(*) AS quotes
        FROM '{exported / "quotes.parquet"}'
        WHERE speaker = ?
        GROUP BY source, month ORDER BY month, source
    """
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")  # months of UTC, as counted below
    found = connection.execute(query, [speaker]).fetchall()
    expected = Counter(
        (a.source, a.published.astimezone(UTC).strftime("%Y-%m") if a.published else None)
        for a in stored
        for q in a.quotes
        if q.speaker == speaker
    )
    assert {(source, month): n for source, month, n in found} == dict(expected)


def test_rows_are_written_a_row_group_at_a_time(
    demo_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search.parquet, "ROW_GROUP", 7)
    with open_searcher(demo_index) as searcher:
        written = export_parquet(searcher, tmp_path)
    groups = pq.ParquetFile(tmp_path / "articles.parquet").num_row_groups
    assert groups == -(-written["articles"] // 7) > 1


def test_a_failed_export_leaves_the_previous_one(
    demo_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_searcher(demo_index) as searcher:
        export_parquet(searcher, tmp_path)
    before = {name: (tmp_path / f"{name}.parquet").read_bytes() for name in TABLES}
    calls = []

    def failing(stored):
        calls.append(stored)
        if len(calls) > 3:
            raise OSError("disk full")
        return original(stored)

    original = search.parquet.article_from_stored
    monkeypatch.setattr(search.parquet, "article_from_stored", failing)
    with open_searcher(demo_index) as searcher, pytest.raises(OSError, match="disk full"):
        export_parquet(searcher, tmp_path)
    assert {name: (tmp_path / f"{name}.parquet").read_bytes() for name in TABLES} == before
    assert not list(tmp_path.glob("*.partial"))


def test_no_index_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--index", str(tmp_path / "none"), "--parquet", str(tmp_path / "out")]
    )
    assert result.exit_code != 0 and "no index at" in result.output


def test_the_readme_query_runs_on_the_demo_export(exported: Path) -> None:
    import re

    from tests.paths import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sql\n(.*?)```", readme, re.DOTALL)
    assert block, "the README shows a DuckDB query"
    sql = block.group(1).replace("var/export", str(exported))
    connection = duckdb.connect()
    *settings, query = [part for part in sql.split(";") if part.strip()]
    for setting in settings:
        connection.execute(setting)
    rows = connection.execute(query).fetchall()
    assert rows and all(count > 0 for _source, _month, count in rows)
