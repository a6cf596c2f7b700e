"""Caches have owners: per index version (search.version) or pure and bounded."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

from search import SearchRequest, open_searcher, run_search
from search.version import KEEP_VERSIONS, SLOTS
from tests.test_bilingual import ARTICLES
from tests.test_search import index_of

# A cache without a bound is allowed only over a closed set of arguments: none at all
# (a file read once) or a language and a word-list name.
CLOSED_ARGUMENTS = frozenset({"language", "group"})
PACKAGES = ("index", "search", "web")


def _module_caches():
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                # asked of the type: Flask's proxies (g, request) answer any attribute by raising
                cached = "cache_info" in dir(type(value))
                if cached and getattr(value, "__module__", "") == info.name:
                    yield f"{info.name}.{name}", value


def test_every_function_cache_is_bounded_or_over_a_closed_set() -> None:
    caches = list(_module_caches())
    assert len(caches) > 20  # the walk found them (it would pass on nothing)
    for name, function in caches:
        if function.cache_info().maxsize is not None:
            continue
        parameters = set(inspect.signature(function.__wrapped__).parameters)
        assert parameters <= CLOSED_ARGUMENTS, f"{name} grows with {parameters - CLOSED_ARGUMENTS}"


def _answers(folder: Path) -> tuple:
    """What one index answers: hits of a word in both languages, its equivalents, facets."""
    with open_searcher(folder) as searcher:
        result = run_search(searcher, SearchRequest(text="вибори", reprints="all"))
        sources = next(f for f in result.facets if f.name == "source")
        return (
            sorted(hit.article.id for hit in result.hits),
            sorted(e.word for e in result.expansions),
            sorted((v.value, v.count) for v in sources.values),
        )


@pytest.fixture(scope="module")
def three_indexes(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    everything, ukrainian, russian = (tmp_path_factory.mktemp(n) for n in ("all", "uk", "ru"))
    index_of(everything, ARTICLES)
    index_of(ukrainian, [a for a in ARTICLES if a.language == "uk" and a.id != "mix"])
    index_of(russian, [a for a in ARTICLES if a.language == "ru"])
    return [everything, ukrainian, russian]


def test_indexes_read_in_turn_in_one_process_each_give_their_own_answers(
    three_indexes: list[Path],
) -> None:
    expected = []
    for folder in three_indexes:
        SLOTS.clear()
        expected.append(_answers(folder))
    assert len({str(answer) for answer in expected}) == 3  # the indexes differ
    assert expected[0][1] and not expected[1][1]  # «выборы» is confirmed by one index only
    for _turn in range(2):
        for folder, answer in zip(three_indexes, expected, strict=True):
            assert _answers(folder) == answer
            assert len(SLOTS.versions()) <= KEEP_VERSIONS


def test_recent_forgets_the_least_recently_used_beyond_its_bound() -> None:
    from search.version import Recent

    counted: Recent[str, int] = Recent(2)
    counted.put("a", 1)
    counted.put("b", 2)
    assert counted.get("a") == 1  # now b is the least recently used
    counted.put("c", 3)
    assert (counted.get("a"), counted.get("b"), counted.get("c")) == (1, None, 3)
    sized: Recent[str, bytes] = Recent(10, cost=len)
    sized.put("x", b"123456")
    sized.put("y", b"1234")
    sized.put("z", b"1")  # 11 bytes: x goes
    assert sized.get("x") is None and sized.get("y") == b"1234" and len(sized) == 2
