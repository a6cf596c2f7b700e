"""Section and tag pages are told from articles by structure, whatever their meta says."""

from __future__ import annotations

from index.extract import extract_page

NAV = """<nav><a href="/">Головна</a><a href="/economy/">Економіка</a>
<a href="/sport/">Спорт</a></nav>"""
HEAD = """<html lang="uk"><head><meta charset="utf-8"><meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-10T10:00:00+03:00">
<link rel="canonical" href="{url}"><title>{title}</title>{head}</head><body>{nav}<main>"""
TEASER = """<div class="item"><h3><a href="/economy/{n}-story">Новина номер {n} про ціни на
пальне та врожай зерна</a></h3><p>Коротко про головне за день.</p></div>"""
ARTICLE_TEXT = """<h1>Ціни на пальне зросли вдруге за місяць</h1>
<p>Ціни на пальне на заправках області зросли вдруге за місяць: бензин подорожчав на дві
гривні, а дизель на півтори, повідомили в обласній адміністрації.</p>
<p>Аналітики пояснюють подорожчання курсом гривні та подорожчанням нафти на світових ринках,
і не чекають зниження цін до кінця літа.</p>"""


def kind_of(body: str, url: str, title: str = "Економіка", nav: str = NAV, head: str = "") -> str:
    html = HEAD.format(url=url, title=title, head=head, nav=nav) + body + "</main></body></html>"
    return extract_page(html.encode(), path="vist.example/page.html").kind


def teasers(count: int) -> str:
    return "".join(TEASER.format(n=n) for n in range(count))


def test_the_page_the_menu_points_to_is_a_section_page() -> None:
    assert kind_of("<h1>Економіка</h1>" + teasers(3), "https://vist.example/economy/") == "list"


def test_a_run_of_teasers_is_a_list_page_even_marked_as_an_article() -> None:
    assert (
        kind_of("<h1>Новини</h1>" + teasers(10), "https://vist.example/tag/zerno", nav="") == "list"
    )


def test_an_article_with_related_stories_after_its_text_stays_an_article() -> None:
    body = ARTICLE_TEXT + "<h2>Читайте також</h2>" + teasers(8)
    url = "https://vist.example/economy/2024/05/10/tsiny-na-palne"
    assert kind_of(body, url, title="Ціни на пальне зросли вдруге за місяць") == "article"


def test_a_signed_digest_of_teasers_is_an_article() -> None:
    head = '<meta name="author" content="Олена Коваль">'
    body = "<h1>Головні новини дня, 10 травня</h1>" + teasers(10)
    url = "https://vist.example/news/holovni-novyny-10-travnia"
    assert kind_of(body, url, title="Головні новини дня, 10 травня", nav="", head=head) == "article"
