"""Issue 17, B18: File → Recent corpora forgets folders that no longer exist, and a folder that
is not there is not added to it when the window opens on it. Real window."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from explorer.settings import Settings
from tests.qt.synthetic import write_corpus

pytestmark = pytest.mark.e2e


def shown(window: Any) -> list[str]:
    return [a.text() for a in window.menus.recent.actions()]


def test_recent_corpora_keep_only_folders_that_exist(qtbot: Any, tmp_path: Path) -> None:
    from explorer.qt.app import start

    kept = write_corpus(tmp_path / "kept", 3)
    gone = write_corpus(tmp_path / "gone", 3)
    settings = Settings(tmp_path / "settings.json",
                        recent_corpora=[str(gone.resolve()), str(kept.resolve())])
    shutil.rmtree(gone)
    missing = tmp_path / "never-there"
    window = start(missing, settings=settings, index_path=tmp_path / "i.db", jobs=1)
    qtbot.addWidget(window)
    try:
        assert str(missing.resolve()) not in settings.recent_corpora
        assert settings.recent_corpora == [str(kept.resolve())]
        assert shown(window) == [str(kept.resolve())]
        # One that vanishes while the window is open is gone the next time the menu opens.
        shutil.rmtree(kept)
        window.menus.recent.aboutToShow.emit()
        assert shown(window) == []
    finally:
        window.dispose()
