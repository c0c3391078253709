"""Linking stage: the cross-document actor registry. Runs after the events stage and before storage, so the
stored record is the analysed record. Entry function: :func:`link_all` (and :func:`link` for one document)."""
from .registry import Registry, link, link_all

__all__ = ["Registry", "link", "link_all"]
