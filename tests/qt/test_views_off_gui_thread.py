"""Issue 17: on an index on disk, a marker click, a filter change (a place selected or not, a
region's chip), "within N km" of the selection, a search, the end of indexing and a correction
ask the index nothing on the GUI thread: the feeds' worker threads read it, the window only
shows answers.

The window's own reader is wrapped (here, in the test only) so that every query it is asked
on the GUI thread is recorded."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from explorer.qt.corrections_ui import Target
from explorer.query import Filter, fold_words
from gazetteer.model import KINDS
from tests.conftest import SEEDS
from tests.qt.conftest import run_js, wait_drawn

pytestmark = pytest.mark.e2e


class GuiThreadCalls:
    """An ``IndexReader`` that records the queries it is asked on the GUI thread."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.inner, name)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                self.calls.append(name)
            return value(*args, **kwargs)

        return call


def test_click_filter_and_search_query_nothing_on_the_gui_thread(
    qtbot: Any, tmp_path: Path
) -> None:
    from explorer.qt.app import start

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    window = start(corpus, index_path=tmp_path / "i.db", jobs=1)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.indexing_done, timeout=120_000)
        wait_drawn(qtbot, window)
        places = window.reader.places()
        countries = [c.code for c in window.reader.countries()]
        first = max(places, key=lambda s: s.count)  # the most mentioned place
        text = window.reader.passages(Filter(), first.place.id, 0, 1)[0].passage.text
        word = max(fold_words(text), key=len)  # a word of a passage: the search finds it
        probe = GuiThreadCalls(window.reader.inner)
        window.reader.inner = probe

        top = first.place.id
        # A marker click, on the page (the most mentioned place: never inside a cluster).
        assert run_js(qtbot, window, f"explorer.clickPlace({top!r})") is True
        qtbot.waitUntil(lambda: window.passages.model.place_id == top
                        and bool(window.passages.hits), timeout=30_000)
        wait_drawn(qtbot, window)
        # The whole first page is drawn (the panel draws it in slices: waited for).
        last = window.passages.hits[-1].passage.text.split()[0]
        qtbot.waitUntil(lambda: last in window.passages.toPlainText(), timeout=10_000)
        assert probe.calls == [], f"a click queried the index on the GUI thread: {probe.calls}"
        window.in_view.near_action.trigger()  # "within N km" of it: its name and place known
        dialog = window.in_view.dialog
        assert dialog is not None and first.place.name in dialog.labelText()
        dialog.reject()
        assert probe.calls == [], f"'within N km' queried on the GUI thread: {probe.calls}"

        # A filter change with the place selected: it stays while the filter shows it…
        window.session.set_text(word)
        qtbot.waitUntil(lambda: window.passages.model.filter.text == word
                        and window.passages.model.place_id == top
                        and bool(window.passages.hits), timeout=30_000)
        wait_drawn(qtbot, window)
        assert window.session.selected_place == top
        assert probe.calls == [], f"a filter change queried on the GUI thread: {probe.calls}"
        # …and goes when the filter no longer shows it (no passage of it is left).
        other = next(k for k in KINDS if k != first.place.kind)
        window.session.set_filter(replace(window.session.filter, kinds=frozenset({other})))
        qtbot.waitUntil(lambda: window.session.selected_place is None
                        and window.passages.model.filter.kinds == {other}, timeout=30_000)
        wait_drawn(qtbot, window)
        assert probe.calls == [], f"a filter change queried on the GUI thread: {probe.calls}"

        region = "region:central-asia"  # a region's chip: its name, not its id
        window.session.set_filter(Filter(regions=frozenset({region})))
        qtbot.waitUntil(lambda: window.passages.model.filter.regions == {region}
                        and bool(window.passages.hits), timeout=30_000)
        wait_drawn(qtbot, window)
        assert "Central Asia" in window.chips.buttons[f"region:{region}"].text()
        assert probe.calls == [], f"a region's chip queried on the GUI thread: {probe.calls}"

        window.session.set_filter(Filter())
        window.session.set_countries(frozenset(countries[:2]))  # a filter change
        qtbot.waitUntil(lambda: window.passages.model.filter.countries
                        == frozenset(countries[:2]) and bool(window.passages.hits),
                        timeout=30_000)
        wait_drawn(qtbot, window)
        assert probe.calls == [], f"a filter change queried on the GUI thread: {probe.calls}"

        window.session.set_countries(frozenset())
        window.session.set_text(word)  # a search
        qtbot.waitUntil(lambda: window.passages.model.filter.text == word
                        and bool(window.passages.hits), timeout=30_000)
        wait_drawn(qtbot, window)
        assert probe.calls == [], f"a search queried the index on the GUI thread: {probe.calls}"
        assert window.passages.model.hits[0].passage.text

        # The end of indexing: a new article is indexed, the views and notices updated.
        shutil.copy(next(corpus.glob("*.txt")), corpus / "zz-new.txt")
        window.opening.upkeep.reload()
        assert not window.indexing_done
        qtbot.waitUntil(lambda: window.indexing_done, timeout=120_000)
        wait_drawn(qtbot, window)
        assert window.notices.notice.isHidden()
        assert probe.calls == [], f"indexing's end queried on the GUI thread: {probe.calls}"

        # A correction that leaves the selected place unnamed: it is deselected all the same.
        window.session.set_filter(Filter())
        window.session.select(top)
        qtbot.waitUntil(lambda: window.passages.model.place_id == top
                        and window.passages.model.filter == Filter()
                        and bool(window.passages.hits), timeout=30_000)
        hit = next(h for h in window.passages.hits if h.mentions)
        mention = next(m for m in hit.mentions if m.place.id == top)
        window.corrections.reject(Target(hit.article.doc, hit.article.sha256, mention),
                                  "corpus")
        qtbot.waitUntil(lambda: window.corrections.pending == 0, timeout=120_000)
        qtbot.waitUntil(lambda: window.session.selected_place is None, timeout=30_000)
        wait_drawn(qtbot, window)
        assert probe.calls == [], f"a correction queried on the GUI thread: {probe.calls}"
    finally:
        window.dispose()
