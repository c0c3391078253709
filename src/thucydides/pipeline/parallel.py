"""Analysis across cores (``--jobs N``) and across a Dask cluster (``--dask local|tcp://HOST:PORT``).

Both keep memory bounded: inputs are read lazily in batches and only a few batches are in
flight at once. Each worker process loads the spaCy model once. Results come back as
Documents without their spaCy parse (what linking and the store need travels in ``Document.state``).
"""
from __future__ import annotations

import itertools
import json
import multiprocessing as mp
import sys
import threading
import time
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..linking import link_all
from ..model import AnalysisState, Document, Failure
from ..settings import Settings, load

Item = Union[Document, Failure]

_settings: Optional[Settings] = None


def _portable(item: Item) -> Item:
    """Drop the spaCy Doc and stage scratch the store does not need, so the item pickles small."""
    if isinstance(item, Document):
        item.doc = None
        item.raw = ""
    return item


def _init(settings: Settings) -> None:
    global _settings
    _settings = settings
    from ..nlp.parse import get_nlp

    get_nlp(settings)  # load the model once per worker


# A short article the parent analyses before forking workers (see ``_start``): the model, the knowledge base
# and the stages' lexicons are then loaded and warm in every worker from its first batch.
WARM_UP = ("Russia and China held talks in Beijing on Monday, officials said. "
           "\"We agreed to expand trade,\" the Russian foreign minister told reporters.")


def _warm(settings: Settings) -> None:
    """Load the model and run the per-document path once on ``WARM_UP``, in this process."""
    from ..nlp.parse import get_nlp
    from .core import analyze_documents

    get_nlp(settings)  # a missing model raises ModelError here, in the parent, once
    for _ in analyze_documents([Document(id="warm-up", input="warm-up", raw=WARM_UP)], settings):
        pass


def _start(settings: Settings):
    """The multiprocessing context for workers: on Linux, when this process runs no other thread, "fork" after
    loading and warming the model here (each worker then starts with it, shared copy-on-write, instead of paying
    its own load and warm-up, ~3 s a worker); elsewhere "spawn", each worker loading the model in ``_init``."""
    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        _warm(settings)
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _work(batch: list[Item]) -> list[Item]:
    from .core import analyze_documents

    return [_portable(i) for i in analyze_documents(batch, _settings)]


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch


