"""Two periods compared on one map (issue 20, periods): *Compare periods…* in the timeline
dock asks for period A and period B; the places of either are drawn coloured by their change
(``explorer.periods``: more in B, more in A, only in one, the same) by the page's layer
"compare", with a legend, and a chip says the comparison (its × ends it).

The counts are the reader's, for the filter (its own dates set aside) with each period's
dates, computed on a thread of their own (``CompareJob``) through the same opener as the
exports; they are computed again when the rest of the filter or the data change.

The periods compared are kept with the corpus, in its index (``explorer.periods.KEY``), like
the filter and the layers: saved when a comparison starts or ends, read again (chip and page
colours) when the folder is opened; a stored value that cannot be used is a problem
(``problem``), and nothing is compared.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, QThread, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QWidget,
)

from explorer import periods as stored
from explorer.periods import Period, PlaceChange, compare, layer_data
from explorer.qt.chips import FilterChips
from explorer.qt.session_model import SessionModel
from explorer.qt.timeline import TimelineDock
from explorer.query import Filter, IndexReader
from explorer.session import Change
from explorer.workspace import IndexUnavailable, closing_opener, save_setting

log = logging.getLogger(__name__)

Opener = Callable[[], AbstractContextManager[IndexReader]]


class CompareJob(QThread):
    """Counts the places of two periods under a filter, off the GUI thread."""

    def __init__(self, open_reader: Opener, f: Filter, a: Period, b: Period,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_reader, self.filter, self.a, self.b = open_reader, f, a, b
        self.changes: list[PlaceChange] | None = None
        self.error: str | None = None

    def run(self) -> None:
        try:
            with self.open_reader() as reader:
                self.changes = compare(reader, self.filter, self.a, self.b)
        except (IndexUnavailable, OSError, sqlite3.Error) as exc:  # said, not raised
            self.error = str(exc) or type(exc).__name__


class PeriodsDialog(QDialog):
    """Period A and period B, each from one day to another."""

    def __init__(self, a: Period, b: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePeriods")
        self.setWindowTitle(self.tr("Compare two periods"))
        form = QFormLayout(self)
        self.edits: list[QDateEdit] = []
        for label, day in ((self.tr("Period A, from"), a.date_from),
                           (self.tr("Period A, to"), a.date_to),
                           (self.tr("Period B, from"), b.date_from),
                           (self.tr("Period B, to"), b.date_to)):
            edit = QDateEdit(QDate.fromString(day, "yyyy-MM-dd"), self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            form.addRow(label, edit)
            self.edits.append(edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def periods(self) -> tuple[Period, Period]:
        """The two periods chosen (an end before its start is swapped)."""
        days = [e.date().toString("yyyy-MM-dd") for e in self.edits]
        a = sorted(days[:2])
        b = sorted(days[2:])
        return Period(a[0], a[1]), Period(b[0], b[1])


def default_periods(f: Filter, days: list[date]) -> tuple[Period, Period] | None:
    """What the dialog proposes: the filter's range as A and the as long one after it as B;
    with no range, the first and second half of the days with mentions."""
    if f.date_from and f.date_to:
        start, end = date.fromisoformat(f.date_from), date.fromisoformat(f.date_to)
        length = end - start + timedelta(days=1)
        return (Period(f.date_from, f.date_to),
                Period((start + length).isoformat(), (end + length).isoformat()))
    if not days:
        return None
    first, last = days[0], days[-1]
    middle = first + (last - first) / 2
    return (Period(first.isoformat(), middle.isoformat()),
            Period((middle + timedelta(days=1)).isoformat(), max(last, middle).isoformat()))


class Comparison(QObject):
    """The comparison shown, if any: ``set`` starts one, ``clear`` ends it; ``shown`` says
    when the page has been sent the comparison of the latest periods and filter."""

    shown = Signal()
    changed = Signal()  # started or ended (the chip)
    problem = Signal(str)  # the comparison saved with the corpus cannot be used: why

    def __init__(self, model: SessionModel, send: Callable[[dict[str, Any]], None],
                 opener: Callable[[], Opener | None], days: Callable[[], list[date]],
                 parent: QWidget,
                 index_path: Callable[[], Path | None] = lambda: None) -> None:
        super().__init__(parent)
        self.model = model
        self._send = send
        self._opener = opener
        self._days = days
        self._index_path = index_path
        self._restored = False  # the comparison saved with the open folder was read
        self.periods: tuple[Period, Period] | None = None
        self.changes: list[PlaceChange] | None = None  # the last comparison sent
        self._sent: dict[str, Any] | None = None  # its message to the page
        self.job: CompareJob | None = None
        self.dialog: PeriodsDialog | None = None
        self._filter = model.filter.undated()
        self.button = QPushButton(self.tr("Compare periods…"), parent)
        self.button.setObjectName("comparePeriodsButton")
        self.button.setToolTip(self.tr(
            "Colour the places by how their mentions changed from one period to another"))
        self.button.clicked.connect(self.ask)
        model.changed.connect(self._on_change)

    def ask(self) -> None:
        """Ask for the two periods (the dialog is left open, not run modally)."""
        proposed = default_periods(self.model.filter, self._days())
        if proposed is None:
            return
        parent = self.parent()
        dialog = PeriodsDialog(*proposed, parent if isinstance(parent, QWidget) else None)

        def done(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.set(*dialog.periods())
            dialog.deleteLater()

        dialog.finished.connect(done)
        self.dialog = dialog
        dialog.open()

    def set(self, a: Period, b: Period) -> None:
        self.periods = (a, b)
        self.changed.emit()
        self._compute()
        self.save()

    def resend(self) -> None:
        """Send the comparison again (a page that started afresh has none)."""
        if self.periods is not None and self._sent is not None:
            self._send({"compare": self._sent})

    def clear(self, *, save: bool = True) -> None:
        """End the comparison (``save``: and forget it in the corpus's index)."""
        if self.periods is None:
            return
        if save:
            self.periods = None
            self.save()
        self._sent = None
        self.periods = None
        self.changes = None
        self.job = None
        self._send({"compare": None})
        self.changed.emit()

    def label(self) -> str:
        """The chip's words (empty when nothing is compared)."""
        if self.periods is None:
            return ""
        a, b = self.periods
        return self.tr("comparing {a} with {b}").format(a=a.words(), b=b.words())

    def save(self) -> None:
        """Keep the comparison shown with the corpus: in its index, if there is one."""
        path = self._index_path()
        if path is None or not path.exists() or not self._restored:
            return
        value = None if self.periods is None else stored.to_json(*self.periods)
        try:
            save_setting(path, stored.KEY, value)
        except IndexUnavailable as exc:
            log.warning("the periods compared were not saved: %s", exc)

    def restore(self) -> None:
        """The comparison saved with the open folder, once per folder opened."""
        if self._restored:
            return
        self._restored = True
        path = self._index_path()
        if path is None or not path.exists():
            return
        try:
            with closing_opener(path)() as db:
                text = db.get_setting(stored.KEY)
            if text is None:
                return
            a, b = stored.from_json(text)
        except (stored.BadPeriods, IndexUnavailable, sqlite3.Error) as exc:
            self.problem.emit(self.tr(
                "the saved comparison of periods cannot be used ({why}); nothing is compared"
            ).format(why=exc))
            return
        self.periods = (a, b)
        self.changed.emit()
        self._compute()

    def _on_change(self, change: Change) -> None:
        if change.data and self.model.reader is None:
            # The folder is closed: its comparison stays saved with it; the next folder's
            # own is read when its index is.
            self.clear(save=False)
            self._restored = False
            return
        if change.data and not self._restored:
            self.restore()
            return
        undated = self.model.filter.undated()
        if change.data or (change.filter and undated != self._filter):
            self._filter = undated
            self._compute()

    def _compute(self) -> None:
        opener = self._opener()
        if self.periods is None or opener is None:
            return
        job = CompareJob(opener, self.model.filter.undated(), *self.periods, self)
        self.job = job
        job.finished.connect(lambda: self._done(job))
        job.start()

    def _done(self, job: CompareJob) -> None:
        job.deleteLater()
        if job is not self.job or self.periods is None:
            return  # an older question, or the comparison ended meanwhile
        if job.changes is None:
            window = self.parent()
            status = getattr(window, "statusBar", None)
            if callable(status):
                status().showMessage(self.tr("The periods could not be compared: {why}")
                                     .format(why=job.error or ""), 10_000)
            return
        self.changes = job.changes
        self._sent = data = layer_data(job.changes, job.a, job.b)
        data["words"] = {
            "title": self.tr("Period A: {a} · period B: {b}").format(a=job.a.words(),
                                                                    b=job.b.words()),
            "only_a": self.tr("only in A"), "more_a": self.tr("more in A"),
            "same": self.tr("as many in both"), "more_b": self.tr("more in B"),
            "only_b": self.tr("only in B"),
        }
        self._send({"compare": data})
        self.shown.emit()


def in_timeline(model: SessionModel, send: Callable[[dict[str, Any]], None],
                opener: Callable[[], Opener | None], timeline: TimelineDock, ready: Any,
                chips: FilterChips, parent: QWidget,
                index_path: Callable[[], Path | None] = lambda: None,
                problem: Callable[[str], None] | None = None,
                painted: Any = None) -> Comparison:
    """The comparison of two periods, its button in the timeline dock, its chip in the filter
    chips; sent again when the page is ready (``ready``, the page's signal); kept with the
    corpus whose index is at ``index_path()``; a saved one that cannot be used goes to
    ``problem``. With ``painted`` (the page's signal that it drew a filter's data), the
    timeline's Play waits for it at each step."""
    comparison = Comparison(model, send, opener,
                            lambda: [d for d, _ in timeline.timeline.days], parent, index_path)
    timeline.timeline.controls.insertWidget(2, comparison.button)
    ready.connect(comparison.resend)
    if problem is not None:
        comparison.problem.connect(problem)
    if painted is not None:
        timeline.timeline.player.wait_for_page(painted)
    comparison.changed.connect(lambda: chips.set_extra(
        "compare", comparison.label(), comparison.clear))
    return comparison
