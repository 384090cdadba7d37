"""Starting the app: no display, problems panel, settings that survive a restart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.settings import Settings
from tests.conftest import SEEDS
from tests.qt.conftest import open_window


def test_without_a_display_the_window_command_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "explorer", str(SEEDS)],
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "no display" in lines[0] and "--screenshot" in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.e2e
def test_problems_are_listed_in_the_window(qtbot: Any, tmp_path: Path) -> None:
    seed_bytes = (SEEDS / "000_c1925879e5909a48.txt").read_bytes()
    (tmp_path / "good.txt").write_bytes(seed_bytes)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    index = open_corpus(tmp_path)
    assert [a.doc for a in index.articles] == ["good.txt"]
    window = open_window(qtbot, index)
    assert window.problems_button.isEnabled()
    assert window.problems_button.text() == f"Problems ({len(index.corpus.problems)})"
    from explorer.qt.panels import ProblemsDialog

    dialog = ProblemsDialog(window.problems, window)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any("scan.txt" in r for r in rows) and any("empty.txt" in r for r in rows)
    window.dispose()


@pytest.mark.e2e
def test_selected_countries_and_layout_survive_a_restart(
    qtbot: Any, tmp_path: Path, seeds_index: CorpusIndex
) -> None:
    path = tmp_path / "settings.json"
    window = open_window(qtbot, seeds_index, settings=Settings.load(path))
    window.filter.select(["TJ"])
    window.close()
    saved = Settings.load(path)
    assert saved.countries == ["TJ"]
    assert saved.last_corpus_dir == str(SEEDS.resolve())
    again = open_window(qtbot, seeds_index, settings=saved)
    assert again.countries == ["TJ"]
    assert again.filter.selected() == ["TJ"]
    again.dispose()
