"""Stored pages and queries carrying XSS payloads render inert in every view."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import lxml.html
import pytest
from whoosh import index as whoosh_index

from index.article import Article, Quote
from index.schema import article_document, build_schema
from web import create_app

# A selection in the spirit of the OWASP XSS filter evasion cheat sheet.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">клік</a>',
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    '<div style="background:url(javascript:alert(1))">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("xss")
    ix = whoosh_index.create_in(str(folder), build_schema())
    with ix.writer() as writer:
        for n, payload in enumerate(PAYLOADS):
            article = Article(
                id=f"x{n}",
                title=f"Новина {payload}",
                source=f"Видання {payload}",
                domain="x.example",
                rubrics=[payload[:50]],
                authors=[payload.replace(",", " ")],
                language="uk",
                url=f"javascript:alert({n})",
                path=f"evil/{n}.html",
                sha256="0" * 64,
                published=datetime.fromisoformat("2024-05-01T10:00:00+03:00"),
                body=f"Міська рада {payload} ухвалила бюджет.",
                lead=payload,
                quotes=[Quote(text=f"цитата {payload}", speaker=f"Марко {n}", confidence=0.9)],
                speakers=[f"Марко {n}"],
            )
            writer.add_document(**article_document(article))
    app = create_app({"TESTING": True, "INDEX_DIR": str(folder)})
    return app.test_client()


OUR_SCRIPT = "/static/copy.js"  # the one script we serve: same origin, no inline code


def assert_inert(html: str) -> None:
    tree = lxml.html.fromstring(html)
    scripts = [
        element
        for element in tree.xpath("//script")
        if element.get("src") != OUR_SCRIPT or (element.text or "").strip()
    ]
    assert not scripts, [lxml.html.tostring(element) for element in scripts]
    assert not tree.xpath("//iframe|//object|//embed|//svg[@onload]|//details[@ontoggle]")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name.lower() in ("href", "src", "action"):
                assert not value.strip().lower().startswith("javascript:"), value


@pytest.mark.parametrize(
    "path", ["/", "/?q=бюджет", "/?q=Новина&sort=newest", "/?fsize.author=100"]
)
def test_search_views_are_inert(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert_inert(response.get_data(as_text=True))


@pytest.mark.parametrize("n", range(len(PAYLOADS)))
def test_article_and_speaker_pages_are_inert(client, n: int) -> None:
    article = client.get(f"/article/x{n}")
    speaker = client.get(f"/speaker/Марко {n}")
    assert article.status_code == speaker.status_code == 200  # the pages, not a 404
    assert "ухвалила бюджет" in article.get_data(as_text=True)  # the stored text is shown
    assert "цитата" in speaker.get_data(as_text=True)  # and the quote on the speaker page
    assert_inert(article.get_data(as_text=True))
    assert_inert(speaker.get_data(as_text=True))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_queries_carrying_payloads_are_inert(client, payload: str) -> None:
    response = client.get("/", query_string={"q": payload, "fq.source": payload})
    assert response.status_code == 200
    assert_inert(response.get_data(as_text=True))


def test_feed_and_csv_escape_payloads(client) -> None:
    from xml.etree import ElementTree

    ElementTree.fromstring(client.get("/search.atom").get_data())  # well-formed despite payloads
    assert client.get("/search.csv").status_code == 200
