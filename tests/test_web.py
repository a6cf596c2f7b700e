"""The web layer end to end: the demo archive rebuilt, queried through Flask's test client."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

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
    assert 'aria-pressed="true"' in filtered
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
    data = client.get("/search.json?q=source:\"Старий Кобзар\"").get_json()
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
        "результат", "результати", "результатів", "результатів", "результат",
        "результати", "результатів", "результатів", "результатів",
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
