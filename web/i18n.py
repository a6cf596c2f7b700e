"""Interface words in Ukrainian (the default) and English."""

from __future__ import annotations

from flask import g, request

LANGUAGES = ("uk", "en")
COOKIE = "lang"

WORDS: dict[str, dict[str, str]] = {
    "tagline": {"uk": "пошук в архіві новин", "en": "search an archive of news"},
    "query_label": {"uk": "Пошуковий запит", "en": "Search query"},
    "placeholder": {"uk": "Наприклад: ракетна технологія", "en": "For example: Poltava, Odesa"},
    "search": {"uk": "Шукати", "en": "Search"},
    "help": {"uk": "Як шукати", "en": "How to search"},
    "welcome_title": {"uk": "Пошук у підшивці новин", "en": "Search a bound file of news"},
    "welcome_holds": {"uk": "В архіві", "en": "The archive holds"},
    "welcome_outlets": {"uk": "видань", "en": "outlets"},
    "welcome_forms": {
        "uk": "Слова знаходяться в усіх формах, українською й російською, кирилицею й латиницею.",
        "en": "Words are found in every form, Ukrainian and Russian, Cyrillic and Latin letters.",
    },
    "welcome_try": {"uk": "Спробуйте", "en": "Try"},
    "welcome_speaker": {"uk": "статті, де цитують цю людину", "en": "articles quoting this person"},
    "welcome_speaker_page": {"uk": "усі її цитати", "en": "all their quotes"},
    "welcome_outlet": {
        "uk": "що опублікувало видання, найновіше вгорі",
        "en": "what the outlet published, newest first",
    },
    "welcome_quote": {
        "uk": "пошук лише в тому, що сказали люди",
        "en": "search only in what people said",
    },
    "welcome_below": {
        "uk": "Нижче — усі статті, найновіші вгорі.",
        "en": "Below: every article, newest first.",
    },
    "filters": {"uk": "Фільтри", "en": "Filters"},
    "to_results": {"uk": "До результатів", "en": "To the results"},
    "active_filters": {"uk": "Активні фільтри", "en": "Active filters"},
    "remove_filter": {"uk": "Прибрати фільтр", "en": "Remove filter"},
    "brand": {"uk": "Підшивка", "en": "Pidshyvka"},
    "bars_count": {
        "uk": "висота стовпчика — кількість знайдених публікацій",
        "en": "each bar is the number of stories found",
    },
    "bars_share": {
        "uk": "висота стовпчика — частка знайдених від усіх публікацій архіву",
        "en": "each bar is the share of all the archive's stories that were found",
    },
    "per_day": {"uk": "за день", "en": "per day"},
    "per_week": {"uk": "за тиждень", "en": "per week"},
    "per_month": {"uk": "за місяць", "en": "per month"},
    "per_year": {"uk": "за рік", "en": "per year"},
    "bars_show": {"uk": "Стовпчики", "en": "Bars"},
    "measure_count": {"uk": "кількість", "en": "count"},
    "measure_share": {"uk": "частка", "en": "share"},
    "interval": {"uk": "крок", "en": "interval"},
    "interval_auto": {"uk": "сам", "en": "auto"},
    "interval_day": {"uk": "день", "en": "day"},
    "interval_week": {"uk": "тиждень", "en": "week"},
    "interval_month": {"uk": "місяць", "en": "month"},
    "interval_year": {"uk": "рік", "en": "year"},
    "timeline_numbers": {"uk": "Числа за періодами", "en": "Numbers per period"},
    "skip_to_content": {"uk": "Перейти до змісту", "en": "Skip to content"},
    "not_set": {"uk": "не вказано", "en": "not given"},
    "undated": {"uk": "без дати", "en": "undated"},
    "facet_source": {"uk": "Видання", "en": "Outlet"},
    "facet_rubric": {"uk": "Рубрика", "en": "Section"},
    "facet_speaker": {"uk": "Хто сказав", "en": "Who said it"},
    "facet_author": {"uk": "Автор", "en": "Author"},
    "facet_language": {"uk": "Мова", "en": "Language"},
    "facet_year": {"uk": "Рік", "en": "Year"},
    "facet_month": {"uk": "Місяць", "en": "Month"},
    "clear_all_filters": {"uk": "Прибрати всі фільтри", "en": "Clear all filters"},
    "keeps_filters": {
        "uk": "Новий запит шукатиме з фільтрами, показаними нижче.",
        "en": "A new query keeps the filters shown below.",
    },
    "search_everywhere": {"uk": "Шукати без фільтрів", "en": "Search without filters"},
    "facets_count_stories": {
        "uk": "Числа рахують історії, як і результати: текст із передруками — один раз.",
        "en": "Counts are stories, as in the results: a text and its reprints count once.",
    },
    "facets_count_pages": {
        "uk": "Числа рахують кожну статтю, передруки окремо.",
        "en": "Counts are articles, each reprint on its own.",
    },
    "selected": {"uk": "обрано", "en": "selected"},
    "sort": {"uk": "Сортувати", "en": "Sort"},
    "relevance": {"uk": "за релевантністю", "en": "by relevance"},
    "newest": {"uk": "спершу нові", "en": "newest first"},
    "oldest": {"uk": "спершу старі", "en": "oldest first"},
    "ms": {"uk": "мс", "en": "ms"},
    "nothing": {
        "uk": "Нічого не знайдено. Спробуйте інші слова або приберіть фільтри.",
        "en": "Nothing found. Try other words or remove filters.",
    },
    "matched_forms": {"uk": "Знайдені форми", "en": "Matched forms"},
    "speakers": {"uk": "говорять", "en": "quoted"},
    "also_published": {"uk": "Також опублікували", "en": "Also published by"},
    "first_published": {"uk": "першим було", "en": "first was"},
    "show_all_copies": {"uk": "показати всі передруки окремо", "en": "show every reprint"},
    "fold_copies": {"uk": "згорнути передруки", "en": "fold reprints"},
    "show_more": {"uk": "показати більше", "en": "show more"},
    "show_less": {"uk": "показати менше", "en": "show fewer"},
    "alpha": {"uk": "за абеткою", "en": "A–Z"},
    "by_count": {"uk": "за кількістю", "en": "by count"},
    "find_value": {"uk": "Знайти серед значень", "en": "Find a value"},
    "find": {"uk": "Знайти", "en": "Find"},
    "pages": {"uk": "Сторінки", "en": "Pages"},
    "timeline": {"uk": "Публікації в часі", "en": "Stories over time"},
    "period": {"uk": "Період", "en": "Period"},
    "from": {"uk": "з", "en": "from"},
    "to": {"uk": "по", "en": "to"},
    "apply": {"uk": "Застосувати", "en": "Apply"},
    "all_time": {"uk": "увесь час", "en": "all time"},
    "share_of_all": {"uk": "частка від усіх публікацій", "en": "share of all stories"},
    "export": {"uk": "Експорт", "en": "Export"},
    "feed": {"uk": "стрічка Atom", "en": "Atom feed"},
    "outlet": {"uk": "Видання", "en": "Outlet"},
    "published": {"uk": "Опубліковано", "en": "Published"},
    "assumed_tz": {"uk": "час за Києвом, припущено", "en": "Kyiv time, assumed"},
    "rubric": {"uk": "Рубрика", "en": "Section"},
    "authors": {"uk": "Автори", "en": "Authors"},
    "address": {"uk": "Адреса", "en": "URL"},
    "stored_copy": {"uk": "Збережена копія", "en": "Stored copy"},
    "saved": {"uk": "збережено", "en": "saved"},
    "stored_copies": {"uk": "Збережені копії", "en": "Stored copies"},
    "kyiv_time": {"uk": "за київським часом", "en": "Kyiv time"},
    "capture_unknown": {"uk": "коли збережено, невідомо", "en": "capture time unknown"},
    "captured_from_archive": {"uk": "за записом архіву", "en": "as the archive records"},
    "captured_from_page": {"uk": "за позначкою в сторінці", "en": "as noted in the page"},
    "captured_from_file_name": {"uk": "за назвою файлу", "en": "from the file name"},
    "quotes": {"uk": "Цитати", "en": "Quotes"},
    "reported": {"uk": "переказ", "en": "reported speech"},
    "unknown_speaker": {"uk": "мовець не встановлений", "en": "speaker unknown"},
    "similar": {"uk": "Схожі матеріали", "en": "Similar stories"},
    "text": {"uk": "Текст", "en": "Text"},
    "cite": {"uk": "Як цитувати", "en": "How to cite"},
    "speaker_page": {"uk": "Усі цитати", "en": "All quotes"},
    "back": {"uk": "До пошуку", "en": "Back to search"},
    "not_found": {
        "uk": "Такої сторінки в архіві немає: можливо, статтю прибрали під час перебудови індексу.",
        "en": "There is no such page in the archive: the article may have gone in a rebuild.",
    },
    "error_title": {"uk": "Помилка", "en": "Error"},
    "past_the_end": {
        "uk": "На цій сторінці результатів уже немає.",
        "en": "There are no results on this page.",
    },
    "last_page": {"uk": "Остання сторінка", "en": "Last page"},
    "with_words": {"uk": "зі словами", "en": "with the words"},
    "search_quotes_of": {"uk": "Шукати в цитатах цієї людини", "en": "Search this person's quotes"},
    "all_quotes": {"uk": "Усі цитати", "en": "All quotes"},
    "nothing_in_quotes": {
        "uk": "У цитатах цієї людини таких слів немає.",
        "en": "This person's quotes hold no such words.",
    },
    "previous_page": {"uk": "Попередня", "en": "Previous"},
    "unknown_outlet": {"uk": "невідоме видання", "en": "unknown outlet"},
    "copy_citation": {"uk": "Копіювати посилання", "en": "Copy the citation"},
    "copied": {"uk": "Скопійовано", "en": "Copied"},
    "next_page": {"uk": "Наступна", "en": "Next"},
    "no_title": {"uk": "Без заголовка", "en": "Untitled"},
    "date_unknown": {"uk": "дата невідома", "en": "date unknown"},
    "language_switch": {"uk": "English", "en": "Українська"},
    "also_searched": {"uk": "Також шукали", "en": "Also searched"},
    "equivalent_ru": {"uk": "рос.", "en": "Russian"},
    "equivalent_uk": {"uk": "укр.", "en": "Ukrainian"},
    "equivalent_cyrl": {"uk": "кирилицею", "en": "in Cyrillic"},
    "remove_equivalent": {"uk": "Не шукати це слово", "en": "Do not search this word"},
    "only_as_typed": {"uk": "шукати лише як написано", "en": "search only as typed"},
    "searched_as_typed": {
        "uk": "Шукали лише як написано, без слів іншою мовою та іншим письмом.",
        "en": "Searched only as typed, without the other language or script.",
    },
    "with_equivalents": {"uk": "шукати й іншою мовою", "en": "search the other language too"},
}
RESULT_FORMS = {
    "uk": ("результат", "результати", "результатів"),
    "en": ("result", "results", "results"),
}
QUOTE_FORMS = {"uk": ("цитата", "цитати", "цитат"), "en": ("quote", "quotes", "quotes")}
ARTICLE_FORMS = {"uk": ("стаття", "статті", "статей"), "en": ("article", "articles", "articles")}
COPY_FORMS = {"uk": ("копія", "копії", "копій"), "en": ("capture", "captures", "captures")}


def current_language() -> str:
    if "lang" not in g:
        chosen = request.args.get("lang") or request.cookies.get(COOKIE) or "uk"
        g.lang = chosen if chosen in LANGUAGES else "uk"
    return g.lang


def word(key: str) -> str:
    return WORDS[key][current_language()]
