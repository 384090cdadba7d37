"""The ``explorer`` command line.

    explorer [CORPUS_DIR] [--screenshot OUT.png]    open the window (default: the bundled seeds/)
    explorer mentions CORPUS_DIR [--explain]        every place mention as JSON Lines
    explorer map CORPUS_DIR --html OUT.html         the map page the window shows
    explorer eval GOLD.json CORPUS_DIR              precision, recall, resolution vs gold
    explorer index CORPUS_DIR [--jobs N]            build or update the corpus' index
    explorer export CORPUS_DIR --format F -o OUT    places, mentions or the map as a file
    explorer gazetteer names                        every surface form, one a line

Exit codes: 0 success, 1 failure (said in one line on stderr), 2 usage error. Output that
cannot be written (``> /dev/full``, a closed pipe as in ``| head``) ends the command with 1,
never a traceback; a closed pipe quietly, as other Unix tools do.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import json
import math
import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer import __version__
from explorer.corpus import DEFAULT_MAX_BYTES, MAX_MAX_BYTES, CorpusError
from gazetteer.model import Mention, Place

if TYPE_CHECKING:
    from explorer.areas import BBox, Near, Polygon
    from explorer.export import Scope
    from explorer.query import Filter, IndexReader
    from gazetteer.evaluate import Score

COMMANDS = ("mentions", "map", "eval", "gazetteer", "index", "export", "corrections")


def max_bytes_arg(text: str) -> int:
    """``--max-bytes``: a whole number of bytes from 1 to ``MAX_MAX_BYTES``."""
    try:
        value = int(text.replace("_", ""), 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of bytes: {text[:40]!r}") from None
    if not 1 <= value <= MAX_MAX_BYTES:
        raise argparse.ArgumentTypeError(
            f"must be from 1 to {MAX_MAX_BYTES:,} bytes (1 GiB), not {text[:40]}")
    return value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="extra gazetteer YAML (new places, names, corrections); repeatable",
    )
    p.add_argument(
        "--max-bytes",
        type=max_bytes_arg,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"skip article files larger than N bytes, 1 to {MAX_MAX_BYTES:,} "
             f"(default {DEFAULT_MAX_BYTES:,})",
    )
    p.add_argument(
        "--columns",
        type=_columns_arg,
        metavar="FIELD=COLUMN,...",
        help="the columns of tables of articles (.csv, .xlsx, .json, .jsonl), when their names "
             "are not found: text, title, date, url, outlet, author, language; e.g. "
             "text=body,title=headline",
    )


def _columns_arg(text: str) -> dict[str, str]:
    from explorer.formats.table import parse_columns

    try:
        return parse_columns(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_escaped(str(exc))) from None


def _window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="explorer",
        description="Map-and-document explorer. Subcommands: " + ", ".join(COMMANDS),
    )
    p.add_argument("corpus", nargs="?", type=Path, metavar="CORPUS_DIR",
                   help="folder of articles: .txt, web pages, PDFs, images, Word, e-mail, "
                        "feeds, tables, zips (default: the bundled seed articles)")
    p.add_argument("--screenshot", type=Path, metavar="OUT.png",
                   help="render the window offscreen, save a PNG once the map has drawn, exit")
    p.add_argument("--verbose", action="store_true",
                   help="show Qt's and Chromium's own log messages (GPU, sandbox, D-Bus)")
    p.add_argument("--lang", choices=["ar", "en"], metavar="ar|en",
                   help="language of the interface (default: the system locale's; Arabic is "
                        "laid out right to left)")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common(p)
    _index_option(p)
    return p


def _sub_parser(cmd: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=f"explorer {cmd}")
    if cmd == "mentions":
        p.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
        p.add_argument("--explain", action="store_true",
                       help="add confidence, reason and runner-up candidates")
        p.add_argument("--jobs", type=_jobs, default=_cores(), metavar="N",
                       help="worker processes (default: all cores); the output is the same")
        _common(p)
        _index_option(p)
    elif cmd == "map":
        p.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
        p.add_argument("--html", type=Path, required=True, metavar="OUT.html")
        _common(p)
        _index_option(p)
    elif cmd == "index":
        _index_parser(p)
    elif cmd == "export":
        _export_parser(p)
    elif cmd == "corrections":
        _corrections_parser(p)
    elif cmd == "eval":
        p.add_argument("gold", type=Path, metavar="GOLD.json")
        p.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
        p.add_argument("--json", action="store_true", help="print the scores as JSON")
        p.add_argument("--details", action="store_true",
                       help="list false positives, misses and wrong resolutions")
        p.add_argument("--baseline", action="store_true",
                       help="score a naive dictionary (every name, most populous wins) beside")
        p.add_argument("--half", choices=["even", "odd"],
                       help="score only the even- or odd-numbered gold documents (0, 2, 4… or "
                            "1, 3, 5… in sorted order): tune on one half, check on the other")
        _common(p)
    elif cmd == "gazetteer":
        p.add_argument("action", choices=["names"])
        p.add_argument("--gazetteer", action="append", default=[], type=Path, metavar="FILE")
    return p


def _err(msg: str) -> None:
    from explorer.pipeline import say

    say(msg)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The corpus index, or None after saying why not (nothing readable)."""
    from explorer.pipeline import open_corpus, report

    try:
        index = open_corpus(args.corpus, args.gazetteer, max_bytes=args.max_bytes,
                            corrections=_stored_corrections(args))
    except CorpusError as exc:
        _err(str(exc))
        return None
    return index if report(index.corpus, args.corpus) else None


