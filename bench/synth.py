"""A corpus synthesiser for benchmarks: N articles recombined from real ../shared/corpus text.

Paragraphs, titles, outlets, rubrics, authors and speakers are drawn (seeded,
reproducible) from the real pages, dates spread over ten years. Articles can
be written out as HTML pages in four layouts (JSON-LD, OpenGraph, microdata,
old windows-1251 table) for rebuild benchmarks. Output goes outside the repo.
"""

from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.article import Article, Quote
from index.extract import ExtractionError, extract_page
from index.extract.dates import KYIV

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARCHIVE = SHARED / "corpus" / "archive"
FIRST_DAY = datetime(2015, 1, 1, tzinfo=UTC)
DAYS = 3650


@dataclass(slots=True)
class Material:
    paragraphs: dict[str, list[str]] = field(default_factory=lambda: {"uk": [], "ru": []})
    titles: dict[str, list[str]] = field(default_factory=lambda: {"uk": [], "ru": []})
    outlets: list[tuple[str, str]] = field(default_factory=list)
    rubrics: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)


def need_corpus() -> None:
    if not ARCHIVE.exists():
        sys.exit(f"{ARCHIVE} is absent: benchmarks need ../shared beside the checkout")


def gather_material() -> Material:
    need_corpus()
    material = Material()
    for path in sorted(ARCHIVE.rglob("*.html")):
        try:
            article = extract_page(path.read_bytes(), path=str(path.relative_to(ARCHIVE)))
        except ExtractionError:
            continue
        if article.kind != "article":
            continue
        language = article.language if article.language in ("uk", "ru") else "uk"
        material.paragraphs[language] += [p for p in article.body.split("\n\n") if len(p) > 60]
        if article.title:
            material.titles[language].append(article.title)
        if article.source and article.domain:
            material.outlets.append((article.source, article.domain))
        material.rubrics += [article.rubric] if article.rubric else []
        material.authors += article.authors
        material.speakers += article.speakers
    material.outlets = sorted(set(material.outlets))
    material.rubrics = sorted(set(material.rubrics)) or ["Новини"]
    material.authors = sorted(set(material.authors)) or ["Редакція"]
    material.speakers = sorted(set(material.speakers)) or ["Марк Рютте"]
    return material


def synth_articles(count: int, seed: int = 2026, material: Material | None = None) -> list[Article]:
    material = material or gather_material()
    rng = random.Random(seed)
    return [_article(rng, material, n) for n in range(count)]


def _article(rng: random.Random, material: Material, n: int) -> Article:
    language = "ru" if rng.random() < 0.3 else "uk"
    paragraphs = rng.sample(material.paragraphs[language], rng.randint(3, 9))
    source, domain = rng.choice(material.outlets)
    speakers = rng.sample(material.speakers, min(len(material.speakers), rng.randint(0, 2)))
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS), minutes=rng.randrange(1440))
    quotes = [Quote(text=rng.choice(paragraphs)[:200], speaker=s, confidence=0.9) for s in speakers]
    article = Article(
        url=f"https://{domain}/synth/{n}",
        canonical_url=f"https://{domain}/synth/{n}",
        path=f"{domain}/{n}.html",
        sha256=f"{n:064x}",
        title=rng.choice(material.titles[language]),
        published=published,
        source=source,
        domain=domain,
        rubrics=[rng.choice(material.rubrics)],
        authors=rng.sample(material.authors, rng.randint(0, 1)),
        language=language,
        lead=paragraphs[0][:200],
        body="\n\n".join(paragraphs),
        quotes=quotes,
        speakers=speakers,
    )
    article.assign_id()
    return article


# --- pages ------------------------------------------------------------------------------


def _paragraph_html(article: Article) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in article.body.split("\n\n"))


def _jsonld_page(article: Article) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published.isoformat(),
        "articleSection": article.rubric,
        "author": [{"@type": "Person", "name": a} for a in article.authors],
        "publisher": {"@type": "Organization", "name": article.source},
        "url": article.url,
        "inLanguage": article.language,
    }
    return (
        f'<html lang="{article.language}"><head><meta charset="utf-8"><title>'
        f"{html.escape(article.title)} | {html.escape(article.source)}</title>"
        f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
        f"</head><body><nav><a href='/'>Головна</a> <a href='/news'>Новини</a></nav><article>"
        f"<h1>{html.escape(article.title)}</h1><div class='article-body'>{_paragraph_html(article)}"
        f"</div></article><aside class='related'><h2>Читайте також</h2></aside>"
        f"<footer>© {html.escape(article.source)}</footer></body></html>"
    )


OPENGRAPH_PAGE = """<html><head><meta charset="utf-8">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{source}">
<meta property="og:url" content="{url}"><meta property="og:type" content="article">
<meta property="article:published_time" content="{published}">
<meta property="article:section" content="{rubric}">{authors}</head>
<body><div class="post"><h1 class="post-title">{title}</h1>
<div class="post-content">{paragraphs}</div><div class="share">Поділитися</div></div>
<div class="sidebar"><h3>Популярне</h3></div></body></html>"""

MICRODATA_PAGE = """<html lang="{language}"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="{url}"></head><body>
<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">{title}</h1>
<time itemprop="datePublished" datetime="{published}"></time>
<div itemprop="publisher" itemscope><meta itemprop="name" content="{source}"></div>
<div itemprop="articleBody">{paragraphs}</div></article></body></html>"""

OLD_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{title} - {source}</title></head><body><table>
<tr><td><b>{title}</b><br>{local_time}</td></tr>
<tr><td>{paragraphs}</td></tr></table></body></html>"""


def _fields(article: Article) -> dict[str, str]:
    return {
        "title": html.escape(article.title),
        "source": html.escape(article.source),
        "url": article.url,
        "published": article.published.isoformat(),
        "rubric": html.escape(article.rubric or ""),
        "language": article.language,
        "paragraphs": _paragraph_html(article),
        "authors": "".join(
            f'<meta property="article:author" content="{html.escape(a)}">' for a in article.authors
        ),
        "local_time": f"{article.published.astimezone(KYIV):%d.%m.%Y %H:%M}",
    }


def _opengraph_page(article: Article) -> str:
    return OPENGRAPH_PAGE.format(**_fields(article))


def _microdata_page(article: Article) -> str:
    return MICRODATA_PAGE.format(**_fields(article))


def _old_page(article: Article) -> bytes:
    return OLD_PAGE.format(**_fields(article)).encode("cp1251", "replace")


LAYOUTS = (_jsonld_page, _opengraph_page, _microdata_page)


def write_pages(articles: list[Article], folder: Path, seed: int = 2026) -> int:
    """Write each article as a page in one of four layouts; returns the bytes written."""
    rng = random.Random(seed)
    written = 0
    for article in articles:
        path = folder / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        choice = rng.randrange(len(LAYOUTS) + 1)
        data = _old_page(article) if choice == len(LAYOUTS) else LAYOUTS[choice](article).encode()
        path.write_bytes(data)
        written += len(data)
    return written


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write N synthesised pages into a folder.")
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    pages = synth_articles(arguments.count, arguments.seed)
    size = write_pages(pages, arguments.folder, arguments.seed)
    print(f"wrote {len(pages)} pages, {size / 1e6:.1f} MB, to {arguments.folder}")
