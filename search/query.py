"""From what a person types to a Whoosh query.

Words match by lemma in title, lead, body and quotes; "phrases" match lemmas
in order; ="форма" asks for one exact form; field:value limits to a field;
-word / НЕ word excludes; OR / АБО / | between words offers alternatives.
Nothing a person types raises: what cannot be read is dropped with a note.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from whoosh import query as q

from index.analysis import ukrainian_analyzer

TEXT_FIELDS = ("title", "lead", "body", "quotes")
MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32

# field names a person may type → (index field, kind)
FIELD_ALIASES: dict[str, tuple[str, str]] = {
    "title": ("title", "text"),
    "заголовок": ("title", "text"),
    "quote": ("quotes", "text"),
    "цитата": ("quotes", "text"),
    "body": ("body", "text"),
    "текст": ("body", "text"),
    "speaker": ("speakers", "keyword"),
    "спікер": ("speakers", "keyword"),
    "source": ("source", "keyword"),
    "джерело": ("source", "keyword"),
    "rubric": ("rubric", "keyword"),
    "рубрика": ("rubric", "keyword"),
    "author": ("authors", "keyword"),
    "автор": ("authors", "keyword"),
    "lang": ("language", "keyword"),
    "мова": ("language", "keyword"),
}
OR_WORDS = frozenset({"or", "або", "|"})
AND_WORDS = frozenset({"and", "і", "та", "&"})
NOT_WORDS = frozenset({"not", "не"})

_CLAUSE = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[\w]+):)?(?P<exact>=)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))'
)


@dataclass(slots=True)
class ParsedQuery:
    query: q.Query | None
    notes: list[str] = field(default_factory=list)
    text_terms: set[str] = field(default_factory=set)  # analysed terms, for highlighting


@dataclass(slots=True)
class _Clause:
    query: q.Query
    negated: bool = False
    alternative: bool = False  # joined to the previous clause with OR


def _positions(text: str, exact: bool) -> list[list[str]]:
    """Analysed terms grouped by position, in order."""
    groups: dict[int, list[str]] = defaultdict(list)
    for token in ukrainian_analyzer()(text, positions=True, mode="query", exact=exact):
        if token.text not in groups[token.pos]:
            groups[token.pos].append(token.text)
    return [groups[pos] for pos in sorted(groups)]


def _field_query(fieldname: str, groups: list[list[str]]) -> q.Query:
    parts = [
        q.Or([q.Term(fieldname, t) for t in terms])
        if len(terms) > 1
        else q.Term(fieldname, terms[0])
        for terms in groups
    ]
    return parts[0] if len(parts) == 1 else q.Sequence(parts)


def text_query(text: str, fields: tuple[str, ...], exact: bool, terms: set[str]) -> q.Query | None:
    groups = _positions(text, exact)
    if not groups:
        return None
    for group in groups:
        terms.update(group)
    per_field = [_field_query(name, groups) for name in fields]
    return per_field[0] if len(per_field) == 1 else q.Or(per_field)


def parse_query(text: str) -> ParsedQuery:
    parsed = ParsedQuery(query=None)
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.notes.append(f"запит обрізано до {MAX_QUERY_CHARS} символів")
    clauses: list[_Clause] = []
    negate_next = alternative_next = False
    for match in _CLAUSE.finditer(text):
        word = match.group("word")
        if word is not None and match.group("field") is None and not match.group("exact"):
            lowered = word.lower()
            if lowered in OR_WORDS:
                alternative_next = bool(clauses)
                continue
            if lowered in AND_WORDS and clauses:
                continue
            if lowered in NOT_WORDS:
                negate_next = True
                continue
        clause = _clause(match, parsed)
        if clause is None:
            continue
        clause.negated = clause.negated or negate_next
        clause.alternative = alternative_next
        negate_next = alternative_next = False
        clauses.append(clause)
        if len(clauses) >= MAX_CLAUSES:
            parsed.notes.append(f"враховано лише перші {MAX_CLAUSES} умов запиту")
            break
    parsed.query = _combine(clauses, parsed)
    return parsed


def _clause(match: re.Match[str], parsed: ParsedQuery) -> _Clause | None:
    value = match.group("phrase") if match.group("phrase") is not None else match.group("word")
    value = (value or "").strip()
    if not value:
        return None
    fieldname, kind = TEXT_FIELDS, "text"
    typed_field = match.group("field")
    if typed_field:
        alias = FIELD_ALIASES.get(typed_field.lower())
        if alias is None:
            parsed.notes.append(f"невідоме поле «{typed_field}»: шукаю як звичайні слова")
            value = f"{typed_field} {value}"
        else:
            fieldname, kind = (alias[0],), alias[1]
    if kind == "keyword":
        built: q.Query | None = q.Term(fieldname[0], value)
    else:
        built = text_query(value, fieldname, bool(match.group("exact")), parsed.text_terms)
    if built is None:
        return None
    return _Clause(built, negated=bool(match.group("neg")))


def _combine(clauses: list[_Clause], parsed: ParsedQuery) -> q.Query | None:
    groups: list[list[q.Query]] = []
    negatives: list[q.Query] = []
    for clause in clauses:
        if clause.negated:
            negatives.append(clause.query)
        elif clause.alternative and groups:
            groups[-1].append(clause.query)
        else:
            groups.append([clause.query])
    positives = [g[0] if len(g) == 1 else q.Or(g) for g in groups]
    if not positives:
        if negatives:
            parsed.notes.append("запит лише з винятками: показано все, крім них")
            return q.AndNot(q.Every(), q.Or(negatives))
        return None
    base = positives[0] if len(positives) == 1 else q.And(positives)
    return q.AndNot(base, q.Or(negatives)) if negatives else base