def _index_refused(args: argparse.Namespace) -> bool:
    """The folder's index path is not a file an index can be (a FIFO, a device, a folder): said
    once, in one line; the command goes on without the index."""
    from explorer.index.location import default_index_path, refusal

    path = getattr(args, "index", None) or default_index_path(args.corpus)
    why = refusal(path)
    if why is not None and not getattr(args, "_index_refusal_said", False):
        args._index_refusal_said = True
        _err(f"{_escaped(str(path))}: index {why}; not used")
    return why is not None


def _stored_corrections(args: argparse.Namespace) -> list[Any]:
    """The analyst's corrections in the folder's index, if it has one (even a stale one)."""
    from explorer.index.db import IndexDB
    from explorer.index.errors import IndexUnavailable
    from explorer.index.location import default_index_path

    path = getattr(args, "index", None) or default_index_path(args.corpus)
    if _index_refused(args) or not path.exists():
        return []
    try:
        with IndexDB(path, readonly=True) as db:
            return db.corrections()
    except IndexUnavailable as exc:  # never left out unsaid
        _err(f"warning: {_escaped(str(exc))}: the analyst's corrections stored in it are not "
             "applied to this output")
        return []


def cmd_mentions(args: argparse.Namespace) -> int:
    # The index keeps what was found, not the names set aside: --explain lists those too.
    if not args.explain and (code := _mentions_from_index(args)) is not None:
        return code
    # One pass over the corpus leaves next to no cyclic garbage, while the collector would
    # scan the gazetteer's hundreds of thousands of objects again and again: it stays off.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _mentions(args)
    finally:
        if enabled:
            gc.enable()


def _mentions(args: argparse.Namespace) -> int:
    """Geoparse and print article by article: memory stays flat however big the corpus."""
    from explorer.pipeline import read, report

    try:
        corpus, geoparser = read(args.corpus, args.gazetteer, max_bytes=args.max_bytes)
    except CorpusError as exc:
        _err(str(exc))
        return 1
    if not report(corpus, args.corpus):
        return 1
    out = sys.stdout
    if args.jobs > 1 and len(corpus.articles) > _CHUNK:
        for chunk in _parallel(geoparser, corpus.articles, args.explain, args.jobs):
            out.write(chunk)
        return 0
    places: dict[int, tuple[Place, str]] = {}
    articles = corpus.articles[::-1]
    corpus.articles.clear()
    while articles:
        article = articles.pop()  # dropped once printed
        out.writelines(_article_lines(geoparser, article, args.explain, places))
    return 0


def _article_lines(
    geoparser: Any, article: Any, explain: bool, places: dict[int, tuple[Place, str]]
) -> Iterator[str]:
    """An article's mentions as JSON lines; with ``explain``, the names set aside too (``"type":
    "rejected"`` and the rule's reason: "a club", "a newspaper", ...), in text order. Without,
    made one at a time from the geoparser's stream (a long article read window by window)."""
    spans = [(p.start, p.end) for p in article.passages]
    doc = json_string(article.doc)
    geoparser = geoparser.for_language(article.language)  # its own language's rules
    if not explain:
        for m in geoparser.stream(article.text, spans):  # in text order
            yield _mention_line(doc, m, False, places)
        return
    found, rejected = geoparser.analyse(article.text, spans)
    rows = [(m.start, 0, _mention_line(doc, m, True, places)) for m in found]
    rows += [(r.start, 1, _rejected_line(doc, r)) for r in rejected]
    yield from (line for _, _, line in sorted(rows, key=lambda t: (t[0], t[1])))


