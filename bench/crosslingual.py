"""Cross-language and cross-script recall and precision over the shared corpus.

Run from the repository root: ``.venv/bin/python bench/crosslingual.py [--index DIR]
[--explain]``.

For each concept pair (a Ukrainian and a Russian query for the same thing:
people, places, institutions, news words; cognates and non-cognates), and each
way: the *target* is the set of pages of the other language that the other
language's query finds when searched as typed. Recall is the share of the
target that the one-language query finds — today (as typed) and with
equivalents (the default). Precision is the share of the pages the equivalents
add (found with them, not without) that the other-language query also finds;
``--explain`` lists the added pages it does not, to be judged by reading.
Latin-script names: the share of what the Cyrillic names find (Ukrainian and
Russian spellings together) that the Latin query finds.
Our index of ../shared/corpus/archive is built into a temporary folder (or
reused with ``--index``). Every search is unfolded (each reprint counts).
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO.parent / "shared" / "corpus" / "archive"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.searching import Searcher  # noqa: E402

from index.build import rebuild  # noqa: E402
from search import SearchRequest  # noqa: E402
from search.engine import iter_matching, open_searcher  # noqa: E402

# (Ukrainian, Russian): the same concept as each language writes it.
PAIRS = (
    ("Путін", "Путин"),
    ("Зеленський", "Зеленский"),
    ("Мей", "Мэй"),
    ("Барньє", "Барнье"),
    ("Україна", "Украина"),
    ("Київ", "Киев"),
    ("Німеччина", "Германия"),
    ("Росія", "Россия"),
    ("Британія", "Британия"),
    ("Польща", "Польша"),
    ("Данія", "Дания"),
    ("Ірландія", "Ирландия"),
    ("Європа", "Европа"),
    ("Євросоюз", "Евросоюз"),
    ("Єврокомісія", "Еврокомиссия"),
    ("уряд", "правительство"),
    ("міністерство", "министерство"),
    ("поліція", "полиция"),
    ("вибори", "выборы"),
    ("газопровід", "газопровод"),
    ("страйк", "забастовка"),
    ("угода", "соглашение"),
    ("пілот", "пилот"),
    ("авіакомпанія", "авиакомпания"),
    ("скасування", "отмена"),
    ("санкції", "санкции"),
    ("будівництво", "строительство"),
    ("вирок", "приговор"),
    ("звільнення", "освобождение"),
    ("християнка", "христианка"),
    ("прем'єр-міністр", "премьер-министр"),
    ("переговори", "переговоры"),
    ("країна", "страна"),
    ("місто", "город"),
    ("тиждень", "неделя"),
    ("гроші", "деньги"),
    ("ціна", "цена"),
    ("компанія", "компания"),
    ("лікарня", "больница"),
    ("поліцейський", "полицейский"),
)
# (Latin, Ukrainian, Russian) spellings of a name.
LATIN = (
    ("Trump", "Трамп", "Трамп"),
    ("Putin", "Путін", "Путин"),
    ("Zelensky", "Зеленський", "Зеленский"),
    ("Merkel", "Меркель", "Меркель"),
    ("Poroshenko", "Порошенко", "Порошенко"),
    ("Macron", "Макрон", "Макрон"),
    ("Kyiv", "Київ", "Киев"),
    ("Pakistan", "Пакистан", "Пакистан"),
    ("Gazprom", "Газпром", "Газпром"),
    ("Johnson", "Джонсон", "Джонсон"),
    ("Juncker", "Юнкер", "Юнкер"),
    ("Tusk", "Туск", "Туск"),
    ("Denmark", "Данія", "Дания"),
    ("Ireland", "Ірландія", "Ирландия"),
    ("Barnier", "Барньє", "Барнье"),
)


@dataclass(slots=True)
class Way:
    """One direction of one pair: the query, the other language's query, their pages."""

    query: str
    other: str
    language: str  # of the query
    target: set[str]  # other-language pages the other query finds as typed
    today: set[str]  # of those, found by the query as typed
    now: set[str]  # of those, found by the query with equivalents
    added: set[str]  # pages (any language) the equivalents add
    confirmed: set[str]  # of the added, those the other query also finds


def found(searcher: Searcher, text: str, expand: bool, language: str | None = None) -> set[str]:
    filters = {"language": [language]} if language else {}
    request = SearchRequest(text=text, filters=filters, expand=expand, reprints="all")
    return {article.id for article in iter_matching(searcher, request)}


def way(searcher: Searcher, query: str, other: str, language: str) -> Way:
    other_language = "ru" if language == "uk" else "uk"
    target = found(searcher, other, False, other_language)
    typed = found(searcher, query, False)
    expanded = found(searcher, query, True)
    added = expanded - typed
    return Way(
        query=query,
        other=other,
        language=language,
        target=target,
        today=typed & target,
        now=expanded & target,
        added=added,
        confirmed=added & found(searcher, other, False),
    )


