"""The status bar's line: what the index holds, what the filter shows, whether it is indexing.

Its words keep the ``MainWindow`` translation context (they were the window's).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from explorer.qt.chips import chips
from explorer.qt.counts import counts
from explorer.query import Filter
from gazetteer.model import MentionType


def status_text(
    stats: dict[str, int],
    f: Filter,
    shown: int | None,
    region_name: Callable[[str], str],
    *,
    indexing: bool,
) -> str:
    """``stats``: the index's counts; ``shown``: the places ``f`` shows (None: still counted)."""
    demonyms = stats.get("demonyms", 0)
    articles, places = stats.get("articles", 0), stats.get("places", 0)
    if f.once:  # each story once: its copies are not counted
        articles -= stats.get("copies", 0)
        demonyms -= stats.get("copy_demonyms", 0)
        stats = {**stats, "mentions": stats.get("mentions", 0) - stats.get("copy_mentions", 0)}
    mentions = stats.get("mentions", 0) - demonyms
    parts = [counts().articles(articles),
             counts().places(places),
             counts().place_name_mentions(mentions)]
    if demonyms:
        counted = MentionType.DEMONYM in f.types  # the Demonyms box
        said = (QCoreApplication.translate("MainWindow", "{demonyms} (counted on the map)")
                if counted else
                QCoreApplication.translate("MainWindow", "{demonyms} (not counted on the map)"))
        parts.append(said.format(demonyms=counts().demonym_mentions(demonyms)))
    if f != Filter():
        what = []
        if f.countries:
            what.append(QCoreApplication.translate("MainWindow", "countries {codes}").format(
                codes=", ".join(sorted(f.countries))))
        if f.text:
            what.append(f"“{f.text}”")
        what += [c.label for c in chips(f, region_name)
                 if not c.key.startswith("country:") and c.key != "text"]
        n = (counts().places(shown) if shown is not None
             else QCoreApplication.translate("MainWindow", "… places"))
        parts.append(QCoreApplication.translate("MainWindow", "showing {places} for {what}").format(
            places=n, what=QCoreApplication.translate("MainWindow", " and ").join(what)))
    if indexing:
        parts.append(QCoreApplication.translate("MainWindow", "indexing…"))
    return " · ".join(parts)