def _rejected_line(doc: str, r: Any) -> str:
    return (f'{{"doc": {doc}, "start": {r.start}, "end": {r.end}, "text": {_string(r.text)}, '
            f'"type": "rejected", "rule": {_string(r.why.name.lower())}, '
            f'"reason": {_string(r.reason)}}}\n')


#: Articles per task of a worker process.
_CHUNK = 16
#: What the worker processes share with the parent, set before they are forked (copy on write:
#: the gazetteer is loaded once, never pickled or rebuilt).
_SHARED: tuple[Any, list[Any], bool] | None = None


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return n


def _parse_chunk(start: int) -> str:
    """The JSON lines of articles ``start`` … ``start + _CHUNK`` (in a worker process)."""
    assert _SHARED is not None
    geoparser, articles, explain = _SHARED
    places: dict[int, tuple[Place, str]] = {}
    lines = []
    for article in articles[start:start + _CHUNK]:
        lines.append("".join(_article_lines(geoparser, article, explain, places)))
    return "".join(lines)


def _parallel(geoparser: Any, articles: list[Any], explain: bool, jobs: int) -> Iterator[str]:
    """The output for ``articles`` in order, parsed by ``jobs`` forked workers that share the
    loaded geoparser (fork after loading; frozen so the collector leaves its pages alone)."""
    import multiprocessing

    global _SHARED
    _SHARED = (geoparser, articles, explain)
    gc.freeze()
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            yield from pool.imap(_parse_chunk, range(0, len(articles), _CHUNK))
    finally:
        _SHARED = None
        gc.unfreeze()


_string = json.encoder.encode_basestring  # a JSON string, as json.dumps(ensure_ascii=False)
#: A lone surrogate: in a file name, a byte that is not UTF-8 (``os.fsdecode``'s surrogateescape).
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_string(text: str) -> str:
    """A JSON string that is valid UTF-8 whatever ``text`` holds: a file name's undecodable
    byte ``\\xff`` (``"\\udcff"`` in Python) is written as the escape ``\\udcff``, which
    ``json.loads`` reads back and ``os.fsencode`` turns into the same byte."""
    return _escaped(_string(text))


