"""The REST API and the server-rendered web page over a Thucydides database."""
from .app import create_app, serve

__all__ = ["create_app", "serve"]
