"""The index stage alone: our analyzer with Whoosh's writer, beside Tantivy fed our lemmas.

For N synthesised articles (bench/synth.py), in this one process, each step starting
with the analysis caches empty:
1. ours: the rebuild's writer (index/writer.py: one analysis pass, our pool, our codec),
   one process, add_document and commit;
2. before: Whoosh's own SegmentWriter with our codec, the schema's analyzers run by
   Whoosh field by field (what the rebuild used until #21);
3. the analysis alone: our one pass over title, body and quotes (lemmas at positions, and
   the exact forms), every term kept, which is what step 1 spends before writing;
4. Tantivy (a bench-only dependency: `pip install -e '.[bench]'`) writing the terms of
   step 3 as whitespace-separated text, one thread.
"Tantivy fed with our lemmas" is step 3 plus step 4. #21 asks ours to be within 3× of it.
Run from the repo root: .venv/bin/python bench/index_stage.py 2000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from whoosh import index as whoosh_index  # noqa: E402

from bench.synth import gather_material, synth_articles  # noqa: E402
from index.analysis import clear_caches  # noqa: E402
from index.analysis.indexing import text_terms  # noqa: E402
from index.article import Article  # noqa: E402
from index.build import WRITER_OPTIONS  # noqa: E402
from index.schema import FORMS_FIELD, TEXT_FIELDS, article_document, build_schema  # noqa: E402
from index.writer import open_writer  # noqa: E402

FIELDS = (*TEXT_FIELDS, FORMS_FIELD)


def writer_seconds(documents: list[dict], ours: bool) -> float:
    clear_caches()
    ix = whoosh_index.create_in(tempfile.mkdtemp(), build_schema())
    started = time.perf_counter()
    writer = open_writer(ix, **WRITER_OPTIONS) if ours else ix.writer(**WRITER_OPTIONS)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    return time.perf_counter() - started


def analysed(articles: list[Article], documents: list[dict]) -> tuple[float, list[dict]]:
    """Every indexed term of every text field, as our one analysis pass gives them."""
    clear_caches()
    started = time.perf_counter()
    terms = []
    for article, document in zip(articles, documents, strict=True):
        row = {}
        forms: set[bytes] = set()
        for name in TEXT_FIELDS:
            text = text_terms(document[name], article.language)
            row[name] = " ".join(_in_order(text.positions))
            forms |= text.forms
        row[FORMS_FIELD] = b" ".join(forms).decode()
        terms.append(row)
    return time.perf_counter() - started, terms


def _in_order(positions: dict[bytes, list[int]]) -> list[str]:
    """The lemmas in text order, each as often as it occurs."""
    at = sorted((pos, lemma) for lemma, found in positions.items() for pos in found)
    return [lemma.decode() for _, lemma in at]


def tantivy_seconds(terms: list[dict]) -> float:
    import tantivy

    builder = tantivy.SchemaBuilder()
    for name in FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="whitespace")
    index = tantivy.Index(builder.build(), path=tempfile.mkdtemp())
    started = time.perf_counter()
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for row in terms:
        writer.add_document(tantivy.Document(**{name: [value] for name, value in row.items()}))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", nargs="?", type=int, default=2000)
    size = parser.parse_args().size
    try:
        import tantivy  # noqa: F401
    except ImportError:
        print("tantivy is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 1
    articles = synth_articles(size, material=gather_material())
    documents = [article_document(article) for article in articles]
    ours = writer_seconds(documents, ours=True)
    before = writer_seconds(documents, ours=False)
    analysis, terms = analysed(articles, documents)
    theirs = tantivy_seconds(terms)
    fed = analysis + theirs
    print(f"{size} articles, one process")
    print(f"  ours (one analysis pass + pooled write): {ours:.1f} s = {size / ours:.0f} docs/s")
    print(f"  before: Whoosh's own writer: {before:.1f} s = {size / before:.0f} docs/s")
    print(f"  ours / before: {ours / before:.2f}×")
    print(f"  analysis alone: {analysis:.1f} s = {size / analysis:.0f} docs/s")
    print(f"  Tantivy writing our terms: {theirs:.1f} s = {size / theirs:.0f} docs/s")
    print(f"  Tantivy fed with our lemmas: {fed:.1f} s = {size / fed:.0f} docs/s")
    print(f"  ours / Tantivy fed with our lemmas: {ours / fed:.2f}× (target ≤ 3×)")
    print(f"  writing's share of ours (all but the analysis): {(ours - analysis) / ours:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