def _escaped(text: str) -> str:
    """``text`` for a text stream: undecodable file-name bytes as ``\\udcff`` escapes."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _number(x: float) -> str:
    return float.__repr__(x) if type(x) is float and math.isfinite(x) else json.dumps(x)


def _place_json(place: Place, cache: dict[int, tuple[Place, str]]) -> str:
    hit = cache.get(id(place))
    if hit is None or hit[0] is not place:
        hit = cache[id(place)] = (place, _escaped(json.dumps(place.as_json(), ensure_ascii=False)))
    return hit[1]


def _mention_line(
    doc: str, m: Mention, explain: bool, places: dict[int, tuple[Place, str]]
) -> str:
    """``json.dumps({"doc": DOC, **m.as_json(explain=explain)}, ensure_ascii=False)`` and a
    line end, built from pieces: each place is written once (``doc``: already a JSON string)."""
    parts = [
        '{"doc": ', doc, ', "start": ', int.__repr__(m.start), ', "end": ', int.__repr__(m.end),
        ', "text": ', _string(m.text), ', "type": ', _string(m.type),
        ', "place": ', _place_json(m.place, places),
    ]
    if explain:
        parts += [', "confidence": ', _number(round(m.confidence, 3)),
                  ', "reason": ', _string(m.reason), ', "alternatives": [']
        for i, c in enumerate(m.alternatives):
            parts += [', {"place": ' if i else '{"place": ', _place_json(c.place, places),
                      ', "score": ', _number(round(c.score, 3)),
                      ', "reasons": [', ", ".join(_string(r.text) for r in c.reasons), "]}"]
        parts.append("]")
    parts.append("}\n")
    return "".join(parts)


def writable_output(path: Path) -> str | None:
    """None if a file can be written at ``path`` (its folder is created if missing), else why
    not, in a few words. Tried for real (a temporary file), so it holds for root too."""
    from explorer.export import output_problem

    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        return f"{_escaped(str(blocker))} is not a folder"
    if why := output_problem(path):  # a FIFO, a device: never opened, never replaced
        return why
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}."):
            pass
    except OSError as exc:
        return exc.strerror or exc.__class__.__name__
    if path.is_dir():
        return "is a folder"
    return None


def _protected(args: argparse.Namespace, articles: bool = True) -> list[Path]:
    """What an output of the command must never replace: the folder's index (and the files
    SQLite keeps beside it), its articles, the gazetteer files given."""
    from explorer.export import corpus_files, index_files
    from explorer.index.location import default_index_path

    out = list(getattr(args, "gazetteer", []))
    with contextlib.suppress(OSError, RuntimeError):  # a folder that cannot be resolved
        out += index_files(getattr(args, "index", None) or default_index_path(args.corpus))
    if articles:
        out += corpus_files(args.corpus)
    return out


def _output_refused(out: Path, protected: list[Path]) -> bool:
    """Say so and return True when ``out`` cannot or may not be written."""
    from explorer.export import output_problem

    why = writable_output(out) or output_problem(out, protected)
    if why:
        _err(f"{_escaped(str(out))}: cannot write: {_escaped(why)}")
    return bool(why)


def _export_scope(args: argparse.Namespace, place: str | None = None) -> Scope:
    """What an export made from the command line says about itself."""
    from datetime import date

    from explorer.export import Scope

    name = args.corpus.resolve().name or str(args.corpus)
    return Scope(place=place, title=f"Places mentioned in {name}",
                 made=f"{name}, exported {date.today().isoformat()}")


def cmd_map(args: argparse.Namespace) -> int:
    from explorer.export import map_document
    from explorer.mapdoc import write_map_html
    from explorer.query import Filter

    if _output_refused(args.html, _protected(args)):
        return 1
    index: IndexReader | None = _fresh(args) or _open(args)
    if index is None:
        return 1
    try:
        places = index.places()
        write_map_html(places, args.html,
                       map_document(index, Filter(), places, _export_scope(args)))
    except OSError as exc:
        _err(f"{args.html}: cannot write: {exc.strerror or exc}")
        return 1
    print(_escaped(str(args.html)))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from gazetteer.evaluate import load_gold, score_corpus

    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError, KeyError) as exc:
        _err(f"{args.gold}: cannot read gold: {exc}")
        return 1
    if args.half:
        first = 0 if args.half == "even" else 1
        gold = {d: gold[d] for d in sorted(gold)[first::2]}
    index = _open(args)
    if index is None:
        return 1
    total, per_doc = score_corpus(index.mentions, gold)
    naive = _baseline(args, index, gold) if args.baseline else None
    if args.json:
        out = {"overall": total.as_dict(),
               "documents": {d: s.as_dict() for d, s in per_doc.items()}}
        if naive is not None:
            out["baseline"] = naive.as_dict()
        print(json.dumps(out, indent=2))
    else:
        header = (f"{'document':<34} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'@161km':>7} "
                  f"{'med km':>7} {'placeF1':>7} {'setF1':>6}")
        print(header)
        table = [*per_doc.items(), ("overall", total)]
        if naive is not None:
            table.append(("naive dictionary (baseline)", naive))
        for name, s in table:
            print(f"{name:<34} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                  f"{s.accuracy:6.3f} {s.accuracy_161:7.3f} {s.median_km:7.1f} "
                  f"{s.place_f1:7.3f} {s.set_f1:6.3f}")
        if naive is not None:
            print(f"explorer - baseline: span F1 {total.f1 - naive.f1:+.3f}, right-place F1 "
                  f"{total.place_f1 - naive.place_f1:+.3f}, place sets F1 "
                  f"{total.set_f1 - naive.set_f1:+.3f}")
    if args.details:
        for label, rows in (("false positive", total.false_positives), ("missed", total.missed),
                            ("wrong place", total.wrong)):
            for row in rows:
                print(f"{label}: {row}")
    return 0


def _baseline(args: argparse.Namespace, index: Any, gold: Any) -> Score:
    """The naive dictionary's overall score on the same articles and gold."""
    from gazetteer.evaluate import NaiveDictionary, score_corpus
    from gazetteer.store import Gazetteer

    naive = NaiveDictionary(Gazetteer.load(args.gazetteer))
    found = {a.doc: naive.parse(a.text, [(p.start, p.end) for p in a.passages])
             for a in index.corpus.articles}
    return score_corpus(found, gold)[0]


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from gazetteer import Gazetteer

    gaz = Gazetteer.load(args.gazetteer)
    for line in gaz.error_lines():
        print(f"explorer: {line}", file=sys.stderr)
    out = sys.stdout
    for name in gaz.names():
        out.write(_escaped(name) + "\n")
    return 0


