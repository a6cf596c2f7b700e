"""The Ukrainian analyzer: each behaviour the issue names, with our own examples."""

from __future__ import annotations

import pickle

import pytest

from index.analysis import LanguageText, analyzed_terms, ukrainian_analyzer
from index.analysis.lemmas import lemmas


def terms_at(text: str, **kwargs) -> list[list[str]]:
    return [terms for _pos, _word, terms in analyzed_terms(text, **kwargs)]


def lemma_sets(text: str, **kwargs) -> list[set[str]]:
    return [{t for t in terms if not t.startswith("=")} for terms in terms_at(text, **kwargs)]


@pytest.mark.parametrize("spelling", ["м'ясо", "м’ясо", "мʼясо", "м`ясо", "м‘ясо", "м´ясо"])
def test_apostrophe_variants_meet_at_one_lemma(spelling: str) -> None:
    assert lemma_sets(spelling) == [{"м'ясо"}]


def test_stress_mark_and_soft_hyphen_ignored() -> None:
    assert lemma_sets("доро\u0301га") == lemma_sets("дорога")
    assert lemma_sets("техно\u00adлогія") == [{"технологія"}]


def test_g_with_upturn_matches_plain_g() -> None:
    assert lemma_sets("ґанок") == lemma_sets("ганок")
    assert lemma_sets("Ґрунтів") == lemma_sets("грунтів")


def test_latin_lookalikes_inside_cyrillic_words_are_mapped() -> None:
    # "Kиїв" with a Latin K, "нaфта" with a Latin a
    assert lemma_sets("Kиїв нaфти") == lemma_sets("Київ нафти")


def test_latin_words_stay_latin() -> None:
    assert terms_at("Brexit") == [["=brexit", "brexit"]]


def test_compound_indexed_whole_and_as_parts() -> None:
    rows = analyzed_terms("країна-агресорка напала")
    first, second, third = rows
    assert "країна-агресорка" in first[2] and "країна" in first[2]
    assert "агресорка" in second[2]
    assert third[0] == second[0] + 1


def test_numbers_kept() -> None:
    assert ["=2024", "2024"] in terms_at("у 2024 році")


@pytest.mark.parametrize(
    ("forms", "lemma"),
    [
        (["технологія", "технологіями", "технологій", "технологіях"], "технологія"),
        (["ракетна", "ракетними", "ракетного", "ракетній"], "ракетний"),
        (["заявив", "заявила", "заявлять"], "заявити"),
        (["сміється", "сміялися", "сміятимуться"], "сміятися"),
        (["Зеленського", "Зеленському", "Зеленським"], "зеленський"),
        (["Києва", "Києві", "Київ"], "київ"),
    ],
)
def test_inflected_forms_meet_at_one_lemma(forms: list[str], lemma: str) -> None:
    for form in forms:
        assert lemma in lemma_sets(form)[0], form


@pytest.mark.parametrize(
    ("participle", "verb"),
    [
        ("заявивши", "заявити"),
        ("принісши", "принести"),
        ("відбувшись", "відбутися"),
        ("працюючи", "працювати"),
        ("кажучи", "казати"),
        ("намагаючись", "намагатися"),
    ],
)
def test_adverbial_participle_meets_its_verb(participle: str, verb: str) -> None:
    # pymorphy3 files дієприслівники as lemmas of their own; a search for the verb must find them
    assert {participle, verb} <= lemma_sets(participle)[0]
    assert verb in lemma_sets(participle, mode="query")[0]


def test_words_that_only_end_like_participles_get_no_verb() -> None:
    assert lemma_sets("стоячи") == [{"стоячи"}]  # an adverb in the dictionary
    assert lemma_sets("пиши кричи") == [{"писати"}, {"кричати"}]  # imperatives


def test_every_lemma_of_an_ambiguous_word_is_kept() -> None:
    assert {"війна", "війнути"} <= lemma_sets("війни")[0]


def test_stop_words_dropped_positions_kept() -> None:
    rows = analyzed_terms("він сказав що вони прийдуть до нас")
    words = [word for _pos, word, _terms in rows]
    assert words == ["сказав", "прийдуть"]
    assert rows[1][0] - rows[0][0] == 3  # «що вони» left a gap


def test_content_words_that_look_short_are_not_stopped() -> None:
    rada, myr, krai = lemma_sets("рада мир край")
    assert "рада" in rada and "мир" in myr and "край" in krai


def test_unknown_words_kept_as_they_are_plus_a_stem() -> None:
    assert lemma_sets("Бесансено") == [{"бесансено", "~бесансен"}]


@pytest.mark.parametrize(
    "forms",
    [
        ["Асія", "Асії", "Асію", "Асією"],
        ["Сибіга", "Сибіги", "Сибігою"],
        ["Раабом", "Рааба", "Рааб"],
    ],
)
def test_inflected_unknown_names_meet_at_one_stem(forms: list[str]) -> None:
    stems = [{t for t in terms if t.startswith("~")} for terms in lemma_sets(" ".join(forms))]
    assert len({frozenset(s) for s in stems}) == 1 and stems[0]


def test_short_unknown_words_get_no_stem() -> None:
    assert lemma_sets("ЦВК") == [{"цвк"}]


def test_russian_document_lemmatised_with_russian_dictionary() -> None:
    assert lemma_sets("заявил войны", language="ru") == [{"заявить"}, {"война"}]


def test_ukrainian_words_in_ukrainian_document_not_reread_as_russian() -> None:
    # «стали», «говорить» are Russian words too: a Ukrainian text keeps only Ukrainian readings
    assert lemmas("говорить", "uk") == ("говорити",)
    assert "сталь" not in lemmas("стали", "uk")
    assert {"говорити", "говорить"} <= set(lemmas("говорить", "any"))


def test_query_mode_uses_both_dictionaries_and_no_exact_forms() -> None:
    assert terms_at("войны", mode="query") == [["война"]]
    assert all(not t.startswith("=") for t in terms_at("технологіями", mode="query")[0])


def test_exact_form_indexed_and_askable() -> None:
    assert "=зеленського" in terms_at("Зеленського")[0]
    exact = [t.text for t in ukrainian_analyzer()("Зеленського", mode="query", exact=True)]
    assert exact == ["=зеленського"]


def test_language_rides_on_the_value() -> None:
    tokens = [t.text for t in ukrainian_analyzer()(LanguageText("заявил", "ru"))]
    assert "заявить" in tokens


def test_analyzer_pickles_round_trip() -> None:
    analyzer = ukrainian_analyzer()
    restored = pickle.loads(pickle.dumps(analyzer))
    assert [t.text for t in restored("ракетними технологіями")] == [
        t.text for t in analyzer("ракетними технологіями")
    ]


def test_offsets_point_into_the_original_text() -> None:
    text = "Прем’єр заявив"
    starts = {(t.startchar, t.endchar) for t in ukrainian_analyzer()(text, chars=True)}
    assert (0, 7) in starts and text[0:7] == "Прем’єр"
