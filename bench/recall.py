"""Recall of lemma search over the shared corpus: our analyzer against plain Whoosh.

Run from the repository root: ``.venv/bin/python bench/recall.py [--explain N]``.

Ground truth: for each of 20 Ukrainian lemmas, a regex written by hand that
matches every inflected form of it (case-insensitive, any apostrophe, ґ or г
where the word has one; a verb's forms include its adverbial participle and
its impersonal -но form). A Ukrainian document is relevant when its title,
lead or body, as a reader sees them (soft hyphens and zero-width marks
dropped), matches. The Ukrainian articles of ../shared/corpus/archive are
indexed twice in temporary folders: with our schema (``index.schema``) and
with a plain Whoosh schema whose text fields use ``StandardAnalyzer``.
Russian articles are left out: only Ukrainian documents are judged, and
whether a document matches never depends on the other documents. The lemma
is searched as typed, through our query parser and through Whoosh's own.
``--explain N`` shows up to N missed and N extra documents per lemma, with
the words that matched.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "corpus" / "archive"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.analysis import StandardAnalyzer  # noqa: E402
from whoosh.fields import ID, TEXT, Schema  # noqa: E402
from whoosh.qparser import MultifieldParser  # noqa: E402
from whoosh.searching import Searcher  # noqa: E402

from index.analysis import ukrainian_analyzer  # noqa: E402
from index.analysis.normalize import LATIN_LOOKALIKES  # noqa: E402
from index.archive import walk_archive  # noqa: E402
from index.article import Article  # noqa: E402
from index.extract import ExtractionError, extract_page  # noqa: E402
from index.schema import article_document, build_schema  # noqa: E402
from search.query import parse_query  # noqa: E402

APOSTROPHE = "['’ʼ‘`´]"
G = "[гґ]"
NOUN_HARD = "а|и|і|у|ою|о|ам|ами|ах"  # війна, країна: feminine -а nouns, plural too
NOUN_MASCULINE = "а|у|ові|ом|і|е|и|ів|ам|ами|ах"  # президент, бюджет
ADJECTIVE = "ий|ого|ому|им|ім|а|ої|ій|у|ою|е|і|их|ими"
REFLEXIVE = "ся|сь"
WRITER_MEMORY_MB = 256
BASELINE_FIELDS = ("title", "lead", "body")
INVISIBLE = str.maketrans(dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff"))
LOOKALIKES_AS_CYRILLIC = str.maketrans(LATIN_LOOKALIKES)


def forms(alternatives: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for the given alternatives."""
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Lemma:
    word: str  # what a person types
    kind: str
    pattern: re.Pattern[str]  # every inflected form: the ground truth


LEMMAS: tuple[Lemma, ...] = (
    Lemma("війна", "noun", forms(rf"війн(?:{NOUN_HARD})?")),
    Lemma("країна", "noun", forms(rf"країн(?:{NOUN_HARD})?")),
    Lemma("президент", "noun", forms(rf"президент(?:{NOUN_MASCULINE})?")),
    Lemma("бюджет", "noun", forms(rf"бюджет(?:{NOUN_MASCULINE})?")),
    Lemma("компанія", "noun", forms("компані(?:я|ї|ю|єю|є|й|ям|ями|ях)")),
    Lemma("вибори", "noun, plural only", forms("вибор(?:и|ів|ам|ами|ах)")),
    Lemma("рік", "noun, і/о alternation", forms("рік|ро(?:ку|кові|ком|ці|ки|ків|кам|ками|ках)")),
    Lemma(
        "людина", "noun, suppletive plural", forms("люд(?:ина|ини|ині|ину|иною|ино|и|ей|ям|ьми|ях)")
    ),
    Lemma(
        "громадянин", "noun, -ин plural", forms("громадян(?:ин(?:а|у|ові|ом|і|е)?|и|ам|ами|ах)?")
    ),
    Lemma("прем'єр", "noun, apostrophe", forms(rf"прем{APOSTROPHE}єр(?:{NOUN_MASCULINE})?")),
    Lemma("український", "adjective", forms(rf"українськ(?:{ADJECTIVE})")),
    Lemma("європейський", "adjective", forms(rf"європейськ(?:{ADJECTIVE})")),
    Lemma(
        "заявити",
        "verb",
        forms("заяв(?:ити|ить|ив|ила|ило|или|лю|иш|имо|ите|лять|и|імо|іть|лено|ивши)"),
    ),
    Lemma(
        "повідомити",
        "verb",
        forms("повідом(?:ити|ить|ив|ила|ило|или|лю|иш|имо|ите|лять|и|імо|іть|лено|ивши)"),
    ),
    Lemma(
        "працювати",
        "verb",
        forms(
            "працю(?:вати|вать|вав|вала|вало|вали|ю|єш|є|ємо|єте|ють|й|ймо|йте"
            "|ватиму|ватимеш|ватиме|ватимемо|ватимете|ватимуть|ючи|вавши)"
        ),
    ),
    Lemma(
        "відбутися",
        "reflexive verb",
        forms(
            rf"відбу(?:ти|в|ла|ло|ли|ду|деш|демо|дете)(?:{REFLEXIVE})"
            r"|відбудеться|відбудуться|відбувшись"
        ),
    ),
    Lemma(
        "намагатися",
        "reflexive verb",
        forms(
            rf"намага(?:ти|в|ла|ло|ли|ю|єш|ємо|єте|й|ймо|йте"
            rf"|тиму|тимеш|тимемо|тимете)(?:{REFLEXIVE})"
            r"|намагається|намагаються|намагатиметься|намагатимуться|намагаючись|намагавшись"
        ),
    ),
    Lemma("Україна", "proper name", forms("україн(?:а|и|і|у|ою|о)")),
    Lemma("Київ", "proper name, і/є alternation", forms("київ|києв(?:а|у|і|ом|е)")),
    Lemma("Газпром", "proper name, ґ/г", forms(rf"{G}азпром(?:{NOUN_MASCULINE})?")),
)


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    language: str
    text: str  # title, lead and body