# -- the persistent index (issue 9) ---------------------------------------------------------


def _index_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", type=Path, metavar="PATH",
                   help="the index database (default: one per folder in the user data folder)")


def _index_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="geoparse in N processes (default: every core)")
    p.add_argument("--dask", metavar="ADDRESS", type=_dask_address,
                   help="geoparse on a Dask cluster (scheduler address, e.g. tcp://host:8786)")
    p.add_argument("--rebuild", action="store_true",
                   help="start the index afresh, keeping the analyst's corrections and saved "
                        "filter (the old file is kept beside it as a backup)")
    _common(p)
    _index_option(p)


def _dask_address(text: str) -> str:
    """``--dask``: a scheduler's address (``explorer.cluster.scheduler_address``)."""
    from explorer.cluster import scheduler_address

    try:
        return scheduler_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_escaped(str(exc))) from None


def _fresh(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The folder's index when it is fresh (problems said as the folder would), else None."""
    from explorer.index.freshness import fresh_index, index_problems
    from explorer.pipeline import say

    if _index_refused(args):
        return None
    db = fresh_index(args.corpus, args.gazetteer, args.max_bytes, args.index)
    if db is not None:
        for problem in index_problems(db):
            say(str(problem))
    return db


def _mentions_from_index(args: argparse.Namespace) -> int | None:
    """``mentions`` from a fresh index (the same lines as geoparsing gives); None if none."""
    db = _fresh(args)
    if db is None:
        return None
    with db:
        if not db.stats()["articles"]:
            return None  # let the folder reading say why
        out = sys.stdout
        places: dict[int, tuple[Place, str]] = {}
        for doc, found in db.article_mentions():
            out.write("".join([_mention_line(json_string(doc), m, args.explain, places)
                               for m in found]))
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from explorer.index.build import Indexer
    from explorer.index.errors import IndexUnavailable

    runner = None
    cluster_errors: tuple[type[Exception], ...] = ()
    if args.dask is not None:
        from explorer.cluster import ClusterError, dask_runner

        cluster_errors = (ClusterError,)
        runner = dask_runner(args.dask, args.corpus, args.max_bytes, args.gazetteer)
    indexer = Indexer(args.corpus, args.index, args.jobs, gazetteer_files=args.gazetteer,
                      max_bytes=args.max_bytes, runner=runner)
    if not _rebuilt_if_asked_or_damaged(indexer.db_path, args.rebuild):
        return 1
    bar = _ProgressBar()
    try:
        summary = indexer.run(progress=bar.update)
    except CorpusError as exc:
        _err(str(exc))
        return 1
    except IndexUnavailable as exc:
        _err(str(exc))
        return 1
    except cluster_errors as exc:
        _err(_escaped(str(exc)))
        return 1
    except KeyboardInterrupt:
        bar.close()
        _err("interrupted: what was indexed is kept; run again to finish")
        return 130
    finally:
        bar.close()
    from explorer.article import Problem
    from explorer.corpus import merge_ocr_problems

    said = [Problem(p.path, p.message, p.line) for p in summary.problems]
    for problem in merge_ocr_problems(said, indexer.root):
        _err(str(problem))
    if not summary.cancelled:
        from explorer.index.rebuild import mark_checked

        mark_checked(indexer.db_path)
    print(f"{summary.line()} ({indexer.db_path})")
    return 0


def _rebuilt_if_asked_or_damaged(path: Path, asked: bool) -> bool:
    """Rebuild the index (``--rebuild``, or when SQLite finds damaged pages in it), keeping
    the analyst's tables and saying what could not be kept; False after saying why not."""
    from explorer.index.errors import IndexUnavailable
    from explorer.index.rebuild import checked_since, damage, rebuild_index

    if not asked:
        if not path.is_file() or checked_since(path) or (why := damage(path)) is None:
            return True
        _err(f"{_escaped(str(path))}: index is damaged ({_escaped(why)}); rebuilding it")
    try:
        done = rebuild_index(path)
    except (IndexUnavailable, OSError) as exc:
        _err(f"{_escaped(str(path))}: cannot rebuild the index: {_escaped(str(exc))}")
        return False
    for line in done.lines():
        _err(_escaped(line))
    _err(_escaped(done.summary()))
    return True


class _ProgressBar:
    """A tqdm bar (rate, ETA) on a terminal; nothing otherwise."""

    def __init__(self) -> None:
        self._bar: Any = None

    def update(self, done: int, total: int, batch: object) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="article", disable=not sys.stderr.isatty())
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


