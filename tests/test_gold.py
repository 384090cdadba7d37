"""The geoparser scored against the hand-made gold mentions of the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from gazetteer.evaluate import Score, load_gold, score_corpus

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).parent / "data" / "seeds_gold.json"


@pytest.fixture(scope="module")
def score() -> Score:
    index: CorpusIndex = open_corpus(ROOT / "seeds")
    total, _ = score_corpus(index.mentions, load_gold(GOLD))
    return total


def test_recognition_precision_and_recall(score: Score) -> None:
    assert score.recall >= 0.95, score.missed
    assert score.precision >= 0.95, score.false_positives
    assert score.f1 >= 0.98, (score.missed, score.false_positives)


def test_every_hit_resolved_to_the_right_place(score: Score) -> None:
    assert score.accuracy == 1.0, score.wrong
    assert score.accuracy_161 == 1.0


def test_no_negative_and_no_furniture_reported(score: Score) -> None:
    assert score.false_positives == []


def test_the_gold_file_is_the_shared_one() -> None:
    shared = ROOT.parent / "shared" / "eval" / "seeds_gold.json"
    if not shared.exists():
        pytest.skip("../shared is not beside this checkout")
    assert shared.read_bytes() == GOLD.read_bytes()
