"""Storage: analysis records in DuckDB (the embedded default), Parquet and CSV for exchange."""
from .store import IngestReport, Store, doc_key, ingest, load_registry, open_store, processed_inputs, resume_state

__all__ = ["Store", "IngestReport", "doc_key", "ingest", "open_store", "processed_inputs", "load_registry", "resume_state"]
