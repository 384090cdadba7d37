"""Which passages the passage panel shows: the selected place's, or the filter's, read off
the passage feed (off the GUI thread for an index on disk, at once for one in memory).

Its words keep the ``MainWindow`` translation context (they were the window's).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from explorer.passage_view import ExplanationText, explanation_html
from explorer.qt.chips import chips
from explorer.qt.counts import counts
from explorer.qt.names import arabic_interface, both
from explorer.qt.passage_feed import PassageAnswer, PassageFeed, PassageQuery
from explorer.qt.passages import PassagePanel
from explorer.qt.reasons import translate_reasons
from explorer.qt.session_model import SessionModel
from explorer.query import Filter, MentionedWith, PlaceSummary
from explorer.session import Change
from gazetteer.model import Place

#: Told of the places mentioned with the selected place (None and []: no place is selected).
MentionedWithShown = Callable[[Place | None, Sequence[MentionedWith]], None]


def place_counts(mentions: int, passages: int, articles: int) -> str:
    """"1 mention in 1 passage"; "5 mentions in 3 passages of 2 articles"."""
    m = counts().mentions(mentions)
    p = counts().passages(passages)
    if articles == passages:
        return QCoreApplication.translate("MainWindow", "{mentions} in {passages}").format(
            mentions=m, passages=p)
    a = counts().articles(articles)
    return QCoreApplication.translate(
        "MainWindow", "{mentions} in {passages} of {articles}").format(
        mentions=m, passages=p, articles=a)


def explanation_text() -> ExplanationText:
    """The "Why this place" words in the interface's language."""
    return ExplanationText(
        title=QCoreApplication.translate("MainWindow", "Why this place"),
        confidence=QCoreApplication.translate("MainWindow", "confidence {value}"),
        others=QCoreApplication.translate("MainWindow", "Other candidates: {places}"),
        reason=translate_reasons, rtl=arabic_interface())


class PassagesShown:
    """Asks for the passages the session's filter and selection call for and shows the answer
    in ``panel``; ``blocked()``: a notice says there is nothing to show (the panel says so)."""

    def __init__(self, session: SessionModel, panel: PassagePanel,
                 region_name: Callable[[str], str], blocked: Callable[[], bool]) -> None:
        self.session, self.panel = session, panel
        self._region_name, self._blocked = region_name, blocked
        self.feed: PassageFeed | None = None
        #: Told of the places mentioned with the selection with each answer shown.
        self.mentioned_with: list[MentionedWithShown] = []
        # The selected place as the last answer shown counted it (None: no place shown).
        self.summary: PlaceSummary | None = None
        session.changed.connect(self._on_change)
        # Passage → map: a place's link selects it, a passage fits the map to its places.
        panel.placeClicked.connect(session.select)
        panel.passageClicked.connect(lambda hit: session.fit_places(panel.passage_places(hit)))
        panel.onlyArticle.connect(session.set_doc)

    def _on_change(self, change: Change) -> None:
        if change.selection or change.filter:
            self.refresh()
        elif change.data:
            panel = self.panel
            if panel.hits and panel.model.reader is self.session.reader:
                panel.model.more_may_exist()
            else:
                self.refresh()

    def set_feed(self, feed: PassageFeed | None) -> None:
        if self.feed is not None:
            self.feed.stop()
        self.feed = feed
        if feed is not None:
            feed.ready.connect(self._on_passages)

    def refresh(self) -> None:
        s = self.session
        q = PassageQuery(s.filter, s.selected_place, self.panel.model.page_size)
        if self.feed is not None and s.reader is not None:
            self.feed.request(q.filter, q.place_id, q.page_size)
            return
        self._show(None, q)  # no index open

    def _on_passages(self, data: PassageAnswer) -> None:
        q = data.query
        s = self.session
        if s.reader is None or q.filter != s.filter or q.place_id != s.selected_place:
            return  # an answer to an older question
        if q.place_id is not None and data.summary is None:
            s.select(None)  # not a place of the index: nothing is selected
            return
        if q.place_id is not None and q.place_id == s.unchecked:
            s.unchecked = None  # a filter change kept it: it stays if the filter shows it
            if not data.passages:
                s.select(None)
                return
        self._show(data, q)

    def _show(self, data: PassageAnswer | None, q: PassageQuery) -> None:
        reader = self.session.reader
        f = q.filter
        summary = data.summary if data is not None else None
        self.summary = summary
        for tell in self.mentioned_with:
            if data is not None and summary is not None:
                tell(summary.place, data.mentioned_with)
            else:
                tell(None, [])
        if data is not None and summary is not None:
            p = summary.place
            self.panel.show_query(
                reader, f, p.id, heading=p.name, heading_ar=p.name_ar,
                summary=place_counts(summary.count, data.passages, summary.articles),
                explain=lambda hits: explanation_html(
                    [m for h in hits for m in h.mentions if m.place.id == p.id],
                    explanation_text()),
                first=data.hits,
            )
        elif data is not None and f != Filter():
            known = {c.code: c for c in data.countries}
            what = []
            if f.countries:
                what.append(", ".join(both(known[c].name, known[c].name_ar) if c in known
                                      else c for c in sorted(f.countries)))
            if f.text:
                what.append(f"“{f.text}”")
            what += [c.label for c in chips(f, self._region_name)
                     if not c.key.startswith("country:") and c.key != "text"]
            heading = QCoreApplication.translate("MainWindow", "Passages for {what}").format(
                what=QCoreApplication.translate("MainWindow", " and ").join(what))
            self.panel.show_query(reader, f, None, heading=heading,
                                  summary=counts().passages(data.passages), first=data.hits)
        elif not self._blocked():
            self.panel.show_query(
                None, f, None,
                heading=QCoreApplication.translate("MainWindow", "Click a place on the map"),
                empty=QCoreApplication.translate(
                    "MainWindow",
                    "Its passages appear here, grouped by article. Choose countries "
                    "on the left or search the passages to narrow the map and the "
                    "passages."),
            )
