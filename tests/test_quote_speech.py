"""Quote marks around names, scare quotes and lifted fragments are not speech."""

from __future__ import annotations

from index.article import Article, Quote
from index.quotes import attach_quotes, is_speech, names_a_person


def test_unattributed_names_and_fragments_are_not_speech() -> None:
    assert not is_speech(Quote(text="Північний потік-2"))
    assert not is_speech(Quote(text="Слуга народу"))
    assert not is_speech(Quote(text="дуже поганою"))
    assert not is_speech(Quote(text="Європейська солідарність", speaker=None), "uk")


def test_speech_stays_with_or_without_a_speaker() -> None:
    assert is_speech(Quote(text="Ми переможемо!", speaker="Олена Коваль", confidence=0.9))
    assert is_speech(Quote(text="Ремонт мосту завершать до кінця року", speaker=None))
    assert is_speech(Quote(text="Будуємо далі", speaker=None)) is False  # two words, nobody
    assert is_speech(Quote(text="Ми будуємо далі і не зупинимося", speaker=None))


def test_an_article_keeps_its_speech_and_speaker() -> None:
    article = Article(
        title="Міст відкриють восени",
        body=(
            "Компанія «Мостобуд Поділля» отримала підряд на ремонт мосту.\n\n"
            "«Ми завершимо роботи до кінця жовтня, якщо погода дозволить», — сказав міський "
            "голова Олег Сидоренко.\n\n"
            "Раніше проєкт «Новий міст» критикували депутати."
        ),
        language="uk",
    )
    attach_quotes(article)
    texts = [quote.text for quote in article.quotes]
    assert any(text.startswith("Ми завершимо роботи") for text in texts)
    assert not any("Мостобуд" in text or text == "Новий міст" for text in texts)
    assert article.speakers == ["Олег Сидоренко"]


def test_institutions_agencies_and_places_are_not_speakers() -> None:
    bodies = ("Верховна Рада", "Кабінет Міністрів", "Національна гвардія", "Нова пошта")
    for name in (
        "Білий дім",
        "УНІАН",
        "Київ",
        "Міністерство оборони",
        "Інтерфакс-Україна",
        *bodies,
    ):
        assert not names_a_person(name), name


def test_people_stay_people_whatever_their_surname_means() -> None:
    for name in (
        "Анджей Дуда",
        "Володимир Зеленський",
        "Хайко Маас",
        "Єлизавета II",
        "Людвіг ван Бетховен",
        "Анастасія Субота",
        "Великий Олег",
        "Біла Наталія",
    ):
        assert names_a_person(name), name


def said(body: str, language: str = "uk") -> list[str]:
    article = Article(title="Заява про санкції", body=body, language=language)
    attach_quotes(article)
    return article.speakers


def test_an_adjective_with_its_noun_names_a_body_not_a_person() -> None:
    assert said("«Ми запровадимо нові санкції найближчим часом», — заявив Білий дім.") == []
    assert said("«Ми запровадимо нові санкції», — заявив депутат Олег Білий.") == ["Олег Білий"]


def test_a_cut_off_clause_is_no_quote_but_its_speaker_spoke() -> None:
    assert not is_speech(Quote(text="Водночас Олена Коваль зазначила, що", speaker="Олена Коваль"))
    assert not is_speech(Quote(text="Депутати заявили, що", speaker=None))


def test_the_holder_of_a_frame_is_named_in_the_nominative() -> None:
    # «Тома» is also a nominative given name; after «за словами» it can only be genitive
    assert said("За словами Тома Стейера, «кампанія тільки починається».") == ["Том Стейер"]
    assert said("На думку Ангели Меркель, «санкції мають залишитися».") == ["Ангела Меркель"]


def test_a_name_keeps_the_spelling_of_the_text_not_the_dictionary_yo() -> None:
    body = "По словам Владимира Соловьева, «Украина должна платить»."
    assert said(body, "ru") == ["Владимир Соловьев"]


def test_an_abbreviation_before_a_name_is_no_part_of_it() -> None:
    body = "Про це сказав голова ОВА Олег Синєгубов: «Ситуація в області контрольована»."
    assert said(body) == ["Олег Синєгубов"]
    assert said("«Ситуація в області контрольована», — сказав ШЕВЧЕНКО Тарас.") == [
        "Тарас Шевченко"
    ]  # a surname in capitals before the given name, as official lists write it


def test_a_quoted_name_between_the_verb_and_the_speaker_is_looked_past() -> None:
    body = "«Я не бачу підстав для паніки», — розповіла «Укрінформу» очільниця громади Наталія Гуменюк."
    assert said(body) == ["Наталія Гуменюк"]
    assert said("«Ми завершимо ремонт до осені», — повідомили у «Київводоканалі».") == []


def test_russian_adjectival_surnames_take_russian_endings() -> None:
    body = "По словам председателя НБУ Андрея Пышного, «инфляция замедлится во втором полугодии»."
    assert said(body, "ru") == ["Андрей Пышный"]  # not the Ukrainian «Пышний»


def test_reporting_verbs_and_a_run_of_abbreviations() -> None:
    assert said("«Завдання виконано», — доповів командувач Олександр Сирський.") == [
        "Олександр Сирський"
    ]
    assert said("«Роботу завершено вчасно», — підсумував заступник голови ОВЦС УПЦ.") == []


def test_whose_words_a_relay_quotes_names_the_speaker() -> None:
    body = "«Переговори мають відбутися в Стамбулі», — цитує Reuters слова Ердогана."
    assert said(body) == ["Ердоган"]
    # an indeclinable name after «заяву» is the subject, not whose statement it is
    assert said("Свою заяву Барньє зробив на зустрічі: «Переговори тривають і далі».") == ["Барньє"]


def test_an_oblique_foreign_surname_is_put_in_the_nominative_by_its_ending() -> None:
    body = "По словам Сергея Скрипаля, «ситуация опасная и непредсказуемая»."
    assert said(body, "ru") == ["Сергей Скрипаль"]
