"""Fixtures for the index tests: the world geoparser (loaded once) and corpora in tmp dirs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gazetteer import Geoparser, load_geoparser
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def world() -> Geoparser:
    return load_geoparser()


def copy_seeds(target: Path, copies: int = 1) -> Path:
    """The seed articles in ``target``; with ``copies`` > 1, each under several names (in
    sub-folders, so paths and order vary)."""
    target.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        dest = target if k == 0 else target / f"part{k:02d}"
        dest.mkdir(exist_ok=True)
        for f in sorted(SEEDS.glob("*.txt")):
            shutil.copy(f, dest / f.name)
    return target


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "corpus")
