"""The spaCy parse, and the dependency helpers the later stages share. Entry function: :func:`parse`."""
from .parse import get_nlp, parse

__all__ = ["parse", "get_nlp"]
