"""Regular spelling correspondences between Ukrainian and Russian words, as data.

Each rule rewrites a stretch of one language's word into the other's, at a
cost: the regular rewrites of letters the other alphabet lacks (і→и, є→е,
-ння→-ние, -ти→-ть) cost 0, optional ones (и→ы) 1, alternations that also
make false friends (і→е, і→о as in хліб/хлеб, кінь/конь, an added or dropped
soft sign) and the double consonants of loanwords that Ukrainian writes
single (комісія/комиссия) cost 2; the prefixes від-/от-, під-/под-, роз-/раз-
and a lengthened consonant against a soft sign (суддя/судья, стаття/статья)
cost 1. A rule may hold anywhere, only at the start or only at the end of the
word. Every candidate a rule
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
    і → и 0
    і → е о 2
    ї → и йи 0
    ї → е 2
    є → е 0
    є → э 2 start
    ґ → г 0
    ' → ъ ь ∅ 0
    и → ы
    е → э 2
    е → ё
    о → ё 2
    ь → ∅ 2
    л → ль 2
    н → нь 2
    р → рь 2
    с → сь 2
    т → ть 2
    с → сс 2
    л → лл 2
    м → мм 2
    н → нн 2
    р → рр 2
    ф → фф 2
    т → тт 2
    к → кк 2
    п → пп 2
    ия → иа 2
    ння → ние нье 0 end
    ття → тие тье 0 end
    ння → ни 2
    ий → ый ой 0 end
    ічний → ический 0 end
    ичний → ический 0 end
    ій → ий ей ой 0 end
    ія → ия 0 end
    ти → ть 0 end
    тися → ться 0 end
    ся → сь 2 end
    ець → ец 0 end
    від → от 1 start
    під → под 1 start
    роз → раз 1 start
    дд → дь 1
    лл → ль 1
    тт → ть 1
    зз → зь 1
    сс → сь 1
    жж → жь 1
    чч → чь 1
    шш → шь 1
    """
)

# Russian → Ukrainian. Letters Ukrainian lacks (ы э ъ ё) must be rewritten.
RU_TO_UK = _rules(
    """
    ы → и 0
    и → і
    и → ї 2
    е → є 1 start
    е → і 2
    о → і 2
    э → е є 0
    ъ → ' 0
    ье → 'є ьє 0
    ъе → 'є 0
    ья → 'я 0
    ъя → 'я 0
    ью → 'ю 0
    ё → ьо йо е о 0
    ь → ' 2
    ь → ∅ 2
    ние → ння 0 end
    нье → ння 0 end
    тие → ття 0 end
    ый → ий 0 end
    ой → ий end
    ий → ій end
    ей → ій end
    ия → ія 0 end
    ть → ти 0 end
    ться → тися 0 end
    ец → ець 0 end
    ск → ськ
    цк → цьк
    иа → ия 2
    сс → с 0
    лл → л 0
    мм → м 0
    нн → н 0
    рр → р 0
    фф → ф 0
    тт → т 0
    кк → к 0
    пп → п 0
    от → від 1 start
    под → під 1 start
    раз → роз 1 start
    дья → ддя 1 end
    лья → лля 1 end
    тья → ття 1 end
    зья → ззя 1 end
    сья → сся 1 end
    жья → жжя 1 end
    чья → ччя 1 end
    шья → шшя 1 end
    """
)

RUSSIAN_ONLY = frozenset("ыэъё")
UKRAINIAN_ONLY = frozenset("іїєґ'")
RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя-")
UKRAINIAN_LETTERS = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'-")
MAX_COST = 4
