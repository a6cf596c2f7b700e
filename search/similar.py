"""More like this: articles that share an article's most telling lemmas."""

from __future__ import annotations

from whoosh import query as q
from whoosh.searching import Searcher

from index.analysis import LanguageText
from index.schema import article_from_stored
from search.columns import index_columns
from search.ranking import by_relevance, relevance_scores
from search.results import Hit

KEY_TERMS = 25


def more_like_this(searcher: Searcher, doc_id: str, limit: int = 10) -> list[Hit]:
    """Up to ``limit`` other articles most like ``doc_id``, its reprints left out."""
    docnum = searcher.document_number(id=doc_id)
    if docnum is None:
        return []
    article = article_from_stored(searcher.stored_fields(docnum))
    text = LanguageText(f"{article.title}\n{article.lead}\n{article.body}", article.language)
    terms = searcher.key_terms_from_text("body", text, numterms=KEY_TERMS)
    if not terms:
        return []
    top = max(weight for _term, weight in terms)
    query = q.Or([q.Term("body", term, boost=weight / top) for term, weight in terms])
    columns = index_columns(searcher)
    scores = relevance_scores(searcher, query, columns.postings)
    candidates = scores > 0
    candidates[columns.group_codes == columns.group_codes[docnum]] = False  # itself, reprints
    if columns.deleted is not None:
        candidates &= ~columns.deleted
    return [
        Hit(
            article=article_from_stored(searcher.stored_fields(other)),
            score=score,
            snippet_html="",
            matched_forms=[],
        )
        for other, score in by_relevance(scores, candidates, limit)
    ]
