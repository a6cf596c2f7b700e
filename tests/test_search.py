"""The query side over a small index of our own articles."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from index.article import Article, Quote
from index.schema import article_document, build_schema
from search import SearchRequest, run_search
from search.highlight import highlight
from search.query import parse_query

KYIV_WINTER = datetime.fromisoformat("2024-11-13T12:38:00+02:00")

ARTICLES = [
    Article(
        id="a1",
        title="Росія платить ракетними технологіями",
        source="Вісник",
        domain="visnyk.example",
        rubrics=["Світ"],
        language="uk",
        published=KYIV_WINTER,
        speakers=["Марк Рютте"],
        quotes=[Quote(text="Україна може перемогти", speaker="Марк Рютте", confidence=0.9)],
        body="Країна-агресорка розплачується ракетною технологією за допомогу. Про це заявив генсек.",
    ),
    Article(
        id="a2",
        title="Міська рада ухвалила бюджет",
        source="Громада",
        domain="hromada.example",
        rubrics=["Політика"],
        language="uk",
        published=datetime.fromisoformat("2025-02-01T10:00:00+02:00"),
        body="Депутати міської ради проголосували за бюджет на ремонт шкіл і доріг.",
    ),
    Article(
        id="a3",
        title="Нові ракетні технології в науці",
        source="Громада",
        domain="hromada.example",
        rubrics=["Наука"],
        language="uk",
        published=datetime.fromisoformat("2023-06-01T10:00:00+03:00"),
        body="Науковці показали ракетну технологію нового покоління на виставці.",
    ),
    Article(
        id="a4",
        title="Война и ракетные технологии",
        source="Курьер",
        domain="kurier.example",
        rubrics=["Мир"],
        language="ru",
        published=datetime.fromisoformat("2024-03-01T10:00:00+02:00"),
        body="Эксперты обсуждают ракетные технологии и войны будущего.",
    ),
    Article(
        id="a5",
        title="Футбол без дат",
        source="Вісник",
        domain="visnyk.example",
        language="uk",
        body="Команда виграла матч у неділю, вболівальники раділи перемозі.",
    ),
]


def index_of(folder: Path, articles: list[Article]):
    """A new index at ``folder`` holding ``articles``."""
    ix = whoosh_index.create_in(str(folder), build_schema())
    with ix.writer() as writer:
        for article in articles:
            writer.add_document(**article_document(article))
    return ix


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory):
    with index_of(tmp_path_factory.mktemp("search"), ARTICLES).searcher() as opened:
        yield opened


def ids(searcher, text: str = "", **kwargs) -> set[str]:
    result = run_search(searcher, SearchRequest(text=text, **kwargs))
    return {hit.article.id for hit in result.hits}


def test_lemma_search_finds_inflected_forms(searcher) -> None:
    assert ids(searcher, "ракетна технологія", expand=False) == {"a1", "a3"}


def test_one_query_box_serves_russian_documents_too(searcher) -> None:
    assert ids(searcher, "ракетная технология", expand=False) == {"a4"}


def test_phrase_matches_lemmas_in_order(searcher) -> None:
    assert ids(searcher, '"ракетна технологія"', expand=False) == {"a1", "a3"}
    assert ids(searcher, '"технологія ракетна"') == set()


def test_word_with_several_lemmas_still_matches(searcher) -> None:
    assert "a4" in ids(searcher, "войны")


def test_exact_form_syntax(searcher) -> None:
    assert ids(searcher, '="ракетними"') == {"a1"}
    assert ids(searcher, "=ракетними") == {"a1"}


def test_exact_phrase_needs_the_forms_in_that_order(searcher) -> None:
    assert ids(searcher, '="ракетною технологією"') == {"a1"}
    assert ids(searcher, '="технологією ракетною"') == set()
    assert ids(searcher, '="ракетна технологія"') == set()  # a1 and a3 inflect both words


def test_exact_form_inside_a_field(searcher) -> None:
    assert ids(searcher, 'title:="ракетними"') == {"a1"}
    assert ids(searcher, 'title:="бюджетом"') == set()  # the lemma is in a2's title, not the form
    # documented: the field places the lemma, the form may stand anywhere in the article
    assert ids(searcher, 'title:="ракетною"') == {"a1"}


def test_compound_found_by_part_and_whole(searcher) -> None:
    assert ids(searcher, "агресорка") == {"a1"}
    assert ids(searcher, "країна-агресорка") == {"a1"}


def test_boolean_operators(searcher) -> None:
    assert ids(searcher, "бюджет OR науковці") == {"a2", "a3"}
    assert ids(searcher, "бюджет АБО науковці") == {"a2", "a3"}
    assert ids(searcher, "ракетна -науковці") == {"a1", "a4"}
    assert ids(searcher, "ракетна НЕ науковці") == {"a1", "a4"}


def test_field_queries(searcher) -> None:
    assert ids(searcher, "title:бюджет") == {"a2"}
    assert ids(searcher, "quote:перемогти") == {"a1"}
    assert ids(searcher, 'speaker:"Марк Рютте"') == {"a1"}
    assert ids(searcher, "source:Громада") == {"a2", "a3"}


def test_facet_filters_or_within_and_across(searcher) -> None:
    assert ids(searcher, filters={"source": ["Громада", "Курьер"]}) == {"a2", "a3", "a4"}
    assert ids(searcher, filters={"source": ["Громада"], "rubric": ["Наука"]}) == {"a3"}


def test_facet_counts_are_disjunctive(searcher) -> None:
    result = run_search(searcher, SearchRequest(filters={"source": ["Громада"]}))
    sources = {
        v.value: (v.count, v.selected)
        for v in next(f for f in result.facets if f.name == "source").values
    }
    assert sources == {"Громада": (2, True), "Вісник": (2, False), "Курьер": (1, False)}
    rubrics = {
        v.value: v.count for v in next(f for f in result.facets if f.name == "rubric").values
    }
    assert rubrics == {"Політика": 1, "Наука": 1}
    assert result.total == 2


def test_speaker_and_year_facets(searcher) -> None:
    result = run_search(searcher, SearchRequest())
    facets = {f.name: {v.value: v.count for v in f.values} for f in result.facets}
    assert facets["speaker"] == {"Марк Рютте": 1}
    assert facets["year"] == {"2025": 1, "2024": 2, "2023": 1, "": 1}
    assert facets["language"] == {"uk": 4, "ru": 1}


def test_sort_newest_and_oldest(searcher) -> None:
    newest = run_search(searcher, SearchRequest(text="ракетна", sort="newest"))
    oldest = run_search(searcher, SearchRequest(text="ракетна", sort="oldest"))
    assert [h.article.id for h in newest.hits] == ["a1", "a4", "a3"]
    assert [h.article.id for h in oldest.hits] == ["a3", "a4", "a1"]


def test_paging_and_exact_total(searcher) -> None:
    first = run_search(searcher, SearchRequest(page_size=2, page=1))
    third = run_search(searcher, SearchRequest(page_size=2, page=3))
    assert first.total == third.total == 5
    assert len(first.hits) == 2 and len(third.hits) == 1


def test_highlight_marks_inflected_forms_and_lists_them(searcher) -> None:
    result = run_search(searcher, SearchRequest(text="ракетна технологія"))
    hit = next(h for h in result.hits if h.article.id == "a3")
    assert (
        "<mark>ракетну</mark>" in hit.snippet_html and "<mark>технологію</mark>" in hit.snippet_html
    )
    assert {"ракетну", "технологію"} <= set(hit.matched_forms)


def test_highlight_escapes_before_marking() -> None:
    terms = set(parse_query("скрипт").text_terms)
    marked = highlight("<script>alert(1)</script> скрипт", terms)
    assert "<script>" not in marked.html and "&lt;script&gt;" in marked.html
    assert "<mark>скрипт</mark>" in marked.html


ODD_QUERIES = [
    '"незакрита лапка',
    "AND",
    "OR OR",
    "NOT",
    "-",
    "()",
    "((ракета",
    "title:",
    ":",
    "=",
    '=""',
    "speaker:",
    "x" * 10_000,
    "'; DROP TABLE articles; --",
    "<script>alert(1)</script>",
    "🚀🇺🇦 ракета",
    "Kиїв mixed Латиниця",
    "і та або що",
    "невідоме:поле",
    "*",
    "ракет*",
    "\x00\x01",
    "date:2024-13-45",
    "' OR 1=1 --",
]


@pytest.mark.parametrize("text", ODD_QUERIES)
def test_odd_queries_never_raise(searcher, text: str) -> None:
    result = run_search(searcher, SearchRequest(text=text))
    assert 0 <= result.total <= len(ARTICLES)
    assert {hit.article.id for hit in result.hits} <= {a.id for a in ARTICLES}
    assert result.to_json()["total"] == result.total


def test_long_query_gets_a_note(searcher) -> None:
    from search.query import MAX_QUERY_CHARS

    result = run_search(searcher, SearchRequest(text="слово " * 400))
    cut = [note for note in result.notes if note.code == "cut"]
    assert cut and cut[0].limit == MAX_QUERY_CHARS


def test_only_stop_words_is_the_whole_archive(searcher) -> None:
    assert run_search(searcher, SearchRequest(text="і та або що")).total == len(ARTICLES)


def test_parentheses_group_alternatives(searcher) -> None:
    assert ids(searcher, "(бюджет OR науковці) ракетна") == {"a3"}
    assert ids(searcher, "бюджет OR (науковці ракетна)") == {"a2", "a3"}


def test_unbalanced_parentheses_get_the_best_reading_and_a_note(searcher) -> None:
    result = run_search(searcher, SearchRequest(text="((бюджет"))
    assert {h.article.id for h in result.hits} == {"a2"}
    assert any(note.code == "unclosed_bracket" for note in result.notes)


def test_prefix_expands_against_the_index(searcher) -> None:
    assert ids(searcher, "ракет*") == {"a1", "a3", "a4"}
    assert ids(searcher, "title:бюдж*") == {"a2"}


def test_one_letter_prefix_is_refused_with_a_note(searcher) -> None:
    result = run_search(searcher, SearchRequest(text="р*"))
    assert any(note.code == "short_prefix" for note in result.notes)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("date:2024", {"a1", "a4"}),
        ("date:2024-11", {"a1"}),
        ("date:2024-11-13", {"a1"}),
        ("date:2024-01-01..2025-12-31", {"a1", "a2", "a4"}),
        ("date:..2024-06-01", {"a3", "a4"}),
        ("ракетна date:2023", {"a3"}),
        ("date:2024-11-13..2024-11-14 OR бюджет", {"a1", "a2"}),
        ("НЕ date:2024", {"a2", "a3", "a5"}),
    ],
)
def test_date_filters(searcher, typed: str, expected: set[str]) -> None:
    assert ids(searcher, typed) == expected


def test_bad_date_gets_a_note_not_an_error(searcher) -> None:
    result = run_search(searcher, SearchRequest(text="date:2024-13-45"))
    assert any(note.code == "bad_date" for note in result.notes)


def test_facet_values_in_ukrainian_alphabetical_order(searcher) -> None:
    from search.results import FacetOptions

    result = run_search(
        searcher, SearchRequest(facet_options={"source": FacetOptions(order="alpha")})
    )
    labels = [v.label for v in next(f for f in result.facets if f.name == "source").values]
    assert labels == ["Вісник", "Громада", "Курьер"]


def test_search_inside_a_facet(searcher) -> None:
    from search.results import FacetOptions

    result = run_search(
        searcher, SearchRequest(facet_options={"rubric": FacetOptions(contains="на")})
    )
    assert [v.value for v in next(f for f in result.facets if f.name == "rubric").values] == [
        "Наука"
    ]


def test_month_facet_and_not_set_bucket(searcher) -> None:
    result = run_search(searcher, SearchRequest())
    months = next(f for f in result.facets if f.name == "month").values
    assert months[0].value == "2025-02"
    assert any(v.value == "" for v in months)  # the articles with no date
    assert all(v.label == v.value for v in months)  # search shows raw values unless told


def test_the_callers_labels_show_order_and_find_facet_values(searcher) -> None:
    from search.results import FacetOptions

    def label(facet: str, value: str) -> str:
        return {"uk": "українська", "ru": "російська"}.get(value, value.upper())

    found = run_search(
        searcher,
        SearchRequest(facet_options={"language": FacetOptions(contains="укр", order="alpha")}),
        label,
    )
    languages = next(f for f in found.facets if f.name == "language").values
    assert [(v.value, v.label) for v in languages] == [("uk", "українська")]
    sources = next(f for f in found.facets if f.name == "source").values
    assert {v.label for v in sources} == {"ВІСНИК", "ГРОМАДА", "КУРЬЕР"}


def test_histogram_counts_and_shares(searcher) -> None:
    result = run_search(searcher, SearchRequest(text="ракетна"))
    histogram = result.histogram
    assert histogram is not None and histogram.interval == "month"
    assert sum(b.count for b in histogram.buckets) == 3
    full = [b for b in histogram.buckets if b.count]
    assert all(b.share == 1.0 for b in full)  # every dated story of those months matches


def test_ukrainian_collation_puts_ge_after_ge() -> None:
    from search.facets import sort_key

    words = ["ґанок", "яблуко", "гора", "їжак", "інжир", "єнот", "дім", "йод", "иній"]
    assert sorted(words, key=sort_key) == [
        "гора",
        "ґанок",
        "дім",
        "єнот",
        "иній",
        "інжир",
        "їжак",
        "йод",
        "яблуко",
    ]


REPRINT_TEXT = (
    "Три міста отримають сто двадцять мільйонів євро на модернізацію теплоелектроцентралей, "
    "повідомили в міністерстві. Гроші підуть на нові котли, лічильники і ремонт мереж, "
    "а роботи завершать до початку наступного опалювального сезону."
)


@pytest.fixture(scope="module")
def reprint_searcher(tmp_path_factory: pytest.TempPathFactory):
    from index.reprints import assign_reprint_groups

    articles = [
        Article(
            id="r1",
            title="Гроші на ТЕЦ",
            source="Вісник",
            body=REPRINT_TEXT,
            published=datetime.fromisoformat("2024-05-01T09:00:00+03:00"),
        ),
        Article(
            id="r2",
            title="Три міста модернізують ТЕЦ",
            source="Громада",
            body=REPRINT_TEXT + " Передрук.",
            published=datetime.fromisoformat("2024-05-01T15:00:00+03:00"),
        ),
        Article(
            id="r3",
            title="Інша новина про ТЕЦ",
            source="Курьер",
            body="Теплоелектроцентраль у місті зупинили на ремонт після аварії на мережах.",
            published=datetime.fromisoformat("2024-05-02T10:00:00+03:00"),
        ),
    ]
    assert assign_reprint_groups(articles) == 1
    with index_of(tmp_path_factory.mktemp("reprints"), articles).searcher() as opened:
        yield opened


def test_reprints_fold_under_one_hit_naming_the_first_outlet(reprint_searcher) -> None:
    result = run_search(reprint_searcher, SearchRequest(text="ТЕЦ"))
    assert result.total == 2
    folded = next(h for h in result.hits if h.reprints)
    assert {folded.article.id, *(r.id for r in folded.reprints)} == {"r1", "r2"}
    assert folded.first_source == "Вісник"


def test_reprints_switch_shows_every_copy(reprint_searcher) -> None:
    result = run_search(reprint_searcher, SearchRequest(text="ТЕЦ", reprints="all"))
    assert result.total == 3 and len(result.hits) == 3


def test_more_like_this_finds_related_articles_not_itself(searcher) -> None:
    from search.similar import more_like_this

    similar = [hit.article.id for hit in more_like_this(searcher, "a3", limit=3)]
    assert "a3" not in similar
    assert similar[0] == "a1"  # the other Ukrainian story on rocket technology


def test_more_like_this_for_an_unknown_id_is_empty(searcher) -> None:
    from search.similar import more_like_this

    assert more_like_this(searcher, "nope") == []


def test_period_filter_beside_the_query(searcher) -> None:
    assert ids(searcher, "ракетна", dates="2024") == {"a1", "a4"}
    assert ids(searcher, "", dates="2023-01..2024-03") == {"a3", "a4"}
    odd = run_search(searcher, SearchRequest(dates="вчора"))
    assert odd.notes and odd.total == 5


@pytest.mark.parametrize(
    "text",
    [
        "ракетна технологія",
        "бюджет OR науковці",
        "ракетна -науковці",
        '"ракетна технологія"',
        '"технологія ракетна"',
        '"платить ракетними технологіями"',
        'title:"ракетними технологіями"',
        '"ракетна технологія" OR бюджет',
        "(бюджет OR науковці) ракетна",
        "НЕ ракетна",
        "ракет*",
        "",
        'speaker:"Марк Рютте"',
        '="ракетною технологією"',
        "=ракетними OR бюджет",
    ],
)
def test_set_algebra_matches_whoosh_own_matching(searcher, text: str) -> None:
    from whoosh import query as q

    from search.docsets import TermPostings, query_docs
    from search.engine import parse_for

    parsed = parse_for(searcher, text).query or q.Every()
    expected = (
        set(searcher.docs_for_query(parsed))
        if not isinstance(parsed, q.Every)
        else set(range(searcher.doc_count_all()))
    )
    from search.columns import index_columns

    published = index_columns(searcher).published
    mask = query_docs(searcher, parsed, TermPostings(), searcher.doc_count_all(), published)
    assert set(mask.nonzero()[0].tolist()) == expected


def test_columns_stay_aligned_across_segments_without_values(tmp_path: Path) -> None:
    """A segment where no document has a date must not shift the other columns."""
    from search.columns import UNDATED, index_columns

    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    for article in (ARTICLES[0], ARTICLES[4]):  # a dated segment, then an undated one
        writer = ix.writer()
        writer.add_document(**article_document(article))
        writer.commit(merge=False)
    with ix.searcher() as opened:
        assert len(opened.reader().leaf_readers()) == 2
        columns = index_columns(opened)
        assert len(columns.published) == opened.doc_count_all() == 2
        assert columns.published[0] != UNDATED and columns.published[1] == UNDATED
        assert run_search(opened, SearchRequest()).total == 2
        assert [h.article.id for h in run_search(opened, SearchRequest(sort="oldest")).hits] == [
            ARTICLES[0].id,
            ARTICLES[4].id,
        ]


@pytest.mark.parametrize(
    "text",
    [
        "ракетна технологія",
        "бюджет OR науковці",
        "ракетна -науковці",
        "title:бюджет",
        "войны",
        '"ракетна технологія"',
    ],
)
def test_ranking_scores_equal_whoosh_bm25f(searcher, text: str) -> None:
    """Our per-term arrays add up to the score Whoosh's own BM25F gives each hit."""
    from search.columns import index_columns
    from search.engine import parse_for
    from search.ranking import relevance_scores

    query = parse_for(searcher, text).query
    ours = relevance_scores(searcher, query, index_columns(searcher).postings)
    theirs = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
    assert theirs
    for docnum, score in theirs.items():
        assert ours[docnum] == pytest.approx(score, rel=1e-5)


