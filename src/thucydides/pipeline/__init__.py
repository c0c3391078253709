"""The straight path: read -> clean -> parse -> actors -> quotes -> events -> link.

``analyze(inputs)`` yields, for every input, either an analysed :class:`Document` or a
:class:`Failure` naming the input and the reason. Nothing is dropped silently. The last stage,
linking, gives actors their cross-document registry entries; it runs in this process (the
registry is shared by all documents of a run), after the per-document stages that may run on
several cores (``--jobs``) or a Dask cluster.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from ..errors import InputError
from ..input import read
from ..linking import Registry, link_all
from ..model import Document, Failure
from ..settings import Settings, load
from .core import STAGES, Item, analyze_documents, run_stages
from .parallel import analyze_jobs

__all__ = ["analyze", "analyze_text", "analyze_documents", "run_stages", "STAGES", "Item"]


def analyze(inputs: Iterable, settings: Settings | None = None, stages=None, timings: dict | None = None,
            skip: set[str] | None = None, registry: Optional[Registry] = None, link: bool = True) -> Iterator[Item]:
    """Analyse files, directories, JSONL, WARC, feeds or ``-``; yields Documents and Failures.

    ``skip``: input names (as in ``Document.input``) already done, e.g. by a run that was killed.
    ``registry``: the actor registry the linking stage reads and extends (a new, empty one by default;
    a store passes its own); ``link=False`` leaves linking to the caller.
    """
    settings = settings or load()
    items = read(inputs, settings)
    if skip:
        items = (i for i in items if i.input not in skip)
    if settings.jobs > 1 and stages is None and timings is None:
        items = analyze_jobs(items, settings)
    else:
        items = analyze_documents(items, settings, stages, timings)
    return link_all(items, registry if registry is not None else Registry()) if link else items


def analyze_text(text: str, id: str = "text", title: str | None = None, published: str | None = None,
                 settings: Settings | None = None) -> Document:
    """Analyse one article given as a string (plain text). Raises InputError if it cannot be analysed."""
    doc = Document(id=id, input=id, raw=text, title=title, published=published)
    doc.state.headline_first_line = title is None
    [item] = list(link_all(analyze_documents([doc], settings), Registry()))
    if isinstance(item, Failure):
        raise InputError(item.reason)
    return item
