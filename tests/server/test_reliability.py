"""Issue 18, the server: slow clients cannot starve it, one persistent ingest worker (also for a script
without a main guard) that is fair to readers and stops when its client goes, ids as data (document keys
route), only http(s) links, the token from the environment or a file and compared as UTF-8, a warning on
a non-loopback bind.

Live servers here listen on 127.0.0.1 only; the raw sockets are few (tens) and bounded in time.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from thucydides.server.app import create_app, loopback, read_token
from thucydides.server.database import _ReadWriteLock

DOC = {"id": "rel-1", "published": "2025-03-02",
       "text": "Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday. "
               "\"We discussed security in the Pacific,\" Lavrov told reporters after the talks."}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        if proc.poll() is not None:
            raise AssertionError(f"the server exited: {proc.stdout.read()[-800:] if proc.stdout else ''}")
        time.sleep(0.2)
    raise AssertionError("the server did not start listening")


@contextlib.contextmanager
def live(cmd: list[str], port: int, env: dict | None = None, cwd: Path | None = None):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd,
                            env={**os.environ, **(env or {})}, start_new_session=True)
    try:
        _wait_port(port, proc)
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()


def http(port: int, request: bytes, source: str = "127.0.0.1", timeout: float = 30) -> bytes:
    """One request on a fresh connection from ``source`` (any 127.x address: another client of this machine)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as s:
        s.sendall(request)
        out = b""
        while True:
            b = s.recv(65536)
            if not b:
                return out
            out += b


def status(raw: bytes) -> int:
    return int(raw.split(b" ", 2)[1]) if raw.startswith(b"HTTP/") else 0


@pytest.fixture()
def writable_db(sample_db, tmp_path) -> Path:
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    return db


GET_STATS = b"GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"


# ------------------------------------------------------------------ slow clients
def test_half_sent_requests_time_out_and_other_clients_are_served(sample_db, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(sample_db, db)
    port = _free_port()
    env = {"THUCYDIDES_SERVER_HEADER_TIMEOUT": "2", "THUCYDIDES_SERVER_BODY_TIMEOUT": "2",
           "THUCYDIDES_SERVER_MAX_CONNECTIONS_PER_CLIENT": "10", "THUCYDIDES_SERVER_MAX_CONNECTIONS": "200",
           "THUCYDIDES_SERVER_RATE_LIMIT": "0"}
    with live([sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port)], port, env):
        attack = []
        for i in range(30):  # slowloris from 127.0.0.1: headers never finished, or a body never sent
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Slow: " if i % 2 else
                      b"GET /api/stats HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{\"documents\"")
            attack.append(s)
        try:
            # another client is served while the attacker holds its share of connections
            assert status(http(port, GET_STATS, source="127.0.0.2")) == 200
            # every attacking connection is closed by the server, none held for ever: over the per-client cap
            # at once (503); the others when their time is up (408 for unfinished headers; the GET with a body
            # never sent may be answered first, then closed)
            got = []
            for i, s in enumerate(attack):
                raw = b""
                with contextlib.suppress(ConnectionResetError):
                    while True:
                        b = s.recv(4096)  # the socket's 30 s timeout fails the test if the server holds it
                        if not b:
                            break
                        raw += b
                got.append((i, status(raw)))
            assert sum(1 for _, st in got if st == 503) >= 19, got  # 10 allowed (one slot may be the start-up probe's)
            assert all(st in (408, 503) for i, st in got if i % 2), got
            assert all(st in (200, 408, 503) for i, st in got), got
            # and the attacker's address is served again once its connections are gone
            assert status(http(port, GET_STATS)) == 200
        finally:
            for s in attack:
                s.close()


