"""The command line (``thucydides``): each command a few lines over a library function."""
from .main import build_parser, main

__all__ = ["main", "build_parser"]
