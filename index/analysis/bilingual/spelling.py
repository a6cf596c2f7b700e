"""Spell a word the other language's way: rules applied left to right, pruned by a dictionary.

A word of n letters with two or three readings per letter has thousands of
spellings, nearly all of them nonsense. Walking the word while asking the
other language's dictionary (a DAWG of every word form) whether any word
begins with what has been written so far keeps only the living branches: a
handful of checks per letter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from index.analysis.bilingual.rules import END, START, Rule

PrefixCheck = Callable[[str], bool]  # does any word of the target begin with this?
MAX_SPELLINGS = 200


def _by_first_letter(rules: Iterable[Rule]) -> dict[str, list[Rule]]:
    grouped: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        grouped[rule.source[0]].append(rule)
    return dict(grouped)


class Speller:
    """Rewrites words of one alphabet into another by a rule table."""

    def __init__(self, rules: Iterable[Rule], letters: frozenset[str], max_cost: int) -> None:
        self.rules = _by_first_letter(rules)
        self.letters = letters
        self.max_cost = max_cost

    def spellings(self, word: str, alive: PrefixCheck) -> dict[str, int]:
        """Every spelling of ``word`` within the cost limit whose every prefix is alive,
        with the least cost it was reached at."""
        found: dict[str, int] = {}
        self._walk(word, 0, "", 0, alive, found)
        return found

    def _walk(
        self, word: str, at: int, written: str, cost: int, alive: PrefixCheck, found: dict
    ) -> None:
        if len(found) >= MAX_SPELLINGS:
            return
        if at == len(word):
            if written and cost < found.get(written, self.max_cost + 1):
                found[written] = cost
            return
        letter = word[at]
        if letter in self.letters:
            self._extend(word, at + 1, written, letter, cost, alive, found)
        for rule in self.rules.get(letter, ()):
            if not self._applies(rule, word, at) or cost + rule.cost > self.max_cost:
                continue
            for target in rule.targets:
                self._extend(
                    word, at + len(rule.source), written, target, cost + rule.cost, alive, found
                )

    def _extend(
        self,
        word: str,
        at: int,
        written: str,
        addition: str,
        cost: int,
        alive: PrefixCheck,
        found: dict,
    ) -> None:
        grown = written + addition
        if addition and not alive(grown):
            return
        self._walk(word, at, grown, cost, alive, found)

    @staticmethod
    def _applies(rule: Rule, word: str, at: int) -> bool:
        if not word.startswith(rule.source, at):
            return False
        if rule.at == START:
            return at == 0
        if rule.at == END:
            return at + len(rule.source) == len(word)
        return True
