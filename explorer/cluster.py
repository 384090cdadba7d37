"""Geoparsing on a Dask distributed cluster: ``explorer index DIR --dask ADDRESS``.

Files are sent to the workers in chunks (paths: every worker must see the corpus folder at the
same path, e.g. a network share); each worker process loads the gazetteer once (a cached
loader) and returns compact results; the results stream back as chunks complete
(``as_completed``) to the one index writer, the ``Indexer`` in the calling process. At most a
few chunks per worker are in flight, so memory stays flat however big the corpus.

Needs the optional extra ``explorer[cluster]`` (dask, distributed).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from explorer.indexer import Result, Runner, Task, gazetteer_fingerprint, parse_task
from gazetteer import Geoparser, load_geoparser

CHUNK = 32
IN_FLIGHT_PER_WORKER = 3


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
    scheduler address such as ``tcp://host:8786``, or a ``distributed`` cluster object)."""
    root = str(Path(corpus_dir).resolve())
    files = tuple(str(Path(f).resolve()) for f in gazetteer_files)
    fingerprint = gazetteer_fingerprint(gazetteer_files)

    def make(_: Geoparser) -> Runner:
        def run(tasks: Sequence[Task]) -> Iterator[Result]:
            from distributed import Client, as_completed

            chunks = [list(tasks[k:k + chunk]) for k in range(0, len(tasks), chunk)]
            with Client(address) as client:  # type: ignore[no-untyped-call]
                workers = max(1, len(client.scheduler_info().get("workers", {})))
                limit = workers * IN_FLIGHT_PER_WORKER
                todo = iter(chunks)

                def submit(part: list[Task]) -> Any:
                    return client.submit(parse_chunk, root, max_bytes, files, fingerprint, part,
                                         pure=False)

                running = as_completed([submit(p) for p in islice(todo, limit)])  # type: ignore[no-untyped-call]
                for future in running:
                    results: list[Result] = future.result()
                    future.release()
                    nxt = next(todo, None)
                    if nxt is not None:
                        running.add(submit(nxt))  # type: ignore[no-untyped-call]
                    yield from results

        return run

    return make
