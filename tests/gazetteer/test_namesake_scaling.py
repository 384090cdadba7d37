"""B10: work grows linearly with the number of places sharing a name (or a first word).

A user gazetteer of thousands of places with one name made resolution quadratic (every town of
the document compared with every namesake by dataclass equality: 8,000 namesakes took 47 s), and
merging thousands of names that start with one word rebuilt and re-sorted that word's list once
per name. These tests compare the CPU time of n and 4n places: linear work grows about 4×,
quadratic work 16×; the bound (8×) sits between, so load on the machine does not decide.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from gazetteer.geoparser import Geoparser
from gazetteer.model import Place, PlaceKind
from gazetteer.store import Gazetteer

LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _word(i: int) -> str:
    """A distinct Arabic-letter word per number."""
    out, i = "", i + 1000
    while i:
        out += LETTERS[i % len(LETTERS)]
        i //= len(LETTERS)
    return out


def _places(n: int, name: Callable[[int], str]) -> dict[str, Place]:
    return {
        f"user:{i}": Place(
            id=f"user:{i}", name=f"Test {i}", name_ar=name(i), kind=PlaceKind.CITY,
            lat=-60 + (i * 7919 % 12000) / 100, lon=-170 + (i * 104729 % 34000) / 100,
            country="SY", population=i % 5000, names_ar=(name(i),),
        )
        for i in range(n)
    }


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, 1e-3)


def _growth(work: Callable[[int], Callable[[], object]], n: int) -> float:
    small, large = work(n), work(4 * n)
    return _cpu(large) / _cpu(small)


def test_resolution_is_linear_in_namesakes() -> None:
    builtin = Gazetteer.load()
    text = ("وصل الوفد إلى قرية الاختبار في سوريا، ثم زار دمشق وحلب. "
            "وفي قرية الاختبار التقى السكان.\n")

    def work(n: int) -> Callable[[], object]:
        geoparser = Geoparser(builtin._with(_places(n, lambda i: "قرية الاختبار"), []))
        assert [m.text for m in geoparser.parse(text)].count("قرية الاختبار") == 2
        return lambda: geoparser.parse(text)

    assert _growth(work, 1500) < 8


def test_merging_names_that_share_a_first_word_is_linear() -> None:
    builtin = Gazetteer.load()

    def work(n: int) -> Callable[[], object]:
        changed = _places(n, lambda i: f"قرية {_word(i)}")
        merged = builtin._with(changed, [])  # type: ignore[arg-type]
        assert len(merged.places) == len(builtin.places) + n
        return lambda: builtin._with(changed, [])  # type: ignore[arg-type]

    assert _growth(work, 3000) < 8
