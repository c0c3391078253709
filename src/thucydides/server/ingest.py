"""Ingestion over HTTP: the request body's model, and analysis then storage of its documents."""
from __future__ import annotations

from typing import Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from ..linking import link_all
from ..model import Document, Failure
from ..pipeline.parallel import analyze_parallel
from ..settings import load
from ..storage import doc_key
from .database import Database
from .deps import MAX_INGEST_DOCS


class IngestDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: Union[str, int] = Field(description="your id for the article")
    text: Optional[str] = Field(None, description="plain text of the article")
    html: Optional[str] = Field(None, description="HTML of the article page (used instead of text when given)")
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="publication date, YYYY-MM-DD preferred")
    url: Optional[str] = Field(None, max_length=4000)
    source: Optional[str] = Field(None, max_length=400)


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=MAX_INGEST_DOCS)


def ingest_documents(db: Database, documents: list[dict]) -> dict:
    """Analyse documents given as JSON objects (``id``, ``text`` or ``html``, ...) and store them."""
    docs = []
    for d in documents:
        html = d.get("html")
        text = d.get("text")
        docs.append(Document(id=str(d["id"]), input=f"api:{d['id']}", raw=html if html and html.strip() else text,
                             is_html=bool(html and html.strip()), title=d.get("title"), url=d.get("url"),
                             published=d.get("published"), source=d.get("source")))
    # slow part first, without holding the database; in a worker process, whose main thread can arm
    # the per-document time limit (a server thread cannot)
    analysed = list(analyze_parallel(docs, load(), jobs=1))
    with db.writer() as store:
        registry = store.registry()
        report = store.ingest(link_all(analysed, registry), registry=registry)
    return {
        "stored": report.stored,
        "duplicates": report.duplicates,
        "failed": [f.to_dict() for f in report.failed],
        "skipped": [f.to_dict() for f in report.skipped],
        "documents": [{"id": d.id, "doc_key": doc_key(d.text)} for d in analysed if not isinstance(d, Failure)],
        "seconds": round(report.seconds, 3),
    }
