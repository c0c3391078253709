"""Actors stage: people, countries, organisations and their mentions. Entry function: :func:`resolve`."""
from .resolver import actor_at, mentions, mentions_in, resolve

__all__ = ["resolve", "actor_at", "mentions", "mentions_in"]
