"""Data that drives extraction: meta names, class patterns and word lists.

Extractors read these tables; adding an outlet's convention means adding a
row here, not a code path.
"""

from __future__ import annotations

import re

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "liveblogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)
LIST_TYPES = frozenset({"website", "collectionpage", "itemlist", "webpage", "searchresultspage"})

TITLE_META = ("og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title", "title")
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
AUTHOR_META = ("article:author", "author", "dc.creator", "parsely-author", "sailthru.author", "byl")
SECTION_META = ("article:section", "parsely-section", "sailthru.section", "section", "category")
TAG_META = ("article:tag", "keywords", "news_keywords", "parsely-tags", "sailthru.tags")
SITE_NAME_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
DESCRIPTION_META = ("og:description", "description", "twitter:description", "dc.description")
LOCALE_META = ("og:locale", "content-language", "language", "dc.language", "inlanguage")

# class/id fragments of the element holding the article text, best first
BODY_HINTS = re.compile(
    r"article[-_]?(body|text|content)|post[-_]?(body|content|text)|entry[-_]?content|"
    r"news[-_]?(text|body|content)|story[-_]?(body|text)|text[-_]?content|"
    r"material[-_]?(text|body)|main[-_]?text|content[-_]?text|single[-_]?content|^text$|^content$",
    re.IGNORECASE,
)
# class/id fragments of page furniture never part of the text
BOILERPLATE_HINTS = re.compile(
    r"share|social|related|read[-_]?also|also[-_]?read|recommend|subscri|newsletter|banner|"
    r"advert|promo|sponsor|comment|sidebar|widget|breadcrumb|tags?[-_]?(list|block|wrap)?$|"
    r"^tags|cookie|popup|modal|footer|header|nav|menu|author[-_]?(box|info|bio)|byline|"
    r"caption|photo[-_]?(credit|source)|copyright|rating|poll|teaser|more[-_]?news|"
    r"^meta$|post[-_]?meta|article[-_]?meta|news[-_]?meta|date|rubric|category|lead|"
    r"subtitle|standfirst|title",
    re.IGNORECASE,
)
BOILERPLATE_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "aside",
        "footer",
        "header",
        "form",
        "button",
        "figure",
        "figcaption",
        "iframe",
        "svg",
        "select",
        "template",
        "object",
        "embed",
        "h1",
    }
)
BLOCK_TAGS = ("p", "h2", "h3", "h4", "h5", "blockquote", "li", "pre")

# lines of furniture that sit inside article text on many outlets
BOILERPLATE_LINES = re.compile(
    r"^\s*(?:"
    r"(?:читайте|читай|читати|дивіться|смотрите)\s+(?:також|также|нас|більше|ще|еще|ещё|все|всі|усі)|"
    r"(?:матеріали|материалы|новини|новости|статті|статьи|публікації|публикации)\s+(?:по|на|за)\s+(?:темі|теме|тему|темою)|"
    r"по\s+темі|по\s+теме|до\s+теми|"
    r"(?:інші|другие|ще|еще|ещё)\s+(?:новини|новости|публікації|публикации|матеріали|материалы)|"
    r"(?:хочете|хотите)\s+(?:отримувати|получать|обговорити|обсудить|першими|первыми)|"
    r"підписуйтес|подписывайтес|приєднуйтес|присоединяйтес|долучайтес|стежте\s+за|следите\s+за|"
    r"поділитися|поделиться|"
    r"фото:|фото\s*[–—-]|джерело\s+фото|теги:|мітки:|теги\s|реклама$|"
    r"(?:джерело|источник)\s*[:–—-]\s*\S+(?:\s+\S+){0,4}\s*$|"
    r"https?://\S+\s*$|"
    r"якщо\s+ви\s+знайшли\s+помилку|если\s+вы\s+нашли\s+ошибку|"
    r"новини\s+партнерів|новости\s+партнеров"
    r")",
    re.IGNORECASE,
)

AUTHOR_LABELS = re.compile(
    r"^\s*(автор(и|ы)?|author|текст|подготовил[аи]?|підготував|підготувала)\s*[:：]\s*",
    re.IGNORECASE,
)
RUBRIC_LABELS = re.compile(
    r"^\s*(рубрика|розділ|раздел|категорія|категория)\s*[:：]\s*", re.IGNORECASE
)
RUBRIC_HINTS = re.compile(
    r"rubric|category|section[-_]?(name|title|label)|article[-_]?section|^section$|cat[-_]?name",
    re.IGNORECASE,
)
# particles written in lower case inside names: Людвіг ван Бетховен, Оноре де Бальзак
NAME_PARTICLES = frozenset(
    "де да ді ван фон дер ла ле ель аль ібн бін de da di van von der la le bin ibn al el".split()
)
AUTHOR_HINTS = re.compile(r"author|byline|avtor|journalist", re.IGNORECASE)
BREADCRUMB_HINTS = re.compile(r"breadcrumb|crumbs|path", re.IGNORECASE)
HOME_CRUMBS = frozenset({"головна", "главная", "home", "новини", "новости", "news"})

# --- class and text patterns the field ladders look for -------------------------------

DATE_HINTS = re.compile(r"date|time|publish", re.IGNORECASE)
LEAD_HINTS = re.compile(r"lead|intro|standfirst|subtitle|description|summary|^sub$", re.I)
MENU_HINTS = re.compile(r"\b(?:menu|nav|navigation|sections?)\b", re.IGNORECASE)
# blocks beside the article (their headings and names are no byline)
FURNITURE_HINTS = re.compile(
    r"sidebar|related|popular|widget|footer|comment|menu|recommend|read[-_]?also|"
    r"more[-_]?news|teaser|columnists|our[-_]?authors|banner|promo",
    re.IGNORECASE,
)
AUTHOR_PAGE_LINK = re.compile(r"/(?:authors?|avtor|avtory|journalists?)/[^/?#]+", re.IGNORECASE)
# «Headline | Outlet», «Headline :: Outlet», «Headline » Section»
TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+»\s+")
COPYRIGHT_LINE = re.compile(r"©|\(c\)\s|copyright", re.IGNORECASE)
# «Ім'я Прізвище», optionally «, агенція», alone on the last line: the author's signature
SIGNATURE_LINE = re.compile(
    r"^(?P<name>(?:[A-ZА-ЯІЇЄҐ][\w'’-]+\s+){1,2}[A-ZА-ЯІЇЄҐ][\w'’-]+)\s*(?:,.{0,60})?$"
)
