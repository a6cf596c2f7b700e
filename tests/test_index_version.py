"""One notion of «which index version»: the generation a searcher's reader opened."""

from __future__ import annotations

from pathlib import Path

from index.build import rebuild
from index.update import update
from search import SearchRequest, open_searcher, run_search
from search.columns import index_columns
from search.version import version_key
from tests.test_update import copy_demo, edit_archive


def test_a_searcher_keeps_its_version_and_its_answers_after_an_update(tmp_path: Path) -> None:
    archive = copy_demo(tmp_path / "archive")
    index = tmp_path / "index"
    rebuild(archive, index)
    with open_searcher(index) as before:
        old_key = version_key(before)
        old_total = run_search(before, SearchRequest(text="")).total
        old_columns = index_columns(before)
        edit_archive(archive)
        update(archive, index)
        with open_searcher(index) as after:
            assert version_key(after)[1] > old_key[1]  # the update committed a generation
            assert version_key(before) == old_key  # the folder moved on; this reader did not
            assert index_columns(before) is old_columns
            assert index_columns(after) is not old_columns
            assert run_search(before, SearchRequest(text="")).total == old_total
            assert run_search(after, SearchRequest(text="")).total != old_total
