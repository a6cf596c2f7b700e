"""What a first walk-through hit: errors in the user's language and format, the pager, the icon."""

from __future__ import annotations

import html
import re

import pytest

from search.query import parse_query
from web.notes import TEXTS, note_text


def _text(response) -> str:
    text = re.sub("<[^>]+>", " ", response.get_data(as_text=True))
    return html.unescape(re.sub(r"\s+", " ", text))


def test_a_page_past_the_end_says_so_and_links_the_last(client) -> None:
    shown = client.get("/?q=вибори&page=40")
    assert shown.status_code == 200
    text = _text(shown)
    assert "Нічого не знайдено" not in text
    assert "На цій сторінці результатів уже немає" in text
    assert 'href="?q=%D0%B2%D0%B8%D0%B1%D0%BE%D1%80%D0%B8' in shown.get_data(as_text=True)


def test_the_pager_has_previous_and_next(client) -> None:
    html = client.get("/?page=2").get_data(as_text=True)
    assert 'rel="prev"' in html and 'rel="next"' in html
    first = client.get("/").get_data(as_text=True)
    assert 'rel="prev"' not in first and 'rel="next"' in first


@pytest.mark.parametrize(
    "url", ["/search.json?page=abc", "/search.json?sort=zzz", "/search.csv?page=0"]
)
def test_bad_parameters_of_the_data_formats_answer_json(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    assert response.get_json()["parameter"] in ("page", "sort")


def test_bad_parameters_are_told_in_the_interface_language(client) -> None:
    ukrainian = _text(client.get("/?page=9999"))
    assert "параметр «page» має бути від 1 до 1000" in ukrainian
    client.get("/lang/en")
    english = client.get("/?page=9999")
    assert english.status_code == 400
    assert "parameter 'page' must be between 1 and 1000" in _text(english)


@pytest.mark.parametrize("query", ["dates=garbage", "from=вчора&to=2024-01-01"])
def test_a_period_that_is_no_period_is_an_error_not_an_active_filter(client, query: str) -> None:
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    assert "не схожий на період" in _text(response)
    assert client.get(f"/search.json?{query}").get_json()["parameter"] in ("dates", "from/to")


def test_unknown_articles_and_speakers_get_a_page_in_the_users_language(client) -> None:
    for url in ("/article/no-such-id", "/speaker/Ніхто Ніколенко"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Такої сторінки в архіві немає" in _text(response)
    client.get("/lang/en")
    english = _text(client.get("/article/no-such-id"))
    assert "There is no such page in the archive" in english


def test_the_icon_is_served(client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    icon = client.get(response.headers["Location"])
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
    icon.close()
    assert 'rel="icon"' in client.get("/").get_data(as_text=True)


def _stamp(value) -> str:
    return value.isoformat() if value else ""


def test_a_citation_leaves_out_what_is_missing_and_falls_back_to_the_page_url() -> None:
    from index.article import Article
    from web.citation import citation

    bare = Article(id="a", url="https://x.example/n/1", path="x/1.html", sha256="ab" * 32)
    cited = citation(bare, "uk", _stamp, lambda a: "")
    assert cited == "https://x.example/n/1 (збережена копія x/1.html, sha256 abababababab)."
    full = Article(
        id="b",
        url="https://x.example/n/2?utm=1",
        canonical_url="https://x.example/n/2",
        path="x/2.html",
        sha256="cd" * 32,
        source="Вісник",
        title="Новина",
    )
    assert citation(full, "en", _stamp, lambda a: "").startswith(
        "Вісник. «Новина». https://x.example/n/2 (stored copy x/2.html"
    )


def test_the_article_page_has_a_copy_button_only_scripts_reveal(client) -> None:
    found = client.get("/search.json?q=вибори").get_json()["hits"][0]["id"]
    html = client.get(f"/article/{found}").get_data(as_text=True)
    assert 'id="citation"' in html
    assert re.search(r'<button[^>]*data-copy="citation"[^>]*hidden', html)
    assert "Видання</dt><dd>" in html and "()" not in _text(client.get(f"/article/{found}"))


def test_csv_carries_capture_time_page_address_and_quotes(client) -> None:
    import csv
    import io

    text = client.get("/search.csv?q=заявив").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {"captured_at", "page_url", "quotes", "speakers"} <= set(rows[0])
    assert all(row["page_url"].endswith("/article/" + row["id"]) for row in rows)
    assert any("»" in row["quotes"] and " — " in row["quotes"] for row in rows)


def test_atom_authors_are_the_bylines(client) -> None:
    feed = client.get("/search.atom").get_data(as_text=True)
    authors = re.findall(r"<author><name>([^<]+)</name></author>", feed)
    outlets = {"Дніпровий вісник", "Полтавські обрії", "Громада Live", "Старий Кобзар"}
    assert authors and not set(authors) <= outlets


# --- item 5: notes name what the user typed, and no note speaks of an OR nobody typed ----


@pytest.mark.parametrize(
    ("typed", "named"),
    [("AND AND", "«AND»"), ("NOT", "«NOT»"), ("((", "«((»"), ("*", "«*»"), ("газ OR", "«OR»")],
)
def test_notes_name_what_was_typed(typed: str, named: str) -> None:
    notes = parse_query(typed).notes
    texts = [note_text(note, "uk") for note in notes]
    assert notes and any(named in text for text in texts)
    if "OR" not in typed:
        assert not any(note.code == "or_one_side" for note in notes)


def test_an_empty_query_has_no_note() -> None:
    assert parse_query("").notes == []


def test_notes_are_english_in_the_english_interface(client) -> None:
    page = client.get("/?q=AND+AND&lang=en").get_data(as_text=True)
    assert "holds no words to search for" in page
    assert "немає слів" not in page


# --- item 6: facet counts count what the results show ---------------------------------


def test_facets_count_a_text_and_its_reprints_once_when_folded(tmp_path) -> None:
    from index.build import rebuild
    from search import SearchRequest, open_searcher, run_search

    archive = tmp_path / "archive"
    archive.mkdir()
    text = (
        "<p>Міська ТЕЦ зупинила третій енергоблок на плановий ремонт до середини травня.</p>"
        "<p>Гарячу воду в мікрорайонах подаватимуть за графіком, повідомили в управлінні.</p>"
    )
    for n in range(2):
        (archive / f"{n}.html").write_text(
            f"""<html lang="uk"><head><meta charset="utf-8"><title>ТЕЦ на ремонті {n}</title>
<meta property="og:site_name" content="Вісті"><link rel="canonical" href="https://vist.example/{n}">
</head><body><article><h1>ТЕЦ на ремонті</h1>{text}</article></body></html>""",
            encoding="utf-8",
        )
    rebuild(archive, tmp_path / "index")
    with open_searcher(tmp_path / "index") as searcher:
        for reprints, total in (("fold", 1), ("all", 2)):
            result = run_search(searcher, SearchRequest(text="ТЕЦ", reprints=reprints))
            source = next(f for f in result.facets if f.name == "source")
            assert result.total == total
            assert [v.count for v in source.values] == [total]


def test_the_page_says_what_facets_count(client) -> None:
    assert "текст із передруками — один раз" in client.get("/").get_data(as_text=True)
    assert "передруки окремо" in client.get("/?reprints=all").get_data(as_text=True)


# --- item 13: field values match in any case and by a unique part, with a note ------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("speaker:Мельник", "Тарас Мельник"),
        ("source:вісник", "Дніпровий вісник"),
        ("джерело:дніпровий", "Дніпровий вісник"),
    ],
)
def test_a_part_of_a_value_finds_it_and_says_so(demo_index, typed: str, value: str) -> None:
    from search import SearchRequest, open_searcher, run_search

    with open_searcher(demo_index) as searcher:
        result = run_search(searcher, SearchRequest(text=typed))
    assert result.total > 0
    assert any(value in note.values for note in result.notes)


def test_an_unknown_value_says_there_is_none(demo_index) -> None:
    from search import SearchRequest, open_searcher, run_search

    with open_searcher(demo_index) as searcher:
        result = run_search(searcher, SearchRequest(text="speaker:Невідомий"))
    assert result.total == 0
    assert any(note.code == "no_such_value" for note in result.notes)


# --- item 18: proximity ---------------------------------------------------------------


@pytest.fixture(scope="module")
def near_index(tmp_path_factory):
    from index.build import rebuild

    root = tmp_path_factory.mktemp("near")
    texts = {
        "close": "Міська рада затвердила ремонт старого пішохідного мосту через річку.",
        "reversed": "Міст через річку закрили: його ремонт триватиме до осені.",
        "far": "Ремонт доріг почнеться навесні, а про долю старого дерев'яного пішохідного "
        "переходу через річку біля центрального парку вирішать згодом, як і про міст.",
    }
    for name, text in texts.items():
        (root / "archive").mkdir(exist_ok=True)
        (root / "archive" / f"{name}.html").write_text(
            f"""<html lang="uk"><head><meta charset="utf-8"><title>{name}</title>
<link rel="canonical" href="https://vist.example/{name}"></head><body><article>
<h1>Новина міста {name}</h1><p>{text} Подробиці згодом у наших новинах для {name}.</p>
</article></body></html>""",
            encoding="utf-8",
        )
    rebuild(root / "archive", root / "index")
    return root / "index"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ('"ремонт мосту"', set()),
        ('"ремонт мосту"~4', {"close", "reversed"}),
        ("ремонт NEAR/4 мосту", {"close", "reversed"}),
        ('"ремонт мосту"~40', {"close", "reversed", "far"}),
    ],
)
def test_words_near_each_other(near_index, typed: str, found: set[str]) -> None:
    from search import SearchRequest, open_searcher, run_search

    with open_searcher(near_index) as searcher:
        result = run_search(searcher, SearchRequest(text=typed, expand=False))
    assert {hit.article.title.split()[-1] for hit in result.hits} == found


