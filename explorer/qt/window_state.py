"""The window's size, layout and countries kept in the user's settings between runs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from explorer.qt.session_model import SessionModel
from explorer.settings import Settings, decode_bytes, encode_bytes

log = logging.getLogger(__name__)


def same_corpus(s: Settings, root: Path | None) -> bool:
    """The folder opened is the one the settings were saved with."""
    return bool(root and s.last_corpus_dir == str(root.resolve()))


def restore(s: Settings, window: QMainWindow, splitter: QSplitter, session: SessionModel,
            root: Path | None) -> None:
    """Geometry, splitter and docks as they were; the countries ticked, for the same folder."""
    geometry = decode_bytes(s.window_geometry)
    if geometry:
        window.restoreGeometry(QByteArray(geometry))
    sizes = decode_bytes(s.splitter_state)
    if sizes:
        splitter.restoreState(QByteArray(sizes))
    state = decode_bytes(s.window_state)
    if state:
        window.restoreState(QByteArray(state))
    if same_corpus(s, root) and s.countries:
        session.set_countries(frozenset(s.countries))


def save(s: Settings, window: QMainWindow, splitter: QSplitter, countries: list[str],
         root: Path | None) -> None:
    """Keep the folder, the countries ticked and the window's layout (a failure is logged)."""
    if root is not None:
        s.last_corpus_dir = str(root.resolve())
    s.countries = countries
    s.window_geometry = encode_bytes(bytes(window.saveGeometry().data()))
    s.splitter_state = encode_bytes(bytes(splitter.saveState().data()))
    s.window_state = encode_bytes(bytes(window.saveState().data()))
    problem = s.save()
    if problem is not None:
        log.warning("%s", problem)
