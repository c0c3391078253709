"""The REST API routes (``/api/...``): each a few lines over a library function."""
from __future__ import annotations

import asyncio
import hmac
import threading
from typing import Optional

from fastapi import APIRouter, Depends, Query, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from ..linking.registry import list_actors
from ..query import ask as ask_mod
from ..query import relations
from ..query.documents import get_document, list_documents, stats
from ..query.search import find_events, find_quotes
from .database import Database
from .deps import TYPE_RE, ApiError, By, Limit, Offset, Side, Since, Until, bad, check_date, get_db, page
from .ingest import Cancelled, IngestRequest, ingest_documents

router = APIRouter()


@router.get("/api/documents", tags=["documents"], summary="List stored documents")
def api_documents(q: Optional[str] = Query(None, max_length=200, description="text in the title or body"),
                  since: Optional[str] = Since(), until: Optional[str] = Until(),
                  limit: int = Limit(), offset: int = Offset(), db: Database = Depends(get_db)):
    since, until = check_date("since", since), check_date("until", until)
    with db.reader() as store:
        res = list_documents(store, q=q, since=since, until=until, limit=limit, offset=offset)
    return page(res["items"], limit, offset, total=res["total"])


@router.get("/api/documents/{ident:path}", tags=["documents"], summary="One stored analysis record",
            description="By its document key (``doc_key``, in every list and link); a record id works too when "
                        "one stored document has it (ids are any text: percent-encode ``/ # ? %``).")
def api_document(ident: str, db: Database = Depends(get_db)):
    if len(ident) > 300:
        raise bad("document id too long")
    with db.reader() as store:
        rec = get_document(store, ident)
    if rec is None:
        raise ApiError(404, f"no document with id or key {ident[:80]!r}")
    return rec


@router.get("/api/actors", tags=["actors"], summary="The cross-document actor registry")
def api_actors(name: Optional[str] = Query(None, max_length=200), limit: int = Limit(), offset: int = Offset(),
               db: Database = Depends(get_db)):
    with db.reader() as store:
        rows = list_actors(store, name=name, limit=offset + limit)[offset:]
    return page(rows, limit, offset)


@router.get("/api/quotes", tags=["quotes"], summary="Stored quotes with speaker, role, country, date, source")
def api_quotes(speaker: Optional[str] = Query(None, max_length=200, description="name or role of the speaker"),
               about: Optional[str] = Query(None, max_length=200, description="country code or name, or words"),
               since: Optional[str] = Since(), limit: int = Limit(), offset: int = Offset(),
               db: Database = Depends(get_db)):
    since = check_date("since", since)
    with db.reader() as store:
        rows = find_quotes(store, speaker=speaker, about=about, since=since, limit=limit, offset=offset)
    return page(rows, limit, offset)


@router.get("/api/events", tags=["events"], summary="Stored PLOVER events, deduplicated across articles")
def api_events(actor: Optional[str] = Query(None, max_length=200, description="source: country code or actor name"),
               recipient: Optional[str] = Query(None, max_length=200, description="target: country code or actor name"),
               type: Optional[str] = Query(None, pattern=TYPE_RE, description="PLOVER type, e.g. ASSAULT"),
               since: Optional[str] = Since(),
               include_negated: bool = Query(False, description="also negated and hypothetical events"),
               limit: int = Limit(), offset: int = Offset(), db: Database = Depends(get_db)):
    since = check_date("since", since)
    with db.reader() as store:
        rows = find_events(store, actor=actor, recipient=recipient, type=type, since=since,
                           include_negated=include_negated, limit=limit, offset=offset)
    return page(rows, limit, offset)


@router.get("/api/relations", tags=["relations"], summary="Events between two actors over time, by quad class")
def api_relations(a: str = Side(), b: str = Side(), by: str = By(), since: Optional[str] = Since(),
                  until: Optional[str] = Until(), db: Database = Depends(get_db)):
    since, until = check_date("since", since), check_date("until", until)
    with db.reader() as store:
        return relations.series(store, a, b, by=by, since=since, until=until)


