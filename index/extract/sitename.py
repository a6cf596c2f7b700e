"""What a page calls its outlet, cleaned: taglines, slogans and copyright words cut.

og:site_name and copyright lines often carry more than a name («Еспресо — новини
України та світу», «© 2014 Espreso.tv. Усі права захищено»). The name is the part
that spells the site's domain, or else the first part, if it is short enough to be one.
"""

from __future__ import annotations

import re

MAX_NAME_WORDS = 4
MIN_SHARED_LETTERS = 4

_PARTS = re.compile(r"\s+[|–—-]\s+|\s*::\s*|:\s+|(?<=[^\W\d_]{2})\.\s+|\s+[/•·]\s+")
_COPYRIGHT = re.compile(
    r"©|\(c\)|copyright|\b(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?\b", re.IGNORECASE
)
_RIGHTS = re.compile(
    r"(?:усі|всі|все)\s+права\s+(?:захищені|захищено|защищены)|all\s+rights\s+reserved",
    re.IGNORECASE,
)
_QUOTES = " \"'«»„“”"
# «Новини УНІАН» in a <title>: the site's name after the word for news
_NEWS_WORDS = re.compile(
    r"^(?:(?:останні|свіжі|головні|последние|свежие|главные|latest)\s+)?"
    r"(?:новини|новости|news)\s+(?=\S)",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)

# enough of a Latin reading to see that «Громадське» spells hromadske.ua
_CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёъыэ"
_LATIN_PARTS = "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh sch _ iu ia e _ y e"
_LATIN = dict(zip(_CYRILLIC, _LATIN_PARTS.split(), strict=True))


def latin_reading(text: str) -> str:
    lowered = text.lower()
    return "".join(_LATIN.get(ch, ch) for ch in lowered if ch.isalnum()).replace("_", "")


def domain_label(domain: str) -> str:
    """The part of a registrable domain that names the site: pravda of pravda.com.ua."""
    return re.sub(r"[^a-z0-9]", "", domain.lower().split(".")[0])


def spells_domain(name: str, domain: str) -> bool:
    label = domain_label(domain)
    if not label:
        return False
    reading = latin_reading(name).translate(_SOUNDS_ALIKE)
    shared = _longest_common_run(reading, label.translate(_SOUNDS_ALIKE))
    return shared >= min(MIN_SHARED_LETTERS, len(label))


# Latin spellings of one Cyrillic letter: «Главком» is glavcom.ua, «Гроші» hroshi.
_SOUNDS_ALIKE = str.maketrans("gcyqw", "hkikv")


def _longest_common_run(a: str, b: str) -> int:
    best = 0
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if ch == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def clean_site_name(raw: str | None, domain: str) -> str | None:
    """The outlet's name in ``raw``, or None where it holds no name short enough to be one."""
    if not raw:
        return None
    text = " ".join(_RIGHTS.sub(" ", raw).split())
    if _COPYRIGHT.search(text):
        text = " ".join(_COPYRIGHT.sub(" ", text).split())
    parts = [part.strip(_QUOTES + ".,;") for part in _PARTS.split(text)]
    parts = [part for part in parts if part and not _ADDRESS.match(part)]
    if not parts:
        return None
    named = [part for part in parts if spells_domain(part, domain)]
    # «Новости Днепра - Днепр Оперативный»: a part that is a name, not «news of» a place
    plain = [part for part in named if not _NEWS_WORDS.match(part)]
    name = (plain or named or parts)[0]
    bare = _NEWS_WORDS.sub("", name)
    if bare != name and spells_domain(bare, domain):
        name = bare
    return name if len(name.split()) <= MAX_NAME_WORDS else None


def is_host_like(name: str, domain: str) -> bool:
    """A «name» that is only the site's address (kiev.vgorode.ua, www.unian.ua)."""
    lowered = name.lower().removeprefix("www.")
    return lowered == domain or lowered.endswith("." + domain)
