"""What runs on a Dask worker: the plugin that loads the spaCy model once when the worker starts.

A module of its own so that importing the pipeline does not import ``distributed``.
"""
from __future__ import annotations

from distributed import WorkerPlugin

from ..settings import Settings


class ModelLoader(WorkerPlugin):
    """Loads the analysis' spaCy model when a worker starts (also on workers that join later)."""

    idempotent = True

    def __init__(self, settings: Settings):
        self.settings = settings

    def setup(self, worker) -> None:
        from ..nlp.parse import get_nlp

        get_nlp(self.settings)
