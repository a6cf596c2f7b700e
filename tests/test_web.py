"""The web layer end to end: the demo archive rebuilt, queried through Flask's test client."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from web import create_app


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_search_page_in_ukrainian_with_results(client) -> None:
    response = client.get("/?q=Мельник")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<html lang="uk">' in html
    assert re.search(r"\d+ результат(и|ів)?", text_of(html))
    assert "<mark>" in html
    assert "Знайдені форми" in html


def test_empty_query_lists_everything_newest_first(client) -> None:
    data = client.get("/search.json?reprints=all").get_json()
    assert data["total"] == 48
    assert client.get("/search.json").get_json()["total"] == 46  # two reprints folded
    dates = [hit["published"] for hit in data["hits"] if hit["published"]]
    assert dates == sorted(dates, reverse=True)


def test_facets_present_and_clickable(client) -> None:
    html = client.get("/").get_data(as_text=True)
    for label in ("Видання", "Рубрика", "Хто сказав", "Мова", "Рік"):
        assert label in html
    link = re.search(r'href="(\?source=[^"]+)"', html).group(1)
    filtered = client.get("/" + unescape(link)).get_data(as_text=True)
    assert 'aria-current="true"' in filtered
    assert "Прибрати фільтр" in filtered


def test_filter_state_lives_in_the_url(client) -> None:
    data = client.get("/search.json?source=Старий Кобзар&sort=oldest").get_json()
    assert data["total"] == 8
    assert {hit["source"] for hit in data["hits"]} == {"Старий Кобзар"}
    assert data["query"]["sort"] == "oldest"


def test_json_by_accept_header(client) -> None:
    response = client.get("/search?q=бюджет", headers={"Accept": "application/json"})
    assert response.is_json and response.get_json()["query"]["text"] == "бюджет"


def test_inflected_search_finds_windows_1251_page(client) -> None:
    data = client.get('/search.json?q=source:"Старий Кобзар"').get_json()
    assert data["total"] == 8


def test_article_page_and_sandboxed_stored_copy(client) -> None:
    hit = client.get("/search.json?q=Мельник").get_json()["hits"][0]
    page = client.get(f"/article/{hit['id']}")
    assert page.status_code == 200
    assert hit["sha256"][:16] in page.get_data(as_text=True)
    stored = client.get(f"/article/{hit['id']}/stored")
    assert stored.status_code == 200
    assert "sandbox" in stored.headers["Content-Security-Policy"]
    assert stored.mimetype == "text/html"


def test_unknown_article_is_404(client) -> None:
    assert client.get("/article/doesnotexist").status_code == 404


def test_bad_parameters_are_400_not_500(client) -> None:
    assert client.get("/?page=abc").status_code == 400
    assert client.get("/?page=0").status_code == 400
    assert client.get("/?sort=sideways").status_code == 400
    assert client.get("/?size=100000").status_code == 400


def test_query_text_is_escaped(client) -> None:
    html = client.get("/?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html


def test_security_headers(client) -> None:
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_missing_index_is_a_clear_503(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "none")})
    response = app.test_client().get("/")
    assert response.status_code == 503
    assert "pidshyvka rebuild" in response.get_data(as_text=True)


def test_plural_forms() -> None:
    from web.formatting import plural

    forms = ("результат", "результати", "результатів")
    assert [plural(n, *forms) for n in (1, 2, 5, 11, 21, 22, 25, 111, 112)] == [
        "результат",
        "результати",
        "результатів",
        "результатів",
        "результат",
        "результати",
        "результатів",
        "результатів",
        "результатів",
    ]


def test_running_app_picks_up_a_swapped_index(tmp_path: Path) -> None:
    import io
    import shutil

    from index.build import rebuild
    from tests.paths import DEMO_ARCHIVE

    archive = tmp_path / "archive"
    shutil.copytree(DEMO_ARCHIVE / "staryi-kobzar.example", archive / "staryi-kobzar.example")
    index = tmp_path / "ix"
    rebuild(archive, index, stream=io.StringIO(), interactive=False)
    client = create_app({"TESTING": True, "INDEX_DIR": str(index)}).test_client()
    assert client.get("/search.json").get_json()["total"] == 8
    shutil.copytree(DEMO_ARCHIVE / "odesskii-kurier.example", archive / "odesskii-kurier.example")
    for _ in range(3):  # more swaps than versions kept: the app must follow the link, not a version
        rebuild(archive, index, stream=io.StringIO(), interactive=False)
    assert client.get("/search.json").get_json()["total"] == 14


def test_csv_export_has_every_match_and_honours_filters(client) -> None:
    import csv
    import io

    response = client.get("/search.csv?source=Старий Кобзар")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 8
    assert {row["source"] for row in rows} == {"Старий Кобзар"}
    assert all(row["sha256"] and row["path"] for row in rows)


def test_atom_feed_is_valid_xml_newest_first(client) -> None:
    from xml.etree import ElementTree

    response = client.get("/search.atom?q=Мельник")
    assert response.mimetype == "application/atom+xml"
    feed = ElementTree.fromstring(response.get_data())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert entries and feed.find("a:title", ns).text == "Підшивка: Мельник"
    dates = [e.find("a:updated", ns).text for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert all(
        e.find("a:link", ns).get("href").startswith("http://localhost/article/") for e in entries
    )


def test_timeline_svg_with_period_links(client) -> None:
    html = client.get("/?q=бюджет").get_data(as_text=True)
    assert "<svg" in html
    periods = set(re.findall(r'href="\?q=[^"]*dates=(\d{4}(?:-\d\d)*)', html))
    assert periods  # every bar links to its period
    period = sorted(periods)[0]
    narrowed = client.get(f"/search.json?q=бюджет&dates={period}").get_json()
    assert narrowed["total"] > 0
    assert all(hit["published"].startswith(period) for hit in narrowed["hits"])


def test_period_form_inputs(client) -> None:
    data = client.get("/search.json?from=2025-01-01&to=2025-12-31").get_json()
    assert data["query"]["dates"] == "2025-01-01..2025-12-31"
    assert all(hit["published"][:4] == "2025" for hit in data["hits"] if hit["published"])


def test_reprints_folded_and_switchable(client) -> None:
    folded = client.get("/search.json?q=спальних вагонів").get_json()
    hit = next(h for h in folded["hits"] if h["reprints"])
    assert hit["first_source"] and hit["reprints"][0]["source"] != hit["source"]
    html = client.get("/?q=спальних вагонів").get_data(as_text=True)
    assert "Також опублікували" in html
    unfolded = client.get("/search.json?q=спальних вагонів&reprints=all").get_json()
    assert unfolded["total"] == folded["total"] + 1


def test_speaker_page_lists_quotes_over_time(client) -> None:
    speakers = client.get("/search.json").get_json()["facets"]
    top = next(f for f in speakers if f["name"] == "speaker")["values"][0]["value"]
    page = client.get(f"/speaker/{top}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert top in html and "<q" in html
    assert client.get("/speaker/Ніхто Ніколи").status_code == 404


def test_help_page_documents_the_query_language(client) -> None:
    html = client.get("/help").get_data(as_text=True)
    for example in ('="Полтави"', "date:2024-11", "quote:", "speaker:", "АБО", "НЕ"):
        assert example in unescape(html)


def test_english_interface_by_switch(client) -> None:
    response = client.get("/lang/en?next=/?q=бюджет")
    assert response.status_code == 302 and "lang=en" in response.headers["Set-Cookie"]
    html = client.get("/?q=бюджет").get_data(as_text=True)
    assert '<html lang="en">' in html and "results" in html
    assert client.get("/lang/en?next=//evil.example").headers["Location"] == "/"


def test_facet_show_more_and_alphabetical_links(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "fsize.author=100" in unescape(html)
    assert "fsort.source=alpha" in unescape(html)
    data = client.get("/search.json?fsort.source=alpha").get_json()
    labels = [
        v["label"] for v in next(f for f in data["facets"] if f["name"] == "source")["values"]
    ]
    assert labels == [
        "Громада Live",
        "Дніпровий вісник",
        "Одесский курьер",
        "Полтавські обрії",
        "Старий Кобзар",
    ]


def test_article_page_shows_quotes_similar_and_citation(client) -> None:
    hit = client.get('/search.json?q=speaker:"Тарас Мельник"').get_json()["hits"][0]
    html = client.get(f"/article/{hit['id']}").get_data(as_text=True)
    assert "Цитати" in html and "Схожі матеріали" in html and "Як цитувати" in html
    assert hit["sha256"] in html


def test_json_schema_of_a_search(client) -> None:
    data = client.get("/search.json?q=бюджет").get_json()
    assert set(data) == {
        "query",
        "total",
        "took_ms",
        "notes",
        "expansions",
        "hits",
        "facets",
        "histogram",
    }
    hit = data["hits"][0]
    for key in (
        "id",
        "title",
        "published",
        "source",
        "domain",
        "rubric",
        "authors",
        "speakers",
        "language",
        "url",
        "path",
        "sha256",
        "snippet_html",
        "matched_forms",
        "reprints",
        "score",
    ):
        assert key in hit
    facet = data["facets"][0]
    assert set(facet) == {"name", "label", "values", "truncated", "total_values"}
    assert set(facet["values"][0]) == {"value", "label", "count", "selected"}
    assert set(data["histogram"]) == {"interval", "buckets", "undated"}


def test_bad_facet_parameters_are_400(client) -> None:
    assert client.get("/?fsort.source=upside").status_code == 400
    assert client.get("/?fsize.source=0").status_code == 400
    assert client.get("/?reprints=maybe").status_code == 400


def test_repeated_search_is_served_from_the_cache(client, monkeypatch) -> None:
    import web.views

    calls = []
    real = web.views.run_search
    monkeypatch.setattr(web.views, "run_search", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = client.get("/?q=кеш+перевірка").get_data()
    second = client.get("/?q=кеш+перевірка").get_data()
    assert first == second and len(calls) == 1
    client.get("/?q=кеш+перевірка", headers={"Accept": "application/json"})
    assert len(calls) == 2  # another format is another entry


@pytest.mark.parametrize(
    ("lang", "language", "month_word", "find"),
    [("uk", "українська", "травень", "укр"), ("en", "Ukrainian", "May", "ukr")],
)
def test_facet_values_and_periods_in_the_interface_language(
    client, lang: str, language: str, month_word: str, find: str
) -> None:
    data = client.get(f"/search.json?lang={lang}&interval=month").get_json()
    facets = {facet["name"]: facet for facet in data["facets"]}
    labels = {v["value"]: v["label"] for v in facets["language"]["values"]}
    assert labels["uk"] == language
    months = {v["value"]: v["label"] for v in facets["month"]["values"]}
    may = next(value for value in months if value.endswith("-05"))
    assert months[may] == f"{month_word} {may[:4]}"
    bucket = next(b for b in data["histogram"]["buckets"] if b["start"][5:7] == "05")
    assert bucket["label"].startswith(month_word)
    found = client.get(f"/search.json?lang={lang}&fq.language={find}").get_json()
    shown = next(f for f in found["facets"] if f["name"] == "language")["values"]
    assert [v["value"] for v in shown] == ["uk"]  # found by its label, in this language
