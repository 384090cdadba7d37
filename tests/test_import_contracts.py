"""The import contracts guard the whole of explorer/ and gazetteer/, including modules not yet
written: lint-imports, with the project's own configuration, over a temporary copy of both
packages to which a core module that imports Qt is added."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_copy(tmp_path: Path, extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    for package in ("explorer", "gazetteer"):
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "data", "seeds"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for name, text in extra.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run([str(LINT_IMPORTS), "--config", "pyproject.toml", "--no-cache"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture(autouse=True)
def _needs_lint_imports() -> None:
    assert LINT_IMPORTS.exists(), "import-linter is a test dependency"


def test_the_unchanged_copy_keeps_every_contract(tmp_path: Path) -> None:
    done = lint_copy(tmp_path, {})
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_new_core_module_importing_pyside6_breaks_the_contract(tmp_path: Path) -> None:
    done = lint_copy(tmp_path, {"explorer/new_core.py": "from PySide6.QtCore import QObject\n"})
    assert done.returncode != 0
    assert "Only explorer.qt imports Qt BROKEN" in done.stdout
    assert "explorer.new_core" in done.stdout


def test_a_core_module_reaching_into_the_qt_layer_breaks_the_contract(tmp_path: Path) -> None:
    done = lint_copy(tmp_path, {"explorer/new_core.py": "import explorer.qt.window\n"})
    assert done.returncode != 0
    assert "Only explorer.cli reaches into the Qt layer BROKEN" in done.stdout


def test_a_qt_import_in_the_geoparser_breaks_the_contract(tmp_path: Path) -> None:
    done = lint_copy(tmp_path, {"gazetteer/new_part.py": "import PySide6.QtGui\n"})
    assert done.returncode != 0
    assert "gazetteer.new_part" in done.stdout


def test_a_qt_module_opening_the_index_itself_breaks_the_contract(tmp_path: Path) -> None:
    # Every module of the explorer.index package is forbidden, not only the one opening it.
    done = lint_copy(tmp_path, {
        "explorer/qt/new_view.py": "from explorer.index.db import IndexDB\n",
        "explorer/qt/new_notice.py": "from explorer.index.errors import IndexLocked\n"})
    assert done.returncode != 0
    assert "The Qt layer does not import the SQLite modules BROKEN" in done.stdout
    assert "explorer.qt.new_view" in done.stdout
    assert "explorer.qt.new_notice" in done.stdout
