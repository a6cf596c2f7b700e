"""The index stage alone: our analyzer with Whoosh's writer, beside Tantivy fed our lemmas.

For N synthesised articles (bench/synth.py), in this one process:
1. ours: the rebuild's Whoosh writer (our codec, one process), add_document and commit;
2. the analysis alone: the schema's analyzers over title, body, quotes and the exact forms,
   every term kept, which is what step 1 spends before Whoosh's own work;
3. Tantivy (a bench-only dependency: `pip install -e '.[bench]'`) writing the terms of
   step 2 as whitespace-separated text, one thread.
"Tantivy fed with our lemmas" is step 2 plus step 3. #21 asks ours to be within 3× of it.
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
from index.analysis import LanguageText, exact_form_analyzer, lemma_analyzer  # noqa: E402
from index.article import Article  # noqa: E402
from index.build import WRITER_OPTIONS  # noqa: E402
from index.schema import FORMS_FIELD, TEXT_FIELDS, article_document, build_schema  # noqa: E402

FIELDS = (*TEXT_FIELDS, FORMS_FIELD)


def whoosh_seconds(documents: list[dict]) -> float:
    ix = whoosh_index.create_in(tempfile.mkdtemp(), build_schema())
    started = time.perf_counter()
    writer = ix.writer(**WRITER_OPTIONS)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    return time.perf_counter() - started


def analysed(articles: list[Article], documents: list[dict]) -> tuple[float, list[dict]]:
    """Every indexed term of every text field, as the schema's analyzers give them."""
    lemmas, forms = lemma_analyzer(), exact_form_analyzer()
    started = time.perf_counter()
    terms = []
    for article, document in zip(articles, documents, strict=True):
        row = {}
        for name in FIELDS:
            analyzer = forms if name == FORMS_FIELD else lemmas
            text = LanguageText(str(document[name]), article.language)
            row[name] = " ".join(token.text for token in analyzer(text, positions=True))
        terms.append(row)
    return time.perf_counter() - started, terms


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
    ours = whoosh_seconds(documents)
    analysis, terms = analysed(articles, documents)
    theirs = tantivy_seconds(terms)
    fed = analysis + theirs
    print(f"{size} articles, one process")
    print(f"  ours (analyse + Whoosh write): {ours:.1f} s = {size / ours:.0f} docs/s")
    print(f"  analysis alone: {analysis:.1f} s = {size / analysis:.0f} docs/s")
    print(f"  Tantivy writing our terms: {theirs:.1f} s = {size / theirs:.0f} docs/s")
    print(f"  Tantivy fed with our lemmas: {fed:.1f} s = {size / fed:.0f} docs/s")
    print(f"  ours / Tantivy fed with our lemmas: {ours / fed:.2f}× (target ≤ 3×)")
    print(f"  Whoosh's share of ours: {(ours - analysis) / ours:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
