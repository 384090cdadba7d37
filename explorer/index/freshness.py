"""Use the persistent index instead of geoparsing again, when it is fresh.

An index is fresh for a folder when it was built with the same gazetteer and rules
(fingerprint) and size limit, and every file of the folder is in it (or among the files it
refused) with the size and modification time it has now, and nothing else is. Checking reads
no article text: one ``stat`` per file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from explorer.article import Problem
from explorer.corpus import list_files, merge_ocr_problems, split_doc
from explorer.index.db import IndexDB
from explorer.index.errors import IndexUnavailable
from explorer.index.location import default_index_path
from explorer.index.parse import gazetteer_fingerprint


def fresh_index(
    corpus_dir: Path,
    gazetteer_files: Sequence[Path] = (),
    max_bytes: int | None = None,
    index_path: Path | None = None,
) -> IndexDB | None:
    """The folder's index opened read-only when it is fresh, else None (also when there is
    no index or it cannot be read: the caller then reads the folder itself)."""
    from explorer.corpus import DEFAULT_MAX_BYTES

    path = Path(index_path) if index_path else default_index_path(corpus_dir)
    if not path.exists():
        return None
    try:
        db = IndexDB(path, readonly=True)
    except IndexUnavailable:
        return None
    try:
        limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
        if _is_fresh(db, Path(corpus_dir), gazetteer_files, limit):
            return db
    except (IndexUnavailable, OSError):
        pass
    db.close()
    return None


def _is_fresh(db: IndexDB, root: Path, gazetteer_files: Sequence[Path], max_bytes: int) -> bool:
    if db.get_meta("settings") != f"{gazetteer_fingerprint(gazetteer_files)}:{max_bytes}":
        return False
    if db.get_meta("corpus_root") != str(root.resolve()):
        return False
    stored: dict[str, tuple[int, int]] = {}  # per file: a file of several articles once
    for doc, a in db.stored().items():
        stored.setdefault(split_doc(doc)[0], (a.size, a.mtime_ns))
    refused = {p.doc: (p.size, p.mtime_ns) for p in db.problems()
               if p.doc and split_doc(p.doc)[0] not in stored}
    files, _ = list_files(root)
    if len(files) != len(stored) + len(refused):
        return False
    for doc, path in files:
        st = path.stat()
        now = (st.st_size, st.st_mtime_ns)
        s = stored.get(doc)
        if s is not None:
            if s != now:
                return False
        elif refused.get(doc) != now:
            return False
    return True


def index_problems(db: IndexDB) -> list[Problem]:
    """The index's problems; the files that need OCR while Tesseract is missing in one line."""
    problems = [Problem(p.path, p.message, p.line) for p in db.problems()]
    root = db.get_meta("corpus_root")
    return merge_ocr_problems(problems, Path(root)) if root else problems