def test_warm_up_loads_what_the_first_search_needs(searcher) -> None:
    from index.schema import TEXT_FIELDS
    from search.columns import index_columns
    from search.docsets import PRELOADED_SHARE
    from search.engine import warm_up
    from search.version import SLOTS

    SLOTS.clear()  # what warm_up loads for a version nothing has been asked of yet
    warm_up(searcher)
    terms = index_columns(searcher).postings
    assert set(terms.length_norms) == set(TEXT_FIELDS)
    reader = searcher.reader()
    commonest = max(
        (reader.doc_frequency("body", text), text)
        for text in (t.decode() for t in reader.lexicon("body"))
    )[1]
    assert ("body", commonest) in terms.cache  # the commonest words' postings are read
    assert 0 < terms.held <= terms.budget * PRELOADED_SHARE
    assert ids(searcher, "ракетна технологія", expand=False) == {"a1", "a3"}


HIGHLIGHT_TEXTS = [
    ("uk", "Країна-агресорка, заявивши про перемир'я, знову обстріляла м’ясокомбінат у Асії."),
    ("uk", "Гравці «Динамо» виграли: ракетною технологією займаються науковці з Ґданська."),
    ("ru", "Всё ещё идёт война: заявил министр, ссылаясь на ёмкие данные Газпрома."),
]
HIGHLIGHT_QUERIES = [
    "агресорка",
    "країна-агресорка",
    "заявити",
    "Асія",
    "м'ясокомбінат",
    "перемир’я",
    "ракетна технологія",
    '="ракетною"',
    "Гданськ",
    "все",
    "идти",
    "война",
    "емкий",
    "газпром",
    "Динамо",
    "заявил",
    "ссылаться",
]