# -- exports (issue 10) ---------------------------------------------------------------------


def _export_parser(p: argparse.ArgumentParser) -> None:
    from explorer.export import FORMATS

    p.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
    p.add_argument("--format", required=True, choices=FORMATS,
                   help="geojson: places; csv: mentions with offsets; html: an offline map in "
                        "one file; png: the window's map")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    p.add_argument("--country", action="append", default=[], type=_country_code, metavar="CC",
                   help="only places in this country (ISO code); repeatable")
    p.add_argument("--text", default="", metavar="QUERY",
                   help='only passages QUERY finds, as the search box: every word (Arabic '
                        'ones with ال و ف ب ك ل attached too), "a phrase", word*, a OR b '
                        '(or أو), -word')
    p.add_argument("--doc", metavar="NAME", help="only this article (path in the folder)")
    p.add_argument("--place", metavar="ID",
                   help="only this place (its id, as in the GeoJSON or the CSV's place_id): "
                        "the window's 'export only the selection'")
    p.add_argument("--bbox", type=_bbox, metavar="W,S,E,N",
                   help="only places inside this box (degrees; W > E crosses the antimeridian)")
    p.add_argument("--polygon", type=_polygon, metavar="LAT,LON;LAT,LON;…",
                   help="only places inside this polygon (3 or more vertices; each edge goes "
                        "the short way round, across the antimeridian when that is shorter)")
    p.add_argument("--near", metavar="PLACE",
                   help="only places within --km of PLACE (a place id, a name of a place of "
                        "the corpus, or LAT,LON)")
    p.add_argument("--km", type=_km, metavar="N", help="the distance of --near, in km")
    _filter_options(p)
    _common(p)
    _index_option(p)


def _filter_options(p: argparse.ArgumentParser) -> None:
    """The window's other filters (``explorer.query.Filter``) as options."""
    from gazetteer.model import KINDS

    p.add_argument("--region", action="append", default=[], metavar="ID",
                   help="only places of this region's countries (a place id such as "
                        "region:central-asia); repeatable")
    p.add_argument("--kind", action="append", default=[], choices=KINDS,
                   help="only places of this kind; repeatable")
    p.add_argument("--outlet", action="append", default=[], metavar="NAME",
                   help="only articles of this outlet (site, publication); repeatable")
    p.add_argument("--doc-format", action="append", default=[], metavar="FORMAT",
                   help="only articles of this format (txt, html, pdf, docx, email, feed, "
                        "csv, ...); repeatable")
    p.add_argument("--language", action="append", default=[], metavar="CODE",
                   help="only articles in this language (ar, en, fr, ...: stated by the "
                        "document, else detected); repeatable")
    p.add_argument("--demonyms", choices=("also", "only"),
                   help="count demonym mentions too, or only them (default: place names only)")
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD",
                   help="only articles published on or after this date")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD",
                   help="only articles published on or before this date")
    p.add_argument("--min-confidence", type=_confidence, default=0.0, metavar="X",
                   help="only mentions resolved with at least this confidence (0 to 1)")
    p.add_argument("--once", action="store_true",
                   help="count each story once: of the wire copies of a story (the same text "
                        "reprinted by several outlets), only the first by file")


def _iso_date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text[:40]!r}") from None


def _bbox(text: str) -> BBox:
    from explorer.areas import BBox

    try:
        return BBox.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _polygon(text: str) -> Polygon:
    from explorer.areas import Polygon

    try:
        return Polygon.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _km(text: str) -> float:
    from explorer.areas import MAX_KM

    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 < value <= MAX_KM:
        raise argparse.ArgumentTypeError(f"not a distance from 0 to {MAX_KM:g} km: "
                                         f"{text[:40]!r}")
    return value


