"""Index a corpus folder into its SQLite index, incrementally, on all cores.

Only new, changed or deleted files are read again: a file whose size and modification time
match the index is skipped unread; one whose stat changed is read and hashed, and re-geoparsed
only when its content (SHA-256) changed, or when the gazetteer and rules did (fingerprint).
Geoparsing runs in worker processes forked after the gazetteer is loaded once (or on a Dask
cluster, ``explorer.cluster``); the one writer, the calling thread, commits results in batches,
each batch one transaction, so an interrupted run (Ctrl-C, kill -9, power cut) leaves a
consistent index that the next run completes.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import stat
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.article import Problem
from explorer.corpus import DEFAULT_MAX_BYTES, list_files, split_doc
from explorer.corrections import relevant
from explorer.index.db import IndexDB
from explorer.index.errors import IndexLocked, IndexReadOnly, NotAFile
from explorer.index.location import default_index_path
from explorer.index.parse import (
    Parsed,
    Result,
    Runner,
    Same,
    Several,
    Task,
    gazetteer_fingerprint,
    parse_task,
)
from explorer.index.rows import StoredArticle, StoredProblem
from explorer.index.writer import SEARCH_SEGMENTS
from explorer.language import detect as detect_language
from gazetteer import load_geoparser
from gazetteer.model import Place

if TYPE_CHECKING:  # the geoparser is imported when it is first loaded
    from gazetteer import Geoparser

BATCH_SIZE = 256  # articles per transaction at most
BATCH_SECONDS = 1.0  # and a transaction at least this often, for progress


# -- local runner: forked worker processes ---------------------------------------------------

_WORKER: tuple[Path, int, Geoparser, str] | None = None


def _work(task: Task) -> Result:
    assert _WORKER is not None
    return parse_task(task, *_WORKER)


#: The writer's lock files open in this process: a forked worker closes its copies, so the lock
#: is held by the writer alone and a writer killed with ``kill -9`` frees it at once, even while
#: its orphaned workers are still dying.
_LOCK_FDS: set[int] = set()


def _quiet_worker() -> None:
    """Ctrl-C is for the writer, which stops the pool: no traceback from every worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for fd in list(_LOCK_FDS):
        os.close(fd)
    _LOCK_FDS.clear()


