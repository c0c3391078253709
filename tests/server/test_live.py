"""Live data: the API keeps answering while `thucydides ingest` adds articles in another process."""
import json
import subprocess
import sys
import time

from fastapi.testclient import TestClient

from conftest import SAMPLE
from thucydides.server.app import create_app


def test_api_serves_during_ingest_and_shows_new_articles(tmp_path):
    db = tmp_path / "live.duckdb"
    # a first article, so the database exists before the server starts
    assert subprocess.run([sys.executable, "-m", "thucydides.cli", "ingest", str(SAMPLE / "lavrov-alliance.txt"),
                           "--db", str(db), "--quiet"]).returncode == 0
    src = tmp_path / "more.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(160):
            f.write(json.dumps({"id": f"live-{i}", "published": "2025-04-01",
                                "text": f"Officials from Japan and South Korea met in Seoul on Monday for round {i} "
                                        f"of talks on trade, the foreign ministry said."}) + "\n")
    client = TestClient(create_app(str(db)))
    proc = subprocess.Popen([sys.executable, "-m", "thucydides.cli", "ingest", str(src), "--db", str(db), "--quiet"])
    counts, statuses = [], []
    try:
        deadline = time.time() + 300
        while time.time() < deadline:
            r = client.get("/api/stats")
            statuses.append(r.status_code)
            if r.status_code == 200:
                counts.append(r.json()["documents"])
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0
    final = client.get("/api/stats").json()["documents"]
    assert final == 161
    # every request was answered (at worst "busy, retry" while a chunk was being written), never an error
    assert set(statuses) <= {200, 503} and statuses.count(200) >= len(statuses) * 0.8, statuses
    # and the reader saw the corpus grow while the writer was still running
    assert counts == sorted(counts) and len(set(counts)) >= 2, counts
    r = client.get("/api/documents", params={"q": "round 159"})
    assert r.status_code == 200 and r.json()["total"] == 1
