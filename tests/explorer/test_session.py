"""The Qt-free session: selection and filter, and what observers are told."""

from __future__ import annotations

from explorer.query import Filter
from explorer.session import Change, Session


def test_observers_hear_what_changed_once() -> None:
    s = Session()
    heard: list[Change] = []
    s.subscribe(heard.append)
    s.select("gn:1")
    s.select("gn:1")  # no change, no event
    s.set_filter(Filter(countries=frozenset({"SY"})))
    s.set_filter(Filter(countries=frozenset({"SY"})))
    s.data_changed()
    s.select(None)
    assert heard == [Change(selection=True), Change(filter=True), Change(data=True),
                     Change(selection=True)]
    assert s.selected_place is None and s.filter.countries == {"SY"}


def test_filter_change_keeps_the_selection_and_unsubscribe_stops_events() -> None:
    s = Session()
    heard: list[Change] = []
    stop = s.subscribe(heard.append)
    s.select("gn:2")
    s.set_filter(Filter(text="دمشق"))
    assert s.selected_place == "gn:2"
    stop()
    stop()  # twice is harmless
    s.select("gn:3")
    assert len(heard) == 2


def test_an_observer_may_unsubscribe_while_being_told() -> None:
    s = Session()
    heard: list[str] = []

    def once(change: Change) -> None:
        heard.append("once")
        stop()

    stop = s.subscribe(once)
    s.subscribe(lambda c: heard.append("always"))
    s.select("a")
    s.select("b")
    assert heard == ["once", "always", "always"]


def test_filter_words_are_folded() -> None:
    assert Filter(text="القاهرة، الإمارات!").words == ("القاهره", "الامارات")
    assert Filter(text="Zürich ZURICH").words == ("zurich",)
