"""Where test data lives; ../shared may be absent, and tests then skip with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO_ARCHIVE = REPO / "examples" / "archive"
SEED_HTML = SHARED / "seed" / "seed-article.html"
CORPUS = SHARED / "corpus"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path
