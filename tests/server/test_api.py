"""The REST API and the server-rendered pages, against a real DuckDB built from the bundled sample corpus.

No part of Thucydides is mocked: the database is built with the real pipeline, the app is the real
app, and failure cases use real conditions (a locked file, an empty database, oversized bodies).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from thucydides.server.app import MAX_LIMIT, create_app

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "thucydides" / "sample"
VERDICTS = {"yes", "no", "mixed", "insufficient"}
QUESTION = "Will Russia and China forge a military alliance?"






@pytest.fixture(scope="session")
def client(sample_db):
    with TestClient(create_app(str(sample_db), rate_limit=0), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def counts(sample_db):
    from thucydides.storage import Store

    with Store(sample_db, read_only=True) as s:
        return {t: s.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]
                for t in ("documents", "actors", "mentions", "quotes", "events", "registry")}


@pytest.fixture()
def writable_db(sample_db, tmp_path) -> Path:
    path = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, path)
    return path


def error_of(r) -> str:
    body = r.json()
    assert set(body) >= {"error"}, body
    assert isinstance(body["error"], str) and body["error"]
    return body["error"]


# ------------------------------------------------------------------ schema and static
def test_openapi_schema_lists_every_route_and_no_cdn_docs(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/documents", "/api/documents/{ident}", "/api/actors", "/api/quotes", "/api/events", "/api/relations",
              "/api/relations/evidence", "/api/ask", "/api/stats", "/api/ingest"):
        assert p in paths, p
    assert "post" in paths["/api/ingest"]
    assert "IngestDocument" in json.dumps(r.json()["components"])
    # FastAPI's /docs and /redoc pull scripts from a CDN: they are disabled.
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_static_assets_are_local(client):
    for name in ("style.css", "chart.js", "article.js", "favicon.svg"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200, name
        text = r.text.replace("http://www.w3.org/2000/svg", "")  # the SVG namespace name, never fetched
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, name


# ------------------------------------------------------------------ documents
def test_documents_list_pagination_and_filters(client, counts):
    r = client.get("/api/documents", params={"limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == counts["documents"]
    assert body["count"] == 5 and body["next_offset"] == 5 and len(body["items"]) == 5
    first = body["items"]
    second = client.get("/api/documents", params={"limit": 5, "offset": 5}).json()["items"]
    assert {d["doc_key"] for d in first}.isdisjoint(d["doc_key"] for d in second)
    dates = [d["published"] for d in first + second if d["published"]]
    assert dates == sorted(dates, reverse=True)
    everything = client.get("/api/documents", params={"limit": MAX_LIMIT}).json()
    assert everything["count"] == counts["documents"] and everything["next_offset"] is None
    beyond = client.get("/api/documents", params={"offset": 10_000}).json()
    assert beyond["items"] == [] and beyond["total"] == counts["documents"]

    hit = client.get("/api/documents", params={"q": "lavrov"}).json()
    assert "lavrov-alliance" in [d["id"] for d in hit["items"]]
    assert hit["total"] < counts["documents"]

    window = client.get("/api/documents", params={"since": "2025-03-14", "until": "2025-03-27", "limit": 200}).json()
    assert window["items"]
    assert all("2025-03-14" <= d["published"] <= "2025-03-27" for d in window["items"])
    assert window["total"] < counts["documents"]


def test_document_by_id_and_by_key(client):
    rec = client.get("/api/documents/lavrov-alliance").json()
    assert rec["title"] == "Will Russia and China forge a military alliance?"
    assert rec["dateline"] == "MOSCOW"
    text = rec["text"]
    assert rec["actors"] and all(0 <= m[0] < m[1] <= len(text) for a in rec["actors"] for m in a["mentions"])
    names = {a["name"] for a in rec["actors"]}
    assert any("Lavrov" in n for n in names)
    same = client.get(f"/api/documents/{rec['doc_key']}").json()
    assert same["id"] == "lavrov-alliance" and same["text"] == text


def test_unknown_document_is_404(client):
    r = client.get("/api/documents/no-such-article")
    assert r.status_code == 404
    assert "no-such-article" in error_of(r)


# ------------------------------------------------------------------ actors, quotes, events
def test_actors_filter_and_pagination(client):
    r = client.get("/api/actors", params={"limit": 3})
    assert r.status_code == 200
    items = r.json()["items"]
    assert len(items) == 3 and all(set(a) >= {"registry_id", "name", "type", "documents"} for a in items)
    nxt = client.get("/api/actors", params={"limit": 3, "offset": 3}).json()["items"]
    assert {a["registry_id"] for a in items}.isdisjoint(a["registry_id"] for a in nxt)
    lavrov = client.get("/api/actors", params={"name": "lavrov"}).json()["items"]
    assert lavrov and all("lavrov" in a["name"].lower() for a in lavrov)


def test_quotes_filters_and_pagination(client, counts):
    assert counts["quotes"] > 0, "the sample database holds no quotes (quotes stage not producing any)"
    r = client.get("/api/quotes", params={"limit": 4})
    assert r.status_code == 200
    page1 = r.json()["items"]
    assert len(page1) == 4
    page2 = client.get("/api/quotes", params={"limit": 4, "offset": 4}).json()["items"]
    assert {(q["doc_key"], q["quote_id"]) for q in page1}.isdisjoint((q["doc_key"], q["quote_id"]) for q in page2)
    lav = client.get("/api/quotes", params={"speaker": "Lavrov"}).json()["items"]
    assert lav and all("lavrov" in (q["speaker_name"] or "").lower() for q in lav)
    assert all(q["content"] and q["content_end"] > q["content_start"] for q in lav)
    about = client.get("/api/quotes", params={"about": "RUS", "limit": 200}).json()["items"]
    assert about and len(about) < counts["quotes"]
    since = client.get("/api/quotes", params={"since": "2025-04-01", "limit": 200}).json()["items"]
    assert all(q["published"] >= "2025-04-01" for q in since)


def test_events_filters(client, counts):
    assert counts["events"] > 0, "the sample database holds no events (events stage not producing any)"
    asserted = client.get("/api/events", params={"limit": 200}).json()["items"]
    everything = client.get("/api/events", params={"limit": 200, "include_negated": "true"}).json()["items"]
    assert len(everything) >= len(asserted) > 0
    assert not any(e["negated"] or e["hypothetical"] for e in asserted)
    etype = asserted[0]["type"]
    typed = client.get("/api/events", params={"type": etype}).json()["items"]
    assert typed and all(e["type"] == etype for e in typed)
    src = next(e["source_codes"][0] for e in asserted if e["source_codes"])
    by_actor = client.get("/api/events", params={"actor": src}).json()["items"]
    assert by_actor and all(src in e["source_codes"] for e in by_actor)
    page2 = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert page2["offset"] == 2 and page2["count"] <= 2


# ------------------------------------------------------------------ relations, ask, stats
def test_relations_series_and_evidence(client):
    r = client.get("/api/relations", params={"a": "RUS", "b": "CHN", "by": "month"})
    assert r.status_code == 200, r.text
    s = r.json()
    assert (s["a"], s["b"], s["by"]) == ("RUS", "CHN", "month")
    keys = {"period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
            "mean_score", "negated_or_hypothetical"}
    assert all(set(p) >= keys for p in s["points"])
    assert s["total"] == sum(p["events"] for p in s["points"])
    week = client.get("/api/relations", params={"a": "Russia", "b": "China", "by": "week"}).json()
    assert week["by"] == "week"
    points = [p for p in s["points"] if p["events"] or p["negated_or_hypothetical"]]
    assert points, "no RUS-CHN events in the sample database"
    ev = client.get("/api/relations/evidence", params={"a": "RUS", "b": "CHN", "period": points[0]["period"]}).json()
    assert ev["events"], ev
    assert all({"doc_id", "type", "sentence"} <= set(e) for e in ev["events"])


def test_ask_returns_a_brief(client):
    r = client.get("/api/ask", params={"q": QUESTION})
    assert r.status_code == 200, r.text
    brief = r.json()
    assert brief["question"] == QUESTION
    assert brief["verdict"] in VERDICTS
    assert {a.get("code") for a in brief["actors"]} >= {"RUS", "CHN"}
    assert brief["evidence"], brief
    for ev in brief["evidence"]:
        assert ev["kind"] in ("quote", "event", "sentence") and ev["stance"] in ("for", "against", "neutral")
        assert ev["doc_id"] and len(ev["span"]) == 2
    assert brief["explanation"] and brief["confidence_label"] in ("high", "medium", "low")
    page2 = client.get("/api/ask", params={"q": QUESTION, "limit": 2, "offset": 2, "by": "year"}).json()
    assert [e["n"] for e in page2["evidence"]] == [3, 4] and page2["trend"]["by"] == "year"
    for bad_params in ({"q": QUESTION, "as_of": "2025-02-30"}, {"q": QUESTION, "stance": "maybe"}, {"q": QUESTION, "by": "decade"}):
        assert client.get("/api/ask", params=bad_params).status_code == 422, bad_params


def test_stats(client, counts):
    s = client.get("/api/stats").json()
    assert s["documents"] == counts["documents"] and s["quotes"] == counts["quotes"]
    assert "/" not in s["path"]  # no server file path leaks


# ------------------------------------------------------------------ validation
@pytest.mark.parametrize("url, params, needle", [
    ("/api/documents", {"limit": 0}, "limit"),
    ("/api/documents", {"limit": MAX_LIMIT + 1}, "limit"),
    ("/api/documents", {"limit": "ten"}, "limit"),
    ("/api/documents", {"offset": -1}, "offset"),
    ("/api/documents", {"since": "2025-3-1"}, "since"),
    ("/api/documents", {"until": "2025-02-30"}, "until"),
    ("/api/quotes", {"since": "yesterday"}, "since"),
    ("/api/actors", {"limit": 1000}, "limit"),
    ("/api/events", {"type": "assault"}, "type"),
    ("/api/events", {"type": "ASSAULT; DROP"}, "type"),
    ("/api/events", {"include_negated": "perhaps"}, "include_negated"),
    ("/api/relations", {"a": "RUS"}, "b"),
    ("/api/relations", {"a": "RUS", "b": "CHN", "by": "fortnight"}, "by"),
    ("/api/relations/evidence", {"a": "RUS", "b": "CHN"}, "period"),
    ("/api/relations/evidence", {"a": "RUS", "b": "CHN", "period": "2025-13-01"}, "period"),
    ("/api/ask", {}, "q"),
    ("/api/ask", {"q": "x" * 501}, "q"),
])
def test_bad_parameters_are_422_with_a_clear_message(client, url, params, needle):
    r = client.get(url, params=params)
    assert r.status_code == 422, (url, params, r.text)
    assert needle in error_of(r)


# ------------------------------------------------------------------ ingestion and its token
DOC = {"id": "api-test-1", "title": "Test: Japan and India hold talks",
       "published": "2025-05-02",
       "text": "TOKYO - Japan and India held talks on Friday about maritime security, officials said.\n\n"
               "\"We agreed to deepen our cooperation,\" Japanese Foreign Minister Takeshi Iwaya told reporters. "
               "<script>alert('x')</script> was found in a comment."}


def test_ingest_is_forbidden_without_a_configured_token(writable_db):
    with TestClient(create_app(str(writable_db)), raise_server_exceptions=False) as c:
        r = c.post("/api/ingest", json={"documents": [DOC]}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert "read-only" in error_of(r)


def test_ingest_token_checked_then_documents_stored(writable_db):
    app = create_app(str(writable_db), token="s3cret-token", rate_limit=0)
    with TestClient(app, raise_server_exceptions=False) as c:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-token"},
                        {"Authorization": "Basic s3cret-token"}, {"Authorization": "Bearer s3cret-token-and-more"}):
            r = c.post("/api/ingest", json={"documents": [DOC]}, headers=headers)
            assert r.status_code == 401, headers
            assert r.headers.get("www-authenticate") == "Bearer"
            assert "token" in error_of(r)
        # the token is checked before the body: a bad body without a token is still 401
        assert c.post("/api/ingest", content=b"not json").status_code == 401
        auth = {"Authorization": "Bearer s3cret-token"}
        r = c.post("/api/ingest", json={"documents": [DOC]}, headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["stored"] == 1 and body["duplicates"] == 0 and body["failed"] == []
        key = body["documents"][0]["doc_key"]
        again = c.post("/api/ingest", json={"documents": [DOC]}, headers=auth).json()
        assert again["stored"] == 0 and again["duplicates"] == 1
        rec = c.get("/api/documents/api-test-1").json()
        assert rec["doc_key"] == key and "maritime security" in rec["text"]
        html = c.post("/api/ingest", headers=auth, json={"documents": [{
            "id": "api-test-html", "html": "<html><head><title>Oman hosts talks</title></head><body><article><h1>Oman hosts talks</h1>"
            "<p>MUSCAT - Oman hosted talks between Iran and the United States on Saturday, the foreign ministry said, "
            "and both sides described the meeting as constructive and agreed to meet again next week.</p></article></body></html>"}]})
        assert html.status_code == 200 and html.json()["stored"] == 1, html.text
        # the stored text is escaped in the article page, never executed
        page = c.get("/article/api-test-1")
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text
        # bad bodies
        for bad in ({"documents": []}, {"documents": [{"id": "x"}]}, {"documents": [{"id": "x", "text": "   "}]},
                    {"docs": []}, {"documents": [{"text": "no id"}]}):
            r = c.post("/api/ingest", json=bad, headers=auth)
            assert r.status_code == 422, bad
            error_of(r)
        r = c.post("/api/ingest", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
        assert r.status_code == 422


def test_oversized_body_is_413(writable_db):
    app = create_app(str(writable_db), token="t", max_body=2_000, rate_limit=0)
    big = {"documents": [{"id": "big", "text": "word " * 1_000}]}
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/ingest", json=big, headers={"Authorization": "Bearer t"})
        assert r.status_code == 413 and "limit" in error_of(r)

        def chunks():  # no Content-Length: the limit applies while the body streams in
            for _ in range(10):
                yield b"x" * 500

        r = c.post("/api/ingest", content=chunks(), headers={"Authorization": "Bearer t"})
        assert r.status_code == 413 and "limit" in error_of(r)
        # also before authentication: an anonymous client cannot make the server read a huge body
        assert c.post("/api/ingest", json=big).status_code == 413


# ------------------------------------------------------------------ abuse and failure
INJECTIONS = ["' OR '1'='1", "'; DROP TABLE documents; --", "%' UNION SELECT record FROM documents --",
              "\" OR 1=1 --", "Lavrov'); DELETE FROM quotes; --", "%", "_", "\\"]


def test_sql_injection_strings_are_plain_text(client, sample_db, counts):
    from thucydides.storage import Store

    for s in INJECTIONS:
        docs = client.get("/api/documents", params={"q": s, "limit": 200})
        assert docs.status_code == 200
        for d in docs.json()["items"]:  # wildcards are literal: matches really contain the string
            rec = client.get(f"/api/documents/{d['doc_key']}").json()
            assert s.lower() in (rec["text"] + (rec["title"] or "")).lower()
        for url, key in (("/api/quotes", "speaker"), ("/api/quotes", "about"), ("/api/events", "actor"),
                         ("/api/events", "recipient"), ("/api/actors", "name")):
            r = client.get(url, params={key: s})
            assert r.status_code == 200, (url, key, s, r.text)
            if s not in ("%", "_", "\\"):
                assert r.json()["items"] == [], (url, key, s)
        r = client.get("/api/relations", params={"a": s, "b": "CHN"})
        assert r.status_code == 200
        if s not in ("%", "_", "\\"):  # search.py does not escape LIKE wildcards in names
            assert r.json()["total"] == 0
        assert client.get("/api/documents/" + quote(s, safe="")).status_code in (404, 422)
        assert client.get("/quotes", params={"speaker": s}).status_code == 200
    with Store(sample_db, read_only=True) as st:
        after = {t: st.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in counts}
    assert after == counts


def test_no_cors_headers(client):
    r = client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200
    assert not [h for h in r.headers if h.lower().startswith("access-control-")]
    pre = client.options("/api/stats", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert pre.status_code in (404, 405)
    assert not [h for h in pre.headers if h.lower().startswith("access-control-")]


def test_security_headers(client):
    for url in ("/", "/api/stats"):
        r = client.get(url)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"


def test_internal_error_is_a_plain_500(tmp_path):
    import duckdb

    from thucydides.storage.store import META_SCHEMA, SCHEMA

    odd = tmp_path / "odd.duckdb"  # our tables, but a column of the wrong type: a query fails unexpectedly
    con = duckdb.connect(str(odd))
    con.execute(SCHEMA.replace("source_codes VARCHAR[]", "source_codes VARCHAR"))
    con.execute(META_SCHEMA)
    con.close()
    with TestClient(create_app(str(odd), rate_limit=0), raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
        page = c.get("/relations", headers={"Accept": "text/html"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal server error"}
    assert "Traceback" not in r.text and "Catalog" not in r.text and "duckdb" not in r.text.lower()
    # a web page answers a browser with a page, not JSON
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "internal server error" in page.text and "Traceback" not in page.text


def test_empty_duckdb_file_is_no_database_yet(tmp_path):
    import duckdb

    empty = tmp_path / "empty.duckdb"  # a valid DuckDB file without the Thucydides tables
    duckdb.connect(str(empty)).close()
    with TestClient(create_app(str(empty), rate_limit=0), raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
    assert r.status_code == 503 and "no database yet" in r.json()["error"]


def test_missing_database_is_503(tmp_path):
    with TestClient(create_app(str(tmp_path / "none.duckdb"), rate_limit=0), raise_server_exceptions=False) as c:
        r = c.get("/api/documents")
        assert r.status_code == 503 and "ingest" in error_of(r)
        page = c.get("/")
        assert page.status_code == 503 and "text/html" in page.headers["content-type"]


def test_rate_limit_is_429(sample_db):
    with TestClient(create_app(str(sample_db), rate_limit=3), raise_server_exceptions=False) as c:
        assert [c.get("/api/stats").status_code for _ in range(3)] == [200] * 3
        r = c.get("/api/stats")
        assert r.status_code == 429 and "rate limit" in error_of(r) and r.headers["retry-after"]
        assert c.get("/static/style.css").status_code == 200  # static files are not counted


HOLD_LOCK = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(float(sys.argv[2])); c.close()"


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Another process holding DuckDB's write lock on ``path`` (as 'thucydides ingest' does)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_locked_database_waits_then_503(writable_db):
    proc = _hold_lock(writable_db, 5.0)
    try:
        with TestClient(create_app(str(writable_db), rate_limit=0, lock_timeout=0.4), raise_server_exceptions=False) as c:
            r = c.get("/api/stats")
            assert r.status_code == 503 and "busy" in error_of(r) and r.headers["retry-after"]
    finally:
        proc.kill()
        proc.wait()


def test_server_keeps_serving_once_a_writer_releases_the_lock(writable_db):
    proc = _hold_lock(writable_db, 0.8)
    try:
        with TestClient(create_app(str(writable_db), rate_limit=0), raise_server_exceptions=False) as c:
            r = c.get("/api/stats")  # retries while the other process writes, then answers
            assert r.status_code == 200, r.text
            assert r.json()["documents"] > 0
    finally:
        proc.wait(timeout=10)


# ------------------------------------------------------------------ server-rendered pages (no browser)
def test_pages_render(client):
    home = client.get("/")
    assert home.status_code == 200 and "Will Russia and China forge a military alliance?" in home.text
    rel = client.get("/relations", params={"a": "RUS", "b": "CHN", "by": "month"})
    assert rel.status_code == 200 and 'id="series-data"' in rel.text
    quotes = client.get("/quotes", params={"speaker": "Lavrov"})
    assert quotes.status_code == 200 and "Lavrov" in quotes.text
    art = client.get("/article/lavrov-alliance")
    assert art.status_code == 200 and 'class="hl-actor' in art.text
    ask = client.get("/ask", params={"q": QUESTION})
    assert ask.status_code == 200 and 'id="verdict"' in ask.text
    for url in ("/", "/relations", "/quotes", "/ask"):
        assert "https://" not in client.get(url).text


def test_pages_report_errors_as_html(client):
    r = client.get("/article/no-such-article")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "no-such-article" in r.text
    r = client.get("/relations", params={"a": "RUS", "b": "CHN", "since": "2025-99-01"})
    assert r.status_code == 422 and "since" in r.text
    r = client.get("/quotes", params={"since": "soon"})
    assert r.status_code == 422 and "since" in r.text
