"""kill -9 at every stage boundary of an ingest, then the same command again: the database answers
``ask`` and search exactly as one built by a clean run (issue 18: a kill after the last chunk and
before the index rebuild used to leave the passage index missing for good).

The killed run is the real ``thucydides ingest`` in a child process, with two documents per chunk
so that a few sample articles make several chunks; the child kills itself with SIGKILL right
before or after the n-th time a given SQL statement runs (a chunk's COMMIT, the passage table's
rebuild, the full-text index's creation). The rerun and the clean run go through the same command.
"""
import json
import signal
import subprocess
import sys

import pytest

import harden  # tools/harden.py, on the path via conftest
from conftest import SAMPLE
from thucydides.cli import main
from thucydides.query.ask import ask
from thucydides.storage import Store

ARTICLES = [SAMPLE / n for n in ("lavrov-alliance.txt", "beijing-iran-talks.txt", "israel-iran-warning.txt",
                                 "us-china-tariffs.txt", "eu-russia-sanctions-renewal.txt")]
QUESTIONS = ["Will Russia and China forge a military alliance?", "Will Israel attack Iran?",
             "Are the United States and China in a trade war?"]
SEARCHES = ["alliance", "sanctions", "nuclear talks", "tariffs China", "strike"]

# The child: `thucydides ingest` killing itself at one statement boundary (the hardening campaign's own child,
# tools/harden.py KILL_CHILD), with 2 documents per chunk.

# 5 articles, 2 per chunk: COMMIT 1-3 are the three chunks' (the schema's own, inside Store(), is not seen;
# a kill after the 3rd is the same point as before the index rebuild); then the index rebuild: before and
# after the passage table, after the FTS index (before its generation is recorded).
KILL_POINTS = [("after", "COMMIT", 1), ("after", "COMMIT", 2), ("after", "COMMIT", 3),
               ("before", "CREATE OR REPLACE TABLE passages", 1), ("after", "CREATE OR REPLACE TABLE passages", 1),
               ("after", "create_fts_index", 1)]


def answers(db) -> str:
    """What a user sees: ask briefs, passage searches, and the counts of every table."""
    with Store(db, read_only=True) as s:
        out = {"ask": [ask(s, q, limit=50) for q in QUESTIONS],
               "search": [s.search_passages(w, limit=50) for w in SEARCHES],
               "counts": {t: s.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]
                          for t in ("documents", "actors", "mentions", "quotes", "events", "registry", "passages")},
               "stale": s.index_stale()}
    for brief in out["ask"]:
        brief.pop("seconds", None)
    return json.dumps(out, sort_keys=True, default=str)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    assert main(["ingest", *map(str, ARTICLES), "--db", str(db), "-q"]) == 0
    text = answers(db)
    assert json.loads(text)["counts"]["passages"] > 0 and '"evidence": []' not in text.split('"search"')[0][:50]
    return text


@pytest.mark.parametrize("when,pattern,nth", KILL_POINTS, ids=[f"{w}-{p.split()[-1]}-{n}" for w, p, n in KILL_POINTS])
def test_killed_ingest_then_rerun_answers_as_a_clean_run(tmp_path, clean, when, pattern, nth):
    db = tmp_path / "k.duckdb"
    cmd = ["ingest", *map(str, ARTICLES), "--db", str(db), "-q"]
    child = subprocess.run([sys.executable, "-c", harden.KILL_CHILD, when, pattern, str(nth), "2", *cmd],
                           capture_output=True, text=True, timeout=600)
    assert child.returncode == -signal.SIGKILL, f"the child was not killed at {when} {pattern} #{nth}: {child.stderr[-500:]}"
    assert main(cmd) == 0
    assert answers(db) == clean
