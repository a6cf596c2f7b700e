"""Speaker attribution against the hand-labelled gold in ../shared/corpus/gold/speakers.jsonl.

Prints set-level precision and recall of speakers (micro-averaged over articles),
quote-level attribution accuracy, and the time attribution adds to extraction.

    .venv/bin/python bench/speakers.py [-v] [--corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = CORPUS / "gold" / "speakers.jsonl"
sys.path.insert(0, str(REPO))

from index.article import Article, Quote  # noqa: E402
from index.extract import ExtractionError, extract_page  # noqa: E402
from index.quotes import attach_quotes  # noqa: E402
from index.speech.text import split_paragraphs  # noqa: E402

TARGET_PRECISION = 0.90
TARGET_RECALL = 0.85
TARGET_OVERHEAD = 0.30
WARM_ROUNDS = 5


@dataclass(slots=True)
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    quotes: int = 0
    quotes_found: int = 0
    quotes_right: int = 0
    ours: int = 0  # quotes we extracted
    ours_in_gold: int = 0  # of them, those holding (or said in the sentence of) a gold quote
    extract_seconds: float = 0.0
    attach_seconds: float = 0.0
    pages: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def load_article(relative: str, tally: Tally) -> Article:
    path = CORPUS / "archive" / relative
    started = time.perf_counter()
    article = extract_page(path.read_bytes(), path=relative)
    tally.extract_seconds += time.perf_counter() - started
    return article


def attribute(article: Article, tally: Tally) -> None:
    started = time.perf_counter()
    attach_quotes(article)
    tally.attach_seconds += time.perf_counter() - started
    tally.pages += 1


def sentences_around(article: Article) -> dict[int, str]:
    """For each quote (by position in the list), the text of the sentences that hold it."""
    full, paragraphs = split_paragraphs(article.title, article.lead, article.body)
    found: dict[int, str] = {}
    for number, quote in enumerate(article.quotes):
        at = full.find(quote.text)
        if at < 0:
            continue
        for paragraph in paragraphs:
            local = at - paragraph.offset
            if not 0 <= local < len(paragraph.text):
                continue
            spans = [
                (paragraph.starts[a], paragraph.end(b - 1))
                for a, b in paragraph.sentences
                if paragraph.starts[a] <= local + len(quote.text) and paragraph.end(b - 1) >= local
            ]
            if spans:
                found[number] = paragraph.text[spans[0][0] : spans[-1][1]]
    return found


def matching_quote(start: str, quotes: list[Quote], sentences: dict[int, str]) -> Quote | None:
    """Our quote whose text holds the gold start (earliest in it), else whose sentence does."""
    holding = [(normalise(q.text).find(start), n) for n, q in enumerate(quotes)]
    holding = [(at, n) for at, n in holding if at >= 0]
    if holding:
        return quotes[min(holding)[1]]
    for number, sentence in sentences.items():
        if start in normalise(sentence):
            return quotes[number]
    return None


def score_article(gold: dict, article: Article, tally: Tally, verbose: bool) -> None:
    ours = {normalise(s) for s in article.speakers}
    wanted = {normalise(s) for s in gold["speakers"]}
    tally.true_positive += len(ours & wanted)
    tally.false_positive += len(ours - wanted)
    tally.false_negative += len(wanted - ours)
    sentences = sentences_around(article)
    wrong = []
    for entry in gold["quotes"]:
        tally.quotes += 1
        quote = matching_quote(normalise(entry["start"]), article.quotes, sentences)
        if quote is None:
            wrong.append(f"    missed  {entry['speaker']!s:28} | {entry['start']}")
            continue
        tally.quotes_found += 1
        if quote.speaker == entry["speaker"]:
            tally.quotes_right += 1
        else:
            wrong.append(
                f"    wrong   {entry['speaker']!s:28} ours {quote.speaker} | {entry['start']}"
            )
    starts = [normalise(entry["start"]) for entry in gold["quotes"]]
    for number, quote in enumerate(article.quotes):
        tally.ours += 1
        around = normalise(sentences.get(number, quote.text))
        if any(start in normalise(quote.text) or start in around for start in starts):
            tally.ours_in_gold += 1
        else:
            wrong.append(f"    extra   {quote.speaker!s:28} | {quote.text[:60]}")
    if verbose and (ours != wanted or wrong):
        tally.notes.append(
            f"{gold['file']}\n    extra {sorted(ours - wanted)}  missing {sorted(wanted - ours)}\n"
            + "\n".join(wrong)
        )


def build_tables() -> float:
    """Build the per-language word tables once, so page timings leave them out."""
    started = time.perf_counter()
    for language, text in (
        ("uk", "Іван Коваль заявив, що все гаразд."),
        ("ru", "Иван Коваль заявил, что всё в порядке."),
    ):
        attach_quotes(Article(title="", body=text, language=language))
    return 1000 * (time.perf_counter() - started)


def best_of(rounds: int, files: list[str]) -> Tally:
    """Warm-cache timing: the fastest of several rounds, stage by stage (the box is shared)."""
    best = Tally()
    for round_number in range(rounds):
        tally = Tally()
        for relative in files:
            attribute(load_article(relative, tally), tally)
        if round_number == 0 or tally.extract_seconds < best.extract_seconds:
            best.extract_seconds = tally.extract_seconds
        if round_number == 0 or tally.attach_seconds < best.attach_seconds:
            best.attach_seconds = tally.attach_seconds
        best.pages = tally.pages
    return best


def time_corpus() -> None:
    """Every page of the archive (both languages): a first pass with the name caches cold
    and a second with them warm, as in a long indexing run."""
    extraction = Tally()
    articles = []
    for path in sorted((CORPUS / "archive").rglob("*.html")):
        try:
            articles.append(load_article(str(path.relative_to(CORPUS / "archive")), extraction))
        except ExtractionError:
            continue
    for label in ("whole archive, first pass", "whole archive, second pass"):
        passed = Tally()
        for article in articles:
            attribute(article, passed)
        print_timing(label, extraction.extract_seconds, passed.attach_seconds, len(articles))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="show each article's errors")
    parser.add_argument("--corpus", action="store_true", help="also time every page of the archive")
    args = parser.parse_args(argv)
    if not GOLD.exists():
        print(f"{SHARED} is absent: this benchmark needs ../shared/corpus beside the checkout.")
        return 2
    golds = [
        json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    setup_ms = build_tables()
    tally = Tally()
    for gold in golds:
        article = load_article(gold["file"], tally)
        attribute(article, tally)
        score_article(gold, article, tally, args.verbose)
    cold = (tally.extract_seconds, tally.attach_seconds, tally.pages)
    warm = best_of(WARM_ROUNDS, [g["file"] for g in golds])
    if tally.notes:
        print("\n\n".join(tally.notes))
    report(tally, cold, warm)
    print(f"time      one-time word tables (speech verbs, roles): {setup_ms:.0f} ms per process")
    if args.corpus:
        time_corpus()
    return 0


def report(tally: Tally, cold: tuple[float, float, int], warm: Tally) -> None:
    print(f"articles  {tally.pages}")
    print(
        f"speakers  precision {tally.precision:.3f} (target {TARGET_PRECISION})  "
        f"recall {tally.recall:.3f} (target {TARGET_RECALL})  "
        f"tp {tally.true_positive} fp {tally.false_positive} fn {tally.false_negative}"
    )
    print(
        f"quotes    attribution accuracy {tally.quotes_right / tally.quotes:.3f} "
        f"({tally.quotes_right}/{tally.quotes}; a quote of ours found for {tally.quotes_found})"
    )
    print(
        f"quotes    precision {tally.ours_in_gold / max(1, tally.ours):.3f} "
        f"({tally.ours_in_gold}/{tally.ours} of ours are gold quotes)  "
        f"recall {tally.quotes_found / max(1, tally.quotes):.3f} "
        f"({tally.quotes_found}/{tally.quotes} gold quotes have one of ours)"
    )
    print_timing("gold pages, cold caches", *cold)
    print_timing(
        f"gold pages, warm caches, best of {WARM_ROUNDS}",
        warm.extract_seconds,
        warm.attach_seconds,
        warm.pages,
    )


def print_timing(label: str, extract: float, attach: float, pages: int) -> None:
    extract_ms, attach_ms = 1000 * extract / pages, 1000 * attach / pages
    share = attach_ms / extract_ms if extract_ms else 0.0
    verdict = "ok" if share <= TARGET_OVERHEAD else "over budget"
    print(
        f"time      {label}: extraction {extract_ms:.2f} ms/page, "
        f"attribution {attach_ms:.2f} ms/page "
        f"(+{100 * share:.0f}% of extraction, budget {100 * TARGET_OVERHEAD:.0f}%: {verdict})"
    )


if __name__ == "__main__":
    sys.exit(main())
