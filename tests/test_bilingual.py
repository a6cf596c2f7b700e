"""One query, both languages and both scripts: equivalents found, confirmed, shown, switchable."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from index.analysis.bilingual import equivalents, latin_spellings
from index.analysis.bilingual.cognates import cognates
from index.analysis.bilingual.lexicon import lexicon
from index.analysis.bilingual.names import russian_names, ukrainian_names
from index.article import Article
from search import SearchRequest, run_search
from search.engine import open_searcher
from tests.test_search import index_of
from web import create_app


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("вибори", "uk", "выборы"),
        ("газопровід", "uk", "газопровод"),
        ("комісія", "uk", "комиссия"),  # a double consonant Ukrainian writes single
        ("прем'єр-міністр", "uk", "премьер-министр"),  # part by part
        ("поліцейський", "uk", "полицейский"),
        ("рішення", "uk", "решение"),
        ("вітер", "uk", "ветер"),  # the word, not the surname Витер
        ("решение", "ru", "рішення"),
        ("объект", "ru", "об'єкт"),
        ("программа", "ru", "програма"),
        ("выборы", "ru", "вибори"),
    ],
)
def test_cognates_by_regular_correspondences(word: str, language: str, expected: str) -> None:
    assert expected in cognates(word, language)


@pytest.mark.parametrize(("word", "language"), [("день", "uk"), ("суд", "uk"), ("день", "ru")])
def test_words_spelt_alike_need_no_cognate(word: str, language: str) -> None:
    assert cognates(word, language) == ()


def test_cognates_are_dictionary_words_of_the_same_part_of_speech() -> None:
    assert cognates("вирокх", "uk") == ()  # not a word at all
    assert all(c != "рик" for c in cognates("рік", "uk"))  # ru «рик» is only a given name


def test_names_both_ways() -> None:
    assert russian_names("зеленський") == ("зеленский",)
    assert "алексей" in russian_names("олексій")
    assert "олексій" in ukrainian_names("алексей")
    assert "зеленський" in ukrainian_names("зеленский")


def test_latin_spellings_are_confirmed_by_the_archive() -> None:
    archive = {"бондарчук", "шевчишин", "банк"}  # names the lists do not hold: spelt by rule

    def alive(prefix: str) -> bool:
        return any(word.startswith(prefix) for word in archive)

    found = [e.word for e in latin_spellings("bondarchuk", alive, archive.__contains__)]
    assert found == ["бондарчук"]
    spelled = latin_spellings("shevchyshyn", alive, archive.__contains__)
    assert [(e.word, e.how) for e in spelled] == [("шевчишин", "script")]
    assert latin_spellings("bank", alive, archive.__contains__) == ()  # a word, not a name
    assert latin_spellings("bondarchuk", lambda _p: False, lambda _w: False) == ()


def test_listed_latin_names_and_places_come_from_the_lists() -> None:
    nothing = lambda _w: False  # noqa: E731
    assert [e.word for e in latin_spellings("Kyiv", nothing, nothing)] == ["київ", "киев"]
    assert {e.how for e in latin_spellings("Zelenskyy", nothing, nothing)} == {"lexicon"}


def _article(doc_id: str, language: str, title: str, body: str, day: int = 1) -> Article:
    return Article(
        id=doc_id,
        url=f"https://{language}.example/{doc_id}",
        title=title,
        body=body,
        source="Вісник" if language == "uk" else "Вестник",
        domain=f"{language}.example",
        language=language,
        published=datetime.fromisoformat(f"2024-03-{day:02d}T10:00:00+02:00"),
    )


ARTICLES = [
    _article("uk1", "uk", "Президентські вибори", "Президентські вибори відбудуться навесні."),
    _article("ru1", "ru", "Президентские выборы", "Президентские выборы пройдут весной."),
    _article("ru2", "ru", "Визит Трампа", "Дональд Трамп прилетел в Варшаву, сообщили в штабе."),
    _article("uk2", "uk", "Візит Трампа", "Дональд Трамп прилетів до Варшави, повідомили в штабі."),
    _article("ru3", "ru", "Погода", "Всю неделю будет тепло, обещают синоптики в Одессе."),
    _article("uk3", "uk", "Неділя в парку", "У неділю в парку відбудеться концерт для дітей."),
    _article("mix", "uk", "Вибори і выборы", "Вибори. Выборы. Двомовний матеріал про вибори."),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("bilingual")
    index_of(made, ARTICLES)
    return made


@pytest.fixture(scope="module")
def searcher(folder: Path):
    with open_searcher(folder) as opened:
        yield opened


def found(searcher, text: str, **options) -> tuple[set[str], list]:
    result = run_search(searcher, SearchRequest(text=text, reprints="all", **options))
    return {hit.article.id for hit in result.hits}, result


def test_a_ukrainian_word_finds_the_russian_pages_and_back(searcher) -> None:
    assert found(searcher, "вибори")[0] == {"uk1", "ru1", "mix"}
    assert found(searcher, "выборы")[0] == {"uk1", "ru1", "mix"}
    assert found(searcher, "вибори", expand=False)[0] == {"uk1", "mix"}


def test_a_latin_name_finds_both_cyrillic_spellings(searcher) -> None:
    ids, result = found(searcher, "Trump")
    assert ids == {"ru2", "uk2"}
    assert [e.shown for e in result.expansions] == ["Трамп"]


def test_phrases_match_across_languages(searcher) -> None:
    assert found(searcher, '"президентські вибори"')[0] == {"uk1", "ru1"}


def test_a_false_friend_never_expands(searcher) -> None:
    # uk «неділя» is Sunday, ru «неделя» a week: the Russian weather page stays out
    ids, result = found(searcher, "неділя")
    assert ids == {"uk3"}
    assert "неделя" not in [e.word for e in result.expansions]
    assert found(searcher, "неделя")[0] == {"ru3"}


def test_no_listed_false_friend_is_an_equivalent_either_way() -> None:
    pairs = lexicon().false_friends
    assert len(pairs) >= 100
    expanded = [
        (uk, ru)
        for uk, ru in sorted(pairs)
        if ru in {e.word for e in equivalents(uk, "uk")}
        or uk in {e.word for e in equivalents(ru, "ru")}
    ]
    assert expanded == []


def test_the_word_list_is_authoritative_for_the_words_it_holds() -> None:
    assert [e.word for e in equivalents("питання", "uk")] == ["вопрос"]  # not «питание»
    assert {e.how for e in equivalents("уряд", "uk")} == {"lexicon"}
    assert "уряд" in [e.word for e in equivalents("правительство", "ru")]


def test_exact_forms_and_marked_words_never_expand(searcher) -> None:
    ids, result = found(searcher, '="вибори"')
    assert "ru1" not in ids and result.expansions == []
    ids, result = found(searcher, "!вибори")
    assert ids == {"uk1", "mix"} and result.expansions == []


def test_a_removed_equivalent_is_not_searched(searcher) -> None:
    ids, result = found(searcher, "вибори", skip_equivalents=["выборы"])
    assert ids == {"uk1", "mix"} and result.expansions == []


def test_each_article_counts_once(searcher) -> None:
    ids, result = found(searcher, "вибори")
    assert result.total == len(ids) == 3
    language = next(f for f in result.facets if f.name == "language")
    assert sum(v.count for v in language.values) == 3


def test_the_word_itself_ranks_above_its_equivalent(searcher) -> None:
    _ids, result = found(searcher, "вибори")
    order = [hit.article.id for hit in result.hits]
    assert order.index("uk1") < order.index("ru1")


def test_snippets_mark_the_other_languages_forms(searcher) -> None:
    _ids, result = found(searcher, "вибори")
    hit = next(h for h in result.hits if h.article.id == "ru1")
    assert "<mark>выборы</mark>" in hit.snippet_html
    assert "выборы" in [form.lower() for form in hit.matched_forms]


@pytest.fixture()
def client(folder: Path):
    return create_app({"TESTING": True, "INDEX_DIR": str(folder)}).test_client()


def test_the_page_says_what_else_was_searched_and_each_can_be_removed(client) -> None:
    html = client.get("/?q=вибори").get_data(as_text=True)
    assert "Також шукали" in html and '<span lang="ru">выборы</span> (рос.)' in html
    assert "skip=%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B" in html  # skip=выборы
    assert "typed=1" in html
    removed = client.get("/?q=вибори&skip=выборы").get_data(as_text=True)
    assert "Також шукали" not in removed and "Президентские выборы" not in removed
    typed = client.get("/?q=вибори&typed=1").get_data(as_text=True)
    assert "Шукали лише як написано" in typed and "Президентские выборы" not in typed


def test_json_carries_the_expansions(client) -> None:
    data = client.get("/search.json?q=Trump").get_json()
    assert data["expansions"] == [
        {
            "typed": "Trump",
            "equivalent": "Трамп",
            "language": "cyrl",
            "how": "lexicon",
            "terms": ["трамп"],
            "weight": 0.9,
        }
    ]
    assert client.get("/search.json?q=Trump&typed=1").get_json()["expansions"] == []
    assert client.get("/search.json?typed=maybe").status_code == 400


def test_a_one_way_translation_is_not_searched_back() -> None:
    assert [e.word for e in equivalents("провадження", "uk")] == ["производство"]
    assert [e.word for e in equivalents("производство", "ru")] == ["виробництво"]
