"""Extraction ladders on small pages of our own, plus the seed article from ../shared."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from index.extract import ExtractionError, extract_page
from index.extract.dates import KYIV, parse_human, parse_iso
from index.extract.decode import decode_page
from tests.paths import SEED_HTML, need_shared

PARAGRAPHS = "".join(
    f"<p>Абзац {n}: міська рада ухвалила бюджет на наступний рік після тривалого обговорення.</p>"
    for n in range(1, 5)
)


def page(head: str, body: str, lang: str = "uk") -> bytes:
    return f'<html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'.encode()


def test_jsonld_graph_article_fields() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Наш сайт"},
            {
                "@type": "NewsArticle",
                "headline": "Рада ухвалила бюджет",
                "datePublished": "2024-11-13T12:38:00+02:00",
                "author": [{"@type": "Person", "name": "Ірина Коваль"}],
                "publisher": {"@type": "Organization", "name": "Міські вісті"},
                "articleSection": "Політика",
                "url": "https://misto.example/news/1",
            },
        ],
    }
    html = page(
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        "<title>Рада ухвалила бюджет | Міські вісті</title>",
        f"<nav><a href='/'>Головна</a></nav><article><h1>Рада ухвалила бюджет</h1>{PARAGRAPHS}</article>"
        "<footer>© Міські вісті</footer>",
    )
    article = extract_page(html, path="a.html")
    assert article.title == "Рада ухвалила бюджет"
    assert article.published.isoformat() == "2024-11-13T12:38:00+02:00"
    assert not article.published_tz_assumed
    assert article.authors == ["Ірина Коваль"]
    assert article.source == "Міські вісті"
    assert article.rubric == "Політика"
    assert article.domain == "misto.example"
    assert article.body.startswith("Абзац 1") and "Головна" not in article.body
    assert "© Міські вісті" not in article.body


def test_opengraph_only_page() -> None:
    html = page(
        '<meta property="og:title" content="Врожай зерна зріс">'
        '<meta property="og:site_name" content="Полтавські новини">'
        '<meta property="og:url" content="https://www.poltava-news.example/agro/5">'
        '<meta property="article:published_time" content="2025-07-01T09:00:00+03:00">'
        '<meta property="article:section" content="Економіка">'
        '<meta property="article:author" content="Петро Гай">',
        f'<div class="post"><h1>Врожай зерна зріс</h1><div class="post-content">{PARAGRAPHS}</div>'
        '<div class="share">Поділитися: Facebook</div></div>',
    )
    article = extract_page(html, path="b.html")
    assert (article.title, article.source, article.rubric) == (
        "Врожай зерна зріс",
        "Полтавські новини",
        "Економіка",
    )
    assert article.authors == ["Петро Гай"]
    assert article.domain == "poltava-news.example"
    assert "Поділитися" not in article.body


def test_microdata_with_time_element() -> None:
    html = page(
        "<title>Театр відкрив сезон</title>",
        '<article itemscope itemtype="https://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Театр відкрив сезон</h1>'
        '<time itemprop="datePublished" datetime="2025-03-04T09:15:00+02:00">4 березня 2025</time>'
        '<span itemprop="author" itemscope><span itemprop="name">Олена Бойко</span></span>'
        '<meta itemprop="articleSection" content="Культура">'
        f'<div itemprop="articleBody">{PARAGRAPHS}</div></article>',
    )
    article = extract_page(html, path="c.html")
    assert article.published.isoformat() == "2025-03-04T09:15:00+02:00"
    assert article.authors == ["Олена Бойко"]
    assert article.rubric == "Культура"


def test_old_cp1251_page_without_markup_metadata() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Ярмарок у селі - Сільські вісті</title></head><body><table><tr>"
        "<td><b>Ярмарок у селі</b><br>13.11.2024 12:38<br>Автор: Марія Ткач<br>Рубрика: Суспільство</td></tr>"
        f"<tr><td>{PARAGRAPHS}</td></tr></table></body></html>"
    ).encode("cp1251")
    article = extract_page(html, path="d.html")
    assert article.title == "Ярмарок у селі"
    assert article.published == datetime(2024, 11, 13, 12, 38, tzinfo=KYIV)
    assert article.published_tz_assumed
    assert article.authors == ["Марія Ткач"]
    assert article.rubric == "Суспільство"
    assert "міська рада" in article.body


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-u"])
def test_undeclared_single_byte_cyrillic_detected(encoding: str) -> None:
    text = "<html><body><p>Київська міська рада ухвалила рішення щодо ремонту шкіл і лікарень.</p></body></html>"
    assert decode_page(text.encode(encoding)).text == text


def test_page_lying_about_its_charset_still_decodes() -> None:
    utf8_saying_cp1251 = '<meta charset="windows-1251"><p>Житомир і Чернігів</p>'.encode()
    cp1251_saying_utf8 = '<meta charset="utf-8"><p>Житомир і Чернігів</p>'.encode("cp1251")
    assert "Житомир і Чернігів" in decode_page(utf8_saying_cp1251).text
    assert "Житомир і Чернігів" in decode_page(cp1251_saying_utf8).text


def test_list_page_recognised() -> None:
    links = "".join(
        f'<li><a href="/n/{n}">Новина номер {n} про важливі події в країні сьогодні</a></li>'
        for n in range(12)
    )
    html = page('<meta property="og:type" content="website">', f"<h2>Головне</h2><ul>{links}</ul>")
    assert extract_page(html, path="index.html").kind == "list"


def test_empty_and_non_html_files_refused() -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract_page(b"   ", path="e.html")
    with pytest.raises(ExtractionError):
        extract_page(b"\x00\x01binary junk without tags", path="f.html")


def test_russian_article_language_from_letters() -> None:
    body = (
        "<p>Городской совет объявил, что электроэнергия подешевеет. Это решение ещё обсуждают.</p>"
        * 3
    )
    html = page(
        "<title>Новости</title>", f"<article><h1>Свет дешевеет</h1>{body}</article>", lang="uk"
    )
    assert extract_page(html, path="r.html").language == "ru"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13.11.2024 12:38", "2024-11-13T12:38:00+02:00"),
        ("13 листопада 2024, 12:38", "2024-11-13T12:38:00+02:00"),
        ("5 июля 2023 в 08:05", "2023-07-05T08:05:00+03:00"),
        ("12:38, 13.11.2024", "2024-11-13T12:38:00+02:00"),
    ],
)
def test_human_dates_are_kyiv_local(text: str, expected: str) -> None:
    found = parse_human(text)
    assert found is not None and found.tz_assumed
    assert found.value.isoformat() == expected


def test_relative_date_uses_capture_day() -> None:
    captured = datetime(2024, 11, 14, 8, 0, tzinfo=KYIV)
    found = parse_human("вчора, 12:38", captured)
    assert found is not None and found.value == captured.replace(hour=12, minute=38) - timedelta(
        days=1
    )


def test_iso_with_zulu_and_without_offset() -> None:
    assert parse_iso("2019-11-01T12:17:00Z").value.utcoffset() == timedelta(0)
    local = parse_iso("2019-11-01T12:17")
    assert local.tz_assumed and local.value.tzinfo == KYIV


def test_seed_article() -> None:
    data = need_shared(SEED_HTML).read_bytes()
    article = extract_page(data, path="seed-article.html")
    assert article.title.startswith("Чим Росія розплачується із Північною Кореєю")
    assert article.published.isoformat() == "2024-11-13T12:38:00+02:00"
    assert (article.rubric, article.source, article.language) == ("Світ", "Вісник", "uk")
    assert "Фото:" not in article.body and "Підписуйтеся" not in article.body
    assert article.body.startswith("Країна-агресорка Росія")
