"""The per-document path after reading: clean -> parse -> actors -> quotes -> events.

``analyze_documents(items)`` yields, for every item, either an analysed :class:`Document`
or a :class:`Failure` naming the input and the reason. Nothing is dropped silently.
"""
from __future__ import annotations

import itertools
import signal
import threading
import time
import traceback
from typing import Callable, Iterable, Iterator, Union

from ..actors import resolve
from ..errors import InputError
from ..events import code
from ..input.clean import clean
from ..model import Document, Failure
from ..nlp.parse import parse
from ..quotes import extract
from ..settings import Settings, load

Item = Union[Document, Failure]

# The stages after parsing, in order: each takes a parsed Document and fills its part in place.
STAGES: list[tuple[str, Callable[[Document], None]]] = [
    ("actors", resolve),
    ("quotes", extract),
    ("events", code),
]


def _cleaned(items: Iterable[Item], settings: Settings) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Document):
            try:
                clean(item, settings)
            except InputError as e:
                item = Failure(item.input, str(e))
            except Exception as e:  # a bug must not stop the batch; report it with the input
                item = Failure(item.input, f"internal error while cleaning: {type(e).__name__}: {e}")
        yield item


class DocumentTimeout(Exception):
    """Raised inside a stage when a document exceeds the per-document time limit."""


def _on_alarm(signum, frame):
    raise DocumentTimeout()


def run_stages(doc: Document, stages=None, timings: dict | None = None, timeout: float = 0.0) -> Item:
    """Run the stages after parsing on one document; a failure or a timeout becomes a Failure.

    ``timeout`` (seconds, 0 = none) is enforced with a timer signal, so only in the main thread
    of a process (the CLI, ``--jobs`` workers); elsewhere the stages run unbounded.
    """
    timed = bool(timeout) and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    name = ""
    try:
        for name, stage in stages or STAGES:
            t0 = time.perf_counter()
            try:
                stage(doc)
            except DocumentTimeout:
                raise
            except Exception as e:
                detail = traceback.format_exception_only(type(e), e)[-1].strip()
                return Failure(doc.input, f"internal error in stage {name}: {detail}")
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    except DocumentTimeout:
        return Failure(doc.input, f"analysis exceeded the per-document time limit of {timeout:g} s "
                                  f"(in stage {name}; setting doc_timeout)")
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return doc


def analyze_documents(items: Iterable[Item], settings: Settings | None = None, stages=None,
                      timings: dict | None = None) -> Iterator[Item]:
    """Clean, parse and analyse already-read items (Documents pass, Failures pass through).

    ``timings``, when given, accumulates seconds per stage ("parse", "actors", ...).
    """
    settings = settings or load()
    items = _cleaned(items, settings)
    while True:
        batch = list(itertools.islice(items, settings.batch_size))
        if not batch:
            return
        docs = [d for d in batch if isinstance(d, Document)]
        t0 = time.perf_counter()
        errors: dict[int, str] = {}
        try:
            parsed = {id(d): d for d in parse(docs, settings)}
        except Exception:  # one bad document must not take the batch with it: parse one by one
            parsed = {}
            for d in docs:
                try:
                    parsed.update((id(x), x) for x in parse([d], settings))
                except Exception as e:
                    errors[id(d)] = f"internal error while parsing: {type(e).__name__}: {str(e)[:200]}"
        if timings is not None:
            timings["parse"] = timings.get("parse", 0.0) + time.perf_counter() - t0
        for item in batch:
            if isinstance(item, Failure):
                yield item
            elif id(item) in errors:
                yield Failure(item.input, errors[id(item)])
            else:
                yield run_stages(parsed[id(item)], stages, timings, settings.doc_timeout)
