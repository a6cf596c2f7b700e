"""`update` indexes only what changed, and ends where a full rebuild would."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.query import Term

from index import build
from index import extraction_code as code
from index.build import rebuild
from index.schema import FORMS_FIELD, build_schema
from index.update import update
from tests.paths import DEMO_ARCHIVE

QUIET = {"stream": io.StringIO(), "interactive": False}


def stored_documents(index: Path) -> dict[str, dict]:
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        return {fields["id"]: fields for fields in searcher.all_stored_fields()}


def copy_demo(target: Path) -> Path:
    shutil.copytree(DEMO_ARCHIVE, target)
    return target


def edit_archive(archive: Path) -> None:
    """A bit of everything: a new page, a changed page, a deleted page, a deleted newest capture."""
    kobzar = archive / "staryi-kobzar.example"
    shutil.copy(kobzar / "news1187.html", kobzar / "news9999.html")
    data = (
        (kobzar / "news9999.html")
        .read_bytes()
        .replace("Кобзарі".encode("cp1251"), "Бандуристи".encode("cp1251"), 1)
    )
    (kobzar / "news9999.html").write_bytes(data)
    changed = archive / "dniprovyi-visnyk.example" / "index.html"
    changed.write_bytes(changed.read_bytes().replace(b"</body>", b"<p>updated</p></body>"))
    courier = sorted((archive / "odesskii-kurier.example").glob("*.html"))[0]
    courier.unlink()
    (archive / "poltavski-obrii.example" / "zasidannia-rady__2024-05-12.html").unlink()
    body = archive / "dniprovyi-visnyk.example" / "filarmoniia-orhan-restavratsiia.html"
    body.write_bytes(body.read_bytes().replace("орга\u0301н".encode(), "орган".encode()))


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    return copy_demo(tmp_path / "archive")


def test_update_equals_a_full_rebuild(archive: Path, tmp_path: Path) -> None:
    updated, fresh = tmp_path / "updated", tmp_path / "fresh"
    rebuild(archive, updated, **QUIET)
    edit_archive(archive)
    summary = update(archive, updated, **QUIET)
    rebuild(archive, fresh, **QUIET)
    assert stored_documents(updated) == stored_documents(fresh)
    assert summary.added == 1 and summary.removed == 1 and summary.changed >= 2
    assert summary.extracted == 3  # the new page, the changed list page, the changed article


def test_update_with_nothing_changed_touches_nothing(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    rebuild(archive, index, **QUIET)
    before = stored_documents(index)
    summary = update(archive, index, **QUIET)
    assert (summary.added, summary.changed, summary.removed, summary.extracted) == (0, 0, 0, 0)
    assert stored_documents(index) == before


def test_update_without_an_index_builds_one(archive: Path, tmp_path: Path) -> None:
    summary = update(archive, tmp_path / "new", **QUIET)
    assert summary.full_rebuild and summary.indexed == 48


def test_touched_file_is_read_again(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    rebuild(archive, index, **QUIET)
    page = archive / "hromada-live.example" / "grunt-ne-prohrivsia-sivba.html"
    os.utime(page, (page.stat().st_atime, page.stat().st_mtime + 3600))
    summary = update(archive, index, **QUIET)
    assert summary.extracted == 1


def test_index_of_an_older_schema_is_rebuilt_not_patched(archive: Path, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    rebuild(archive, index, **QUIET)
    old_schema = build_schema()
    old_schema.remove(FORMS_FIELD)  # as indexes were before exact forms had their own field
    version = index.resolve()
    for leftover in version.glob("*MAIN*"):
        leftover.unlink()
    whoosh_index.create_in(str(version), old_schema)
    summary = update(archive, index, **QUIET)
    assert summary.full_rebuild and summary.indexed == 48
    assert FORMS_FIELD in whoosh_index.open_dir(str(index)).schema


def test_fifteen_updates_in_a_row_each_after_an_edit(archive: Path, tmp_path: Path) -> None:
    """Each update adds a segment; Whoosh merges them as they pile up, and must keep doing so."""
    index = tmp_path / "ix"
    rebuild(archive, index, **QUIET)
    page = archive / "hromada-live.example" / "grunt-ne-prohrivsia-sivba.html"
    original = page.read_bytes()
    for run in range(15):
        marker = f"правказапуску{run:02d}".encode()
        page.write_bytes(original.replace("Аграрії".encode(), marker, 1))
        summary = update(archive, index, **QUIET)
        assert (summary.extracted, summary.changed) == (1, 1)
    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        assert searcher.doc_count() == 48
        found = searcher.search(Term("body", "правказапуску14"))
        assert [hit["path"] for hit in found] == [page.relative_to(archive).as_posix()]
        assert not searcher.search(Term("body", "правказапуску13"))


def test_update_after_an_upgrade_of_extraction_reads_every_page_again(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New extraction code must give what a full rebuild with it gives, not cached fields."""
    index = tmp_path / "ix"
    rebuild(archive, index, **QUIET)
    monkeypatch.setattr(code, "extraction_code", lambda: "the code after an upgrade")
    original = build.extract_page

    def upgraded(*args, **kwargs):
        article = original(*args, **kwargs)
        article.title += " (v2)"
        return article

    monkeypatch.setattr(build, "extract_page", upgraded)
    summary = update(archive, index, **QUIET)
    assert summary.full_rebuild
    titles = [fields.get("title", "") for fields in stored_documents(index).values()]
    assert titles and all(title.endswith("(v2)") for title in titles)
    assert update(archive, index, **QUIET).extracted == 0  # the new store is reused


def test_the_code_digest_covers_every_extraction_module(tmp_path: Path) -> None:
    hashed = {path.relative_to(code.INDEX_PACKAGE).as_posix() for path in code.source_files()}
    package = code.INDEX_PACKAGE
    for folder in ("extract", "speech"):
        assert {
            p.relative_to(package).as_posix() for p in (package / folder).rglob("*.py")
        } <= hashed
    assert {"archive.py", "article.py", "quotes.py"} <= hashed
    module = tmp_path / "fields.py"
    module.write_text("A = 1\n")
    before = code.code_digest([module])
    module.write_text("A = 2\n")
    assert code.code_digest([module]) != before
    assert code.code_digest([module], ("lxml",)) != code.code_digest([module])
