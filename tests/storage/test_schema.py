"""Issue 18, the database file: a schema version table, foreign DuckDB files refused before anything is
written, older databases of ours migrated, damaged schemas named (CLI and server), and a CLI ingest that
waits for the lock with a timeout and says so clearly."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import duckdb
import pytest
from fastapi.testclient import TestClient

from conftest import SAMPLE
from thucydides.cli import main
from thucydides.errors import StoreError
from thucydides.server.app import create_app
from thucydides.storage import Store
from thucydides.storage.store import META_TABLE, SCHEMA_VERSION

ARTICLE = str(SAMPLE / "lavrov-alliance.txt")


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def copy(sample_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    return db


def test_a_new_database_records_its_schema_version(tmp_path):
    with Store(tmp_path / "n.duckdb") as s:
        assert s.query(f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'")[0]["value"] == str(SCHEMA_VERSION)
        assert not s.index_stale()


def test_a_foreign_duckdb_file_is_refused_before_anything_is_written(tmp_path, capsys):
    db = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE orders (id INTEGER, amount DOUBLE)")
    con.execute("INSERT INTO orders VALUES (1, 9.5)")
    con.close()
    before = sha(db)
    for read_only in (False, True):
        with pytest.raises(StoreError, match="not a Thucydides database.*orders"):
            Store(db, read_only=read_only)
    assert main(["ingest", ARTICLE, "--db", str(db), "-q"]) == 2
    err = capsys.readouterr().err
    assert "not a Thucydides database" in err and "Traceback" not in err
    assert sha(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["orders"]
    con.close()


def test_an_older_database_of_ours_is_migrated_and_its_index_rebuilt(copy):
    con = duckdb.connect(str(copy))
    con.execute(f"DROP TABLE {META_TABLE}")  # as made before the version table existed (version 1)
    con.execute("DROP TABLE passages")
    con.close()
    with Store(copy, read_only=True) as s:  # readable as it is
        assert s.schema_version == 1 and s.stats()["documents"] > 20
    with Store(copy) as s:  # a writer migrates it; its index counts as stale until rebuilt
        assert s.schema_version == SCHEMA_VERSION and s.index_stale()
        assert s.check_index() and not s.index_stale()
        assert s.search_passages("alliance")


def test_a_newer_database_is_refused(copy):
    con = duckdb.connect(str(copy))
    con.execute(f"UPDATE {META_TABLE} SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'")
    con.close()
    before = sha(copy)
    with pytest.raises(StoreError, match="newer Thucydides"):
        Store(copy)
    assert sha(copy) == before


def test_a_damaged_schema_gives_clear_errors(copy, capsys):
    con = duckdb.connect(str(copy))
    con.execute("ALTER TABLE events DROP COLUMN sentence")
    con.close()
    with pytest.raises(StoreError, match="damaged schema: table events lacks column.*sentence"):
        Store(copy, read_only=True)
    assert main(["stats", "--db", str(copy)]) == 2
    assert "damaged schema" in capsys.readouterr().err
    with TestClient(create_app(str(copy), rate_limit=0), raise_server_exceptions=False) as c:
        r = c.get("/api/stats")
        assert r.status_code == 503 and "damaged schema" in r.json()["error"] and str(copy) not in r.text
        page = c.get("/relations", params={"a": "RUS", "b": "CHN"}, headers={"Accept": "text/html"})
        assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")
        assert "damaged schema" in page.text


HOLD_LOCK = ("import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
             "time.sleep(float(sys.argv[2])); c.close(); print('released', flush=True)")


def test_cli_ingest_waits_for_the_lock_then_says_clearly_who_holds_it(copy, tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(copy), "600"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        res = subprocess.run([sys.executable, "-m", "thucydides.cli", "ingest", ARTICLE, "--db", str(copy), "-q",
                              "--lock-wait", "1", "--no-resume"], capture_output=True, text=True, timeout=300)
        assert res.returncode == 2 and "Traceback" not in res.stderr
        assert "locked by another process" in res.stderr and "waited 1 s" in res.stderr and "--lock-wait" in res.stderr
    finally:
        holder.kill()
        holder.wait()
    # released while the ingest waits: it goes ahead
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(copy), "3"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        new = tmp_path / "new.txt"
        new.write_text("Iran and Russia signed a new trade agreement in Moscow on Tuesday, the Kremlin said.", encoding="utf-8")
        res = subprocess.run([sys.executable, "-m", "thucydides.cli", "ingest", str(new), "--db", str(copy), "-q",
                              "--lock-wait", "120"], capture_output=True, text=True, timeout=300)
        assert res.returncode == 0, res.stderr
    finally:
        holder.wait(timeout=60)