# --- item 8: clear all filters, the way back, what a new query keeps ---------------------


def test_clear_all_filters_and_the_note_of_what_a_new_query_keeps(client) -> None:
    page = client.get("/?q=газ&source=Громада+Live&dates=2024").get_data(as_text=True)
    assert "Прибрати всі фільтри" in page
    assert 'href="?q=%D0%B3%D0%B0%D0%B7"' in page  # the query stays, every filter goes
    assert "Новий запит шукатиме з фільтрами" in page
    plain = client.get("/?q=газ").get_data(as_text=True)
    assert "Прибрати всі фільтри" not in plain and "Новий запит шукатиме" not in plain


def test_the_way_back_from_an_article_returns_to_the_search(client) -> None:
    results = client.get("/?q=газ&sort=newest&page=1").get_data(as_text=True)
    link = html.unescape(re.search(r'<h3><a href="([^"]+)"', results).group(1))
    article = client.get(link).get_data(as_text=True)
    back = html.unescape(re.search(r'<a href="([^"]+)">← До пошуку', article).group(1))
    assert back.startswith("/search?") and "sort=newest" in back
    assert "q=%D0%B3%D0%B0%D0%B7" in back


def test_the_way_back_cannot_carry_markup_or_another_site(client) -> None:
    results = client.get("/?q=газ").get_data(as_text=True)
    link = html.unescape(re.search(r'<h3><a href="([^"]+)"', results).group(1)).split("?")[0]
    page = client.get(link + '?back="><script>alert(1)</script>//evil.example').get_data(
        as_text=True
    )
    assert "<script>alert(1)" not in page
    back = re.search(r'<a href="([^"]+)">← До пошуку', page).group(1)
    assert back.startswith("/search?")


