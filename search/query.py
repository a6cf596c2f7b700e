"""From what a person types to a Whoosh query.

Words match by lemma in title, lead, body and quotes, and, given an expander,
by their other-language and other-script equivalents too (``search.expansion``;
!слово searches a word only as written); "phrases" match lemmas in order;
="форма" asks for one exact form; prefix* expands (capped); field:value
limits to a field; date:2024-11 or date:2024-11-01..2024-11-30 limits by date;
AND / І / +, OR / АБО / |, NOT / НЕ / - and parentheses combine. Nothing a
person types raises: what cannot be read is dropped, and a note says so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from whoosh import query as q

from index.analysis import analyzed_terms, ukrainian_analyzer
from index.analysis.normalize import fold, normalise_surface
from index.schema import FORMS_FIELD, TEXT_FIELDS
from search.dates import date_range
from search.expansion import Expander, Expansion
from search.notes import Note

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 32
MAX_PREFIX_TERMS = 200
MIN_PREFIX_CHARS = 2

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
    "date": ("published", "date"),
    "дата": ("published", "date"),
}
OR_WORDS = frozenset({"or", "або", "|", "||"})
AND_WORDS = frozenset({"and", "і", "&", "&&"})
NOT_WORDS = frozenset({"not", "не"})

_TOKEN = re.compile(
    r"(?P<open>\()|(?P<close>\))"
    r"|(?P<sign>[-+](?=[^\s\-+]))?(?:(?P<field>[^\W\d_][\w]*):)?(?P<exact>=)?(?P<literal>!)?"
    r'(?:"(?P<phrase>[^"]*)"?(?:~(?P<slop>\d{1,2})(?!\S))?|(?P<word>[^\s"()]+))'
)
# «газ NEAR/5 ціна» is «"газ ціна"~5»
_NEAR = re.compile(r'(?<![\w"])([^\s"()]+)\s+NEAR/(\d{1,2})\s+([^\s"()]+)')
MAX_SLOP = 50

TermLister = Callable[[str, str], list[str]]  # (field, prefix) → indexed terms
ValueLister = Callable[[str], Sequence[str]]  # keyword field → every value it holds


@dataclass(slots=True)
class ParsedQuery:
    query: q.Query | None
    notes: list[Note] = field(default_factory=list)
    text_terms: set[str] = field(default_factory=set)  # analysed terms, for highlighting
    expansions: list[Expansion] = field(default_factory=list)  # equivalents searched too

    def add_expansions(self, found: list[Expansion]) -> None:
        known = {(e.typed, e.word) for e in self.expansions}
        self.expansions += [e for e in found if (e.typed, e.word) not in known]


@dataclass(slots=True)
class _Token:
    kind: str  # "open", "close", "or", "and", "not", "clause"
    match: re.Match[str] | None = None
    typed: str = ""  # the operator or bracket as the user wrote it


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        if match.group("open"):
            tokens.append(_Token("open", typed="("))
        elif match.group("close"):
            tokens.append(_Token("close", typed=")"))
        elif _is_operator(match):
            word = match.group("word").lower()
            kind = "or" if word in OR_WORDS else "and" if word in AND_WORDS else "not"
            tokens.append(_Token(kind, typed=match.group("word")))
        else:
            tokens.append(_Token("clause", match))
    return tokens


def _is_operator(match: re.Match[str]) -> bool:
    word = match.group("word")
    if word is None or match.group("field") or match.group("exact") or match.group("sign"):
        return False
    lowered = word.lower()
    return lowered in OR_WORDS or lowered in NOT_WORDS or (lowered in AND_WORDS and word.isupper())


class _Parser:
    """Recursive descent: or_expr := and_expr (OR and_expr)*; and_expr := unary+."""

    def __init__(
        self,
        tokens: list[_Token],
        parsed: ParsedQuery,
        terms: TermLister | None,
        expander: Expander | None = None,
        values: ValueLister | None = None,
    ) -> None:
        self.tokens = tokens
        self.at = 0
        self.parsed = parsed
        self.list_terms = terms
        self.expander = expander
        self.list_values = values
        self.clauses = 0

    def peek(self) -> str | None:
        return self.tokens[self.at].kind if self.at < len(self.tokens) else None

    def parse(self) -> q.Query | None:
        result = self.or_expr()
        while self.peek() is not None:  # a stray ")" or operator: skip it and go on
            typed = self.tokens[self.at].typed
            self.note_once(Note("stray", typed=typed))
            self.at += 1
            more = self.or_expr()
            result = _and([result, more])
        return result

    def or_expr(self) -> q.Query | None:
        options = [self.and_expr()]
        typed = ""
        while self.peek() == "or":
            typed = self.tokens[self.at].typed
            self.at += 1
            options.append(self.and_expr())
        present = [o for o in options if o is not None]
        if typed and len(present) < len(options):
            self.note_once(Note("or_one_side", typed=typed))
        if not present:
            return None
        return present[0] if len(present) == 1 else q.Or(present)

    def and_expr(self) -> q.Query | None:
        required: list[q.Query] = []
        excluded: list[q.Query] = []
        while self.peek() not in (None, "or", "close"):
            negated, unit = self.unary()
            if unit is None:
                continue
            (excluded if negated else required).append(unit)
        return _combine(required, excluded, self.parsed)

    def unary(self) -> tuple[bool, q.Query | None]:
        kind = self.peek()
        if kind == "and":
            typed = self.tokens[self.at].typed
            self.at += 1
            if self.peek() in (None, "or", "close", "and"):
                self.note_once(_nothing_after(typed))
            return False, None
        if kind == "not":
            typed = self.tokens[self.at].typed
            self.at += 1
            if self.peek() in (None, "or", "close"):
                self.note_once(_nothing_after(typed))
                return False, None
            negated, unit = self.unary()
            return not negated, unit
        if kind == "open":
            self.at += 1
            inner = self.or_expr()
            if self.peek() == "close":
                self.at += 1
            else:
                self.note_once(Note("unclosed_bracket"))
            return False, inner
        token = self.tokens[self.at]
        self.at += 1
        return self.clause(token.match)

    def clause(self, match: re.Match[str] | None) -> tuple[bool, q.Query | None]:
        if match is None:
            return False, None
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            self.note_once(Note("too_many_clauses", limit=MAX_CLAUSES))
            return False, None
        clause = build_clause(match, self.parsed, self.list_terms, self.expander, self.list_values)
        return match.group("sign") == "-", clause

    def note_once(self, note: Note) -> None:
        if note not in self.parsed.notes:
            self.parsed.notes.append(note)


def _nothing_after(typed: str) -> Note:
    return Note("nothing_after", typed=typed)


def _and(parts: list[q.Query | None]) -> q.Query | None:
    present = [p for p in parts if p is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else q.And(present)


def _combine(
    required: list[q.Query], excluded: list[q.Query], parsed: ParsedQuery
) -> q.Query | None:
    base = _and(list(required))
    if not excluded:
        return base
    if base is None:
        only_excluded = Note("only_excluded")
        if only_excluded not in parsed.notes:
            parsed.notes.append(only_excluded)
        base = q.Every()
    return q.AndNot(base, excluded[0] if len(excluded) == 1 else q.Or(excluded))


def parse_query(
    text: str,
    list_terms: TermLister | None = None,
    expander: Expander | None = None,
    list_values: ValueLister | None = None,
) -> ParsedQuery:
    """Parse ``text``; ``list_terms`` lets prefix* expand against the index's terms, and
    ``expander`` adds each word's equivalents in the other language and script."""
    parsed = ParsedQuery(query=None)
    text = text.replace("\x00", " ")
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.notes.append(Note("cut", limit=MAX_QUERY_CHARS))
    if text.count('"') % 2:
        parsed.notes.append(Note("unclosed_quotes"))
    if expander is not None:
        expander.guess_language(re.findall(r"[^\W\d_]+", text))
    text = _NEAR.sub(r'"\1 \3"~\2', text)
    parsed.query = _Parser(_tokens(text), parsed, list_terms, expander, list_values).parse()
    if parsed.query is None and text.strip():
        typed = text.strip()
        parsed.notes.append(Note("no_words", typed=typed))
    return parsed


