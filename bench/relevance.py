"""Precision@10 of our ranking against plain Whoosh, on hand-judged queries over the shared corpus.

Run from the repository root: ``.venv/bin/python bench/relevance.py [--index DIR]``.

The queries, their information needs and the binary judgments live in
``bench/relevance_judgments.json`` (pooled top 10 of both systems, judged blind
from each document's title and first ~600 characters). Our index of
../shared/corpus/archive is built into a temporary folder (or reused with
``--index``); the baseline is a plain Whoosh index of the same stored articles
(title boost 3, body = lead + body, StandardAnalyzer, BM25F, AND of the words).
Documents a system returns that nobody judged count as not relevant and are
listed so that someone can judge them (``--pool`` prints them with their text).
P@10 divides by 10 even when fewer documents match. Ours folds reprints (one
hit per text, as the UI does); the baseline does not, so a second line gives
P@10 with each reprinted text counted once.

Tuning is tried without touching index/ or search/: ``--k1``, ``--b``,
``--field-b FIELD=B`` and ``--boost FIELD=X`` (a query-time score multiplier
per field, on top of the index-time field boosts) change only the weighting our
searcher is opened with; ``--sweep`` runs a small grid of them.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARCHIVE = SHARED / "corpus" / "archive"
JUDGMENTS = Path(__file__).resolve().parent / "relevance_judgments.json"
TOP = 10
SNIPPET_CHARS = 600
WRITER_MEMORY_MB = 256
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.analysis import StandardAnalyzer  # noqa: E402
from whoosh.fields import ID, TEXT, Schema  # noqa: E402
from whoosh.qparser import MultifieldParser  # noqa: E402
from whoosh.scoring import BM25F, BaseScorer  # noqa: E402
from whoosh.searching import Searcher  # noqa: E402

from index.build import rebuild  # noqa: E402
from search import SearchRequest, run_search  # noqa: E402

# --- judgments ---------------------------------------------------------------------------


@dataclass(slots=True)
class Judged:
    query: str
    need: str
    relevant: set[str]  # document ids judged relevant
    judged: set[str]  # every document id judged


def load_judgments(path: Path = JUDGMENTS) -> list[Judged]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for entry in data["queries"]:
        judgments = entry.get("judgments", {})
        relevant = {doc for doc, verdict in judgments.items() if verdict["relevant"]}
        rows.append(Judged(entry["query"], entry["need"], relevant, set(judgments)))
    return rows


# --- a weighting with per-field multipliers ----------------------------------------------


class _ScaledScorer(BaseScorer):
    """Another scorer's scores times a constant: a query-time field boost."""

    def __init__(self, inner: BaseScorer, factor: float) -> None:
        self.inner = inner
        self.factor = factor

    def supports_block_quality(self) -> bool:
        return self.inner.supports_block_quality()

    def score(self, matcher) -> float:
        return self.inner.score(matcher) * self.factor

    def max_quality(self) -> float:
        return self.inner.max_quality() * self.factor

    def block_quality(self, matcher) -> float:
        return self.inner.block_quality(matcher) * self.factor


class FieldScaledBM25F(BM25F):
    """BM25F whose per-field scores are multiplied by ``factors`` (missing fields: 1)."""

    def __init__(
        self,
        factors: dict[str, float],
        B: float = 0.75,
        K1: float = 1.2,
        field_b: dict[str, float] | None = None,
    ) -> None:
        super().__init__(B=B, K1=K1, **{f"{name}_B": b for name, b in (field_b or {}).items()})
        self.factors = factors

    def scorer(self, searcher, fieldname, text, qf=1):
        inner = super().scorer(searcher, fieldname, text, qf=qf)
        factor = self.factors.get(fieldname, 1.0)
        return inner if factor == 1.0 else _ScaledScorer(inner, factor)


@dataclass(frozen=True, slots=True)
class Weighting:
    k1: float = 1.2
    b: float = 0.75
    boosts: tuple[tuple[str, float], ...] = ()  # field → query-time score multiplier
    field_b: tuple[tuple[str, float], ...] = ()  # field → its own B

    def model(self) -> BM25F:
        return FieldScaledBM25F(dict(self.boosts), B=self.b, K1=self.k1, field_b=dict(self.field_b))

    def label(self) -> str:
        parts = [f"K1={self.k1:g} B={self.b:g}"]
        parts += [f"{name}_B={b:g}" for name, b in self.field_b]
        parts += [f"{name}×{factor:g}" for name, factor in self.boosts]
        return " ".join(parts)


# --- the two indexes ---------------------------------------------------------------------


def build_ours(index_dir: Path) -> None:
    print(f"building our index of {ARCHIVE} into {index_dir} …", flush=True)
    summary = rebuild(ARCHIVE, index_dir, stream=io.StringIO(), interactive=False)
    print(f"  {summary.indexed} articles in {summary.seconds:.1f} s", flush=True)


