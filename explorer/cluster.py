"""Geoparsing on a Dask distributed cluster: ``explorer index DIR --dask ADDRESS``.

Files are sent to the workers in chunks (paths: every worker must see the corpus folder at the
same path, e.g. a network share); each worker process loads the gazetteer once (a cached
loader) and returns compact results; the results stream back as chunks complete to the one
index writer, the ``Indexer`` in the calling process. At most a few chunks per worker are in
flight, so memory stays flat however big the corpus.

What can go wrong ends in one ``ClusterError`` saying what, in bounded time, and the index keeps
every batch committed before (a rerun finishes the rest): an address that is not a scheduler's
(``scheduler_address`` checks it before anything runs), no scheduler answering
(``CONNECT_TIMEOUT_S``), the scheduler lost mid-run (its futures cancelled), a cluster with no
worker left for ``NO_WORKER_S``, a chunk that killed the workers that ran it.

Needs the optional extra ``explorer[cluster]`` (dask, distributed).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import ipaddress
import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from explorer.index.parse import Result, Runner, Task, gazetteer_fingerprint, parse_task
from gazetteer import Geoparser, load_geoparser

CHUNK = 32
IN_FLIGHT_PER_WORKER = 3
#: How long to try to reach the scheduler before saying none answers.
CONNECT_TIMEOUT_S = 10.0
#: How long a cluster may have no worker at all while chunks wait, before giving up.
NO_WORKER_S = 30.0
#: How often the run looks at the cluster while no chunk completes.
POLL_S = 1.0
#: The schemes a scheduler is reached by from another process (``inproc`` is in-process only).
SCHEMES = ("tcp", "tls")
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")


class ClusterError(Exception):
    """The cluster cannot be used or was lost: ``str(exc)`` says why in one line."""


def scheduler_address(text: str) -> str:
    """``text`` as a scheduler address, ``tcp://HOST:PORT`` (or ``tls://``; ``HOST:PORT``
    means tcp); ``ValueError`` saying what is wrong with it."""
    shown = text if len(text) <= 60 else text[:60] + "…"
    if not text.strip():
        raise ValueError("empty: give the scheduler's address, e.g. tcp://host:8786")
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "tcp", text
    if scheme not in SCHEMES:
        raise ValueError(f"{shown!r}: the scheme must be {' or '.join(SCHEMES)}, "
                         f"e.g. tcp://host:8786")
    host, colon, port = rest.rpartition(":")
    if not colon or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{shown!r}: needs a host and a port from 1 to 65535, "
                         f"e.g. tcp://host:8786")
    if host.startswith("[") and host.endswith("]"):
        try:
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            raise ValueError(f"{shown!r}: {host[:60]} is not an IPv6 address") from None
    elif len(host) > 253 or not _HOST.fullmatch(host) or any(
            len(label) > 63 or not label for label in host.split(".")):
        raise ValueError(f"{shown!r}: the host is not a host name or an IP address")
    return f"{scheme}://{host}:{int(port)}"


@functools.lru_cache(maxsize=2)
def _worker_geoparser(gazetteer_files: tuple[str, ...]) -> Geoparser:
    """Loaded once per worker process (and per set of gazetteer files)."""
    return load_geoparser([Path(f) for f in gazetteer_files])


def parse_chunk(
    root: str, max_bytes: int, gazetteer_files: tuple[str, ...], fingerprint: str,
    tasks: Sequence[Task],
) -> list[Result]:
    """Run on a worker: read and geoparse a chunk of files."""
    geoparser = _worker_geoparser(gazetteer_files)
    return [parse_task(t, Path(root), max_bytes, geoparser, fingerprint) for t in tasks]


def dask_runner(
    address: Any,
    corpus_dir: Path,
    max_bytes: int,
    gazetteer_files: Sequence[Path] = (),
    chunk: int = CHUNK,
) -> Callable[[Geoparser], Runner]:
    """A runner for ``Indexer(runner=...)`` geoparsing on the cluster at ``address`` (a
    scheduler address such as ``tcp://host:8786``, or a ``distributed`` cluster object).
    Its results raise ``ClusterError`` when the cluster cannot be used or is lost."""
    if isinstance(address, str):
        try:
            address = scheduler_address(address)
        except ValueError as exc:
            raise ClusterError(f"--dask {exc}") from None
    root = str(Path(corpus_dir).resolve())
    files = tuple(str(Path(f).resolve()) for f in gazetteer_files)
    fingerprint = gazetteer_fingerprint(gazetteer_files)

    def make(_: Geoparser) -> Runner:
        def run(tasks: Sequence[Task]) -> Iterator[Result]:
            chunks = [list(tasks[k:k + chunk]) for k in range(0, len(tasks), chunk)]
            with _quiet_logs():
                client = _connect(address)
                try:
                    yield from _results(client, chunks, lambda part: client.submit(
                        parse_chunk, root, max_bytes, files, fingerprint, part, pure=False),
                        _named(address))
                finally:
                    with contextlib.suppress(Exception):
                        client.close(timeout=5)

        return run

    return make


@contextlib.contextmanager
def _quiet_logs() -> Iterator[None]:
    """``distributed`` logs a lost scheduler or worker with tracebacks; the run says it in
    one line (``ClusterError``), so only its critical messages are let through meanwhile."""
    import distributed  # noqa: F401  (its import sets its loggers' levels: set them after)

    names = ["distributed", *(n for n in logging.root.manager.loggerDict
                              if n.startswith("distributed."))]
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def _named(address: Any) -> str:
    return address if isinstance(address, str) else getattr(address, "scheduler_address",
                                                           repr(address))


def _connect(address: Any) -> Any:
    from distributed import Client

    try:
        return Client(address, timeout=CONNECT_TIMEOUT_S)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"no Dask scheduler answers at {_named(address)} (tried for "
                           f"{CONNECT_TIMEOUT_S:g} s: {_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _lost(address: str, what: str) -> ClusterError:
    return ClusterError(f"the Dask cluster at {address} {what}; what was indexed before is "
                        "kept: run again to finish")


def _results(client: Any, chunks: list[list[Task]], submit: Callable[[list[Task]], Any],
             address: str) -> Iterator[Result]:
    """The results of ``chunks`` as they complete, a few chunks per worker in flight."""
    from distributed import wait

    try:
        workers = len(client.nthreads())
    except (OSError, TimeoutError) as exc:
        raise _lost(address, f"cannot be asked for its workers ({_first_line(exc)})") from None
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    todo = iter(chunks)
    running = {submit(part) for part in islice(todo, limit)}
    idle_since: float | None = None
    while running:
        try:
            done, _ = wait(list(running), timeout=POLL_S,  # type: ignore[no-untyped-call]
                           return_when="FIRST_COMPLETED")
        except TimeoutError:
            done = set()
        except concurrent.futures.CancelledError:
            raise _lost(address, "was lost: its scheduler went away (the work was cancelled)"
                        ) from None
        except OSError as exc:
            raise _lost(address, f"was lost ({_first_line(exc)})") from None
        if not done:
            idle_since = _watch(client, address, idle_since)
            continue
        idle_since = None
        for future in done:
            running.discard(future)
            results = _result(client, future, address)
            future.release()
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt))
            yield from results


def _watch(client: Any, address: str, idle_since: float | None) -> float | None:
    """While nothing completes: the scheduler must answer and have workers (not for
    ``NO_WORKER_S`` on end). When the cluster was first seen without a worker."""
    if client.status not in ("running", "connecting", "newly-created"):
        raise _lost(address, f"was lost (the client is {client.status})")
    try:
        workers = len(client.nthreads())
    except (OSError, TimeoutError) as exc:
        raise _lost(address, f"was lost (its scheduler does not answer: {_first_line(exc)})"
                    ) from None
    if workers:
        return None
    now = time.monotonic()
    if idle_since is None:
        return now
    if now - idle_since >= NO_WORKER_S:
        raise _lost(address, f"has had no worker for {NO_WORKER_S:g} s")
    return idle_since


def _result(client: Any, future: Any, address: str) -> list[Result]:
    """A completed chunk's results, fetched from the worker holding them (which may be
    gone since: then they wait for a worker to compute them again, watched as above)."""
    from distributed import KilledWorker

    idle_since: float | None = None
    try:
        while True:
            try:
                results: list[Result] = future.result(timeout=POLL_S)
                return results
            except TimeoutError:
                idle_since = _watch(client, address, idle_since)
    except concurrent.futures.CancelledError:
        raise _lost(address, "was lost: its scheduler went away (the work was cancelled)"
                    ) from None
    except KilledWorker as exc:
        raise _lost(address, f"lost every worker that tried a chunk ({_first_line(exc)})"
                    ) from None
    except OSError as exc:
        raise _lost(address, f"was lost ({_first_line(exc)})") from None