@router.get("/api/relations/evidence", tags=["relations"], summary="The events and quotes behind one point of a series")
def api_relations_evidence(a: str = Side(), b: str = Side(),
                           period: str = Query(..., max_length=10, description="YYYY-MM-DD"),
                           by: str = By(), db: Database = Depends(get_db)):
    period = check_date("period", period)
    with db.reader() as store:
        return relations.evidence(store, a, b, period=period, by=by)


@router.get("/api/ask", tags=["ask"], summary="A brief answering a question from the stored evidence")
def api_ask(q: str = Query(..., min_length=3, max_length=500, description="a question in English"),
            limit: int = Query(10, ge=1, le=200, description="evidence items on this page"), offset: int = Offset(),
            as_of: Optional[str] = Query(None, max_length=10, description="answer as of this date (YYYY-MM-DD)"),
            since: Optional[str] = Since(), until: Optional[str] = Until(), by: str = By(),
            stance: Optional[str] = Query(None, pattern="^(for|against|neutral)$", description="only this stance"),
            kind: Optional[str] = Query(None, pattern="^(event|quote|sentence)$", description="only this kind"),
            db: Database = Depends(get_db)):
    as_of, since, until = check_date("as_of", as_of), check_date("since", since), check_date("until", until)
    with db.reader() as store:
        return ask_mod.ask(store, q, limit=limit, offset=offset, as_of=as_of, since=since, until=until, by=by,
                           stance=stance, kind=kind)


@router.get("/api/stats", tags=["stats"], summary="Counts, most active country pairs, sample quotes")
def api_stats(db: Database = Depends(get_db)):
    with db.reader() as store:
        return stats(store)


def authorise(request: Request) -> None:
    """The request carries ``Authorization: Bearer <token>``, compared as UTF-8 bytes in constant time
    (the raw header bytes: decoding them as Latin-1, as HTTP libraries do, would never match a non-ASCII token)."""
    token = request.app.state.token
    if not token:
        raise ApiError(403, "ingestion is disabled: the server runs read-only (start it with a token to enable it)")
    raw = [v for k, v in request.scope.get("headers", []) if k.lower() == b"authorization"]
    scheme, _, given = (raw[0] if len(raw) == 1 else b"").partition(b" ")
    ok = hmac.compare_digest(given.strip(), token.encode("utf-8"))
    if scheme.lower() != b"bearer" or not ok:
        raise ApiError(401, "missing or wrong token (send 'Authorization: Bearer <token>')", {"WWW-Authenticate": "Bearer"})


INGEST_SCHEMA = IngestRequest.model_json_schema(ref_template="#/components/schemas/{model}")
INGEST_DEFS = INGEST_SCHEMA.pop("$defs", {})


@router.post("/api/ingest", tags=["ingest"], summary="Analyse and store articles (needs the server's token)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": INGEST_SCHEMA}}}},
             responses={401: {"description": "missing or wrong token"},
                        403: {"description": "ingestion disabled (no token configured)"},
                        413: {"description": "body over the size limit"}, 422: {"description": "invalid body"}})
async def api_ingest(request: Request):
    authorise(request)  # before the body is read
    max_body = request.app.state.max_body
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > max_body:
            raise ApiError(413, f"request body over the limit of {max_body:,} bytes")
    try:
        body = IngestRequest.model_validate_json(bytes(raw))
    except ValidationError as e:
        problems = [f"{'.'.join(str(x) for x in err['loc']) or 'body'}: {err['msg']}" for err in e.errors()]
        raise bad("invalid body: " + "; ".join(problems[:10])) from None
    docs = []
    for d in body.documents:
        if not ((d.text and d.text.strip()) or (d.html and d.html.strip())):
            raise bad(f"document {d.id!r}: no 'text' or 'html' with content")
        docs.append(d.model_dump())
    # analysis and storage in a server thread (the analysis itself in the server's one worker process);
    # meanwhile watch the client: once it has gone, the request is cancelled before its next document
    cancelled = threading.Event()
    job = asyncio.ensure_future(run_in_threadpool(ingest_documents, request.app.state.db, docs,
                                                  request.app.state.ingest_worker, cancelled))
    while True:
        done, _ = await asyncio.wait({job}, timeout=0.5)
        if done:
            break
        if await request.is_disconnected():
            cancelled.set()
    try:
        return job.result()
    except Cancelled:
        raise ApiError(499, "the client closed the request before it finished; nothing was stored") from None