def _near(args: argparse.Namespace, index: IndexReader | None) -> Near | None:
    """The circle of ``--near PLACE --km N`` (PLACE: LAT,LON, a place id, or the name of a
    place of the corpus, the most mentioned of that name); None after saying why not."""
    from explorer.areas import Near

    spec = args.near.strip()
    point = re.fullmatch(r"\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*", spec)
    try:
        if point:
            return Near(float(point[1]), float(point[2]), args.km, spec)
        if index is None:
            return None
        place = index.place(spec)
        if place is None:
            folded = spec.casefold()
            place = next((s for s in index.places()
                          if folded in (s.place.name.casefold(), s.place.name_ar)), None)
        if place is None:
            _err(f"--near {_escaped(spec)}: no place of that id or name in "
                 f"{_escaped(str(args.corpus))}")
            return None
        p = place.place
        return Near(p.lat, p.lon, args.km, p.name_ar or p.name)
    except ValueError as exc:
        _err(f"--near {_escaped(spec)}: {exc}")
        return None


def _confidence(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"not a number from 0 to 1: {text[:40]!r}")
    return value


def _filter_of(args: argparse.Namespace) -> Filter:
    """The filter the export options describe."""
    from explorer.query import ALL_TYPES, MAX_QUERY_WORDS, TOPONYMS, Filter, tidy_query

    types = {None: TOPONYMS, "also": ALL_TYPES, "only": frozenset({"demonym"})}[args.demonyms]
    text, dropped = tidy_query(args.text)
    if dropped:
        _err(f"--text: only the first {MAX_QUERY_WORDS} different words are searched "
             f"({dropped} left out)")
    return Filter(countries=frozenset(args.country), text=text, doc=args.doc,
                  regions=frozenset(args.region), kinds=frozenset(args.kind), types=types,
                  date_from=args.date_from, date_to=args.date_to,
                  min_confidence=args.min_confidence, outlets=frozenset(args.outlet),
                  formats=frozenset(args.doc_format), once=args.once,
                  languages=frozenset(args.language),
                  area=getattr(args, "bbox", None) or getattr(args, "polygon", None))


def _country_code(text: str) -> str:
    """``--country``: an ISO 3166-1 alpha-2 code, any case."""
    code = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise argparse.ArgumentTypeError(f"not a two-letter country code: {text[:40]!r}")
    return code


def cmd_export(args: argparse.Namespace) -> int:
    from explorer.export import ExportError, write_export

    f = _filter_of(args)
    if (args.near is None) != (args.km is None):
        _err("--near and --km go together (--near PLACE --km N)")
        return 2
    if sum(a is not None for a in (args.near, args.bbox, args.polygon)) > 1:
        _err("--bbox, --polygon or --near: one area at a time")
        return 2
    protected = _protected(args)
    if _output_refused(args.output, protected):
        return 1
    if args.format == "png":
        if args.place is not None:
            _err("--place: not for a PNG (the map's image shows the filter's places)")
            return 2
        if args.near is not None:
            near = _near(args, _fresh(args) or _open(args))
            if near is None:
                return 1
            f = replace(f, area=near)
        return _export_png(args, f)
    index: IndexReader | None = _fresh(args) or _open(args)
    if index is None:
        return 1
    if args.near is not None:
        near = _near(args, index)
        if near is None:
            return 1
        f = replace(f, area=near)
    if f.doc is not None and index.article(f.doc) is None:
        _err(f"--doc {_escaped(f.doc)}: no such article in {_escaped(str(args.corpus))}")
        return 1
    try:
        write_export(index, f, args.format, args.output, protected,
                     _export_scope(args, args.place))
    except ExportError as exc:
        _err(str(exc))
        return 1
    except OSError as exc:
        _err(f"{args.output}: cannot write: {exc.strerror or exc}")
        return 1
    print(_escaped(str(args.output)))
    return 0


def _export_png(args: argparse.Namespace, f: Filter) -> int:
    """The window rendered offscreen with the filter applied, the map view saved as PNG."""
    from explorer.qt.app import run

    return run(args.corpus, args.gazetteer, screenshot=args.output, max_bytes=args.max_bytes,
               index_path=args.index, screenshot_filter=f)


#: Errors writing the output (a full disk, a file size limit, a failing device).
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EIO, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _corrections_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", type=Path, metavar="CORPUS_DIR")
    p.add_argument("--export", type=Path, metavar="OUT.yaml",
                   help="write them as a gazetteer file that --gazetteer reads")
    p.add_argument("--delete", type=int, action="append", default=[], metavar="ID",
                   help="take a correction back (its id as listed); repeatable")
    p.add_argument("--gazetteer", action="append", default=[], type=Path, metavar="FILE",
                   help="the extra gazetteer files the folder is indexed with")
    _index_option(p)


