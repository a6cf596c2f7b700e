"""The cognates our rules add for the most frequent lemmas of the corpus, to be judged by reading.

Run from the repository root: ``.venv/bin/python bench/false_friends.py --index DIR
[--language uk|ru] [--top 600]`` with an index of ../shared/corpus/archive (bench/
crosslingual.py --index DIR builds one). The word lists (lexicon.tsv) answer for
the words they hold; what is printed is what the spelling rules and the names
add for the rest, one line per lemma, so a reader can count the false friends
(the rate in the closing notes comes from here) and list them in
false_friends.tsv or give the word its translation in lexicon.tsv.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from whoosh import index as whoosh_index  # noqa: E402

from index.analysis.bilingual import BY_LEXICON, equivalents, language_of  # noqa: E402


def frequent_lemmas(index: Path, language: str, top: int) -> list[str]:
    with whoosh_index.open_dir(str(index)).reader() as reader:
        counted = [
            (reader.doc_frequency("body", term), term)
            for term in (t.decode() if isinstance(t, bytes) else t for t in reader.lexicon("body"))
            if not term.startswith("=") and term.isalpha() and len(term) > 2
        ]
    counted.sort(reverse=True)
    return [term for _count, term in counted if language_of(term) == language][:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--language", choices=("uk", "ru"), default="uk")
    parser.add_argument("--top", type=int, default=600)
    args = parser.parse_args()
    lemmas = frequent_lemmas(args.index, args.language, args.top)
    expanded = 0
    for lemma in lemmas:
        added = [e.word for e in equivalents(lemma, args.language) if e.how != BY_LEXICON]
        if added:
            expanded += 1
            print(f"{lemma} → {', '.join(added)}")
    print(f"{len(lemmas)} most frequent {args.language} lemmas: {expanded} expanded by rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