# --- item 9: the English interface is English; Cyrillic only in what the archive says ------


CYRILLIC_RUN = re.compile(r"[А-Яа-яІіЇїЄєҐґЁёЫыЭэЪъ][А-Яа-яІіЇїЄєҐґЁёЫыЭэЪъ'’ʼ-]*")


def _archive_text(index) -> str:
    from whoosh import index as whoosh_index

    with whoosh_index.open_dir(str(index)).searcher() as searcher:
        return " ".join(str(v) for fields in searcher.all_stored_fields() for v in fields.values())


def _english_pages(client) -> list[str]:
    results = client.get("/?q=газ&lang=en").get_data(as_text=True)
    article = html.unescape(re.search(r'<h3><a href="([^"]+)"', results).group(1))
    speaker = html.unescape(re.search(r'href="(/speaker/[^"?]+)', results).group(1))
    return [
        "/?lang=en",
        "/?q=газ&lang=en&source=Громада+Live&dates=2024",
        "/?q=AND+AND&lang=en",
        "/?q=speaker:Мельник&lang=en",
        "/?lang=en&page=999",
        "/help?lang=en",
        "/no-such-page?lang=en",
        f"{article}&lang=en",
        f"{speaker}?lang=en",
    ]


def test_the_english_interface_has_no_ukrainian_of_its_own(client, demo_index) -> None:
    from bs4 import BeautifulSoup

    data = _archive_text(demo_index) + " газ Громада Live Мельник"
    for url in _english_pages(client):
        soup = BeautifulSoup(client.get(url).get_data(as_text=True), "lxml")
        for element in soup.find_all(["script", "style"]) + soup.find_all(lang=["uk", "ru"]):
            element.decompose()
        shown = soup.get_text(" ") + " ".join(
            str(tag.get(name))
            for tag in soup.find_all(True)
            for name in ("title", "placeholder", "aria-label", "alt")
            if tag.get(name)
        )
        stray = {run for run in CYRILLIC_RUN.findall(shown) if run not in data}
        assert not stray, (url, sorted(stray)[:20])


