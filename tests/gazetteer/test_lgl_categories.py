"""English categories found on LGL's development half (issue 19), on the built-in gazetteer and
a real Geoparser: each test names the category, with examples other than LGL's own."""

from __future__ import annotations

import pytest

from gazetteer import Geoparser, load_geoparser
from gazetteer.model import MentionType, PlaceKind


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return load_geoparser()


def _places(gp: Geoparser, text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.place.name, m.place.kind) for m in gp.parse(text)
            if m.type == MentionType.TOPONYM}


@pytest.mark.parametrize("state", ["Ohio", "Kentucky", "Illinois", "Minnesota", "Missouri"])
def test_a_state_named_after_its_river_is_the_state(gp: Geoparser, state: str) -> None:
    text = f"{state} received about $30 million in federal funds for the program last year."
    assert _places(gp, text)[state] == (state, PlaceKind.ADMIN1)
