"""Quote and speaker attribution on short Ukrainian texts of our own, plus the seed article."""

from __future__ import annotations

import pytest

from index.article import Article, Quote
from index.extract import extract_page
from index.quotes import SPEAKER_THRESHOLD, attach_quotes
from tests.paths import SEED_HTML


def attributed(body: str, title: str = "", lead: str = "", language: str = "uk") -> Article:
    article = Article(title=title, lead=lead, body=body, language=language)
    attach_quotes(article)
    return article


def quote_starting(article: Article, words: str) -> Quote:
    found = [q for q in article.quotes if q.text.startswith(words)]
    assert found, f"no quote starts with {words!r}: {article.quotes}"
    return found[0]


def test_direct_quote_with_dash_attribution() -> None:
    article = attributed(
        "«Ми готові продовжувати переговори з партнерами», — заявив міністр фінансів Іван Петренко."
    )
    quote = quote_starting(article, "Ми готові продовжувати переговори")
    assert quote.speaker == "Іван Петренко"
    assert quote.confidence >= SPEAKER_THRESHOLD
    assert article.speakers == ["Іван Петренко"]


def test_dash_speech_paragraph() -> None:
    article = attributed(
        "— Вода в річці піднялася за ніч на метр, — розповідає рятувальниця Оксана Гнатюк. "
        "— Людей ми вивезли ще ввечері."
    )
    assert quote_starting(article, "Вода в річці піднялася").speaker == "Оксана Гнатюк"


def test_colon_introduced_quotes() -> None:
    article = attributed(
        "Міністр освіти Петро Кравець заявив: «Навчальний рік почнеться вчасно».\n\n"
        "Голова профспілки Марія Лисенко: «Ми підтримуємо це рішення».",
        title="Петро Кравець: Школи відкриються першого вересня",
    )
    assert quote_starting(article, "Навчальний рік почнеться").speaker == "Петро Кравець"
    assert quote_starting(article, "Ми підтримуємо це рішення").speaker == "Марія Лисенко"
    assert quote_starting(article, "Школи відкриються").speaker == "Петро Кравець"


def test_reported_speech_with_that_clause() -> None:
    article = attributed(
        "Прем'єр-міністерка Олена Коваль заявила, що уряд підготує бюджет до грудня."
    )
    quote = quote_starting(article, "уряд підготує бюджет")
    assert quote.speaker == "Олена Коваль"


def test_according_to_frame_takes_the_genitive_name() -> None:
    article = attributed("За словами Андрія Мельника, ремонт мосту завершать восени.")
    assert quote_starting(article, "ремонт мосту завершать").speaker == "Андрій Мельник"


def test_statement_made_points_back_to_the_previous_sentence() -> None:
    article = attributed(
        "Місто отримає сорок нових автобусів наступного року. "
        "Таку заяву зробив мер міста Тарас Бондар, передає «Укрінформ»."
    )
    quote = quote_starting(article, "Місто отримає сорок нових автобусів")
    assert quote.speaker == "Тарас Бондар"
    assert article.speakers == ["Тарас Бондар"]


def test_surname_after_full_name_is_the_full_name() -> None:
    article = attributed(
        "Генеральний директор заводу Олег Дорошенко заявив, що виробництво зросло. "
        "«Ми найняли двісті працівників», — додав Дорошенко."
    )
    assert quote_starting(article, "Ми найняли двісті").speaker == "Олег Дорошенко"
    assert article.speakers == ["Олег Дорошенко"]


def test_inflected_name_is_put_in_the_nominative() -> None:
    article = attributed(
        "На думку Ірини Савченко, ціни стабілізуються до весни.\n\n"
        "Про це розповів журналістам Сергій Левченко."
    )
    assert quote_starting(article, "ціни стабілізуються").speaker == "Ірина Савченко"
    assert "Ірина Савченко" in article.speakers


def test_unknown_adjectival_surname_is_put_in_the_nominative() -> None:
    article = attributed("За словами судді Тараса Чорновуського, рішення законне.")
    assert quote_starting(article, "рішення законне").speaker == "Тарас Чорновуський"


def test_russian_headline_over_ukrainian_text_names_the_same_person() -> None:
    article = attributed(
        "Міністр Ігор Петров заявив, що реформа триватиме.",
        title="Игорь Петров: Реформа продолжится в следующем году",
    )
    assert quote_starting(article, "Реформа продолжится").speaker == "Ігор Петров"
    assert article.speakers == ["Ігор Петров"]


