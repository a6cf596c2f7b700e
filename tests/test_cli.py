"""The `pidshyvka` commands through click's runner: output, JSON keys, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from index.cli import EXTRACT_KEYS
from tests.paths import SEED_HTML, need_shared
from web.cli import cli


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def seed_archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(need_shared(SEED_HTML), archive / "seed-article.html")
    return archive


def test_rebuild_then_search_the_seed(tmp_path: Path) -> None:
    archive = seed_archive(tmp_path)
    index = tmp_path / "ix"
    result = invoke("rebuild", str(archive), "--index", str(index))
    assert result.exit_code == 0, result.output
    assert "indexed 1 articles" in result.output
    assert (index / "rebuild-report.json").exists()
    for query in ("ракетна технологія", "Північна Корея", "генеральний секретар"):
        found = invoke("search", query, "--index", str(index), "--json")
        hits = json.loads(found.output)["hits"]
        assert [hit["title"][:3] for hit in hits] == ["Чим"], query


def test_extract_json_on_the_seed() -> None:
    result = invoke("extract", str(need_shared(SEED_HTML)), "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert tuple(data) == EXTRACT_KEYS
    assert data["published"] == "2024-11-13T12:38:00+02:00"
    assert (data["kind"], data["rubric"], data["source"], data["language"]) == (
        "article",
        "Світ",
        "Вісник",
        "uk",
    )


def test_rebuild_errors_are_one_clear_line(tmp_path: Path) -> None:
    missing = invoke("rebuild", str(tmp_path / "nowhere"), "--index", str(tmp_path / "ix"))
    assert missing.exit_code == 1
    assert missing.output.strip() == f"Error: archive folder not found: {tmp_path / 'nowhere'}"
    (tmp_path / "empty").mkdir()
    empty = invoke("rebuild", str(tmp_path / "empty"), "--index", str(tmp_path / "ix"))
    assert empty.exit_code == 1 and "no .html" in empty.output


def test_search_without_index_says_how_to_build_one(tmp_path: Path) -> None:
    result = invoke("search", "бюджет", "--index", str(tmp_path / "none"))
    assert result.exit_code == 1 and "pidshyvka rebuild" in result.output


def test_analyze_prints_terms_per_position() -> None:
    result = invoke("analyze", "ракетними технологіями", "--json")
    rows = json.loads(result.output)
    assert rows[0]["word"] == "ракетними" and "ракетний" in rows[0]["terms"]
    assert rows[1]["position"] == 1 and "технологія" in rows[1]["terms"]
    plain = invoke("analyze", "Країна-агресорка")
    assert "агресорка" in plain.output


def test_extract_reports_unreadable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1


def test_update_command_reports_what_changed(tmp_path: Path) -> None:
    archive = seed_archive(tmp_path)
    index = tmp_path / "ix"
    invoke("rebuild", str(archive), "--index", str(index))
    result = invoke("update", str(archive), "--index", str(index))
    assert result.exit_code == 0
    assert "pages unchanged: 1, read again: 0" in result.output
    assert "documents added 0, changed 0, removed 0" in result.output


def test_search_all_streams_every_match_as_csv_or_json_lines(demo_index: Path) -> None:
    import csv
    import io
    import json

    total = json.loads(invoke("search", "", "--index", str(demo_index), "--json").output)["total"]
    assert total > 20  # more than one page, so --all has to go past it
    rows = list(
        csv.DictReader(
            io.StringIO(
                invoke(
                    "search", "", "--index", str(demo_index), "--all", "--format", "csv"
                ).output.lstrip("\ufeff")
            )
        )
    )
    assert len(rows) == total and rows[0]["title"]
    lines = invoke(
        "search", "", "--index", str(demo_index), "--all", "--format", "json"
    ).output.splitlines()
    assert len(lines) == total and all(json.loads(line)["id"] for line in lines)
    paged = json.loads(
        invoke(
            "search", "", "--index", str(demo_index), "--json", "--page", "2", "--limit", "5"
        ).output
    )
    assert [hit["id"] for hit in paged["hits"]] == [json.loads(line)["id"] for line in lines[5:10]]