# --- one clause -------------------------------------------------------------------------


def build_clause(
    match: re.Match[str],
    parsed: ParsedQuery,
    list_terms: TermLister | None,
    expander: Expander | None = None,
    list_values: ValueLister | None = None,
) -> q.Query | None:
    phrase = match.group("phrase")
    value = (phrase if phrase is not None else match.group("word") or "").strip()
    typed_field = match.group("field")
    fields, kind = TEXT_FIELDS, "text"
    if typed_field:
        alias = FIELD_ALIASES.get(typed_field.lower())
        if alias is None:
            parsed.notes.append(Note("unknown_field", typed=typed_field))
            value = f"{typed_field} {value}"
        else:
            fields, kind = (alias[0],), alias[1]
    if not value:
        return None
    if kind == "keyword":
        return _keyword_clause(fields[0], value, typed_field or "", parsed, list_values)
    if kind == "date":
        return _date_clause(value, parsed)
    if phrase is None and value.endswith("*"):
        return _prefix_clause(value.rstrip("*"), fields, parsed, list_terms)
    exact = bool(match.group("exact"))
    if exact or match.group("literal"):
        expander = None
    slop = min(int(match.group("slop")), MAX_SLOP) if match.group("slop") else 0
    return text_query(value, fields, exact, parsed.text_terms, expander, parsed, slop)


MAX_VALUES_NAMED = 5


