"""Scale: parallel and Dask runs give the records of a local run; a killed ingest resumes without loss."""
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import SAMPLE
from thucydides.input.read import read
from thucydides.pipeline import analyze
from thucydides.settings import load
from thucydides.storage import Store


def records(db):
    with Store(db, read_only=True) as s:
        return sorted((json.dumps(r, sort_keys=True) for r in s.records()))


def test_jobs_2_same_records_as_local(sample_db, tmp_path):
    db = tmp_path / "jobs.duckdb"
    with Store(db) as s:
        s.ingest(analyze([SAMPLE], load(jobs=2)))
    assert records(db) == records(sample_db)


def test_dask_local_cluster_same_records_as_local(sample_db, tmp_path):
    from thucydides.pipeline.parallel import dask_analyze, load_parquet

    parts = tmp_path / "parts"
    summary = dask_analyze(read([SAMPLE]), parts, address="local", workers=2, batch_size=8)
    assert summary["documents"] == 29 and summary["parts"] >= 4
    assert len(list(parts.glob("part-*.parquet"))) == summary["parts"]
    db = tmp_path / "dask.duckdb"
    with Store(db) as s:
        assert load_parquet(s, parts) == (29, 0)
        # DuckDB can also query the partitions in place
        n = s.query(f"SELECT count(*) AS n FROM read_parquet('{parts}/part-*.parquet')")[0]["n"]
    assert n == 29
    assert records(db) == records(sample_db)


def _corpus(path, n):
    countries = ["Russia", "China", "India", "Pakistan", "Iran", "Israel", "Turkey", "Japan"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            a, b = countries[i % 8], countries[(i + 3) % 8]
            f.write(json.dumps({"id": f"d{i:03d}", "published": "2025-03-10",
                                "text": f"{a} and {b} held talks on trade number {i} on Monday, officials said. "
                                        f"The foreign minister of {a} said the meeting was useful."}) + "\n")


@pytest.mark.parametrize("kill_after", [4.0, 7.0])
def test_kill_9_during_ingest_then_resume_loses_and_duplicates_nothing(tmp_path, kill_after):
    src = tmp_path / "in.jsonl"
    _corpus(src, 400)
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "thucydides.cli", "ingest", str(src), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(kill_after)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # restart the same command: it continues where the killed run stopped
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    with Store(db, read_only=True) as s:
        ids = [r["id"] for r in s.query("SELECT id FROM documents")]
        inputs = s.query("SELECT count(*) AS n FROM inputs WHERE status = 'stored'")[0]["n"]
        orphans = s.query("SELECT count(*) AS n FROM actors WHERE doc_key NOT IN (SELECT doc_key FROM documents)")[0]["n"]
    assert len(ids) == 400 and len(set(ids)) == 400
    assert inputs == 400 and orphans == 0


def test_warc_and_feed_readers(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = ("<html><head><title>Border talks</title></head><body><article><h1>Border talks</h1>"
            "<p>India and China agreed on Thursday to continue talks on their disputed border, officials said.</p>"
            "<p>The two sides met in New Delhi for the first time in months and pledged to keep the peace.</p>"
            "</article></body></html>").encode("utf-8")
    warc = tmp_path / "crawl.warc.gz"
    with open(warc, "wb") as f:
        w = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record("https://example.org/border", "response", payload=io.BytesIO(html),
                                            http_headers=headers))
    feed = tmp_path / "news.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
      <item><title>Sanctions renewed</title><link>https://example.org/s</link><pubDate>Fri, 14 Mar 2025 10:00:00 GMT</pubDate>
      <description>The European Union renewed sanctions on Russia for six months on Friday, diplomats said.</description></item>
      </channel></rss>""", encoding="utf-8")
    docs = list(analyze([warc, feed]))
    assert [type(d).__name__ for d in docs] == ["Document", "Document"]
    w_doc, f_doc = docs
    assert w_doc.url == "https://example.org/border" and "disputed border" in w_doc.text
    assert {a.country for a in w_doc.actors} >= {"IND", "CHN"}
    assert f_doc.title == "Sanctions renewed" and f_doc.published == "2025-03-14"
    assert "renewed sanctions on Russia" in f_doc.text
