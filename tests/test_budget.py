"""One bad page must not stall a rebuild: budgets per page, linear extraction, codec charsets."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.build import REPORT_NAME, rebuild
from index.cli import cli
from index.extract import extract_page
from index.extract.body import clean_text, is_boilerplate
from index.extract.decode import decode_page, text_encoding
from index.extract.page import Page
from index.extract.textsize import TextSizes
from index.update import update
from index.workers import Budget, Overrun, Running, Supervisor
from tests.hostile import CODEC_CHARSETS, good_page, write_heavy_pages
from tests.paths import DEMO_ARCHIVE

BUDGET_REASONS = ("took longer than", "needed more than")


def _slow_on_seven(n: int) -> int:
    if n == 7:
        time.sleep(60)
    return n * n


def _greedy_on_three(n: int) -> int:
    if n == 3:
        hog = bytearray(300 * 1024 * 1024)
        hog[::4096] = b"x" * len(hog[::4096])  # touch every page so it is resident
        time.sleep(60)
    return n


def _dies_on_two(n: int) -> int:
    if n == 2:
        os._exit(3)
    return n


def _outcomes(supervisor: Supervisor, items) -> dict:
    return {done.item: done.outcome for done in supervisor.run(items)}


def test_a_page_over_its_time_is_given_up_and_the_rest_goes_on() -> None:
    started = time.monotonic()
    outcomes = _outcomes(Supervisor(_slow_on_seven, jobs=2, budget=Budget(seconds=1)), range(12))
    assert outcomes[7] == Overrun("took longer than 1 s")
    assert {n: outcomes[n] for n in range(12) if n != 7} == {n: n * n for n in range(12) if n != 7}
    assert time.monotonic() - started < 30  # the sleeping worker was killed, not awaited


def test_a_page_over_its_memory_is_given_up() -> None:
    budget = Budget(seconds=None, megabytes=100)
    outcomes = _outcomes(Supervisor(_greedy_on_three, budget=budget), range(6))
    assert outcomes[3] == Overrun("needed more than 100 MB")
    assert [outcomes[n] for n in (0, 1, 2, 4, 5)] == [0, 1, 2, 4, 5]


def test_a_worker_that_dies_is_replaced() -> None:
    outcomes = _outcomes(Supervisor(_dies_on_two, jobs=1), range(5))
    assert outcomes[2] == Overrun("the worker reading it died (exit code 3)")
    assert [outcomes[n] for n in (0, 1, 3, 4)] == [0, 1, 3, 4]


def test_pages_running_long_are_named_while_they_run() -> None:
    seen: list[list[Running]] = []
    supervisor = Supervisor(
        _slow_on_seven,
        budget=Budget(seconds=1),
        label=lambda n: f"page-{n}",
        on_tick=seen.append,
        slow_after=0.3,
    )
    _outcomes(supervisor, [6, 7, 8])
    named = {running.label for ticks in seen for running in ticks}
    assert named == {"page-7"}


def _sleepy_extraction(monkeypatch: pytest.MonkeyPatch, slow_name: str) -> None:
    """Extraction that hangs on one page (the workers are forked, so they see the patch)."""
    import index.build

    real = index.build.extract_page

    def extract(data: bytes, *, path: str, **kwargs):
        if path.endswith(slow_name):
            time.sleep(60)
        return real(data, path=path, **kwargs)

    monkeypatch.setattr(index.build, "extract_page", extract)
    monkeypatch.setattr(index.build, "SLOW_PAGE_SECONDS", 0.3)


@pytest.mark.parametrize("build", [rebuild, update])
def test_rebuild_and_update_skip_a_hanging_page_and_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, build
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(4):
        (archive / f"page-{i}.html").write_text(good_page(f"Новина номер {i}"), encoding="utf-8")
    _sleepy_extraction(monkeypatch, "page-2.html")
    log = io.StringIO()
    summary = build(
        archive,
        tmp_path / "index",
        jobs=2,
        budget=Budget(seconds=1),
        stream=log,
        interactive=False,
    )
    assert [(s.path, s.reason) for s in summary.skipped] == [
        ("page-2.html", "took longer than 1 s")
    ]
    assert summary.indexed == 3
    assert "still reading page-2.html" in log.getvalue()
    assert summary.slowest[0][1] == "page-2.html"
    assert "slowest pages:" in summary.lines()
    report = json.loads((tmp_path / "index" / REPORT_NAME).read_text(encoding="utf-8"))
    assert report["slowest_pages"][0]["path"] == "page-2.html"


def test_cli_takes_the_budget_and_extract_keeps_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.cli

    page = tmp_path / "slow.html"
    page.write_text(good_page(), encoding="utf-8")

    def hang(path: Path) -> dict:
        time.sleep(60)
        return {}

    monkeypatch.setattr(index.cli, "extraction_json", hang)
    result = CliRunner().invoke(cli, ["extract", "--page-timeout", "1", str(page)])
    assert result.exit_code == 1
    assert f"{page}: took longer than 1 s" in result.output
    for command in ("rebuild", "update"):
        shown = CliRunner().invoke(cli, [command, "--help"]).output
        assert "--page-timeout" in shown and "--page-memory" in shown


@pytest.fixture(scope="module")
def heavy(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("heavy")
    archive = folder / "archive"
    written = write_heavy_pages(archive / "hostile")
    for page in DEMO_ARCHIVE.rglob("*"):
        if page.is_file():
            target = archive / "demo" / page.relative_to(DEMO_ARCHIVE)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.read_bytes())
    summary = rebuild(archive, folder / "index", jobs=2, stream=io.StringIO(), interactive=False)
    return written, summary


def test_every_heavy_page_is_read_or_skipped_for_its_budget(heavy) -> None:
    written, summary = heavy
    skipped = {skip.path: skip.reason for skip in summary.skipped}
    for name, what in written.items():
        path = f"hostile/{name}"
        if path in skipped:
            assert skipped[path].startswith(BUDGET_REASONS), (what, skipped[path])
    assert not any(p.startswith("demo/") for p in skipped)
    assert summary.indexed >= 40


@pytest.mark.parametrize("charset", CODEC_CHARSETS)
def test_a_codec_named_as_charset_is_decoded_by_detection(charset: str) -> None:
    data = good_page("Житомир і Чернігів", charset).encode("cp1251")
    decoded = decode_page(data)
    assert decoded.declared is None
    assert decoded.encoding == "windows-1251"
    assert extract_page(data, path="x.html").title.startswith("Житомир і Чернігів")


def test_text_encodings_are_still_taken_from_the_declaration() -> None:
    assert text_encoding("windows-1251") == "cp1251"
    assert text_encoding("koi8-u") == "koi8-u"
    assert text_encoding("utf-8") == "utf-8"
    assert all(text_encoding(name) is None for name in CODEC_CHARSETS)


def _calls_to_extract(html: str) -> int:
    """Python function calls made extracting ``html``: the cost, without a clock."""
    calls = 0

    def count(frame, event, arg) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    data = ("<html><head><title>Сторінка</title></head>" + html).encode()
    sys.setprofile(count)
    try:
        extract_page(data, path="x.html")
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "<body>" + "<p><span>слово " * n,
        lambda n: "<body>" + "<div>" * n + "<p>Текст статті про події.</p>" + "</div>" * n,
        lambda n: "<body>" + "".join(f"<a href='/{i}'>Новина {i}</a>" for i in range(n)),
        lambda n: "<body>" + '<div class="content">' * n + "<p>Текст</p>",
    ],
    ids=["unclosed-p-span", "nested-div", "links", "nested-hinted"],
)
def test_extraction_cost_grows_linearly_with_the_page(shape) -> None:
    small, large = _calls_to_extract(shape(1500)), _calls_to_extract(shape(3000))
    assert large / small < 2.3  # the quadratic walks made this 3.5-4


def test_text_sizes_equal_the_clean_text_of_every_element() -> None:
    html = (
        "<html><body><div class='post'> <p>Перше <b>слово</b>,<i> друге</i></p>\n"
        "<p><a href='/a'>посилання</a>\u00a0і<br>рядок</p><!-- коментар -->"
        "<nav><p>меню <a>пункт</a></p></nav><ul><li> a </li><li>b</li></ul>"
        "<script>var x = 1;</script>кінець </div></body></html>"
    )
    page = Page.parse(html, path="x.html")
    body = page.soup.body
    sizes = TextSizes(body, is_boilerplate)
    for element in [body, *body.find_all(True)]:
        if element.name in ("script", "style"):
            continue
        assert sizes.length(element) == len(clean_text(element)), element.name
        links = sum(len(clean_text(a)) for a in element.find_all("a"))
        assert sizes.linked(element) == links, element.name
