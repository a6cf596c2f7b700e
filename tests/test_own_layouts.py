"""Pages of our own in layouts the corpus lacks: every field people filter by, right.

Written to test generality (no outlet of ../shared looks like these): a WordPress-like
page whose facts sit in a JSON-LD @graph and whose og:site_name is a slogan, a section
page of teaser cards marked og:type article, and a bare Russian page that names its
outlet only in the copyright line and ends in a «popular» block.
"""

from __future__ import annotations

from pathlib import Path

from index.article import Article
from index.extract import extract_page
from index.quotes import attach_quotes

LAYOUTS = Path(__file__).parent / "layouts"


def page(name: str, url: str) -> Article:
    article = extract_page((LAYOUTS / name).read_bytes(), path=name, url=url)
    attach_quotes(article)
    return article


def test_a_json_ld_graph_page_with_a_slogan_for_a_site_name() -> None:
    article = page("wordpress-graph.html", "https://vistipolissia.example/hromady/osvita/ukryttia/")
    assert article.kind == "article"
    assert article.title == "Громада села Вишневе відкрила нове укриття для школярів"
    assert article.source == "Вісті Полісся"  # not the slogan after the dash
    assert article.rubrics == ["Освіта", "Громади"]  # deepest crumb first, no home crumb
    assert article.authors == ["Оксана Дячук"]  # not «Іван Коваль» of the authors widget
    assert article.published.isoformat() == "2025-03-14T09:20:00+02:00"
    assert article.speakers == ["Галина Петрук", "Микола Бондаренко"]
    assert article.body.endswith("в дитячих садках.")  # sharing and related blocks cut


def test_a_section_page_of_teaser_cards_is_a_list() -> None:
    assert page("section-cards.html", "https://vistipolissia.example/hromady/osvita/").kind == (
        "list"
    )


def test_a_bare_russian_page_named_only_in_its_copyright_line() -> None:
    article = page("plain-russian.html", "https://slobvestnik.example/transport/tramvai-30/")
    assert (article.language, article.source) == ("ru", "Слобожанский вестник")
    assert article.rubrics == ["Транспорт"] and article.authors == ["Ирина Соколова"]
    assert article.speakers == ["Андрей Левченко", "Игорь Терехов"]  # «Игоря Терехова»
    assert article.body.endswith("несмотря на обстрелы.")  # no «Популярное», no Telegram call


def test_a_windows_1251_microdata_page_signed_by_the_newsroom() -> None:
    article = page("microdata-cp1251.html", "https://econpodillia.example/ekonomika/palne/")
    assert article.title == "Ціни на пальне знизилися вперше за пів року"
    assert article.source == "Економічна правда Поділля"
    assert article.rubrics == ["Економіка"]  # the URL's folder, named by the site's menu
    assert article.authors == []  # «Редакція» signs for the newsroom, not a person
    assert article.published.isoformat() == "2025-03-15T10:45:00+02:00"  # from the shown date
    assert article.speakers == ["Олексій Соболев"]
    assert article.body.endswith("ще на кілька відсотків.")  # no rating widget, no comments


def test_a_labelled_byline_after_the_text_and_a_time_shown_beside_a_meta_day() -> None:
    article = page("byline-after-text.html", "https://portovik.info/ports/odessa-zerno/")
    assert article.source == "Portovik.info" and article.rubrics == ["Порты"]
    assert article.authors == ["Петр Иванов"]
    assert article.body.endswith("оценивают риски.")  # «Автор: …» is the byline, not text
    assert article.published.isoformat() == "2023-08-21T16:40:00+03:00"  # the shown time
    assert article.speakers == ["Юрий Лищук"]  # «сказал он», «по его словам»: the same man


def test_json_ld_as_a_list_with_an_organisation_among_the_authors() -> None:
    article = page("json-ld-list.html", "https://rivne.example/pryroda/leleky/")
    assert article.title == "На Рівненщині врятували лелек після негоди"  # no outlet prefix
    assert article.source == "Рівне Сьогодні" and article.authors == ["Марія Гнатюк"]
    assert article.rubrics == ["Природа"]  # not the generic «Новини» of article:section
    assert article.speakers == ["Іван Петренко", "Олег Савчук"]  # „…“ and “…” quotes


def test_a_plain_text_breadcrumb_and_a_name_on_the_date_line() -> None:
    article = page("text-breadcrumb.html", "https://zakhid-sport.example/news/karpaty-dynamo/")
    assert article.rubrics == ["Футбол", "Спорт"]  # «Головна » Новини » Спорт » Футбол»
    assert article.authors == ["Олена Шевчук"]  # «Олена Шевчук, 12 травня 2024, 09:15»
    assert article.published.isoformat() == "2024-05-12T09:15:00+03:00"
    assert article.speakers == ["Владислав Лупашко"]


def test_a_tag_page_of_headline_cards_with_summaries_is_a_list() -> None:
    assert page("tag-page.html", "https://visnyk-dnipra.example/tag/enerhetyka/").kind == "list"


def test_text_written_with_br_in_a_table_cell_keeps_its_lines_apart() -> None:
    article = page("table-br-text.html", "https://bukvisnyk.example/turyzm/marshrut/")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("Маршрут завдовжки") and len(paragraphs) == 4
    assert not any("Реклама" in paragraph for paragraph in paragraphs)  # the ad label's block
    assert paragraphs[2].startswith("«Ми хочемо")  # not glued to the label before it
    assert article.rubrics == ["Туризм"] and article.speakers == ["Ганна Мельничук"]