@pytest.mark.parametrize(("language", "text"), HIGHLIGHT_TEXTS)
def test_highlight_candidates_lose_no_match(language: str, text: str) -> None:
    """Skipping words outside the query's paradigms marks exactly what analysing every word
    would mark."""
    from index.analysis.tokenizer import WORD_PATTERN
    from search.highlight import matched_spans, word_terms

    marked = 0
    for query in HIGHLIGHT_QUERIES:
        terms = parse_query(query).text_terms
        every = {
            m.span()
            for m in WORD_PATTERN.finditer(text)
            if not terms.isdisjoint(word_terms(m.group(), language))
        }
        assert set(matched_spans(text, terms, language)) == every, query
        marked += len(every)
    assert marked >= 5


def test_facets_can_be_left_out(searcher) -> None:
    result = run_search(searcher, SearchRequest(text="ракетна", with_facets=False))
    assert result.facets == [] and result.total == 3 and result.hits


def test_deleted_documents_neither_match_nor_break_ranking(tmp_path: Path) -> None:
    ix = index_of(tmp_path, ARTICLES)
    writer = ix.writer()
    writer.delete_by_term("id", "a1")
    writer.commit(merge=False)
    with ix.searcher() as opened:
        assert opened.reader().has_deletions()
        result = run_search(opened, SearchRequest(text="ракетна технологія", expand=False))
        assert {hit.article.id for hit in result.hits} == {"a3"} and result.total == 1
        sources = next(f for f in result.facets if f.name == "source")
        assert "Вісник" not in {value.value for value in sources.values}  # a1's outlet


