"""Where the app's bundled files live: vendored web assets, the basemap, the seed corpus."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """The ``resources/`` folder (``$EXPLORER_RESOURCES`` overrides it)."""
    env = os.environ.get("EXPLORER_RESOURCES")
    return Path(env).resolve() if env else REPO_ROOT / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled file, e.g. ``resource("web", "leaflet", "leaflet.js")``."""
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    return REPO_ROOT / "seeds"
