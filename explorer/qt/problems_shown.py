"""The Problems button under the country list: how many things could not be read or used,
and the list of them on a click (``explorer.workspace.Problems`` holds them).

Its words keep the ``MainWindow`` translation context (they were the window's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from explorer.article import Problem
from explorer.qt.panels import ProblemsDialog
from explorer.settings import Settings
from explorer.workspace import Problems


class ProblemsShown:
    def __init__(self, settings: Settings | None, parent: QWidget) -> None:
        self.list = Problems(lambda: list(settings.problems) if settings else [])
        self.button = QPushButton(parent)
        self.button.setObjectName("problemsButton")
        self.button.clicked.connect(lambda: ProblemsDialog(self.all, parent).exec())
        self.update()

    @property
    def all(self) -> list[Problem]:
        return self.list.all

    def add(self, problems: Sequence[Problem]) -> None:
        self.list.add(problems)
        self.update()

    def add_saved(self, problems: Sequence[Problem]) -> None:
        """A problem of what was saved with the corpus (its filter, its layers)."""
        self.list.add_saved(problems)
        self.update()

    def saved_setting(self, index_path: Callable[[], object]) -> Callable[[str], None]:
        """A sink for why a setting saved with the corpus whose index is at ``index_path()``
        (its layers, its comparison of periods) cannot be used: a problem naming the index."""
        return lambda why: self.add_saved([Problem(str(index_path()), why)])

    def indexed(self, problems: Sequence[Problem]) -> None:
        self.list.indexed(problems)
        self.update()

    def new_folder(self) -> None:
        self.list.new_folder()
        self.update()

    def update(self) -> None:
        self.button.setText(QCoreApplication.translate(
            "MainWindow", "Problems ({count})").format(count=len(self.all)))
        self.button.setEnabled(bool(self.all))
