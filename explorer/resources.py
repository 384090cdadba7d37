"""Where the app's bundled files live: vendored web assets, the basemap, the seed corpus.

Installed (``pip install .``, the PyInstaller bundle) they are the data packages
``explorer/assets`` and ``explorer/seeds``, reached through :mod:`importlib.resources`; in a
checkout (an editable install) they are the repository's top-level ``resources/`` and
``seeds/``, which ``pyproject.toml`` maps onto those packages.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def _data_dir(package_dir: str, checkout_dir: str) -> Path:
    package = Path(str(files("explorer")))
    installed = package / package_dir
    return installed if installed.is_dir() else package.parent / checkout_dir


def resources_dir() -> Path:
    """The web assets and basemap (``$EXPLORER_RESOURCES`` overrides them)."""
    env = os.environ.get("EXPLORER_RESOURCES")
    return Path(env).resolve() if env else _data_dir("assets", "resources")


def resource(*parts: str) -> Path:
    """Path of one bundled file, e.g. ``resource("web", "leaflet", "leaflet.js")``."""
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    """The five seed articles: the window's corpus when none is named."""
    return _data_dir("seeds", "seeds")