def baseline_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=StandardAnalyzer(), field_boost=3.0),
        body=TEXT(analyzer=StandardAnalyzer()),
    )


def baseline_documents(ours: Searcher) -> Iterator[dict[str, str]]:
    """Our stored articles as plain Whoosh sees them: body is the lead then the body."""
    for stored in ours.all_stored_fields():
        lead, body = stored.get("lead") or "", stored.get("body") or ""
        yield {
            "id": stored["id"],
            "title": stored.get("title") or "",
            "body": f"{lead}\n\n{body}" if lead else body,
        }


def build_baseline(ours: Searcher, folder: Path) -> None:
    writer = whoosh_index.create_in(str(folder), baseline_schema()).writer(limitmb=WRITER_MEMORY_MB)
    for document in baseline_documents(ours):
        writer.add_document(**document)
    writer.commit()


# --- running queries ---------------------------------------------------------------------


@dataclass(slots=True)
class Ranking:
    ids: list[str]  # the top TOP document ids, best first
    total: int  # how many documents (ours: reprint groups) the query matches


AS_TYPED = False  # --as-typed: no other-language or other-script equivalents


def our_ranking(searcher: Searcher, text: str) -> Ranking:
    result = run_search(searcher, SearchRequest(text=text, page_size=TOP, expand=not AS_TYPED))
    return Ranking([hit.article.id for hit in result.hits], result.total)


def baseline_ranking(searcher: Searcher, text: str) -> Ranking:
    query = MultifieldParser(["title", "body"], searcher.schema).parse(text)
    results = searcher.search(query, limit=TOP)
    return Ranking([hit["id"] for hit in results], len(results))


# --- scoring and printing ----------------------------------------------------------------


@dataclass(slots=True)
class Row:
    judged: Judged
    ours: Ranking
    baseline: Ranking
    groups: dict[str, str]  # document id → reprint group (copies of one text share it)
    unjudged: dict[str, list[str]] = field(default_factory=dict)  # system → ids

    def precision(self, ranking: Ranking) -> float:
        return len([d for d in ranking.ids if d in self.judged.relevant]) / TOP

    def distinct_precision(self, ranking: Ranking) -> float:
        """P@10 where a second copy of the same text (a reprint) counts as not relevant."""
        first = {self.groups.get(d, d): d for d in reversed(ranking.ids)}.values()
        return len([d for d in first if d in self.judged.relevant]) / TOP


def reprint_groups(ours: Searcher) -> dict[str, str]:
    return {f["id"]: f.get("reprint_group") or f["id"] for f in ours.all_stored_fields()}


def measure(judgments: list[Judged], ours: Searcher, baseline: Searcher) -> list[Row]:
    rows = []
    groups = reprint_groups(ours)
    for judged in judgments:
        row = Row(
            judged,
            our_ranking(ours, judged.query),
            baseline_ranking(baseline, judged.query),
            groups,
        )
        for name, ranking in (("ours", row.ours), ("baseline", row.baseline)):
            missing = [d for d in ranking.ids if d not in judged.judged]
            if missing:
                row.unjudged[name] = missing
        rows.append(row)
    return rows


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def print_table(rows: list[Row], label: str) -> None:
    width = max(len(row.judged.query) for row in rows) + 2
    print(f"our weighting: {label}")
    print(f"{'query':<{width}}{'P@10 ours':>10}{'P@10 base':>10}{'hits ours':>10}{'hits base':>10}")
    for row in rows:
        print(
            f"{row.judged.query:<{width}}{row.precision(row.ours):>10.2f}"
            f"{row.precision(row.baseline):>10.2f}{row.ours.total:>10}{row.baseline.total:>10}"
        )
    ours = mean([row.precision(row.ours) for row in rows])
    baseline = mean([row.precision(row.baseline) for row in rows])
    print(f"{'mean':<{width}}{ours:>10.3f}{baseline:>10.3f}")
    wins = sum(row.precision(row.ours) > row.precision(row.baseline) for row in rows)
    losses = sum(row.precision(row.ours) < row.precision(row.baseline) for row in rows)
    print(f"ours better on {wins} queries, worse on {losses}, tied on {len(rows) - wins - losses}")
    ours = mean([row.distinct_precision(row.ours) for row in rows])
    baseline = mean([row.distinct_precision(row.baseline) for row in rows])
    print(f"mean P@10 counting each reprinted text once: ours {ours:.3f}, baseline {baseline:.3f}")
    print("hits = documents matched (ours: reprints folded, as the UI shows them)")