# --- item 12: the timeline says what its bars show; count or share, and the interval --------


def test_the_timeline_says_what_it_shows_and_takes_an_interval(client) -> None:
    auto = _text(client.get("/"))
    assert "висота стовпчика — кількість знайдених публікацій" in auto
    yearly = client.get("/?interval=year").get_data(as_text=True)
    assert "за рік" in _text(client.get("/?interval=year"))
    assert len(re.findall(r"<rect ", yearly)) <= 3  # the demo spans at most three years
    share = _text(client.get("/?timeline=share&interval=month"))
    assert "частка знайдених від усіх публікацій архіву" in share and "за місяць" in share
    assert client.get("/?interval=fortnight").status_code == 400


def test_the_numbers_of_each_bar_are_in_a_table_a_keyboard_reaches(client) -> None:
    page = client.get("/?interval=month").get_data(as_text=True)
    bars = len(re.findall(r"<rect ", page))
    table = re.search(r'<details class="timeline-table">(.*?)</details>', page, re.S).group(1)
    assert bars > 1 and len(re.findall(r"<tr><td><a href=", table)) == bars


# --- item 15: the speaker page pages, searches within the quotes, draws a timeline ----------

SPEAKER = "/speaker/Тарас Мельник"


def test_the_speaker_page_comes_in_pages(client, monkeypatch) -> None:
    import web.views

    monkeypatch.setattr(web.views, "SPEAKER_PAGE_SIZE", 4)
    first = client.get(SPEAKER + "?page=1&size=4").get_data(as_text=True)
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert first.count('<p class="meta">') == 4
    second = client.get(SPEAKER + "?page=2&size=4").get_data(as_text=True)
    assert 'rel="prev"' in second and 'start="5"' in second


def test_the_speaker_page_searches_within_the_quotes(client) -> None:
    everything = client.get(SPEAKER).get_data(as_text=True)
    total = everything.count('<p class="meta">')
    words = re.findall(r"<q>([^<]+)</q>", everything)
    word = max(re.findall(r"[^\W\d_]{6,}", html.unescape(words[0])), key=len)
    narrowed = client.get(f"{SPEAKER}?q={word}").get_data(as_text=True)
    assert 0 < narrowed.count('<p class="meta">') < total or total == 1
    nothing = client.get(f"{SPEAKER}?q=щонайнеймовірніше").get_data(as_text=True)
    assert "У цитатах цієї людини таких слів немає" in nothing


def test_the_speaker_page_has_a_timeline(client) -> None:
    page = client.get(SPEAKER).get_data(as_text=True)
    assert '<figure class="timeline">' in page and "<rect " in page


# --- item 11: a home page for newcomers, with examples that work on this archive -----------


