"""The index's schema: its tables as SQL, and the migrations from one version to the next.

Tables: ``articles`` (identity and metadata), ``passages`` and ``passages_fts`` (FTS5 over the
passages' words folded as the geoparser folds, see ``explorer.query.fold_words``), ``mentions``
(offsets, type, place, confidence, reason, alternatives as JSON; by article and by place),
``places`` (every field of the places as resolved: reading needs no gazetteer),
``passage_places`` (one row per passage and place it names: the click → passages page is one
index range), ``place_stats`` (counts kept up to date as articles come and go),
``countries``, ``problems`` (files refused), ``meta``, and the analyst's own tables,
``corrections`` and ``settings``, which indexing never touches.

The schema version is ``PRAGMA user_version``; ``MIGRATIONS[v]`` takes a database from version
``v`` to ``v + 1``, after a backup copy of the file is made (``explorer.index.connection``
runs them).
"""

from __future__ import annotations

SCHEMA_VERSION = 7

_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    updated TEXT,
    encoding TEXT NOT NULL,
    sortkey TEXT NOT NULL,          -- reading order: date (undated last), then file
    gazetteer TEXT NOT NULL         -- fingerprint of the gazetteer its mentions come from
);
CREATE INDEX articles_by_date ON articles(sortkey);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX passages_by_article ON passages(article, start);
-- Words only (detail=none): queries ask for passages holding every word, not for phrases.
CREATE VIRTUAL TABLE passages_fts USING fts5(
    words, detail = none, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TABLE places (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, name_ar TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country TEXT, geonameid INTEGER,
    population INTEGER NOT NULL, capital INTEGER NOT NULL,
    extra TEXT NOT NULL,            -- the other fields of gazetteer.model.Place, as JSON
    refs INTEGER NOT NULL DEFAULT 0 -- articles referring to it; the place goes at 0
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    passage INTEGER,
    seq INTEGER NOT NULL,           -- order the geoparser returned it in
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    place_id TEXT NOT NULL,
    confidence REAL NOT NULL,
    reason TEXT NOT NULL,
    alternatives TEXT NOT NULL      -- JSON [[place id, score, [reasons]], ...]
);
CREATE INDEX mentions_by_article ON mentions(article, start, seq);
CREATE TABLE passage_places (
    place_id TEXT NOT NULL,
    country TEXT,
    sortkey TEXT NOT NULL,
    pstart INTEGER NOT NULL,
    passage INTEGER NOT NULL,
    article INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (place_id, sortkey, pstart, passage)
) WITHOUT ROWID;
CREATE INDEX passage_places_by_country ON passage_places(country, sortkey, pstart);
CREATE INDEX passage_places_by_order ON passage_places(sortkey, pstart);
-- Covering: a full-text filter's places and countries are read from this index alone.
CREATE INDEX passage_places_by_passage
    ON passage_places(passage, place_id, country, mentions, article);
CREATE TABLE place_stats (
    place_id TEXT PRIMARY KEY, country TEXT, count INTEGER NOT NULL, articles INTEGER NOT NULL
);
CREATE INDEX place_stats_by_country ON place_stats(country);
CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL, name_ar TEXT NOT NULL);
CREATE TABLE problems (              -- files refused: not read again while their stat holds
    path TEXT NOT NULL, message TEXT NOT NULL, line INTEGER,
    doc TEXT, size INTEGER, mtime_ns INTEGER
);
-- The analyst's data: never written by indexing, kept through migrations and rebuilds.
-- Corrections are keyed by what they correct (file, offsets, surface form), never by row ids,
-- so they survive re-indexing. scope: 'mention' (doc, start, end), 'article' (doc + surface),
-- 'corpus' (surface); action: 'reject' or 'resolve' (to place_id, or to the place in JSON).
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('mention', 'article', 'corpus')),
    doc TEXT,
    start INTEGER,
    "end" INTEGER,
    surface TEXT,
    action TEXT NOT NULL CHECK (action IN ('reject', 'resolve')),
    place_id TEXT,
    place TEXT,
    sha256 TEXT,                    -- the article's content when the correction was made
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX corrections_by_doc ON corrections(doc);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# Version 2: the row counts of the big tables, kept by the writer in the transactions that
# change them (``stats()`` was three COUNT(*) scans, 2.5 million mentions at 100,000 articles).
_TOTALS_V2 = """
CREATE TABLE totals (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO totals VALUES
    ('articles', (SELECT COUNT(*) FROM articles)),
    ('passages', (SELECT COUNT(*) FROM passages)),
    ('mentions', (SELECT COUNT(*) FROM mentions)),
    ('demonyms', (SELECT COUNT(*) FROM mentions WHERE type = 'demonym'));
"""

# Version 3: the geoparser's own mentions of the articles a correction changed (JSON, see
# ``explorer.corrections.mentions_to_json``), so that a correction undone brings them back.
_UNCORRECTED_V3 = """
CREATE TABLE uncorrected (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    mentions TEXT NOT NULL
);
"""

# Version 4: the reading-order index of ``passage_places`` also holds the mention counts, so
# a timeline (mentions per day) is read from the index alone (5x quicker on the whole corpus).
_TIMELINE_V4 = """
DROP INDEX passage_places_by_order;
CREATE INDEX passage_places_by_order ON passage_places(sortkey, pstart, mentions);
"""

# Version 5: what a document states of itself (explorer.formats): author, canonical URL,
# language, format; and the PDF page of each passage.
_DOCUMENT_META_V5 = """
ALTER TABLE articles ADD COLUMN author TEXT;
ALTER TABLE articles ADD COLUMN url TEXT;
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN format TEXT NOT NULL DEFAULT 'txt';
ALTER TABLE passages ADD COLUMN page INTEGER;
"""

# Version 6: wire copies (explorer.wire): each article's MinHash sketch and band keys, and its
# group of copies (``wire``: a group number, shared by the copies; NULL: none found). Filled
# as articles are stored (the fingerprint of the sources, explorer.wire among them, changed:
# every article is read again).
_WIRE_V6 = """
ALTER TABLE articles ADD COLUMN wire INTEGER;
CREATE INDEX articles_by_wire ON articles(wire) WHERE wire IS NOT NULL;
CREATE TABLE wire_sketches (
    article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
);
CREATE TABLE wire_bands (
    key INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE INDEX wire_bands_by_article ON wire_bands(article);
"""

# Version 7: the mentions of a place by passage, with what a filter asks of them (type,
# confidence, article): a place's passages and the places mentioned with it under a filter
# counting demonyms or asking a confidence are one index range, not a scan of every mention
# (280 ms to a few at 10,000 articles, issues 17 and 20).
_MENTIONS_BY_PLACE_V7 = """
CREATE INDEX mentions_by_place ON mentions(place_id, passage, type, confidence, article);
"""

#: ``MIGRATIONS[v]``: the SQL script taking the database from ``user_version`` v to v + 1
#: (run in one transaction, after a backup copy of the file was made). A new database runs
#: them all.
MIGRATIONS: dict[int, str] = {0: _SCHEMA_V1, 1: _TOTALS_V2, 2: _UNCORRECTED_V3,
                               3: _TIMELINE_V4, 4: _DOCUMENT_META_V5, 5: _WIRE_V6,
                               6: _MENTIONS_BY_PLACE_V7}
#: Tables holding the analyst's work: carried over by ``rebuild``.
USER_TABLES = ("corrections", "settings")
#: Tables every version of the index has: a database without them is not an index.
OWN_TABLES = ("meta", "articles", "passages", "mentions", "places", *USER_TABLES)

