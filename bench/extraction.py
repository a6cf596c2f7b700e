"""Per-field extraction accuracy over ../shared/corpus/gold/extraction.jsonl, and speed.

Run from the repo root: .venv/bin/python bench/extraction.py [--show-errors]
trafilatura, where installed, is timed on the same pages in the same run as a reference.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.article import Article
from index.extract import extract_page
from index.extract.dates import KYIV

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
TARGETS = {
    "title": 0.98,
    "published_minute": 0.95,
    "published_day": 0.98,
    "source": 1.0,
    "domain": 1.0,
    "language": 1.0,
    "rubric": 0.90,
    "rubric_absent": 0.95,
    "authors": 0.90,
    "body": 0.95,
    "list": 1.0,
}


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u00ad", "").replace("\u200b", "")
    return " ".join(text.split())


@dataclass
class Tally:
    hits: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.totals[name] = self.totals.get(name, 0) + 1
        self.hits[name] = self.hits.get(name, 0) + int(ok)
        if not ok:
            self.errors.append(f"{name}: {detail}")


def published_checks(article: Article, gold: dict) -> tuple[bool, bool, str]:
    value = article.published
    expected = gold["published"]
    shown = value.isoformat() if value else None
    if value is None:
        return False, False, f"none vs {expected}"
    if "T" in expected:
        instant = datetime.fromisoformat(expected)
        minute_ok = (
            abs((value - instant).total_seconds()) < 60 and value.utcoffset() == instant.utcoffset()
        )
        day_ok = value.astimezone(instant.tzinfo).date() == instant.date()
        return minute_ok, day_ok, f"{shown} vs {expected}"
    local = value.astimezone(KYIV) if article.published_tz_assumed else value
    day_ok = local.date().isoformat() == expected
    wanted_local = gold.get("published_local")
    minute_ok = day_ok and (
        wanted_local is None or local.strftime("%Y-%m-%dT%H:%M") == wanted_local
    )
    return minute_ok, day_ok, f"{shown} vs {expected} / {wanted_local}"


def check_article(article: Article, gold: dict, tally: Tally) -> None:
    name = gold["file"]
    tally.add(
        "title",
        normalise(article.title) == normalise(gold["title"]),
        f"{name}: {article.title!r} vs {gold['title']!r}",
    )
    minute_ok, day_ok, detail = published_checks(article, gold)
    tally.add("published_minute", minute_ok, f"{name}: {detail}")
    tally.add("published_day", day_ok, f"{name}: {detail}")
    sources = {gold["source"], *gold.get("source_aliases", [])}
    tally.add(
        "source", article.source in sources, f"{name}: {article.source!r} vs {gold['source']!r}"
    )
    tally.add(
        "domain",
        article.domain == gold["domain"],
        f"{name}: {article.domain!r} vs {gold['domain']!r}",
    )
    tally.add(
        "language",
        article.language == gold["language"],
        f"{name}: {article.language} vs {gold['language']}",
    )
    if not gold.get("rubric"):
        tally.add("rubric_absent", article.rubric is None, f"{name}: {article.rubric!r} vs none")
    if gold.get("rubric"):
        tally.add(
            "rubric",
            article.rubric == gold["rubric"],
            f"{name}: {article.rubric!r} vs {gold['rubric']!r}",
        )
    tally.add(
        "authors",
        article.authors == gold["authors"],
        f"{name}: {article.authors} vs {gold['authors']}",
    )
    body = normalise(article.body)
    missing = [
        part for part in (gold["body_first"], gold["body_last"]) if normalise(part) not in body
    ]
    leaked = [part for part in gold.get("not_in_body", []) if normalise(part) in body]
    tally.add("body", not missing and not leaked, f"{name}: missing {missing} leaked {leaked}")


def load_gold() -> list[dict]:
    gold_path = CORPUS / "gold" / "extraction.jsonl"
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def evaluate(golds: list[dict]) -> tuple[Tally, list[float], list[Article]]:
    """Extract every gold page; tally each field; time each extraction."""
    tally = Tally()
    ours_ms: list[float] = []
    articles: list[Article] = []
    for gold in golds:
        data = (CORPUS / "archive" / gold["file"]).read_bytes()
        started = time.perf_counter()
        article = extract_page(data, path=gold["file"])
        ours_ms.append((time.perf_counter() - started) * 1000)
        if gold["kind"] == "list":
            tally.add("list", article.kind == "list", gold["file"])
            continue
        tally.add("kind", article.kind == "article", gold["file"])
        check_article(article, gold, tally)
        articles.append(article)
    return tally, ours_ms, articles


OUTLET_FIELDS = ("source", "rubric", "rubric_absent", "authors", "body", "list")


def print_by_outlet(golds: list[dict]) -> None:
    """Right/of per field for each outlet with gold pages: a rule written while reading one
    outlet's pages shows as that outlet's score alone."""
    print(f"\n{'outlet':<28}" + "".join(f"{name:>14}" for name in OUTLET_FIELDS))
    for domain in sorted({gold.get("domain") or gold["file"].split("/")[0] for gold in golds}):
        mine = [g for g in golds if (g.get("domain") or g["file"].split("/")[0]) == domain]
        tally, _ms, _articles = evaluate(mine)
        cells = [
            f"{tally.hits[name]}/{tally.totals[name]}" if tally.totals.get(name) else "-"
            for name in OUTLET_FIELDS
        ]
        print(f"{domain:<28}" + "".join(f"{cell:>14}" for cell in cells))


def run(show_errors: bool, by_outlet: bool = False) -> int:
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: this benchmark needs ../shared beside the checkout")
        return 2
    golds = load_gold()
    tally, ours_ms, articles = evaluate(golds)
    print(f"pages: {len(golds)} ({sum(g['kind'] == 'list' for g in golds)} list pages)\n")
    print(f"{'field':<18}{'right':>8}{'of':>6}{'accuracy':>10}{'target':>8}")
    for name in (
        "title",
        "published_minute",
        "published_day",
        "source",
        "domain",
        "language",
        "rubric",
        "rubric_absent",
        "authors",
        "body",
        "list",
        "kind",
    ):
        total = tally.totals.get(name, 0)
        if total:
            share = tally.hits[name] / total
            target = TARGETS.get(name)
            mark = "" if target is None else ("ok" if share >= target else "BELOW")
            print(
                f"{name:<18}{tally.hits[name]:>8}{total:>6}{share:>10.1%}"
                f"{(target or 0):>8.0%} {mark}"
            )
    print_speed("pidshyvka extract_page", ours_ms)
    compare_trafilatura(golds)
    print_body_starts(articles)
    if by_outlet:
        print_by_outlet(golds)
    if show_errors:
        print("\nerrors:")
        for error in tally.errors:
            print("  " + error)
    return 0


def print_speed(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"\n{label}: median {statistics.median(ordered):.2f} ms/page, p95 {p95:.2f} ms/page")


def compare_trafilatura(golds: list[dict]) -> None:
    try:
        import trafilatura
    except ImportError:
        print("trafilatura: not installed (pip install trafilatura to compare speed)")
        return
    samples = []
    for gold in golds:
        html = (CORPUS / "archive" / gold["file"]).read_bytes()
        started = time.perf_counter()
        trafilatura.extract(html, with_metadata=True)
        samples.append((time.perf_counter() - started) * 1000)
    print_speed("trafilatura.extract (reference)", samples)


def print_body_starts(articles: list[Article]) -> None:
    print("\nfirst 200 characters of body on 10 random pages:")
    for article in random.Random(7).sample(articles, min(10, len(articles))):
        print(f"- {article.path}\n  {normalise(article.body)[:200]}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument(
        "--by-outlet", action="store_true", help="the fields people filter by, per outlet"
    )
    arguments = parser.parse_args()
    sys.exit(run(arguments.show_errors, arguments.by_outlet))
