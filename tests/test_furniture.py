"""A line an outlet prints on many of its pages is taken out of every text of that outlet."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index

from index.article import Article
from index.build import rebuild
from index.furniture import without_furniture

SUBSCRIBE = "Редакція працює для вас щодня з восьмої ранку до півночі."  # in no word list
TOPICS = ("ремонт доріг", "нові школи", "зелені парки", "міський бюджет", "вуличне освітлення")


def article(n: int, domain: str = "vist.example", tail: str = SUBSCRIBE) -> Article:
    text = f"Депутати обговорили {TOPICS[n % len(TOPICS)]} на засіданні номер {n}."
    return Article(
        id=str(n), domain=domain, title=f"Новина {n}", body=f"{text}\n\nДеталі згодом.\n\n{tail}"
    )


def test_a_line_under_many_headlines_of_one_outlet_goes() -> None:
    cleaned, removed = without_furniture([article(n) for n in range(5)])
    assert all(SUBSCRIBE not in a.body for a in cleaned)
    assert removed[SUBSCRIBE] == 5
    assert all(a.body.startswith("Депутати обговорили") for a in cleaned)


def test_other_outlets_and_rare_lines_stay() -> None:
    pages = [article(n) for n in range(2)] + [article(9, domain="other.example")]
    cleaned, removed = without_furniture(pages)
    assert not removed
    assert [a.body for a in cleaned] == [a.body for a in pages]


def test_captures_of_one_headline_count_once() -> None:
    same = [article(1) for _ in range(4)]
    _cleaned, removed = without_furniture(same)
    assert not removed


def test_the_originals_are_left_as_extracted() -> None:
    pages = [article(n) for n in range(5)]
    without_furniture(pages)
    assert all(SUBSCRIBE in a.body for a in pages)


def test_a_rebuild_takes_the_line_out_and_counts_it(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(4):
        (archive / f"{n}.html").write_text(
            f"""<html lang="uk"><head><meta charset="utf-8"><title>Новина {n}</title>
<link rel="canonical" href="https://vist.example/news/{n}"></head><body><article><h1>Новина {n}</h1>
<p>Депутати обговорили {TOPICS[n]} на засіданні міської ради номер {n} у середу.</p>
<p>Рішення щодо пункту {n} ухвалять наступного тижня, коли комісія підготує висновки.</p>
<p>{SUBSCRIBE}</p></article></body></html>""",
            encoding="utf-8",
        )
    summary = rebuild(archive, tmp_path / "index")
    assert summary.furniture_lines == 4
    with whoosh_index.open_dir(str(tmp_path / "index")).searcher() as searcher:
        assert all(SUBSCRIBE not in fields["body"] for fields in searcher.all_stored_fields())