def test_the_home_page_welcomes_with_examples_that_find_something(client) -> None:
    page = client.get("/").get_data(as_text=True)
    welcome = re.search(r'<div class="welcome">(.*?)</div>', page, re.S).group(1)
    assert "В архіві" in _text(client.get("/"))
    links = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', welcome)]
    assert len(links) >= 4
    for link in links:
        shown = client.get(link if link.startswith("/") else "/" + link)
        assert shown.status_code == 200, link
        if link.startswith("?"):
            assert int(re.search(r"<strong>(\d+) ", shown.get_data(as_text=True)).group(1)) > 0
    assert '<div class="welcome">' not in client.get("/?q=газ").get_data(as_text=True)


# --- item 10: the keyboard reaches the first result soon; the timeline's numbers too --------


def _tab_stops_before_first_result(page: str) -> int:
    from bs4 import BeautifulSoup

    stops = 0
    for element in BeautifulSoup(page, "lxml").find_all(True):
        if element.name == "h3" and element.find_parent(class_="hit"):
            return stops
        if element.get("tabindex") == "-1" or (
            element.find_parent("details") and element.name != "summary"
        ):
            continue
        link = element.name == "a" and element.get("href")
        control = element.name in ("input", "button", "select", "summary")
        stops += bool(link or (control and element.get("type") != "hidden"))
    raise AssertionError("no result on the page")


@pytest.mark.parametrize("url", ["/", "/?q=газ", "/?q=газ&source=Громада+Live"])
def test_few_tab_stops_before_the_first_result(client, url: str) -> None:
    assert _tab_stops_before_first_result(client.get(url).get_data(as_text=True)) <= 30


def test_every_note_the_search_can_give_has_words_in_both_languages() -> None:
    from pathlib import Path

    import search.engine
    import search.query

    sources = "".join(
        Path(m.__file__).read_text(encoding="utf-8") for m in (search.query, search.engine)
    )
    codes = set(re.findall(r'Note\(\s*"(\w+)"', sources))
    assert len(codes) >= 15
    assert codes and codes <= set(TEXTS)
    assert all(set(words) == {"uk", "en"} for words in TEXTS.values())


def test_json_notes_and_facet_labels_follow_the_interface_language(client) -> None:
    english = client.get("/search.json?q=AND+AND&lang=en").get_json()
    assert english["notes"][0]["code"] == "nothing_after"
    assert "with no word after it" in english["notes"][0]["text"]
    labels = {facet["name"]: facet["label"] for facet in english["facets"]}
    assert labels["source"] == "Outlet" and labels["speaker"] == "Who said it"
    ukrainian = client.get("/search.json?q=AND+AND").get_json()
    assert "без слова після нього" in ukrainian["notes"][0]["text"]


# --- item 19: the README's examples find something on the demo ------------------------------


def test_the_readme_examples_work_on_the_demo(demo_index) -> None:
    from pathlib import Path

    from search import SearchRequest, open_searcher, run_search

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    first_screen = readme.split("## Using it on your own archive")[0]
    table = readme.split("## Query language")[1].split("\n## ")[0]
    tried = re.search(r"on the demo, try (.+?)\.", first_screen, re.S).group(1)
    examples = re.findall(r"`([^`]+)`", tried)
    examples += [
        e for row in re.findall(r"^\| (.+?) \|", table, re.M) for e in re.findall(r"`([^`]+)`", row)
    ]
    skip = {"examples/archive/", ".venv", "make run", "Ctrl+C"}
    queries = [
        e for e in examples if e not in skip and "…" not in e and not e.startswith("date:..")
    ]
    assert len(queries) >= 15
    with open_searcher(demo_index) as searcher:
        empty = [q for q in queries if run_search(searcher, SearchRequest(text=q)).total == 0]
    assert not empty, empty


def test_without_words_the_sort_line_shows_the_order_in_effect(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert '<strong aria-current="true">спершу нові</strong>' in page
    assert "за релевантністю" not in _text(client.get("/"))
    assert '<strong aria-current="true">за релевантністю</strong>' in client.get(
        "/?q=газ"
    ).get_data(as_text=True)
