"""``IndexDB``: one open index database, composed of its parts.

``connection`` opens it (checks, migrations from ``schema``, transactions), ``writer`` stores
articles, ``corrections_store`` keeps the analyst's corrections, ``reader`` answers the
``IndexReader`` queries. Failures are ``errors.IndexUnavailable``, typed by SQLite's result
code; any other SQLite error is a bug and propagates as it is.
"""

from __future__ import annotations

from explorer.index.corrections_store import CorrectionsStore
from explorer.index.reader import IndexQueries


class IndexDB(CorrectionsStore, IndexQueries):
    """An open index database: the writer's methods, the corrections and the
    ``IndexReader`` queries."""
