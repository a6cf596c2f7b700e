"""What an index holds, read back whole and keyed by article id, to compare two indexes
written different ways (segments split differently, documents numbered differently)."""

from __future__ import annotations

from typing import Any

from whoosh import index as whoosh_index


def _postings(matcher: Any) -> list[tuple[int, float, bytes]]:
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


def _contents(ix: whoosh_index.Index) -> dict[str, Any]:
    """Everything an index holds, by article id rather than document number.

    An index with deleted documents (after an update) is compared on its live documents:
    its term statistics still count the deleted ones, as Whoosh's do until a merge."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}  # live only
        statistics = not reader.has_deletions()
        terms = {}
        for fieldname, text in reader.all_terms():
            postings = [
                (ids[docnum], weight, value)
                for docnum, weight, value in _postings(reader.postings(fieldname, text))
                if docnum in ids
            ]
            if not postings:
                continue
            info = reader.term_info(fieldname, text)
            stats = (
                info.weight(),
                info.doc_frequency(),
                info.min_length(),
                info.max_length(),
                info.max_weight(),
            )
            terms[fieldname, text] = (stats if statistics else None, sorted(postings))
        stored = {ids[docnum]: fields for docnum, fields in reader.iter_docs()}
        columns = {
            name: {
                ids[docnum]: value
                for docnum, value in enumerate(reader.column_reader(name))
                if docnum in ids
            }
            for name, field in ix.schema.items()
            if field.column_type and reader.has_column(name)
        }
        lengths = {
            name: {ids[docnum]: reader.doc_field_length(docnum, name) for docnum in ids}
            for name in ix.schema.scorable_names()
        }
    return {
        "statistics": statistics,
        "terms": terms,
        "stored": stored,
        "columns": columns,
        "lengths": lengths,
    }


def assert_same_contents(ours: whoosh_index.Index, stock: whoosh_index.Index) -> None:
    """Every term, posting, stored field, column and length equal, by article id; term
    statistics too, unless either index has deleted documents."""
    mine, theirs = _contents(ours), _contents(stock)
    if not (mine["statistics"] and theirs["statistics"]):
        mine["terms"] = {key: (None, p) for key, (_, p) in mine["terms"].items()}
        theirs["terms"] = {key: (None, p) for key, (_, p) in theirs["terms"].items()}
    assert mine["terms"].keys() == theirs["terms"].keys()
    differing = [key for key in theirs["terms"] if mine["terms"][key] != theirs["terms"][key]]
    assert differing == []
    for part in ("stored", "columns", "lengths"):
        assert mine[part] == theirs[part], part
