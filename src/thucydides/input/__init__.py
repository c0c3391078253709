"""Input stages: ``read`` (files, folders, JSONL, HTML, WARC, feeds, stdin -> Documents) and ``clean``
(article text, title, dateline, date). Entry functions: :func:`read`, :func:`clean`."""
from .clean import clean
from .read import read

__all__ = ["read", "clean"]
