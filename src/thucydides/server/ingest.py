"""Ingestion over HTTP: the request body's model, the server's one analysis worker, and storage.

Analysis runs in one persistent worker process per server (:class:`IngestWorker`, the module
``server/worker.py`` run as a fresh interpreter), which loads the spaCy model once and analyses one
document at a time within the per-document time limit. Requests queue for it (a bounded queue:
more are answered 503), and a request whose client has gone is cancelled before its next document.
Storing takes the database's write turn (``Database.writer``), which new reads queue behind.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path
from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from ..linking import link_all
from ..model import Document, Failure
from ..settings import load
from ..storage import doc_key
from .database import Database
from .deps import MAX_INGEST_DOCS, ApiError


class IngestDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: Union[str, int] = Field(description="your id for the article")
    text: Optional[str] = Field(None, description="plain text of the article")
    html: Optional[str] = Field(None, description="HTML of the article page (used instead of text when given)")
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="publication date, YYYY-MM-DD preferred")
    url: Optional[str] = Field(None, max_length=4000)
    source: Optional[str] = Field(None, max_length=400)


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=MAX_INGEST_DOCS)


class Cancelled(Exception):
    """The client of an ingestion request went away; nothing of the request was stored."""


class IngestWorker:
    """One persistent analysis process for the server, and the bounded queue of requests waiting for it.

    ``queue_size``: requests that may wait while one runs; more get 503. The process is started on the
    first request and again if it dies (a document it was analysing then fails with the reason).
    """

    def __init__(self, queue_size: int = 4, doc_timeout: Optional[float] = None):
        self.queue_size = queue_size
        self.doc_timeout = load().doc_timeout if doc_timeout is None else doc_timeout
        self._proc: Optional[subprocess.Popen] = None
        self._turn = threading.Lock()  # the request being analysed holds it
        self._admitted = 0
        self._count = threading.Lock()
        self.started = 0  # processes started so far (one unless one died)

    @property
    def pid(self) -> Optional[int]:
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def _start(self) -> subprocess.Popen:
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        env = dict(os.environ)
        src = str(Path(__file__).resolve().parents[2])  # this package's root on the child's path, first
        env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        proc = subprocess.Popen([sys.executable, "-m", "thucydides.server.worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, env=env)
        try:
            ready = pickle.load(proc.stdout)
        except Exception:
            proc.kill()
            proc.wait()
            raise ApiError(503, "the analysis worker could not start (see the server log)") from None
        if not (isinstance(ready, tuple) and ready[0] == "ready"):
            proc.kill()
            raise ApiError(503, "the analysis worker could not start (see the server log)")
        self._proc = proc
        self.started += 1
        return proc

    def _one(self, doc: Document) -> list:
        proc = self._start()
        # a watchdog beyond the worker's own time limit, for a hang the limit cannot interrupt
        watchdog = threading.Timer(max(self.doc_timeout, 1.0) * 2 + 30, proc.kill) if self.doc_timeout else None
        if watchdog:
            watchdog.daemon = True
            watchdog.start()
        try:
            pickle.dump(doc, proc.stdin)
            proc.stdin.flush()
            return pickle.load(proc.stdout)
        except (EOFError, BrokenPipeError, OSError, pickle.UnpicklingError):
            proc.kill()
            proc.wait()
            self._proc = None
            return [Failure(doc.input, "the analysis worker stopped while analysing this document "
                                       f"(limit {self.doc_timeout:g} s; setting doc_timeout)")]
        finally:
            if watchdog:
                watchdog.cancel()

    def analyse(self, docs: list[Document], cancelled: Optional[threading.Event] = None) -> list:
        """Analyse ``docs`` in the worker, in order; raises :class:`Cancelled` once ``cancelled`` is set."""
        cancelled = cancelled or threading.Event()
        with self._count:
            if self._admitted > self.queue_size:
                raise ApiError(503, f"ingestion queue full ({self.queue_size} requests waiting); try again shortly",
                               {"Retry-After": "5"})
            self._admitted += 1
        try:
            while not self._turn.acquire(timeout=0.25):
                if cancelled.is_set():
                    raise Cancelled()
            try:
                out = []
                for doc in docs:
                    if cancelled.is_set():
                        raise Cancelled()
                    out += self._one(doc)
                return out
            finally:
                self._turn.release()
        finally:
            with self._count:
                self._admitted -= 1

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            try:
                proc.stdin.close()
                proc.wait(timeout=10)
            except Exception:
                proc.kill()
                proc.wait()


def ingest_documents(db: Database, documents: list[dict], worker: Optional[IngestWorker] = None,
                     cancelled: Optional[threading.Event] = None) -> dict:
    """Analyse documents given as JSON objects (``id``, ``text`` or ``html``, ...) and store them.

    ``worker``: the server's analysis worker (default: a new one, closed afterwards)."""
    docs = []
    for d in documents:
        html = d.get("html")
        text = d.get("text")
        docs.append(Document(id=str(d["id"]), input=f"api:{d['id']}", raw=html if html and html.strip() else text,
                             is_html=bool(html and html.strip()), title=d.get("title"), url=d.get("url"),
                             published=d.get("published"), source=d.get("source")))
    # slow part first, without holding the database; in the worker process, whose main thread can arm
    # the per-document time limit (a server thread cannot)
    own = worker is None
    worker = worker or IngestWorker()
    try:
        analysed = worker.analyse(docs, cancelled)
    finally:
        if own:
            worker.close()
    if cancelled is not None and cancelled.is_set():
        raise Cancelled()
    with db.writer() as store:
        registry = store.registry()
        report = store.ingest(link_all(analysed, registry), registry=registry)
    return {
        "stored": report.stored,
        "duplicates": report.duplicates,
        "failed": [f.to_dict() for f in report.failed],
        "skipped": [f.to_dict() for f in report.skipped],
        "documents": [{"id": d.id, "doc_key": doc_key(d.text)} for d in analysed if not isinstance(d, Failure)],
        "seconds": round(report.seconds, 3),
    }
