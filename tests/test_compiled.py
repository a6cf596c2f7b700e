"""The attribution modules compiled with mypyc: when they run, and that they agree with source."""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import index.speech
from index.speech.compiled import MANIFEST, PURE_VARIABLE, why_source
from tests.paths import CORPUS, DEMO_ARCHIVE, REPO

COMPILED_SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
# CI sets this: there a build that quietly fell back to source is a failure, not a skip.
REQUIRE_VARIABLE = "PIDSHYVKA_REQUIRE_COMPILED"


def compiled_package(tmp_path: Path, *, recorded_source: str | None) -> Path:
    """A package directory: text.py, a compiled copy of it, and the build's record of the
    source it was compiled from (None: no record)."""
    (tmp_path / "text.py").write_text("ANSWER = 42\n")
    (tmp_path / f"text{COMPILED_SUFFIX}").write_bytes(b"")
    if recorded_source is not None:
        digest = hashlib.sha256(recorded_source.encode()).hexdigest()
        (tmp_path / MANIFEST).write_text(f"text.py {digest}\n")
    return tmp_path


def test_compiled_copies_are_used_when_made_from_the_present_source(tmp_path: Path) -> None:
    directory = compiled_package(tmp_path, recorded_source="ANSWER = 42\n")
    assert why_source(directory, {}, runtime_found=True) is None


def test_a_source_edited_after_compiling_runs_from_source(tmp_path: Path) -> None:
    directory = compiled_package(tmp_path, recorded_source="ANSWER = 41\n")
    reason = why_source(directory, {}, runtime_found=True)
    assert reason is not None and "text.py changed after compiling" in reason


def test_compiled_copies_without_a_record_of_their_source_are_not_trusted(tmp_path: Path) -> None:
    reason = why_source(compiled_package(tmp_path, recorded_source=None), {}, True)
    assert reason is not None and MANIFEST in reason


def test_missing_shared_runtime_or_pure_switch_runs_from_source(tmp_path: Path) -> None:
    directory = compiled_package(tmp_path, recorded_source="ANSWER = 42\n")
    assert "shared library" in (why_source(directory, {}, runtime_found=False) or "")
    assert PURE_VARIABLE in (why_source(directory, {PURE_VARIABLE: "1"}, True) or "")
    assert why_source(directory, {PURE_VARIABLE: "0"}, True) is None


def test_an_uncompiled_package_says_so(tmp_path: Path) -> None:
    (tmp_path / "text.py").write_text("")
    assert why_source(tmp_path, {}, runtime_found=True) == "not compiled"


# Attributes every page given on the command line and prints quotes and speakers as JSON.
ATTRIBUTE_PAGES = """
import json, sys
import index.speech, index.speech.text
from index.extract import ExtractionError, extract_page
from index.quotes import attach_quotes
found = {}
for name in sys.argv[1:]:
    try:
        article = extract_page(open(name, "rb").read(), path=name)
    except ExtractionError:
        continue
    attach_quotes(article)
    found[name] = [[[q.text, q.speaker, q.confidence, q.direct] for q in article.quotes],
                   article.speakers]
print(json.dumps({"running_as": index.speech.RUNNING_AS,
                  "module": index.speech.text.__file__, "found": found}))
"""


def attribute_in_subprocess(pages: list[Path], pure: bool) -> dict:
    environment = {**os.environ, PURE_VARIABLE: "1" if pure else ""}
    result = subprocess.run(
        [sys.executable, "-c", ATTRIBUTE_PAGES, *map(str, pages)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=environment,
        check=True,
    )
    return json.loads(result.stdout)


def test_compiled_and_source_attribute_every_page_alike() -> None:
    if index.speech.RUNNING_AS != "compiled":
        message = f"attribution runs from source here: {index.speech.RUNNING_AS}"
        if os.environ.get(REQUIRE_VARIABLE):
            pytest.fail(f"{REQUIRE_VARIABLE} is set but {message}")
        pytest.skip(message)
    pages = sorted(DEMO_ARCHIVE.rglob("*.html"))
    gold = CORPUS / "archive" / "bsnlp"
    if gold.exists():  # real articles as well, where ../shared is beside the checkout
        pages += sorted(gold.rglob("*.html"))
    compiled = attribute_in_subprocess(pages, pure=False)
    source = attribute_in_subprocess(pages, pure=True)
    assert compiled["running_as"] == "compiled" and compiled["module"].endswith(".so")
    assert source["running_as"].startswith("source") and source["module"].endswith(".py")
    assert sum(len(quotes) for quotes, _ in compiled["found"].values()) > 100
    assert compiled["found"] == source["found"]