@dataclass(frozen=True, slots=True)
class Row:
    lemma: Lemma
    truth: frozenset[str]  # paths of the Ukrainian documents the regex matches
    ours: frozenset[str]  # Ukrainian documents our search returns
    baseline: frozenset[str]  # Ukrainian documents plain Whoosh returns
    disguised: frozenset[str]  # not in truth, but matched once Latin look-alikes read as Cyrillic

    @property
    def our_recall(self) -> float:
        return _recall(self.ours, self.truth)

    @property
    def baseline_recall(self) -> float:
        return _recall(self.baseline, self.truth)

    @property
    def missed(self) -> frozenset[str]:
        return self.truth - self.ours

    @property
    def extra(self) -> frozenset[str]:
        """Documents we return that the regex does not match."""
        return self.ours - self.truth

    @property
    def extra_disguised(self) -> frozenset[str]:
        """Extra documents that spell the word with Latin look-alikes (pоку): right answers."""
        return self.extra & self.disguised

    @property
    def extra_other(self) -> frozenset[str]:
        """Extra documents with no form of the word at all: homonyms and lemma ambiguities."""
        return self.extra - self.disguised


def _recall(found: frozenset[str], truth: frozenset[str]) -> float:
    return len(found & truth) / len(truth) if truth else 1.0


def extract_articles(archive: Path, language: str = "uk") -> list[Article]:
    """The archive's articles in one language, in a stable order (list pages left out)."""
    articles: list[Article] = []
    for file in walk_archive(archive):
        relative = file.relative_to(archive).as_posix()
        try:
            article = extract_page(file.read_bytes(), path=relative)
        except ExtractionError:
            continue
        if article.kind == "article" and article.language == language:
            articles.append(article)
    return articles


def documents(articles: Iterable[Article]) -> list[Document]:
    return [Document(a.path, a.language, visible_text(a)) for a in articles]


def visible_text(article: Article) -> str:
    """Title, lead and body as a reader sees them: soft hyphens and zero-width marks dropped."""
    return "\n".join((article.title, article.lead, article.body)).translate(INVISIBLE)


def baseline_schema() -> Schema:
    text = TEXT(analyzer=StandardAnalyzer())
    return Schema(
        path=ID(stored=True, unique=True),
        language=ID(stored=True),
        title=text,
        lead=text,
        body=text,
    )


def build_indexes(articles: list[Article], folder: Path) -> tuple[Path, Path]:
    """Our index and the plain-Whoosh baseline of the same articles, under ``folder``."""
    ours, baseline = folder / "ours", folder / "baseline"
    _fill(ours, build_schema(), (article_document(a) for a in articles))
    _fill(baseline, baseline_schema(), (_baseline_document(a) for a in articles))
    return ours, baseline


def _baseline_document(article: Article) -> dict[str, str]:
    return {
        "path": article.path,
        "language": article.language,
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
    }


def _fill(folder: Path, schema: Schema, docs: Iterator[dict]) -> None:
    folder.mkdir(parents=True)
    writer = whoosh_index.create_in(str(folder), schema).writer(limitmb=WRITER_MEMORY_MB)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()


def ukrainian_paths(searcher: Searcher, docnums: Iterable[int]) -> frozenset[str]:
    stored = (searcher.stored_fields(docnum) for docnum in docnums)
    return frozenset(fields["path"] for fields in stored if fields["language"] == "uk")


def our_hits(searcher: Searcher, word: str) -> frozenset[str]:
    query = parse_query(word).query
    return ukrainian_paths(searcher, searcher.docs_for_query(query)) if query else frozenset()


