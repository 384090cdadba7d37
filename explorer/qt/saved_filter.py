"""The filter kept with the open folder, in its index (``explorer.filter_store``): read back
once per folder opened, saved when the folder is closed (a search the index could not run is
not saved).

Its words keep the ``MainWindow`` translation context (they were the window's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from explorer import filter_store
from explorer.article import Problem
from explorer.qt.problems_shown import ProblemsShown
from explorer.qt.session_model import SessionModel
from explorer.workspace import Index, IndexUnavailable, read_saved_filter, save_filter


class SavedFilter:
    def __init__(self, session: SessionModel, problems: ProblemsShown,
                 failed_search: Callable[[], str | None]) -> None:
        self.session, self.problems = session, problems
        self._failed_search = failed_search
        self.restored = False  # the filter saved with the open folder was read

    def restore(self, db: Index) -> None:
        """The filter saved with this corpus, once per folder opened; a stored value that
        cannot be used is a problem, and is ignored."""
        if self.restored:
            return
        self.restored = True
        try:
            saved = read_saved_filter(db)
            if saved is not None:
                self.session.set_filter(saved)
        except (filter_store.BadFilter, IndexUnavailable) as exc:
            self.problems.add_saved([Problem(str(db.path), QCoreApplication.translate(
                "MainWindow", "the saved filter cannot be used ({why}); all is shown").format(
                why=exc))])

    def save(self, path: Path | None) -> None:
        """Keep the filter with the corpus: in its index, if there is one."""
        if path is None or not path.exists() or not self.restored:
            return
        f = self.session.filter
        if f.text and f.text == self._failed_search():
            f = replace(f, text="")
        save_filter(path, f)
