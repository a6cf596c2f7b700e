"""One outlet name per domain, over the whole corpus archive, against the extraction gold.

Every page under ../shared/corpus/archive is extracted; the names its pages give are
pooled per domain as a rebuild pools them (index/outlets.py), and the name chosen for
each gold page's domain is checked against the gold names of that domain's pages.
Also counted: domains whose pages, read one by one, give more than one name (what a
facet showed before names were pooled).

    .venv/bin/python bench/outlets.py [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
sys.path.insert(0, str(REPO))

from index.article import Article  # noqa: E402
from index.extract import ExtractionError, extract_page  # noqa: E402
from index.outlet_file import OutletNames, default_names  # noqa: E402
from index.outlets import choose_outlets  # noqa: E402


def extract_archive(root: Path) -> list[Article]:
    articles = []
    for path in sorted(root.rglob("*.htm*")):
        try:
            article = extract_page(path.read_bytes(), path=str(path.relative_to(root)))
        except ExtractionError:
            continue
        if article.kind == "article":
            articles.append(article)
    return articles


def gold_names_by_domain() -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for line in (CORPUS / "gold" / "extraction.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line) if line.strip() else {}
        if gold.get("kind") == "article":
            names[gold["domain"]] |= {gold["source"], *gold.get("source_aliases", [])}
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every domain")
    arguments = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: this benchmark needs ../shared beside the checkout")
        return 2
    articles = extract_archive(CORPUS / "archive")
    per_page: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        per_page[article.domain].add(article.source)
    choices = choose_outlets(articles, OutletNames(), default_names())
    gold = gold_names_by_domain()
    right = [domain for domain in gold if choices[domain].name in gold[domain]]
    for domain in sorted(gold):
        wrong = choices[domain].name not in gold[domain]
        if wrong or arguments.verbose:
            print(
                f"{'WRONG' if wrong else 'ok':>5}  {domain}: {choices[domain].name!r}"
                f" ({choices[domain].how}); gold {sorted(gold[domain])}"
            )
    split = sorted(domain for domain, shown in per_page.items() if len(shown) > 1)
    print(f"pages: {len(articles)} articles of {len(per_page)} domains")
    print(f"domains whose pages, one by one, give more than one name: {len(split)} {split}")
    print(
        f"pooled names right for gold domains: {len(right)}/{len(gold)}"
        f" = {len(right) / len(gold):.1%} (target 100%)"
    )
    return 0 if len(right) == len(gold) else 1


if __name__ == "__main__":
    sys.exit(main())
