"""The package's data: every folder of resources/ and seeds/ is shipped, and found again.

The real install is checked end to end by scripts/check_install.sh (pip install . into a clean
venv, run from elsewhere) and the bundle by packaging/smoke_test.sh; these are the quick checks.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from explorer.resources import resource, resources_dir, seeds_dir

ROOT = Path(__file__).resolve().parent.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "setuptools"]


def importable_folders(top: Path, package: str) -> set[str]:
    """Every folder under ``top`` that Python could import, as ``package.sub.folder``."""
    found = {package}
    for folder in top.rglob("*"):
        parts = folder.relative_to(top).parts
        if folder.is_dir() and all(p.isidentifier() for p in parts):
            found.add(".".join([package, *parts]))
    return found


def test_every_data_folder_is_a_listed_package() -> None:
    assert SETUPTOOLS["package-dir"] == {"explorer.assets": "resources", "explorer.seeds": "seeds"}
    listed = set(SETUPTOOLS["packages"])
    for package, top in SETUPTOOLS["package-dir"].items():
        missing = importable_folders(ROOT / top, package) - listed
        assert not missing, f"add to [tool.setuptools] packages: {sorted(missing)}"
    for package in ("explorer", "gazetteer"):
        missing = importable_folders(ROOT / package, package) - listed
        missing = {m for m in missing if "__pycache__" not in m}
        assert not missing, f"add to [tool.setuptools] packages: {sorted(missing)}"


def test_a_checkout_finds_the_top_level_folders() -> None:
    assert resources_dir() == ROOT / "resources"
    assert seeds_dir() == ROOT / "seeds"
    assert resource("web", "leaflet", "leaflet.js").is_file()
    assert sorted(p.name for p in seeds_dir().glob("*.txt"))


def test_the_desktop_entry_names_an_icon_that_is_shipped() -> None:
    import configparser
    import struct

    entry = configparser.ConfigParser(interpolation=None)
    entry.read(ROOT / "packaging" / "news-explorer.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].split()[0] == "explorer"
    assert desktop["Categories"].endswith(";")
    icon = desktop["Icon"]
    svg = (ROOT / "packaging" / f"{icon}.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'viewBox="0 0 256 256"' in svg
    png = (ROOT / "packaging" / f"{icon}.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
