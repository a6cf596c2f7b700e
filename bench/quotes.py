"""Are our quotes speech? Precision and recall against our own hand labels.

bench/quote_labels.json holds, for 25 articles of the speaker gold, every quoted
stretch (speech or not: names of bodies and works, fragments, scare quotes) and every
stretch our extraction once called a quote, as character offsets into the decoded page
(no article text is kept). Each quote we extract now is matched to the labelled span
sharing most of its words.

- precision: our quotes that match a span labelled speech, of our quotes matching a span
  (quotes matching no span are counted apart: nobody has judged them);
- recall: direct-speech spans that one of our quotes covers (half of the span's words
  or more), of all direct-speech spans; the same for reported speech.

    .venv/bin/python bench/quotes.py [-v]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
LABELS = REPO / "bench" / "quote_labels.json"
sys.path.insert(0, str(REPO))

from index.extract import extract_page  # noqa: E402
from index.extract.decode import decode_page  # noqa: E402
from index.quotes import attach_quotes  # noqa: E402

MATCH_SHARE = 0.5
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")


def words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(html.unescape(_TAG.sub(" ", text)))}


@dataclass(slots=True)
class Tally:
    ours: int = 0
    ours_speech: int = 0
    ours_unjudged: int = 0
    spans: dict[str, int] = field(default_factory=dict)  # true spans by kind
    covered: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def score(entry: dict, tally: Tally) -> None:
    data = (CORPUS / "archive" / entry["file"]).read_bytes()
    text = decode_page(data).text
    article = extract_page(data, path=entry["file"])
    attach_quotes(article)
    spans = [(words(text[s["start"] : s["end"]]), s) for s in entry["spans"]]
    quotes = [words(quote.text) for quote in article.quotes]
    for quote, found in zip(article.quotes, quotes, strict=True):
        tally.ours += 1
        best = max(spans, key=lambda pair: len(pair[0] & found), default=None)
        if best is None or len(best[0] & found) < MATCH_SHARE * len(found):
            tally.ours_unjudged += 1
            tally.notes.append(f"  unjudged  {entry['file']}: {quote.text[:70]}")
            continue
        if best[1]["speech"]:
            tally.ours_speech += 1
        else:
            tally.notes.append(
                f"  not speech ({best[1]['kind']}) {entry['file']}: {quote.text[:70]}"
            )
    for span_words, span in spans:
        if not span["speech"] or not span_words:
            continue
        kind = span["kind"]
        tally.spans[kind] = tally.spans.get(kind, 0) + 1
        if any(len(span_words & found) >= MATCH_SHARE * len(span_words) for found in quotes):
            tally.covered[kind] = tally.covered.get(kind, 0) + 1
        else:
            tally.notes.append(
                f"  missed ({kind}) {entry['file']}: [{span['start']}, {span['end']})"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list each error")
    arguments = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: this benchmark needs ../shared beside the checkout")
        return 2
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    tally = Tally()
    for entry in labels:
        score(entry, tally)
    if arguments.verbose:
        print("\n".join(tally.notes))
    judged = tally.ours - tally.ours_unjudged
    print(f"articles  {len(labels)} (hand-labelled spans: {sum(len(e['spans']) for e in labels)})")
    print(
        f"quotes    precision {tally.ours_speech / max(1, judged):.3f} "
        f"({tally.ours_speech}/{judged} of our judged quotes are speech; "
        f"{tally.ours_unjudged} of {tally.ours} match no labelled span)"
    )
    for kind in sorted(tally.spans):
        covered, wanted = tally.covered.get(kind, 0), tally.spans[kind]
        print(f"recall    {kind:<9} {covered / wanted:.3f} ({covered}/{wanted} spans of speech)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