def share(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "  — "


def print_ways(ways: list[Way]) -> None:
    columns = "".join(f"{name:>7}" for name in ("target", "today", "now", "added", "prec"))
    print(f"{'query → other language':<44}{columns}")
    for w in ways:
        name = f"{w.query} → {w.other}"
        print(
            f"{name:<44}{len(w.target):>7}{share(len(w.today), len(w.target)):>7}"
            f"{share(len(w.now), len(w.target)):>7}{len(w.added):>7}"
            f"{share(len(w.confirmed), len(w.added)):>7}"
        )


def summarise(ways: list[Way], label: str) -> None:
    target = sum(len(w.target) for w in ways)
    today = sum(len(w.today) for w in ways)
    now = sum(len(w.now) for w in ways)
    added = sum(len(w.added) for w in ways)
    confirmed = sum(len(w.confirmed) for w in ways)
    macro = [len(w.now) / len(w.target) for w in ways if w.target]
    print(
        f"{label}: recall today {share(today, target)}, now {share(now, target)}"
        f" (micro, {now}/{target}; macro {sum(macro) / len(macro):.2f} over {len(macro)} pairs);"
        f" precision of what equivalents add {share(confirmed, added)} ({confirmed}/{added},"
        " by the other query alone)"
    )


def latin(searcher: Searcher, names: tuple[tuple[str, str, str], ...]) -> None:
    print(f"\n{'Latin name':<14}{'Cyrillic finds':>15}{'today':>7}{'now':>7}")
    total = hits_today = hits_now = 0
    for name, ukrainian, russian in names:
        target = found(searcher, ukrainian, False) | found(searcher, russian, False)
        today = found(searcher, name, False) & target
        now = found(searcher, name, True) & target
        total += len(target)
        hits_today += len(today)
        hits_now += len(now)
        print(
            f"{name:<14}{len(target):>15}{share(len(today), len(target)):>7}"
            f"{share(len(now), len(target)):>7}"
        )
    print(
        f"Latin names: today {share(hits_today, total)}, now {share(hits_now, total)}"
        f" of what the Cyrillic names find ({hits_now}/{total})"
    )


def explain(searcher: Searcher, ways: list[Way]) -> None:
    print("\nadded pages the other-language query does not find (judge them by reading):")
    for w in ways:
        for doc in sorted(w.added - w.confirmed):
            stored = searcher.document(id=doc) or {}
            title = (stored.get("title") or "")[:90]
            print(f"  {w.query} → {w.other}: {doc} [{stored.get('language')}] {title}")


# Chosen after the word lists were written and never used to change them: a check
# that the lists and rules generalise beyond the pairs above.
LATER_PAIRS = (
    ("війна", "война"),
    ("армія", "армия"),
    ("нафта", "нефть"),
    ("податок", "налог"),
    ("вибух", "взрыв"),
    ("пожежа", "пожар"),
    ("літак", "самолет"),
    ("потяг", "поезд"),
    ("відставка", "отставка"),
    ("суддя", "судья"),
    ("затримання", "задержание"),
    ("прокуратура", "прокуратура"),
    ("журналіст", "журналист"),
    ("парламент", "парламент"),
    ("депутат", "депутат"),
    ("гривня", "гривна"),
    ("Туреччина", "Турция"),
    ("Білорусь", "Беларусь"),
    ("Франція", "Франция"),
    ("Ізраїль", "Израиль"),
    ("Пакистан", "Пакистан"),
    ("Газпром", "Газпром"),
    ("Меркель", "Меркель"),
    ("Джонсон", "Джонсон"),
    ("Порошенко", "Порошенко"),
    ("лікар", "врач"),
    ("школа", "школа"),
    ("дитина", "ребенок"),
    ("жінка", "женщина"),
    ("рішення", "решение"),
    ("вимога", "требование"),
    ("зустріч", "встреча"),
    ("робота", "работа"),
    ("безпека", "безопасность"),
    ("виробництво", "производство"),
)
LATER_LATIN = (
    ("Merkel", "Меркель", "Меркель"),
    ("Poroshenko", "Порошенко", "Порошенко"),
    ("Turkey", "Туреччина", "Турция"),
    ("France", "Франція", "Франция"),
    ("Israel", "Ізраїль", "Израиль"),
    ("Belarus", "Білорусь", "Беларусь"),
    ("Ryanair", "Ryanair", "Ryanair"),
    ("Lviv", "Львів", "Львов"),
    ("Dnipro", "Дніпро", "Днепр"),
    ("Kharkiv", "Харків", "Харьков"),
)


def run(index: Path, show: bool, later: bool = False) -> int:
    pairs = LATER_PAIRS if later else PAIRS
    with open_searcher(index) as searcher:
        to_ru = [way(searcher, uk, ru, "uk") for uk, ru in pairs]
        to_uk = [way(searcher, ru, uk, "ru") for uk, ru in pairs]
        print_ways(to_ru)
        print()
        print_ways(to_uk)
        print()
        summarise(to_ru, "Ukrainian query → Russian pages")
        summarise(to_uk, "Russian query → Ukrainian pages")
        latin(searcher, LATER_LATIN if later else LATIN)
        if show:
            explain(searcher, to_ru + to_uk)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="reuse (or build) our index here")
    parser.add_argument("--explain", action="store_true", help="list unconfirmed added pages")
    parser.add_argument(
        "--later", action="store_true", help="the pairs chosen after the lists were written"
    )
    args = parser.parse_args()
    if not ARCHIVE.is_dir():
        print(f"{ARCHIVE} is absent: put ../shared beside this checkout", file=sys.stderr)
        return 2
    if args.index and whoosh_index.exists_in(str(args.index)):
        return run(args.index, args.explain, args.later)
    with tempfile.TemporaryDirectory() as folder:
        index = args.index or Path(folder) / "index"
        print(f"building an index of {ARCHIVE} into {index} …", flush=True)
        rebuild(ARCHIVE, index, jobs=2, stream=io.StringIO(), interactive=False)
        return run(index, args.explain, args.later)


if __name__ == "__main__":
    sys.exit(main())