# ------------------------------------------------------------------ the ingest worker
def test_serve_in_a_script_without_main_guard_ingests(sample_db, tmp_path):
    """The documented example, without `if __name__ == "__main__"`: ingestion works, the server runs once."""
    db = tmp_path / "g.duckdb"
    shutil.copy(sample_db, db)
    port = _free_port()
    script = tmp_path / "app.py"
    script.write_text(f"from thucydides.server import serve\nserve({str(db)!r}, port={port})\n", encoding="utf-8")
    body = json.dumps({"documents": [DOC]}).encode()
    req = (f"POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tok\r\nContent-Type: application/json\r\n"
           f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    with live([sys.executable, str(script)], port, {"THUCYDIDES_TOKEN": "tok"}, cwd=tmp_path) as proc:
        raw = http(port, req, timeout=300)
        assert status(raw) == 200, raw[-500:]
        assert json.loads(raw.partition(b"\r\n\r\n")[2])["stored"] == 1
        raw = http(port, req, timeout=300)  # the second request uses the same worker
        assert json.loads(raw.partition(b"\r\n\r\n")[2])["duplicates"] == 1
    out = proc.stdout.read()
    assert "address already in use" not in out.lower() and out.count("serving") == 1, out[-1000:]


def test_one_persistent_worker_for_every_request(writable_db):
    app = create_app(str(writable_db), token="t", rate_limit=0)
    with TestClient(app) as c:
        for i in range(3):
            r = c.post("/api/ingest", json={"documents": [{**DOC, "id": f"w{i}", "text": DOC["text"] + f" Round {i}."}]},
                       headers={"Authorization": "Bearer t"})
            assert r.status_code == 200 and r.json()["stored"] == 1, r.text
        worker = app.state.ingest_worker
        assert worker.started == 1 and worker.pid is not None
    assert worker.pid is None  # stopped with the app


def test_ingest_is_cancelled_when_the_client_goes(sample_db, tmp_path):
    db = tmp_path / "c.duckdb"
    shutil.copy(sample_db, db)
    from thucydides.storage import Store

    with Store(db, read_only=True) as s:
        before = s.stats()["documents"]
    port = _free_port()
    docs = [{"id": f"gone-{i}", "text": f"Officials of Japan and South Korea met in Seoul for round {i} of talks on "
                                         f"trade, the foreign ministry said on Monday. " * 20} for i in range(40)]
    big = json.dumps({"documents": docs}).encode()
    head = (f"POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tok\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(big)}\r\n\r\n").encode()
    small = json.dumps({"documents": [DOC]}).encode()
    one = (f"POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer tok\r\nContent-Type: application/json\r\n"
           f"Content-Length: {len(small)}\r\nConnection: close\r\n\r\n").encode() + small
    with live([sys.executable, "-m", "thucydides.cli", "serve", "--db", str(db), "--port", str(port)], port,
              {"THUCYDIDES_TOKEN": "tok", "THUCYDIDES_SERVER_RATE_LIMIT": "0"}):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(head + big)
        time.sleep(1.0)  # the request is in and queued for analysis; then its client goes
        s.close()
        raw = http(port, one, timeout=600)  # queued behind the cancelled request
        assert status(raw) == 200 and json.loads(raw.partition(b"\r\n\r\n")[2])["stored"] == 1
    with Store(db, read_only=True) as s:
        assert s.stats()["documents"] == before + 1  # nothing of the abandoned request was stored


def test_a_waiting_writer_goes_before_later_readers():
    """Under a steady stream of reads, a write gets its turn once the reads already running end."""
    lock = _ReadWriteLock()
    order: list[str] = []
    first_in, release_first = threading.Event(), threading.Event()

    def first_reader():
        with lock.read():
            first_in.set()
            release_first.wait(30)
            order.append("R1")

    def writer():
        with lock.write():
            order.append("W")

    def later_reader():
        with lock.read():
            order.append("R2")

    threads = [threading.Thread(target=first_reader)]
    threads[0].start()
    assert first_in.wait(30)
    threads.append(threading.Thread(target=writer))
    threads[1].start()
    while lock.waiting_writers == 0:
        time.sleep(0.01)
    threads.append(threading.Thread(target=later_reader))
    threads[2].start()
    time.sleep(0.3)  # the later reader has asked for its turn (it must not get in ahead of the writer)
    release_first.set()
    for t in threads:
        t.join(30)
    assert order == ["R1", "W", "R2"]


# ------------------------------------------------------------------ ids are data
@pytest.mark.parametrize("ident", ["a/b", "x#1", "q?x=1", "50%", "../etc/passwd"])
def test_ids_with_url_characters_work_and_shared_ids_open_the_right_article(tmp_path, ident):
    from thucydides.linking import link_all
    from thucydides.model import Document
    from thucydides.pipeline import analyze_documents
    from thucydides.storage import Store

    db = tmp_path / "ids.duckdb"
    texts = ["Iran and Russia signed a trade agreement in Moscow on Tuesday, the Kremlin said.",
             "Japan and South Korea held talks on security in Seoul on Friday, officials said."]
    with Store(db) as s:
        items = list(link_all(analyze_documents([Document(id=ident, input=f"in{i}", raw=t) for i, t in enumerate(texts)]),
                              s.registry()))
        assert s.ingest(items).stored == 2
    with TestClient(create_app(str(db), rate_limit=0)) as c:
        listed = c.get("/api/documents").json()["items"]
        assert {d["id"] for d in listed} == {ident}
        home = c.get("/").text
        for d in listed:
            assert f'href="/article/{d["doc_key"]}"' in home
            rec = c.get(f"/api/documents/{d['doc_key']}").json()
            page = c.get(f"/article/{d['doc_key']}")
            assert page.status_code == 200 and rec["text"].split()[0] in page.text
        texts_by_key = {d["doc_key"]: c.get(f"/api/documents/{d['doc_key']}").json()["text"] for d in listed}
        assert sorted(texts_by_key.values()) == sorted(texts)
        # the id itself (percent-encoded) is data: shared by two documents, it asks for a key instead of guessing
        r = c.get("/api/documents/" + quote(ident, safe=""))
        assert r.status_code == 422 and "document key" in r.json()["error"]
    with Store(db) as s:  # once one of them is gone, the id opens the other
        s.con.execute("DELETE FROM documents WHERE doc_key = ?", [listed[0]["doc_key"]])
    with TestClient(create_app(str(db), rate_limit=0)) as c:
        r = c.get("/api/documents/" + quote(ident, safe=""))
        assert r.status_code == 200 and r.json()["doc_key"] == listed[1]["doc_key"]
        assert c.get("/article/" + quote(ident, safe="")).status_code == 200


def test_evidence_links_use_document_keys(sample_db):
    with TestClient(create_app(str(sample_db), rate_limit=0)) as c:
        brief = c.get("/api/ask", params={"q": "Will Russia and China forge a military alliance?"}).json()
        keys = {d["doc_key"] for d in c.get("/api/documents", params={"limit": 200}).json()["items"]}
        assert brief["evidence"] and all(e["doc_key"] in keys for e in brief["evidence"])
        page = c.get("/ask", params={"q": "Will Russia and China forge a military alliance?"}).text
        assert any(f"/article/{k}?span=" in page for k in keys)


# ------------------------------------------------------------------ links, token, bind
def test_only_http_urls_become_links(tmp_path):
    from thucydides.linking import link_all
    from thucydides.model import Document
    from thucydides.pipeline import analyze_documents
    from thucydides.storage import Store

    db = tmp_path / "u.duckdb"
    urls = {"js": "javascript:alert(document.cookie)", "data": "data:text/html,<script>alert(1)</script>",
            "rel": "//evil.example/x", "ok": "https://www.voanews.com/a/story.html"}
    with Store(db) as s:
        docs = [Document(id=k, input=k, raw=f"Iran and Russia signed agreement number {k} in Moscow, officials said.", url=u)
                for k, u in urls.items()]
        s.ingest(list(link_all(analyze_documents(docs), s.registry())))
    with TestClient(create_app(str(db), rate_limit=0)) as c:
        for k, u in urls.items():
            page = c.get(f"/article/{k}").text
            if k == "ok":
                assert f'href="{u}"' in page
            else:
                assert 'href="javascript' not in page and 'href="data:' not in page and 'href="//evil' not in page


def test_non_ascii_token_authenticates_as_utf8(writable_db):
    token = "pässwörd-токен-令牌"
    with TestClient(create_app(str(writable_db), token=token, rate_limit=0)) as c:
        auth = {"Authorization": b"Bearer " + token.encode("utf-8")}
        r = c.post("/api/ingest", json={"documents": [DOC]}, headers=auth)
        assert r.status_code == 200, r.text
        wrong = {"Authorization": b"Bearer " + token.encode("latin-1", "replace")}
        assert c.post("/api/ingest", json={"documents": [DOC]}, headers=wrong).status_code == 401


def test_token_comes_from_the_environment_or_a_file_never_argv(tmp_path):
    f = tmp_path / "token"
    f.write_text("from-a-file\n", encoding="utf-8")
    assert read_token(str(f), env={}) == "from-a-file"
    assert read_token(None, env={"THUCYDIDES_TOKEN": "from-env"}) == "from-env"
    assert read_token(None, env={}) is None
    res = subprocess.run([sys.executable, "-m", "thucydides.cli", "serve", "--token", "s3cret", "--port", "1"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and "THUCYDIDES_TOKEN" in res.stderr and "ps" in res.stderr


def test_a_non_loopback_bind_warns(tmp_path, sample_db):
    assert loopback("127.0.0.1") and loopback("::1") and loopback("localhost") and loopback("127.3.2.1")
    assert not loopback("0.0.0.0") and not loopback("192.168.1.10") and not loopback("::")
    # the port is held on 127.0.0.1, so the 0.0.0.0 bind fails right after the warning: nothing is exposed
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "thucydides.cli", "serve", "--db", str(sample_db), "--host", "0.0.0.0",
                              "--port", str(port)], capture_output=True, text=True, timeout=120)
    assert "warning: binding 0.0.0.0" in res.stderr and "other machines" in res.stderr


def test_the_ingest_queue_is_bounded_and_a_queued_request_can_be_cancelled():
    from thucydides.model import Document
    from thucydides.server.deps import ApiError
    from thucydides.server.ingest import Cancelled, IngestWorker

    worker = IngestWorker(queue_size=1)
    results: dict[str, object] = {}
    gone = threading.Event()

    def run(name, cancelled=None):
        try:
            results[name] = worker.analyse([Document(id=name, input=name, raw=DOC["text"])], cancelled)
        except (ApiError, Cancelled) as e:
            results[name] = e

    try:
        first = threading.Thread(target=run, args=("first",))
        first.start()  # takes the worker (starting it loads the model)
        while worker._admitted < 1:
            time.sleep(0.01)
        second = threading.Thread(target=run, args=("second", gone))
        second.start()  # waits in the queue
        while worker._admitted < 2:
            time.sleep(0.01)
        run("third")  # the queue is full
        assert isinstance(results["third"], ApiError) and results["third"].status == 503
        gone.set()  # the second request's client goes while it waits
        second.join(120)
        first.join(300)
        assert isinstance(results["second"], Cancelled)
        assert [d.id for d in results["first"]] == ["first"]
    finally:
        worker.close()
