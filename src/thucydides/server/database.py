"""Database access for the server: the store opened per request, read-only for reads and read-write
briefly for ingestion, so ``thucydides ingest`` in another process can keep writing between requests."""
from __future__ import annotations

import contextlib
import logging
import threading
import time
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from ..errors import StoreError
from ..storage import Store
from .deps import ApiError

log = logging.getLogger("thucydides.api")
LOCK_HINTS = ("locked by another process", "different configuration")


class _ReadWriteLock:
    """Many readers or one writer, within this process; a waiting writer goes first.

    DuckDB refuses a read-write connection while read-only ones to the same file are open
    in the same process (and the reverse), so API ingestion waits for readers to finish. Once
    a writer waits, readers arriving after it wait too: under a steady stream of reads the
    writer waits only for the reads already running, not for ever.
    """

    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    @property
    def waiting_writers(self) -> int:
        return self._waiting_writers

    @contextlib.contextmanager
    def read(self):
        with self._cond:
            while self._writer or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def write(self):
        with self._cond:
            self._waiting_writers += 1
            try:
                while self._writer or self._readers:
                    self._cond.wait()
            finally:
                self._waiting_writers -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Database:
    """Opens the store per request: read-only for reads, read-write briefly for API ingestion."""

    def __init__(self, path: Union[str, Path], lock_timeout: float = 5.0):
        self.path = str(path)
        self.lock_timeout = lock_timeout
        self._lock = _ReadWriteLock()

    def _open(self, read_only: bool):
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.05
        while True:
            try:
                return Store(self.path, read_only=read_only)
            except StoreError as e:
                msg = str(e)
                if "no such database" in msg or "an empty database" in msg:
                    raise ApiError(503, "no database yet: ingest some articles first (thucydides ingest ...)") from None
                if not any(h in msg.lower() for h in LOCK_HINTS):
                    log.error("cannot open database: %s", msg)
                    # the reason without the server's file path (damaged schema, foreign or newer file, ...)
                    reason = msg.split(": ", 1)[1] if msg.startswith(self.path + ": ") else "see the server log"
                    raise ApiError(503, f"the database cannot be opened: {reason}") from None
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ApiError(503, "the database is busy: another process is writing to it; try again shortly",
                                   {"Retry-After": "2"}) from None
                time.sleep(min(delay, left))
                delay = min(delay * 2, 0.5)

    def repair(self, wait: float = 5.0) -> Optional[str]:
        """Rebuild the full-text index if it is stale (a run killed before its rebuild); a message saying
        what was done or why not (another process holds the file, ...), None when nothing was needed."""
        from ..storage import open_store

        if not Path(self.path).exists():
            return None
        try:
            with self._lock.write(), open_store(self.path, wait=wait) as store:
                return "rebuilt the search index (it did not cover the latest documents)" if store.check_index() else None
        except StoreError as e:
            return f"could not check the search index: {e}"

    @contextlib.contextmanager
    def reader(self) -> Iterator[Any]:
        with self._lock.read():
            store = self._open(read_only=True)
            try:
                yield store
            finally:
                store.close()

    @contextlib.contextmanager
    def writer(self) -> Iterator[Any]:
        with self._lock.write():
            store = self._open(read_only=False)
            try:
                yield store
            finally:
                store.close()