def test_phrases_match_as_whoosh_sequences_do(demo_index: Path) -> None:
    """Word runs taken from the demo articles, and the same words reversed, as phrases."""
    import re

    from search.columns import index_columns
    from search.docsets import TermPostings, query_docs
    from search.engine import parse_for
    from search.phrases import phrase_parts

    with whoosh_index.open_dir(str(demo_index)).searcher() as demo:
        phrases = []
        for fields in list(demo.all_stored_fields())[:25]:
            words = re.findall(r"\w+", fields.get("body") or "")
            for start in range(0, min(len(words), 60) - 3, 20):
                run = words[start : start + 2 + start % 2]
                phrases += [" ".join(run), " ".join(reversed(run))]
        published = index_columns(demo).published
        checked = matched = 0
        for phrase in phrases:
            parsed = parse_for(demo, f'"{phrase}"').query
            sequences = [p for p in getattr(parsed, "subqueries", [parsed]) if phrase_parts(p)]
            if not sequences:
                continue  # stop words only, or a single word
            checked += 1
            expected = set(demo.docs_for_query(parsed))
            mask = query_docs(demo, parsed, TermPostings(), demo.doc_count_all(), published)
            assert set(mask.nonzero()[0].tolist()) == expected, phrase
            matched += bool(expected)
        assert checked > 30 and matched > 15
