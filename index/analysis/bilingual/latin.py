"""Names typed in Latin letters, spelt in Cyrillic: Kharkiv → Харків, Trump → Трамп.

Romanisations (KMU 2010 and older ones) and English spellings read the same
letters differently (u is у in Rutte, а in Trump, ю in Rutte again), so each
Latin letter or cluster has several Cyrillic readings, at a cost: the usual
reading 0, the others 1 or 2. The spellings are walked left to right and kept
only while some word of the archive or of the dictionaries begins so; the
caller then keeps the spellings that are names.
"""

from __future__ import annotations

from index.analysis.bilingual.rules import END, START, Rule
from index.analysis.bilingual.spelling import PrefixCheck, Speller


def _latin_rules(table: str) -> tuple[Rule, ...]:
    """``latin → cyrillic … | cyrillic … | …``: readings separated by | cost 0, 1, 2 …;
    a trailing ``start`` or ``end`` limits where the cluster is read so."""
    rules = []
    for line in table.strip().splitlines():
        left, right = (part.strip() for part in line.split("→"))
        at = "any"
        for limit in (START, END):
            if right.endswith(f" {limit}"):
                right, at = right.removesuffix(f" {limit}"), limit
        for cost, group in enumerate(right.split("|")):
            targets = tuple("" if word == "∅" else word for word in group.split())
            rules.append(Rule(left, targets, cost, at))
    return tuple(rules)


LATIN_TO_CYRILLIC = _latin_rules(
    """
    shch → щ
    sch → щ | ш
    zh → ж
    kh → х
    ts → ц
    tz → ц
    tch → ч
    ch → ч | х к
    sh → ш
    ya → я | ья
    yu → ю | ью
    ye → є е | ье
    yi → ї | ий
    yo → йо ьо | ё
    ia → я ія | иа
    iu → ю | ію
    ie → є і | ие
    io → ьо | іо
    iy → ий ій
    yy → ий ій
    ck → к
    ph → ф
    th → т | с
    gh → г | ∅
    qu → кв
    ee → і и
    oo → у
    ou → у | ау
    ay → ей ай
    ey → ей | і
    ei → ей ай
    ai → ай ей
    tt → тт т
    ll → лл л
    ss → сс с
    nn → нн н
    mm → мм м
    rr → рр р
    ff → фф ф
    pp → пп п
    bb → бб б
    dd → дд д
    zz → цц ц
    ju → ю | джу жу
    ea → і и | еа
    a → а | е ей я | э
    b → б
    c → к | с ц
    d → д | дь
    e → е | є і и е
    e → ∅ end
    f → ф
    g → г ґ | дж ж х
    h → г х | ∅
    i → і и | ай ї й
    j → дж й | ж х
    k → к
    l → л | ль
    m → м
    n → н | нь
    o → о | а
    p → п
    q → к
    r → р | рь
    s → с | з сь ш
    t → т | ть
    u → у | ю а
    v → в
    w → в | у
    x → кс
    y → и | і й ий ій ї | ы ый
    y → ий ій | ∅ й ый end
    y → й start
    z → з | ц
    ' → ∅ ь
    - → -
    """
)
MAX_LATIN_COST = 3
_SPELLER = Speller(LATIN_TO_CYRILLIC, frozenset(), MAX_LATIN_COST)


def is_latin_word(word: str) -> bool:
    return any("a" <= ch <= "z" for ch in word) and all(
        "a" <= ch <= "z" or ch in "'-" for ch in word
    )


def cyrillic_spellings(word: str, alive: PrefixCheck) -> dict[str, int]:
    """Cyrillic spellings of a lowercase Latin word that ``alive`` lets grow, with costs."""
    return _SPELLER.spellings(word, alive)