def collect_unjudged(
    rows: list[Row], weighting: Weighting, found: dict[tuple[str, str], set[str]]
) -> None:
    for row in rows:
        for system, ids in row.unjudged.items():
            name = f"ours ({weighting.label()})" if system == "ours" else system
            for doc in ids:
                found.setdefault((row.judged.query, doc), set()).add(name)


def warn_unjudged(found: dict[tuple[str, str], set[str]], ours: Searcher, pool: bool) -> None:
    for (query, doc), systems in found.items():
        print(f"WARNING unjudged «{query}» {doc}: {'; '.join(sorted(systems))}", file=sys.stderr)
        if pool:
            print(document_text(ours, doc), file=sys.stderr)
    if found:
        print(
            f"{len(found)} unjudged documents counted as not relevant: judge them in {JUDGMENTS}",
            file=sys.stderr,
        )


def document_text(searcher: Searcher, doc_id: str) -> str:
    stored = searcher.document(id=doc_id) or {}
    text = " ".join(filter(None, (stored.get("lead"), stored.get("body"))))
    return f"    {stored.get('title', '')}\n    {' '.join(text.split())[:SNIPPET_CHARS]}"


# --- main --------------------------------------------------------------------------------


def field_value(text: str) -> tuple[str, float]:
    name, _, value = text.partition("=")
    if name not in ("title", "body", "quotes") or not value:
        raise argparse.ArgumentTypeError(f"expected title=X, body=X or quotes=X, got {text!r}")
    return name, float(value)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="reuse (or build) our index here")
    parser.add_argument("--k1", type=float, default=1.2)
    parser.add_argument("--b", type=float, default=0.75)
    parser.add_argument(
        "--boost",
        type=field_value,
        action="append",
        default=[],
        metavar="FIELD=X",
        help="multiply a field's scores by X at query time (repeatable)",
    )
    parser.add_argument(
        "--field-b",
        type=field_value,
        action="append",
        default=[],
        metavar="FIELD=B",
        help="a field's own BM25 length normalisation B (repeatable)",
    )
    parser.add_argument("--sweep", action="store_true", help="try a grid of weightings")
    parser.add_argument(
        "--as-typed", action="store_true", help="search words only as typed (no equivalents)"
    )
    parser.add_argument("--pool", action="store_true", help="print unjudged documents' text")
    return parser.parse_args()


def sweep_weightings() -> list[Weighting]:
    grid = [Weighting()]
    for k1, b in product((0.9, 1.2, 2.0), (0.3, 0.75, 1.0)):
        grid.append(Weighting(k1, b))
    for title in (0.5, 2.0, 3.0):
        grid.append(Weighting(boosts=(("title", title),)))
    grid.append(Weighting(boosts=(("quotes", 0.5),)))
    grid.append(Weighting(boosts=(("quotes", 0.0),)))
    for title_b in (0.3, 1.0):
        grid.append(Weighting(field_b=(("title", title_b),)))
    return list(dict.fromkeys(grid))


@contextmanager
def our_index(requested: Path | None) -> Iterator[Path]:
    if requested is not None:
        if not whoosh_index.exists_in(str(requested)):
            build_ours(requested)
        yield requested
        return
    with tempfile.TemporaryDirectory(prefix="pidshyvka-relevance-") as tmp:
        folder = Path(tmp) / "ours"
        build_ours(folder)
        yield folder


def run(args: argparse.Namespace, judgments: list[Judged]) -> int:
    weightings = (
        sweep_weightings()
        if args.sweep
        else [Weighting(args.k1, args.b, tuple(args.boost), tuple(args.field_b))]
    )
    unjudged: dict[tuple[str, str], set[str]] = {}  # (query, doc id) → systems
    with our_index(args.index) as ours_dir, tempfile.TemporaryDirectory() as tmp:
        ix = whoosh_index.open_dir(str(ours_dir))
        with ix.searcher(weighting=BM25F()) as plain:
            build_baseline(plain, Path(tmp))
        with whoosh_index.open_dir(tmp).searcher(weighting=BM25F()) as baseline:
            for weighting in weightings:
                with ix.searcher(weighting=weighting.model()) as ours:
                    rows = measure(judgments, ours, baseline)
                print()
                print_table(rows, weighting.label())
                collect_unjudged(rows, weighting, unjudged)
        with ix.searcher() as ours:
            warn_unjudged(unjudged, ours, args.pool)
    return 0


def main() -> int:
    global AS_TYPED
    args = arguments()
    AS_TYPED = args.as_typed
    if not ARCHIVE.is_dir():
        print(f"{ARCHIVE} is absent: put ../shared beside this checkout", file=sys.stderr)
        return 2
    if not JUDGMENTS.is_file():
        print(f"{JUDGMENTS} is missing: it holds the queries and judgments", file=sys.stderr)
        return 2
    return run(args, load_judgments())


if __name__ == "__main__":
    sys.exit(main())