def balanced_batches(items: Iterable[Item], size: int, workers: int) -> Iterator[list[Item]]:
    """Batches of ``size``, except at the end of the input: the last ones shrink so that every worker
    gets a share of the tail (a lone last batch of ``size`` on one worker leaves the others idle).

    Reads at most ``2 * workers + 1`` batches ahead, so memory stays bounded on any input.
    """
    it = iter(items)
    buf: deque = deque()
    window = 2 * size * max(1, workers)
    done = False
    while True:
        while not done and len(buf) < window + size:
            try:
                buf.append(next(it))
            except StopIteration:
                done = True
        if not buf:
            return
        k = size if not done or len(buf) > window else max(1, min(size, -(-len(buf) // (2 * workers))))
        yield [buf.popleft() for _ in range(min(k, len(buf)))]


# Below this many documents per worker, one process is faster than starting workers and loading the model in each.
MIN_DOCS_PER_JOB = 4


def analyze_jobs(items: Iterable[Item], settings: Optional[Settings] = None) -> Iterator[Item]:
    """``--jobs N``: ``settings.jobs`` worker processes, or this process alone when the input is too small
    to repay the workers' start (fewer than ``MIN_DOCS_PER_JOB`` documents per job)."""
    settings = settings or load()
    it = iter(items)
    head = list(itertools.islice(it, MIN_DOCS_PER_JOB * settings.jobs))
    if len(head) < MIN_DOCS_PER_JOB * settings.jobs:
        from .core import analyze_documents

        yield from analyze_documents(head, settings)
        return
    yield from analyze_parallel(itertools.chain(head, it), settings, settings.jobs)


def analyze_parallel(items: Iterable[Item], settings: Optional[Settings] = None, jobs: int = 2) -> Iterator[Item]:
    """Like ``pipeline.analyze_documents`` on ``jobs`` processes; order is kept."""
    settings = settings or load()
    ctx = _start(settings)
    with ctx.Pool(jobs, initializer=_init, initargs=(settings,)) as pool:
        pending: deque = deque()
        for batch in balanced_batches(items, settings.batch_size, jobs):
            pending.append(pool.apply_async(_work, (batch,)))
            while len(pending) > 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# ------------------------------------------------------------------------------- Dask
LEAN_WORKERS = {"distributed.worker.profile.enabled": False,
                "distributed.admin.system-monitor.gil.enabled": False,
                # Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory
                # back to the system at every turn: the parse allocates and frees per batch, and the worker
                # spent 5x the system time of --jobs (measured: 6.0 s vs 1.2 s on 178 articles). glibc's own
                # dynamic threshold, as in --jobs workers; memory stays flat (peak RSS in the bench)
                "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                # Housekeeping timers, which wake the event loops (in the workers, and for the scheduler, nannies
                # and client in this process) and take the GIL from the analysis: the loop health tick every
                # 20 ms, the system monitor (psutil, disk counters) every 500 ms, the memory monitor every
                # 100 ms. Slower, they cost a third of the CPU outside the analysis (measured: the worker's
                # other threads 0.35 -> 0.1 CPU s and this process 2.9 -> 2.4 s on 64 articles); the memory
                # limits are still enforced, checked twice a second
                "distributed.admin.tick.interval": "500ms",
                "distributed.admin.system-monitor.interval": "2s",
                "distributed.admin.system-monitor.disk": False,
                "distributed.worker.memory.monitor-interval": "500ms"}


def _dask_task(batch: list[Item], part: int, out_dir: str, settings: Settings) -> dict:
    """Analyse one batch on a Dask worker and write it as one Parquet partition."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..nlp.parse import get_nlp
    from ..storage.store import doc_key
    from .core import analyze_documents

    get_nlp(settings)  # loaded once per worker (by _ModelLoader at the worker's start), cached after
    rows = {"doc_key": [], "id": [], "input": [], "record": [], "meta": []}
    failures = []
    for item in analyze_documents(batch, settings):
        if isinstance(item, Failure):
            failures.append(item.to_dict() | {"skipped": item.skipped, "reason": item.reason})
            continue
        rows["doc_key"].append(doc_key(item.text))
        rows["id"].append(item.id)
        rows["input"].append(item.input)
        rows["record"].append(json.dumps(item.to_dict(), ensure_ascii=False))
        rows["meta"].append(json.dumps(item.state.to_dict()))
    path = Path(out_dir) / f"part-{part:06d}.parquet"
    pq.write_table(pa.table(rows, schema=pa.schema([(k, pa.string()) for k in rows])), path)
    return {"part": part, "documents": len(rows["id"]), "failures": failures, "path": str(path)}


def dask_analyze(items: Iterable[Item], out_dir: Union[str, Path], address: str = "local", workers: int = 2,
                 settings: Optional[Settings] = None, batch_size: int = 64, progress=None) -> dict:
    """Distribute analysis over a Dask cluster; writes ``out_dir/part-*.parquet``; returns a summary.

    ``address``: "local" starts a LocalCluster of ``workers`` processes on this machine;
    "tcp://HOST:PORT" uses an existing scheduler (workers need this package installed).
    """
    import dask
    from distributed import Client, LocalCluster, as_completed

    settings = settings or load()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()
    cluster = None
    # Workers of our own cluster: no statistical profiler sampling the analysis thread every 10 ms and no GIL
    # monitor (both take the GIL from the one thread doing the work); the config travels to the worker processes.
    lean = dict(LEAN_WORKERS)
    if address == "local" and sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods() \
            and threading.active_count() == 1:
        # As ``--jobs`` does: load and warm the model here, then the nannies fork the workers from this process
        # (each starts with the model, knowledge base and lexicons loaded, shared copy-on-write) instead of
        # spawning a fresh interpreter that imports everything and loads the model again (measured on 16
        # articles: CPU 6.3 -> 4.7 s with one worker, 10.2 -> 5.7 s with two). Only when no thread of the
        # caller could hold a lock at the fork (the cluster's own event-loop thread forks, as Dask supports)
        _warm(settings)
        lean["distributed.worker.multiprocessing-method"] = "fork"
    with dask.config.set(lean):
        if address == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=40)
            client = Client(cluster)
        else:
            client = Client(address)
    from .dask_worker import ModelLoader

    client.register_plugin(ModelLoader(settings), name="thucydides-model")
    t0 = time.perf_counter()
    summary = {"documents": 0, "failures": [], "parts": 0}
    try:
        nworkers = max(1, len(client.scheduler_info()["workers"]))
        limit = 2 * nworkers  # one batch running and one waiting on every worker
        pending = as_completed()
        inflight = 0

        def collect(fut):
            res = fut.result()
            summary["documents"] += res["documents"]
            summary["failures"] += res["failures"]
            summary["parts"] += 1
            if progress is not None:
                progress(res)

        for part, batch in enumerate(balanced_batches(items, batch_size, nworkers)):
            pending.add(client.submit(_dask_task, batch, part, str(out), settings, pure=False))
            inflight += 1
            while inflight >= limit:
                collect(next(pending))
                inflight -= 1
        for fut in pending:
            collect(fut)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary["seconds"] = time.perf_counter() - t0
    summary["out_dir"] = str(out)
    return summary


def load_parquet(store, parts: Union[str, Path]) -> tuple[int, int]:
    """Load analysed partitions (``part-*.parquet``) into a store; returns (stored, duplicates)."""
    pattern = str(Path(parts) / "part-*.parquet") if Path(parts).is_dir() else str(parts)
    stored = dup = 0
    rows = store.con.execute("SELECT input, record, meta FROM read_parquet(?, filename = true) ORDER BY filename",
                             [pattern]).fetchall()
    docs = []
    for input_name, record, meta in rows:
        doc = Document.from_dict(json.loads(record), input=input_name)
        doc.state = AnalysisState.from_dict(json.loads(meta or "{}"))
        docs.append(doc)
    reg = store.registry()
    for batch in batches(list(link_all(docs, reg)), 256):
        s, d = store.add_many(batch, reg)
        stored += s
        dup += d
    if stored:
        store.reindex()
    return stored, dup