def local_runner(
    root: Path, max_bytes: int, geoparser: Geoparser, fingerprint: str, jobs: int
) -> Runner:
    """Geoparse in this process (``jobs`` 1) or in ``jobs`` processes forked after the
    gazetteer was loaded, so they share it instead of loading it again."""

    def run(tasks: Sequence[Task]) -> Iterator[Result]:
        global _WORKER
        if jobs <= 1 or len(tasks) < 2:
            for t in tasks:
                yield parse_task(t, root, max_bytes, geoparser, fingerprint)
            return
        _WORKER = (root, max_bytes, geoparser, fingerprint)
        gc.freeze()  # the gazetteer's objects stay shared with the workers (no copy on write)
        ctx = multiprocessing.get_context("fork")
        pool = ctx.Pool(jobs, initializer=_quiet_worker)
        try:
            chunk = max(1, min(16, len(tasks) // (jobs * 8)))
            yield from pool.imap_unordered(_work, tasks, chunksize=chunk)
            pool.close()
        finally:
            pool.terminate()
            pool.join()
            gc.unfreeze()
            _WORKER = None

    return run


# -- the writer ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Batch:
    """What one committed transaction held."""

    docs: tuple[str, ...]
    mentions: int


@dataclass(slots=True)
class Summary:
    new: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0
    refused: int = 0
    mentions: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    problems: list[StoredProblem] = field(default_factory=list)

    def line(self) -> str:
        state = "cancelled" if self.cancelled else "indexed"
        return (f"{state}: {self.new} new, {self.changed} changed, {self.deleted} deleted, "
                f"{self.unchanged} unchanged, {self.refused} refused; {self.mentions} mentions "
                f"written in {self.seconds:.1f} s")


Progress = Callable[[int, int, Batch], None]


class Indexer:
    """Brings the index of ``corpus_dir`` up to date; ``run`` from any one thread."""

    def __init__(
        self,
        corpus_dir: Path,
        db_path: Path | None = None,
        jobs: int = 1,
        *,
        gazetteer_files: Sequence[Path] = (),
        max_bytes: int = DEFAULT_MAX_BYTES,
        geoparser: Geoparser | None = None,
        runner: Callable[[Geoparser], Runner] | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.root = Path(corpus_dir)
        self.db_path = Path(db_path) if db_path else default_index_path(self.root)
        self.jobs = max(1, jobs)
        self.gazetteer_files = list(gazetteer_files)
        self.max_bytes = max_bytes
        self._geoparser = geoparser
        self._runner = runner
        self.batch_size = batch_size

    def run(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Summary:
        """Index what changed; ``progress(done, total, batch)`` after each committed batch.
        Raises ``CorpusError`` (folder unreadable) or ``IndexUnavailable``."""
        t0 = time.perf_counter()
        files, walk_problems = list_files(self.root)
        with IndexDB(self.db_path) as db, _writer_lock(db.path):
            summary = self._run(db, files, walk_problems, progress, cancelled)
        summary.seconds = time.perf_counter() - t0
        return summary

    def _run(
        self,
        db: IndexDB,
        files: list[tuple[str, Path]],
        walk_problems: Sequence[Problem],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> Summary:
        fp = gazetteer_fingerprint(self.gazetteer_files)
        settings = f"{fp}:{self.max_bytes}"
        stored = db.stored()
        same_settings = db.get_meta("settings") == settings
        old_problems: dict[str, list[StoredProblem]] = {}
        for p in db.problems() if same_settings else ():
            if p.doc:
                old_problems.setdefault(p.doc, []).append(p)
        summary = Summary()
        corrections = db.corrections()
        unreadable = db.unreadable_corrections()  # kept in the table, said every run
        tasks: list[Task] = []
        kept: list[StoredProblem] = []
        parts: dict[str, list[StoredArticle]] = {}
        for d, stored_article in stored.items():
            file_doc, part = split_doc(d)
            if part is not None:
                parts.setdefault(file_doc, []).append(stored_article)
        for doc, path in files:
            try:
                st = os.stat(path)
                size, mtime = st.st_size, st.st_mtime_ns
            except OSError:
                size = mtime = -1
            kids = parts.get(doc)
            if kids:  # a file of several articles, indexed: each part has the file's stat
                if all(k.gazetteer == fp and (k.size, k.mtime_ns) == (size, mtime)
                       for k in kids):
                    summary.unchanged += len(kids)
                    kept += old_problems.get(doc, ())
                    for k in kids:
                        kept += old_problems.get(k.doc, ())
                    continue
                tasks.append(Task(doc, str(path), None, tuple(
                    c for c in corrections if c.scope == "corpus"
                    or (c.doc is not None and split_doc(c.doc)[0] == doc)),
                    tuple((k.doc, k.sha256) for k in kids if k.gazetteer == fp)))
                continue
            s = stored.get(doc)
            current = s is not None and s.gazetteer == fp
            if current and s is not None and (s.size, s.mtime_ns) == (size, mtime):
                summary.unchanged += 1
                kept += old_problems.get(doc, ())
                continue
            if s is None and any((p.size, p.mtime_ns) == (size, mtime)
                                 for p in old_problems.get(doc, ())):
                kept += old_problems[doc]  # refused before, unchanged since
                summary.refused += 1
                continue
            tasks.append(Task(doc, str(path), s.sha256 if current and s is not None else None,
                              tuple(relevant(corrections, doc))))
        present = {doc for doc, _ in files}
        gone = [doc for doc in stored if split_doc(doc)[0] not in present]
        geoparser = self._geoparser
        if tasks and geoparser is None:
            geoparser = self._geoparser = load_geoparser(self.gazetteer_files)
        if tasks:  # wire copies' library (a second to import): once, before workers fork
            from explorer.wire import bands

            bands()
        with db.transaction():
            for doc in gone:
                db.delete(doc)
            summary.deleted = len(gone)
            db.set_meta("corpus_root", str(self.root.resolve()))
            if geoparser is not None and db.get_meta("gazetteer") != fp:
                db.set_countries(geoparser.gaz.countries.values())
                db.set_meta("gazetteer", fp)
        refused: list[StoredProblem] = []
        if tasks and geoparser is not None:
            runner = (self._runner(geoparser) if self._runner else
                      local_runner(self.root, self.max_bytes, geoparser, fp, self.jobs))
            added = {c.new_place.id: c.new_place.place() for c in corrections if c.new_place}
            places: Mapping[str, Place] = (
                geoparser.gaz.by_id if not added else _Overlay(added, geoparser.gaz.by_id))
            self._write(db, tasks, runner, places, stored, old_problems, fp,
                        summary, refused, progress, cancelled)
        problems = [StoredProblem(str(p.path), p.message, p.line) for p in walk_problems]
        if geoparser is not None:
            problems += [StoredProblem(e.path, e.message, e.line) for e in geoparser.gaz.errors]
        elif same_settings:  # the gazetteer was not loaded: its files' problems stand
            mine = {str(f) for f in self.gazetteer_files}
            problems += [p for p in db.problems() if p.doc is None and p.path in mine]
        summary.problems = sorted([*problems, *unreadable, *kept, *refused],
                                  key=lambda p: p.path)
        if not summary.cancelled:
            with db.transaction():
                db.set_problems(summary.problems)
                db.set_meta("settings", settings)
                db.fill_languages(detect_language)  # an older index's articles
                written = summary.new + summary.changed + summary.deleted
                # 5% of the corpus or more written, or an index made by an older explorer.
                if (written and written * 20 >= len(files)) or \
                        db.search_segments() > SEARCH_SEGMENTS:
                    db.optimize_search()
        return summary

    def _write(
        self,
        db: IndexDB,
        tasks: Sequence[Task],
        runner: Runner,
        places: Mapping[str, Place],
        stored: dict[str, StoredArticle],
        old_problems: dict[str, list[StoredProblem]],
        fp: str,
        summary: Summary,
        refused: list[StoredProblem],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        done = 0
        pending: list[Result] = []

        def commit() -> None:
            nonlocal done
            docs: list[str] = []
            n = 0
            with db.transaction():
                for r in pending:
                    if isinstance(r, Parsed):
                        try:
                            with db.savepoint():
                                db.put_rows(r.rows, places.__getitem__, replace=r.doc in stored)
                        except UNSTORABLE as exc:  # this article only; the rest goes on
                            a = r.rows.article
                            refused.append(StoredProblem(
                                str(self.root / r.doc), f"could not be indexed: {_said(exc)}",
                                None, r.doc, a[1], a[2]))
                            summary.refused += 1
                            docs.append(r.doc)
                            continue
                        n += len(r.rows.mentions)
                        if r.uncorrected:
                            db.set_uncorrected(r.doc, r.uncorrected)
                        a = r.rows.article
                        for said in (r.problem, *r.stale):
                            if said:
                                refused.append(StoredProblem(str(self.root / r.doc), said, None,
                                                             r.doc, a[1], a[2]))
                        if r.doc in stored:
                            summary.changed += 1
                        else:
                            summary.new += 1
                    elif isinstance(r, Several):  # never pending: its results are
                        continue
                    elif isinstance(r, Same):
                        db.touch(stored[r.doc].id, r.size, r.mtime_ns)
                        summary.unchanged += 1
                        refused.extend(replace(p, size=r.size, mtime_ns=r.mtime_ns)
                                       for p in old_problems.get(r.doc, ()))
                    else:
                        db.delete(r.doc)
                        refused.append(StoredProblem(r.path, r.message, None, r.doc, r.size,
                                                     r.mtime_ns))
                        summary.refused += 1
                    docs.append(r.doc)
            summary.mentions += n
            done += len(pending)
            pending.clear()
            if progress:
                progress(done, len(tasks), Batch(tuple(docs), n))

        results = runner(tasks)
        last = time.perf_counter()
        try:
            for result in results:
                if isinstance(result, Several):
                    self._forget_lost_parts(db, result, stored, summary)
                    refused.extend(StoredProblem(p.path, p.message, p.line, result.doc)
                                   for p in result.problems)
                    pending.extend(result.results)
                    done -= len(result.results) - 1  # progress counts files
                else:
                    pending.append(result)
                if (len(pending) >= self.batch_size
                        or time.perf_counter() - last >= BATCH_SECONDS):
                    commit()
                    last = time.perf_counter()
                if cancelled and cancelled():
                    summary.cancelled = True
                    break
            if pending:
                commit()
        finally:
            close = getattr(results, "close", None)
            if close:
                close()


    @staticmethod
    def _forget_lost_parts(db: IndexDB, result: Several, stored: dict[str, StoredArticle],
                           summary: Summary) -> None:
        """Parts indexed before that the file no longer has (a message deleted from an mbox),
        and the whole file's entry when it was indexed as one article before."""
        now = {r.doc for r in result.results}
        lost = [d for d in stored if d not in now
                and (d == result.doc or split_doc(d)[0] == result.doc)]
        if lost:
            with db.transaction():
                for d in lost:
                    db.delete(d)
                    stored.pop(d, None)
            summary.deleted += len(lost)


#: What storing one article may raise from what is in it (not from the index: SQLite's own
#: failures stop the run): it is refused with a problem naming it, the rest is indexed.
UNSTORABLE = (UnicodeError, ValueError, TypeError, KeyError, OverflowError, RecursionError)


def _said(exc: BaseException) -> str:
    """An exception in one line: its kind and message."""
    text = " ".join(str(exc).split()) or "no detail"
    return f"{type(exc).__name__}: {text[:300]}"


class _Overlay(Mapping[str, Place]):
    """The gazetteer's places and the analyst's new ones."""

    def __init__(self, added: dict[str, Place], base: Mapping[str, Place]) -> None:
        self._added, self._base = added, base

    def __getitem__(self, pid: str) -> Place:
        return self._added[pid] if pid in self._added else self._base[pid]

    def __iter__(self) -> Iterator[str]:
        yield from self._added
        yield from self._base

    def __len__(self) -> int:
        return len(self._added) + len(self._base)


@contextlib.contextmanager
def _writer_lock(db_path: Path) -> Iterator[None]:
    """One indexer per index: a second one is told at once instead of waiting. The lock is
    the file's, whatever path (a link, ``..``) it is reached by: ``FILE.lock`` beside the
    file the path resolves to."""
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's own locking (busy timeout) still serialises
        yield
        return
    lock_path = Path(f"{os.path.realpath(db_path)}.lock")
    flags = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
             | getattr(os, "O_CLOEXEC", 0))
    try:
        fd = os.open(lock_path, flags, 0o644)
    except OSError as exc:
        raise IndexReadOnly(db_path,
                            f"cannot be locked for writing: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(db_path, "cannot be locked for writing: "
                           f"{lock_path} is not a regular file")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise IndexLocked(db_path,
                              "is being updated by another explorer; try again later") from None
        _LOCK_FDS.add(fd)
        yield
    finally:
        _LOCK_FDS.discard(fd)
        os.close(fd)


#: For the window and the CLI when they store a correction: one writer per index at a time.
writer_lock = _writer_lock