def test_pronouns_and_titles_point_back_to_the_right_person() -> None:
    article = attributed(
        "Депутат Василь Гончар та міністерка Наталія Ткаченко зустрілися з виборцями. "
        "Міністерка Наталія Ткаченко зазначила, що школи отримають ноутбуки. "
        "Вона також наголосила, що вчителі отримають підвищення.\n\n"
        "За її словами, програма коштуватиме мільярд гривень.\n\n"
        "Посадовиця також повідомила, що тендер оголосять у травні."
    )
    assert quote_starting(article, "вчителі отримають підвищення").speaker == "Наталія Ткаченко"
    assert quote_starting(article, "програма коштуватиме").speaker == "Наталія Ткаченко"
    assert article.speakers == ["Наталія Ткаченко"]


def test_gender_decides_which_person_a_pronoun_means() -> None:
    article = attributed(
        "Адвокатка Ганна Шевчук і прокурор Дмитро Зайченко прокоментували вирок. "
        "Шевчук заявила, що оскаржить рішення. "
        "Він сказав, що задоволений рішенням суду."
    )
    assert quote_starting(article, "задоволений рішенням суду").speaker == "Дмитро Зайченко"
    assert quote_starting(article, "оскаржить рішення").speaker == "Ганна Шевчук"


def test_organisations_and_outlets_are_not_speakers() -> None:
    article = attributed(
        "У Міністерстві охорони здоров'я заявили, що вакцини надійдуть у березні. "
        "За даними МОЗ, щеплення отримали два мільйони людей. "
        "Компанія повідомила, що відкриє новий завод, передає Укрінформ."
    )
    assert article.speakers == []
    assert quote_starting(article, "вакцини надійдуть у березні").speaker is None


def test_unnamed_spokesperson_has_no_name() -> None:
    article = attributed("Речник компанії заявив, що страйк не вплине на рейси.")
    assert quote_starting(article, "страйк не вплине").speaker is None
    assert article.speakers == []


def test_names_with_particles_and_hyphens_stay_whole() -> None:
    article = attributed(
        "Голова комісії Ганс фон дер Гельм заявив, що санкції продовжать. "
        "Помічниця генсека Анна-Марія Дюпон наголосила, що рішення вже ухвалене."
    )
    assert quote_starting(article, "санкції продовжать").speaker == "Ганс фон дер Гельм"
    assert quote_starting(article, "рішення вже ухвалене").speaker == "Анна-Марія Дюпон"


def test_people_talked_about_are_not_speakers() -> None:
    article = attributed(
        "Президент Андрій Мороз заявив, що зустрінеться з Володимиром Коваленком наступного тижня."
    )
    assert article.speakers == ["Андрій Мороз"]


def test_negated_speech_is_not_a_quote() -> None:
    article = attributed("Прокурор Максим Руденко не коментував рішення суду.")
    assert article.quotes == []
    assert article.speakers == []


def test_russian_text_uses_the_same_machinery() -> None:
    article = attributed(
        "«Мы продолжим работу», — заявил министр Игорь Смирнов. "
        "По словам Смирнова, реформа займёт год.",
        language="ru",
    )
    assert quote_starting(article, "Мы продолжим работу").speaker == "Игорь Смирнов"
    assert quote_starting(article, "реформа займёт год").speaker == "Игорь Смирнов"


def test_speakers_are_sorted_and_unique() -> None:
    article = attributed(
        "Ігор Білик сказав, що проєкт готовий. Ганна Антонюк заявила, що проєкт дорогий. "
        "Білик додав, що все буде вчасно."
    )
    assert article.speakers == ["Ганна Антонюк", "Ігор Білик"]  # alphabet order: г before і


@pytest.mark.shared
def test_seed_article_speakers() -> None:
    if not SEED_HTML.exists():
        pytest.skip("../shared/seed is absent")
    article = extract_page(SEED_HTML.read_bytes(), path="seed/seed-article.html")
    attach_quotes(article)
    assert article.speakers == ["Марі-Доха Бесансено", "Марк Рютте"]
    assert "Володимир Путін" not in {q.speaker for q in article.quotes}
    named = [q for q in article.quotes if q.speaker == "Марк Рютте"]
    assert len(named) >= 5  # direct quotes, reported speech, «Посадовець», «За його словами»


def test_reported_speech_is_not_marked_as_a_direct_quote() -> None:
    from index.article import Article
    from index.quotes import attach_quotes

    article = Article(
        title="",
        body=(
            "Міністр фінансів Олег Гнатюк заявив, що бюджет буде переглянуто восени.\n\n"
            "«Ми не скорочуватимемо видатки на школи», — додав Гнатюк."
        ),
    )
    attach_quotes(article)
    kinds = {quote.text[:10]: quote.direct for quote in article.quotes}
    assert kinds == {"бюджет буд": False, "Ми не скор": True}
