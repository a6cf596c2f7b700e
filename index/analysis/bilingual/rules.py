"""Regular spelling correspondences between Ukrainian and Russian words, as data.

Each rule rewrites a stretch of one language's word into the other's, at a
cost: regular correspondences (і→и in loanwords, и→ы, є→е, -ння→-ние, -ти→-ть)
cost 1, alternations that also make false friends (і→е, і→о as in хліб/хлеб,
кінь/конь, an added or dropped soft sign) cost 2. A rule may hold anywhere,
only at the start or only at the end of the word. Every candidate a rule
makes must still be a word of the other language's dictionary (or, for a
name, a word of the archive) before it is searched.
"""

from __future__ import annotations

from dataclasses import dataclass

ANYWHERE, START, END = "any", "start", "end"


@dataclass(slots=True, frozen=True)
class Rule:
    source: str
    targets: tuple[str, ...]
    cost: int = 1
    at: str = ANYWHERE


def _rules(table: str) -> tuple[Rule, ...]:
    """``source → target target … [cost] [start|end]`` per line; ∅ writes nothing."""
    rules = []
    for line in table.strip().splitlines():
        left, right = (part.strip() for part in line.split("→"))
        words = right.split()
        at = words.pop() if words[-1] in (START, END) else ANYWHERE
        cost = int(words.pop()) if words[-1].isdigit() else 1
        targets = tuple("" if word == "∅" else word for word in words)
        rules.append(Rule(left, targets, cost, at))
    return tuple(rules)


# Ukrainian → Russian. Letters Russian lacks (і ї є ґ ') must be rewritten.
UK_TO_RU = _rules(
    """
    і → и
    і → е о 2
    ї → и йи
    ї → е 2
    є → е
    є → э 2 start
    ґ → г
    ' → ъ ь ∅
    и → ы
    е → э 2 start
    е → ё
    о → ё 2
    ь → ∅ 2
    л → ль 2
    н → нь 2
    р → рь 2
    с → сь 2
    т → ть 2
    ння → ние нье end
    ття → тие тье end
    ння → ни 2
    ий → ый ой end
    ій → ий ей ой end
    ія → ия end
    ти → ть end
    тися → ться end
    чи → чь 2 end
    ся → сь 2 end
    ець → ец end
    """
)

# Russian → Ukrainian. Letters Ukrainian lacks (ы э ъ ё) must be rewritten.
RU_TO_UK = _rules(
    """
    ы → и
    и → і
    и → ї 2
    е → є 2 start
    е → і 2
    о → і 2
    э → е є
    ъ → '
    ё → ьо йо е о
    ь → ' 2
    ь → ∅ 2
    ние → ння end
    нье → ння end
    тие → ття end
    ый → ий end
    ой → ий end
    ий → ій end
    ей → ій end
    ия → ія end
    ть → ти end
    ться → тися end
    ец → ець end
    ск → ськ
    цк → цьк
    """
)

RUSSIAN_ONLY = frozenset("ыэъё")
UKRAINIAN_ONLY = frozenset("іїєґ'")
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя-")
UKRAINIAN_LETTERS = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'-")
MAX_COST = 3
