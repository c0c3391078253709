"""Quotes stage: direct, indirect and mixed quotations with cue and speaker. Entry function: :func:`extract`."""
from .extractor import extract

__all__ = ["extract"]
