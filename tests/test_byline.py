"""Authors come from byline places and read as names; furniture and outlets never do."""

from __future__ import annotations

import json

import pytest

from index.extract import extract_page
from index.extract.byline import looks_like_name, trimmed

TEXT = """<p>Депутати міської ради обговорили ремонт доріг і шкіл у місті.</p>
<p>Голова комісії пояснив, що кошти на ремонт знайдуть у резервному фонді.</p>"""


def authors_of(head: str = "", header: str = "", after: str = "", aside: str = "") -> list[str]:
    html = f"""<html lang="uk"><head><meta charset="utf-8">
<meta property="og:site_name" content="Вісті Поділля">{head}
<title>Ремонт доріг</title></head><body>
<aside class="sidebar">{aside}</aside>
<article><h1>Ремонт доріг</h1>{header}{TEXT}{after}</article></body></html>"""
    return extract_page(html.encode(), path="vist.example/1.html").authors


def test_a_sidebar_block_heading_is_not_an_author() -> None:
    sidebar = '<div class="author-box"><h3>Наші автори</h3><a href="/authors/ivan-bilyk">Іван Білик</a></div>'
    assert authors_of(aside=sidebar) == []


def test_an_author_link_beside_the_title_is_the_byline() -> None:
    header = '<div class="meta"><a href="/authors/olena-koval">Олена Коваль</a></div>'
    sidebar = '<a href="/authors/ivan-bilyk">Іван Білик</a>'
    assert authors_of(header=header, aside=sidebar) == ["Олена Коваль"]


def test_punctuation_and_labels_are_trimmed() -> None:
    assert authors_of(header="<p class='byline'>Автор: Олена Коваль,</p>") == ["Олена Коваль"]
    assert trimmed("«Олена Коваль».") == "Олена Коваль"


def test_a_marked_byline_may_be_a_handle_but_not_an_address_or_the_outlet() -> None:
    assert authors_of(header='<a rel="author">natali</a>') == ["natali"]
    assert authors_of(head='<meta name="author" content="https://facebook.com/natali">') == []
    outlet = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Вісті Поділля"}}
    script = f'<script type="application/ld+json">{json.dumps(outlet, ensure_ascii=False)}</script>'
    assert authors_of(head=script) == []


def test_an_unmarked_place_must_hold_a_name() -> None:
    assert authors_of(header="<div class='author'>усі новини автора</div>") == []


def test_the_footer_of_the_article_signs_it() -> None:
    assert authors_of(after="<footer>Ольга Гетьман, УП</footer>") == ["Ольга Гетьман"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Олена Коваль", True),
        ("Людвіг ван Бетховен", True),
        ("ОЛЕНА КОВАЛЬ", True),
        ("Ірина Коваль-Петренко", True),
        ("Популярні новини", False),
        ("Читайте також", False),
        ("Коваль 2024", False),
        ("Олена Коваль!", False),
    ],
)
def test_names_read_as_names(text: str, name: bool) -> None:
    assert looks_like_name(text) is name


def test_a_byline_loses_whom_it_was_written_for_and_its_capitals() -> None:
    from index.extract.byline import trimmed

    assert trimmed("Іван Петренко для «Вістей»") == "Іван Петренко"
    assert trimmed("Автор: ІВАН ПЕТРЕНКО") == "Іван Петренко"
    assert trimmed("ЛЮДВІГ ВАН БЕТХОВЕН") == "Людвіг ван Бетховен"
    assert trimmed("УНІАН") == "УНІАН"