def _keyword_clause(
    field_name: str,
    value: str,
    typed_field: str,
    parsed: ParsedQuery,
    list_values: ValueLister | None,
) -> q.Query:
    """A facet value as typed; else the one value equal to it in any case, or holding it
    as a word or words («Мельник» → «Андрій Мельник»), with a note naming what was used."""
    known = list_values(field_name) if list_values is not None else []
    if not known or value in known:
        return q.Term(field_name, value)
    lowered = value.casefold()
    chosen = [v for v in known if v.casefold() == lowered] or [
        v for v in known if re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", v.casefold())
    ]
    typed = f"{typed_field}:{value}"
    if not chosen:
        parsed.notes.append(Note("no_such_value", typed=typed))
        return q.Term(field_name, value)
    parsed.notes.append(
        Note(
            "values_searched",
            typed=typed,
            values=tuple(chosen[:MAX_VALUES_NAMED]),
            limit=max(0, len(chosen) - MAX_VALUES_NAMED),
        )
    )
    terms = [q.Term(field_name, v) for v in chosen]
    return terms[0] if len(terms) == 1 else q.Or(terms)


def _date_clause(value: str, parsed: ParsedQuery) -> q.Query | None:
    bounds = date_range(value)
    if bounds is None:
        parsed.notes.append(Note("bad_date", typed=value))
        return None
    start, end = bounds
    return q.DateRange("published", start, end)


def _prefix_clause(
    stem: str, fields: tuple[str, ...], parsed: ParsedQuery, list_terms: TermLister | None
) -> q.Query | None:
    """Every indexed word beginning with ``stem``, capped at MAX_PREFIX_TERMS per field."""
    if len(stem) < MIN_PREFIX_CHARS or list_terms is None:
        parsed.notes.append(Note("short_prefix", typed=f"{stem}*"))
        return text_query(stem, fields, False, parsed.text_terms) if stem else None
    prefix = fold(normalise_surface(stem))
    terms: list[q.Query] = []
    truncated = False
    for fieldname in fields:
        found = list_terms(fieldname, prefix)
        truncated = truncated or len(found) > MAX_PREFIX_TERMS
        for term in found[:MAX_PREFIX_TERMS]:
            terms.append(q.Term(fieldname, term))
            parsed.text_terms.add(term)
    if truncated:
        parsed.notes.append(Note("many_endings", typed=f"{stem}*", limit=MAX_PREFIX_TERMS))
    return q.Or(terms) if terms else q.NullQuery


def _positions(text: str, exact: bool) -> list[list[str]]:
    """Analysed terms grouped by position, in order."""
    groups: dict[int, list[str]] = defaultdict(list)
    for token in ukrainian_analyzer()(text, positions=True, mode="query", exact=exact):
        if token.text not in groups[token.pos]:
            groups[token.pos].append(token.text)
    return [groups[pos] for pos in sorted(groups)]


Weighted = list[tuple[str, float]]  # a position's terms with their boosts


def _field_query(fieldname: str, groups: list[Weighted], within: int = 0) -> q.Query:
    """The words in order; with ``within``, in any order at most that many words apart."""
    parts = [
        q.Or([q.Term(fieldname, t, boost=b) for t, b in terms])
        if len(terms) > 1
        else q.Term(fieldname, terms[0][0], boost=terms[0][1])
        for terms in groups
    ]
    if len(parts) == 1:
        return parts[0]
    if within:
        return q.Sequence(parts, slop=within + 1, ordered=False)
    return q.Sequence(parts)


def _expanded(text: str, expander: Expander | None, parsed: ParsedQuery | None) -> list[Weighted]:
    """Per position of ``text``: its lemmas at full weight, then its equivalents' terms."""
    groups: list[Weighted] = []
    for _position, written, found in analyzed_terms(text, mode="query"):
        own = [t for t in found if not t.startswith("=")]
        if not own:
            continue
        group = [(t, 1.0) for t in own]
        if expander is not None:
            expansions = expander.expand(written, own)
            group += [(t, e.weight) for e in expansions for t in e.terms]
            if parsed is not None:
                parsed.add_expansions(expansions)
        groups.append(group)
    return groups


def text_query(
    text: str,
    fields: tuple[str, ...],
    exact: bool,
    terms: set[str],
    expander: Expander | None = None,
    parsed: ParsedQuery | None = None,
    within: int = 0,
) -> q.Query | None:
    """Lemmas of ``text`` in any of ``fields``, several words in order (or, ``within``
    N, in any order at most N words apart); for an exact query the article must also
    hold each word's exact form. With an expander, each position also matches the
    word's equivalents."""
    groups = _expanded(text, None if exact else expander, parsed)
    if not groups:
        return None
    per_field = [_field_query(name, groups, within) for name in fields]
    in_fields = per_field[0] if len(per_field) == 1 else q.Or(per_field)
    if not exact:
        for group in groups:
            terms.update(t for t, _weight in group)
        return in_fields
    # exact forms are indexed per article, not per position: the lemma phrase places
    # the words, the forms field checks their spelling (and scores nothing)
    forms = list(dict.fromkeys(form for group in _positions(text, exact=True) for form in group))
    terms.update(forms)
    required = [q.Term(FORMS_FIELD, form) for form in forms]
    return q.Require(in_fields, required[0] if len(required) == 1 else q.And(required))
