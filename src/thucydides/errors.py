"""Every error Thucydides raises on purpose, under one base class.

Library code raises these with a one-line message that names the input and the reason; the
command line turns any :class:`ThucydidesError` into that line on stderr and exit status 2,
and the API into a 4xx answer. Anything else escaping is a bug.
"""
from __future__ import annotations


class ThucydidesError(Exception):
    """Base class: a clear, expected failure with a one-line message for the user."""


class InputError(ThucydidesError, ValueError):
    """An input (file, line, page, text) that cannot be read or analysed; the message says why."""


class ModelError(ThucydidesError, RuntimeError):
    """The spaCy pipeline named by the settings cannot be loaded."""


class StageError(ThucydidesError, RuntimeError):
    """A stage was given a document it cannot work on (e.g. an unparsed one)."""


class StoreError(ThucydidesError, RuntimeError):
    """The database cannot be opened, read or written."""


class RegistryError(ThucydidesError, ValueError):
    """A registry command names an actor that does not exist or a correction that is not valid."""


class QueryError(ThucydidesError, ValueError):
    """A query parameter (code, type, date, period ...) that is not valid."""


class RelationError(QueryError):
    """A relation query that cannot be answered as asked (unknown actor, bad period)."""


class SettingsError(ThucydidesError, ValueError):
    """A setting (environment variable or option) with a value that is not valid."""
