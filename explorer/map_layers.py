"""The map's layers, Python side: one description per layer, and the layers saved with the corpus.

Non-Qt. A layer is drawn by a small module of the page (``resources/web/explorer/layers/``,
or ``map.js`` for the markers) that registers itself under the layer's ``name``
(``explorerLayers.register(name, {apply, clear, legend})``). Its description here says what
Python sends it beyond the places and counts every message carries: ``data`` makes its own
part of a message (``layerData[name]``) from the view's data (the places and countries the
filter shows). Its title and legend, in the interface's language, are in
``explorer.qt.layers_menu``.

To add a layer: a page module that registers ``name`` (listed in ``explorer.mappage.SCRIPTS``),
a ``MapLayer`` here, and its title and legend in ``explorer.qt.layers_menu``.

The layers shown are kept in the index's ``settings`` table under ``KEY`` (a JSON list of
names), like the filter; a stored value that cannot be used raises ``BadLayers`` (the window
says so and shows the default layers).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from explorer.query import CountrySummary, PlaceSummary

#: The key of the layers shown in the index's ``settings`` table.
KEY = "layers"

LayerData = Callable[[Sequence[PlaceSummary], Sequence[CountrySummary]], Any]


def country_mentions(
    places: Sequence[PlaceSummary], countries: Sequence[CountrySummary]
) -> list[list[Any]]:
    """[[ISO2, mentions of places in it], ...] of the countries with mentions, most first."""
    ranked = sorted((c for c in countries if c.count > 0), key=lambda c: (-c.count, c.code))
    return [[c.code, c.count] for c in ranked]


@dataclass(frozen=True)
class MapLayer:
    name: str  # the name its page module registers
    default: bool  # shown when the corpus has no saved choice
    data: LayerData | None = None  # its part of a message, from the view's data


LAYERS: tuple[MapLayer, ...] = (
    MapLayer("markers", default=True),
    MapLayer("heat", default=False),
    MapLayer("choropleth", default=False, data=country_mentions),
    # The places mentioned with the selection: its data follow the selection, not the view
    # (``explorer.qt.mapsync.MapSync.set_mentioned_with``).
    MapLayer("together", default=False),
    MapLayer("rivers", default=False),
    MapLayer("lakes", default=False),
    MapLayer("borders", default=False),
)
NAMES = tuple(layer.name for layer in LAYERS)
DEFAULT = frozenset(layer.name for layer in LAYERS if layer.default)


class BadLayers(ValueError):
    """A stored choice of layers that cannot be used; ``str(exc)`` says why in a few words."""


def to_json(on: Collection[str]) -> str:
    """The layers shown, as stored (in the order of ``LAYERS``)."""
    return json.dumps([name for name in NAMES if name in on])


def from_json(text: str) -> frozenset[str]:
    """The layers stored as ``text``; raises ``BadLayers`` when it cannot be used."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise BadLayers(f"not valid JSON ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(n, str) for n in data):
        raise BadLayers("not a list of layer names")
    unknown = sorted(set(data) - set(NAMES))
    if unknown:
        raise BadLayers(f"unknown layer {unknown[0]!r}")
    return frozenset(data)


def layer_data(
    on: Collection[str], places: Sequence[PlaceSummary], countries: Sequence[CountrySummary]
) -> dict[str, Any]:
    """``layerData`` of a message: each shown layer's own data (those that have any)."""
    return {layer.name: layer.data(places, countries)
            for layer in LAYERS if layer.name in on and layer.data is not None}


__all__: Sequence[str] = (
    "DEFAULT",
    "KEY",
    "LAYERS",
    "NAMES",
    "BadLayers",
    "MapLayer",
    "country_mentions",
    "from_json",
    "layer_data",
    "to_json",
)
