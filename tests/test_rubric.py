"""Sections from the article's own metadata first, deepest first; never the site or home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.build import rebuild
from index.extract import extract_page
from search import SearchRequest, open_searcher, run_search

HEADLINE = "Уряд ухвалив новий енергетичний план"


def page(
    head: str = "",
    body_top: str = "",
    url: str = "https://vist.example/news/1",
    text: str = "Документ передбачає будівництво нових сонячних станцій у регіонах.",
) -> bytes:
    html = f"""<html lang="uk"><head><meta charset="utf-8">
<meta property="og:site_name" content="Вісті Поділля">
<link rel="canonical" href="{url}">{head}
<title>{HEADLINE} – Вісті Поділля</title></head>
<body>{body_top}<article><h1>{HEADLINE}</h1>
<p>Кабінет міністрів ухвалив план розвитку енергетики на п'ять років.</p>
<p>{text}</p>
</article></body></html>"""
    return html.encode()


def ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def sections(data: bytes) -> list[str]:
    return extract_page(data, path="vist.example/1.html").rubrics


def test_every_json_ld_section_is_kept() -> None:
    head = ld(
        {
            "@type": "NewsArticle",
            "headline": HEADLINE,
            "articleSection": ["Енергетика", "Економіка"],
        }
    )
    assert sections(page(head)) == ["Енергетика", "Економіка"]


def test_a_json_ld_breadcrumb_gives_its_deepest_sections_first() -> None:
    crumbs = ["Головна", "Економіка", "Енергетика", HEADLINE]
    head = ld(
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": n, "item": {"@id": f"/{n}", "name": name}}
                for n, name in reversed(list(enumerate(crumbs, 1)))  # order comes from position
            ],
        }
    )
    assert sections(page(head)) == ["Енергетика", "Економіка"]


def test_the_site_name_is_never_a_section() -> None:
    head = '<meta property="article:section" content="Вісті Поділля">'
    crumbs = '<nav class="breadcrumbs"><a href="/">Вісті Поділля</a> › <a href="/economy/">Економіка</a></nav>'
    assert sections(page(head, crumbs)) == ["Економіка"]


def test_a_visible_breadcrumb_gives_the_deepest_section_not_the_top() -> None:
    crumbs = (
        '<ol class="breadcrumb"><li><a href="/">Головна</a></li><li>›</li>'
        '<li><a href="/economy/">Економіка</a></li><li><a href="/economy/energy/">Енергетика</a></li>'
        f"<li>{HEADLINE}</li></ol>"
    )
    assert sections(page(body_top=crumbs)) == ["Енергетика", "Економіка"]


def test_the_urls_folder_names_the_section_through_the_sites_own_link() -> None:
    menu = '<nav><a href="/">Головна</a><a href="/sport/">Спорт</a><a href="/economy/">Економіка</a></nav>'
    url = "https://vist.example/economy/2024/05/10/uriad-plan.html"
    assert sections(page(body_top=menu, url=url)) == ["Економіка"]
    assert sections(page(body_top=menu, url="https://vist.example/2024/05/10/plan.html")) == []


def test_a_section_folder_under_news_or_a_language_is_named_by_its_top_level_link() -> None:
    menu = '<nav><a href="/">Головна</a><a href="/economy/">Економіка</a></nav>'
    for url in (
        "https://vist.example/news/economy/uriad-plan.html",
        "https://vist.example/uk/economy/2024/05/10/uriad-plan.html",
    ):
        assert sections(page(body_top=menu, url=url)) == ["Економіка"], url


def test_addresses_are_not_section_names() -> None:
    head = ld(
        {
            "@type": "NewsArticle",
            "headline": HEADLINE,
            "articleSection": "https://vist.example/economy/",
        }
    )
    assert sections(page(head)) == []


@pytest.fixture()
def index(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir()
    both = ld(
        {
            "@type": "NewsArticle",
            "headline": HEADLINE,
            "articleSection": ["Енергетика", "Економіка"],
        }
    )
    (archive / "a.html").write_bytes(page(both, url="https://vist.example/news/a"))
    one = '<meta property="article:section" content="Економіка">'
    other = "Парламент обговорить бюджет на засіданні наступного тижня у столиці."
    (archive / "b.html").write_bytes(page(one, url="https://vist.example/news/b", text=other))
    rebuild(archive, tmp_path / "index")
    return tmp_path / "index"


def test_the_rubric_facet_counts_every_section_of_an_article(index: Path) -> None:
    with open_searcher(index) as searcher:
        everything = run_search(searcher, SearchRequest(text=""))
        facet = next(facet for facet in everything.facets if facet.name == "rubric")
        counts = {value.value: value.count for value in facet.values}
        assert counts == {"Економіка": 2, "Енергетика": 1}
        energy = run_search(searcher, SearchRequest(text="", filters={"rubric": ["Енергетика"]}))
        assert [hit.article.rubrics for hit in energy.hits] == [["Енергетика", "Економіка"]]
        typed = run_search(searcher, SearchRequest(text="рубрика:Економіка"))
        assert typed.total == 2