def baseline_hits(searcher: Searcher, word: str) -> frozenset[str]:
    query = MultifieldParser(list(BASELINE_FIELDS), searcher.schema).parse(word)
    return ukrainian_paths(searcher, searcher.docs_for_query(query))


def measure(
    docs: list[Document], ours: Searcher, baseline: Searcher, lemmas: Iterable[Lemma] = LEMMAS
) -> list[Row]:
    ukrainian = [doc for doc in docs if doc.language == "uk"]
    undisguised = {doc.path: doc.text.translate(LOOKALIKES_AS_CYRILLIC) for doc in ukrainian}
    rows = []
    for lemma in lemmas:
        truth = frozenset(doc.path for doc in ukrainian if lemma.pattern.search(doc.text))
        disguised = frozenset(
            path for path, text in undisguised.items() if lemma.pattern.search(text)
        )
        ours_found, baseline_found = our_hits(ours, lemma.word), baseline_hits(baseline, lemma.word)
        rows.append(Row(lemma, truth, ours_found, baseline_found, disguised - truth))
    return rows


def print_table(rows: list[Row]) -> None:
    print("recall = share of the regex's documents found; extra = documents we return that")
    print("the regex does not match: Latin look-alike spellings (right) or other (homonyms)")
    print(
        f"{'lemma':<14}{'kind':<30}{'truth':>6}{'ours':>8}{'Whoosh':>8}"
        f"{'look-alike':>12}{'other':>7}"
    )
    for row in rows:
        print(
            f"{row.lemma.word:<14}{row.lemma.kind:<30}{len(row.truth):>6}"
            f"{row.our_recall:>8.3f}{row.baseline_recall:>8.3f}"
            f"{len(row.extra_disguised):>12}{len(row.extra_other):>7}"
        )
    truth = sum(len(r.truth) for r in rows)
    ours = sum(len(r.ours & r.truth) for r in rows)
    baseline = sum(len(r.baseline & r.truth) for r in rows)
    disguised = sum(len(r.extra_disguised) for r in rows)
    other = sum(len(r.extra_other) for r in rows)
    returned = sum(len(r.ours) for r in rows)
    print(
        f"{'all (micro)':<44}{truth:>6}{ours / truth:>8.3f}{baseline / truth:>8.3f}"
        f"{disguised:>12}{other:>7}"
    )
    macro_ours = sum(r.our_recall for r in rows) / len(rows)
    macro_baseline = sum(r.baseline_recall for r in rows) / len(rows)
    print(f"{'mean of lemmas (macro)':<50}{macro_ours:>8.3f}{macro_baseline:>8.3f}")
    extra = disguised + other
    print(
        f"our precision against the regexes: {(returned - extra) / returned:.3f} "
        f"({extra} of {returned} Ukrainian documents returned have no regex match); "
        f"counting look-alike spellings as matches: {(returned - other) / returned:.3f}"
    )


def explain(rows: list[Row], docs: list[Document], limit: int) -> None:
    by_path = {doc.path: doc for doc in docs}
    for row in rows:
        terms = parse_query(row.lemma.word).text_terms
        for path in sorted(row.missed)[:limit]:
            found = sorted({m.group() for m in row.lemma.pattern.finditer(by_path[path].text)})
            print(f"{row.lemma.word}: MISSED {path}: regex matched {found}")
        for path in sorted(row.extra_other)[:limit] + sorted(row.extra_disguised)[:limit]:
            words = sorted(matching_words(by_path[path].text, terms))
            print(f"{row.lemma.word}: EXTRA {path}: words carrying {sorted(terms)}: {words}")


def matching_words(text: str, terms: set[str]) -> set[str]:
    """Words of ``text`` our analyzer indexes under any of ``terms``."""
    analyzer = ukrainian_analyzer()
    tokens = analyzer(text, chars=True, mode="index", language="uk")
    return {text[t.startchar : t.endchar] for t in tokens if t.text in terms}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--explain", type=int, default=0, metavar="N")
    args = parser.parse_args()
    if not ARCHIVE.is_dir():
        print(f"{ARCHIVE} is absent: put ../shared beside this checkout", file=sys.stderr)
        return 2
    started = time.perf_counter()
    articles = extract_articles(ARCHIVE)
    docs = documents(articles)
    with tempfile.TemporaryDirectory(prefix="pidshyvka-recall-") as tmp:
        ours_dir, baseline_dir = build_indexes(articles, Path(tmp))
        print(
            f"extracted and indexed {len(docs)} Ukrainian articles twice "
            f"in {time.perf_counter() - started:.1f} s"
        )
        with (
            whoosh_index.open_dir(str(ours_dir)).searcher() as ours,
            whoosh_index.open_dir(str(baseline_dir)).searcher() as baseline,
        ):
            rows = measure(docs, ours, baseline)
    print()
    print_table(rows)
    if args.explain:
        print()
        explain(rows, docs, args.explain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
