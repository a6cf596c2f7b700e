"""What ends an article's text by structure: widgets and site promos go, the text stays."""

from __future__ import annotations

from index.extract import extract_page

TEXT = """<p>Депутати міської ради обговорили ремонт доріг і шкіл у місті до кінця року.</p>
<p>Голова комісії пояснив, що кошти на ремонт знайдуть у резервному фонді міста.</p>"""


def extracted(tail: str, before: str = ""):
    html = f"""<html lang="uk"><head><meta charset="utf-8"><title>Ремонт доріг</title></head>
<body><article><h1>Ремонт доріг у місті</h1>{before}<div itemprop="articleBody">{TEXT}{tail}</div>
</article></body></html>"""
    return extract_page(html.encode(), path="vist.example/a.html")


def last_paragraph(tail: str) -> str:
    return extracted(tail).body.split("\n\n")[-1]


def test_a_heading_with_nothing_under_it_is_cut() -> None:
    assert last_paragraph("<p>Актуальні прогнози</p>").startswith("Голова комісії")


def test_a_line_sending_readers_to_the_front_page_is_cut() -> None:
    promo = '<p>Сайт <a href="https://vist.example/">Вісті</a>, новини <a href="/">щодня</a>!</p>'
    assert last_paragraph(promo).startswith("Голова комісії")


def test_a_line_of_links_is_cut() -> None:
    assert last_paragraph(
        '<p><a href="/news/1">Ще одна новина про ремонт мостів</a></p>'
    ).startswith("Голова комісії")


def test_a_back_reference_to_an_earlier_story_stays() -> None:
    line = (
        '<p>Як писали <a href="https://vist.example/">«Вісті»</a>, раніше в місті '
        '<a href="https://vist.example/news/2024/05/remont-mostu">відремонтували міст</a>.</p>'
    )
    assert last_paragraph(line).startswith("Як писали «Вісті»")


def test_a_signature_stays_a_byline() -> None:
    article = extracted("<p>Олена Коваль</p>")
    assert article.authors == ["Олена Коваль"]
    assert article.body.split("\n\n")[-1].startswith("Голова комісії")


def test_a_standfirst_outside_the_text_block_is_the_lead() -> None:
    before = '<p class="article-lead">Місто витратить на ремонт доріг удвічі більше, ніж торік.</p>'
    article = extracted("", before=before)
    assert article.lead == "Місто витратить на ремонт доріг удвічі більше, ніж торік."
    assert article.body.startswith("Депутати міської ради")


def test_a_block_heading_is_cut_whatever_its_capitals() -> None:
    # the block's links go as a line of links, and then its one-word heading with them
    tail = '<h4>Популярне</h4><p><a href="/p1/">Головне за тиждень в одному матеріалі</a></p>'
    assert last_paragraph(tail).startswith("Голова комісії")
    assert last_paragraph("<p>Популярне</p>").startswith("Голова комісії")  # no signature
