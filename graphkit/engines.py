"""Where extraction runs: this process, a pool of local processes, or a Dask cluster.

Every engine takes a stream of Articles and yields one ArticleResult per article, in input
order, holding only a bounded window of articles in flight, so memory does not grow with the
corpus. Workers never receive a loaded pipeline: they get the Extractor's recipe (its class and
settings: model, actor lists, vocabulary) and each worker process or thread loads it once and
keeps it. An extractor is anything with ``process(articles)`` and ``settings``; this module does
not import ``graphkit.pipeline``, which imports it.

>>> results = run(extractor, articles, engine="local", jobs=4)   # doctest: +SKIP
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from .models import Article

ENGINES = ("local", "dask")
# Articles per task: large enough that nlp.pipe batches well and pickling is a small share
# of the work, small enough that a worker's result arrives while the next one parses.
CHUNK_SIZE = 16
# Tasks in flight per worker: one being parsed, one queued so no worker waits on the client.
TASKS_PER_WORKER = 2


def run(extractor, articles: Iterable[Article], engine: str = "local", jobs: int = 1, scheduler: Any = None) -> Iterator:
    """ArticleResults for ``articles`` in input order, from the chosen engine.

    ``jobs`` is the number of local processes (engine "local") or of local Dask workers when
    no ``scheduler`` is given. ``scheduler`` is a Dask scheduler address
    ("tcp://host:8786") or a ``distributed.Client`` already connected.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if jobs < 1:
        raise ValueError(f"--jobs must be at least 1, got {jobs}")
    if engine == "dask":
        return run_dask(extractor, articles, jobs=jobs, scheduler=scheduler)
    if scheduler is not None:
        raise ValueError("--scheduler needs --engine dask")
    if jobs == 1:
        return extractor.process(articles)
    return run_processes(extractor, articles, jobs)


def chunks(articles: Iterable[Article], size: int | None = None) -> Iterator[list[Article]]:
    iterator, size = iter(articles), size or CHUNK_SIZE
    while chunk := list(islice(iterator, size)):
        yield chunk


def in_order(submit, wait, tasks: Iterable, window: int) -> Iterator:
    """Submit tasks, at most ``window`` ahead of the oldest unfinished one, and yield each
    result (a list) item by item in submission order. ``submit(task)`` returns a handle;
    ``wait(handle)`` waits for its result."""
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield from wait(pending.popleft())
    while pending:
        yield from wait(pending.popleft())


# ---------------------------------------------------------------- local processes


def run_processes(extractor, articles: Iterable[Article], jobs: int) -> Iterator:
    """Extract on ``jobs`` worker processes, each with its own copy of the pipeline.

    Where the platform can fork (Linux), workers are forked from this process and share its
    loaded pipeline, as spaCy's own ``nlp.pipe(n_process=...)`` does; elsewhere they are
    spawned and load it from the Extractor's settings, so a script that uses jobs there
    needs the ``if __name__ == "__main__":`` guard. Workers ignore Ctrl-C; this process
    stops them.
    """
    if "fork" in multiprocessing.get_all_start_methods():
        context, initargs = multiprocessing.get_context("fork"), (extractor, None)
    else:
        context, initargs = multiprocessing.get_context("spawn"), (None, recipe(extractor))
    with context.Pool(jobs, initializer=_start_worker, initargs=initargs) as pool:
        submit = lambda chunk: pool.apply_async(_process_chunk, (chunk,))  # noqa: E731
        yield from in_order(submit, lambda result: result.get(), chunks(articles), jobs * TASKS_PER_WORKER)


_worker_extractor = None


def recipe(extractor) -> tuple:
    """What a worker needs to load the same extractor: its class (pickled by name) and settings."""
    return type(extractor), extractor.settings


def load(extractor_recipe: tuple):
    extractor_class, settings = extractor_recipe
    return extractor_class(*settings)


def _start_worker(loaded, extractor_recipe: tuple | None) -> None:
    """``loaded``: the extractor itself, shared by forked workers; else load it from its recipe."""
    global _worker_extractor
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_extractor = loaded if loaded is not None else load(extractor_recipe)


def _process_chunk(chunk: list[Article]) -> list:
    return list(_worker_extractor.process(chunk))


# ---------------------------------------------------------------- Dask


def run_dask(extractor, articles: Iterable[Article], jobs: int = 1, scheduler: Any = None) -> Iterator:
    """Extract on a Dask cluster: partitions of articles go to the workers, results come back
    to this process in input order.

    ``scheduler``: a ``distributed.Client``, an address, or None for a local cluster of
    ``jobs`` single-threaded worker processes. Every worker needs graphkit and the model
    installed, and the ``--actors`` files at the same paths.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ImportError("the dask engine needs dask.distributed; install it with `pip install 'graphkit-news[dask]'`") from None
    if isinstance(scheduler, Client):
        yield from _run_on_client(scheduler, extractor, articles)
        return
    if scheduler is None:
        with LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
            yield from _run_on_client(client, extractor, articles)
        return
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise OSError(f"cannot reach Dask scheduler {scheduler!r} ({error}); start one with `dask scheduler` or check the address") from None
    with client:
        yield from _run_on_client(client, extractor, articles)


def _run_on_client(client, extractor, articles: Iterable[Article]) -> Iterator:
    threads = max(1, sum(client.nthreads().values()))
    submit = lambda chunk: client.submit(_process_chunk_on_worker, recipe(extractor), chunk, pure=False)  # noqa: E731
    yield from in_order(submit, lambda future: future.result(), chunks(articles), threads * TASKS_PER_WORKER)


_loaded = threading.local()


def _process_chunk_on_worker(extractor_recipe: tuple, chunk: list[Article]) -> list:
    # Each worker thread loads the pipeline once and keeps it: spaCy pipelines are not
    # documented as safe to share between threads, and loading takes seconds.
    if getattr(_loaded, "recipe", None) != extractor_recipe:
        _loaded.extractor, _loaded.recipe = load(extractor_recipe), extractor_recipe
    return list(_loaded.extractor.process(chunk))