def cmd_corrections(args: argparse.Namespace) -> int:
    """List the analyst's corrections stored in the folder's index; delete or export them."""
    from explorer.atomic import atomic_write_text
    from explorer.corrections import gazetteer_yaml
    from explorer.index.build import writer_lock
    from explorer.index.db import IndexDB
    from explorer.index.errors import IndexUnavailable, OlderIndex
    from explorer.index.location import default_index_path, refusal
    from gazetteer.store import Gazetteer

    path = args.index or default_index_path(args.corpus)
    if why := refusal(path):
        _err(f"{_escaped(str(path))}: index {why}")
        return 1
    if not path.exists():
        _err(f"{args.corpus}: no index yet (run `explorer index {args.corpus}`)")
        return 1
    gaz = Gazetteer.load(args.gazetteer)
    try:
        if args.delete:
            with writer_lock(path), IndexDB(path) as db:
                known = {c.id for c in db.corrections()}
                for cid in args.delete:
                    if cid not in known:
                        _err(f"no correction {cid} in {path}")
                        return 1
                    db.delete_correction(cid, gaz.by_id.get)
        try:
            with IndexDB(path, readonly=True) as db:
                corrections = db.corrections()
                unreadable = db.unreadable_corrections()
        except OlderIndex:  # brought up to date (after a backup copy), then read
            with writer_lock(path), IndexDB(path):
                pass
            with IndexDB(path, readonly=True) as db:
                corrections = db.corrections()
                unreadable = db.unreadable_corrections()
        for problem in unreadable:
            _err(str(problem))
    except IndexUnavailable as exc:
        _err(str(exc))
        return 1
    if args.export is not None:
        if _output_refused(args.export, _protected(args, articles=False)):
            return 1
        atomic_write_text(args.export, gazetteer_yaml(corrections, gaz.by_id.get, gaz))
        return 0
    from explorer.pipeline import printable

    for c in corrections:  # file names and names escaped as the other outputs escape them
        print(f"{c.id}\t{printable(c.created)}\t{printable(c.describe())}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; output errors end it with 1 and one line (none for a closed pipe)."""
    try:
        code = _main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()
        return 1
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            raise
        _drop_stdout()
        _err(f"cannot write the output: {exc.strerror or exc}")
        return 1
    return code


def _cure(exc: Exception, args: argparse.Namespace) -> str:
    """What to do about an unusable index, for the one line saying so."""
    reason = getattr(exc, "reason", "")
    corpus = getattr(args, "corpus", None)
    if reason == "corrupt" and corpus is not None:
        return (f"; run `explorer index {_escaped(str(corpus))} --rebuild` (corrections and the "
                "saved filter are kept)")
    return ""


def _drop_stdout() -> None:
    """Point stdout at /dev/null: what is still buffered must not fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor (stdout replaced in-process)
        pass


def _give_columns(args: argparse.Namespace) -> None:
    if getattr(args, "columns", None):
        from explorer.formats.table import give_columns

        give_columns(args.columns)


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        cmd = argv[0]
        args = _sub_parser(cmd).parse_args(argv[1:])
        handler = {"mentions": cmd_mentions, "map": cmd_map, "eval": cmd_eval,
                   "gazetteer": cmd_gazetteer, "index": cmd_index, "export": cmd_export,
                   "corrections": cmd_corrections}[cmd]
        _give_columns(args)
        from explorer.index.errors import IndexUnavailable

        try:
            return handler(args)
        except CorpusError as exc:  # the folder itself (a link loop): one line, as the rest
            _err(str(exc))
            return 1
        except IndexUnavailable as exc:  # e.g. damaged pages met while reading a fresh index
            _err(_escaped(str(exc)) + _cure(exc, args))
            return 1
    args = _window_parser().parse_args(argv)
    _give_columns(args)
    if args.screenshot is not None and (why := writable_output(args.screenshot)):
        _err(f"{args.screenshot}: cannot write: {why}")
        return 1
    if args.corpus is None:
        from explorer.resources import seeds_dir

        args.corpus = seeds_dir()
    from explorer.qt.app import run

    return run(args.corpus, args.gazetteer, screenshot=args.screenshot, max_bytes=args.max_bytes,
               verbose=args.verbose, index_path=args.index, lang=args.lang)
