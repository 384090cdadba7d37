from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, Geoparser

MINI = Path(__file__).parent / "data" / "mini.yaml"


@pytest.fixture(scope="session")
def mini_gazetteer() -> Gazetteer:
    return Gazetteer.from_files([MINI])


@pytest.fixture(scope="session")
def mini(mini_gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(mini_gazetteer)
