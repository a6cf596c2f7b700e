"""Shared fixtures: a demo-archive index built once per run, and a Flask test client."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from index.build import rebuild
from tests.paths import DEMO_ARCHIVE


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("demo") / "index"
    rebuild(DEMO_ARCHIVE, index_dir, jobs=1, interactive=False, stream=io.StringIO())
    return index_dir


@pytest.fixture()
def client(demo_index: Path):
    from web import create_app

    app = create_app({"TESTING": True, "INDEX_DIR": str(demo_index)})
    return app.test_client()
