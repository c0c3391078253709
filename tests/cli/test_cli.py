"""The command line over a database built from the sample corpus, as a user would run it."""
import csv
import json

import pytest

from conftest import SAMPLE
from thucydides.cli import main


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "t.duckdb"
    assert main(["ingest", str(SAMPLE), "--db", str(path), "--quiet"]) == 0
    return path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_seed_article_record(capsys):
    code, out, _ = run(capsys, "analyze", str(SAMPLE / "lavrov-alliance.txt"), "--quiet")
    assert code == 0
    rec = json.loads(out)
    assert rec["id"] == "lavrov-alliance"
    assert rec["title"] == "Will Russia and China forge a military alliance?" and rec["dateline"] == "MOSCOW"
    assert "Notify of" in rec["removed"]
    for key in ("actors", "quotes", "events"):
        assert rec[key], key
    # every span indexes the record's own text
    for q in rec["quotes"]:
        s, e = q["content"]
        assert 0 <= s < e <= len(rec["text"])


def test_stats_summary(db, capsys):
    code, out, _ = run(capsys, "stats", "--db", str(db))
    assert code == 0
    assert "documents  29" in out
    assert "most active country pairs" in out and "quotes:" in out


def test_reingest_does_not_duplicate(db, tmp_path, capsys):
    # the same article under another name (a syndicated copy) is recognised by its normalised text
    copy = tmp_path / "syndicated-copy.txt"
    copy.write_text((SAMPLE / "lavrov-alliance.txt").read_text(encoding="utf-8").replace("  ", " "), encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(SAMPLE), str(copy), "--db", str(db))
    assert code == 0
    assert "0 stored" in err
    code, out, _ = run(capsys, "stats", "--db", str(db), "--json")
    assert json.loads(out)["documents"] == 29


def test_quotes_by_speaker_and_country(db, capsys):
    code, out, _ = run(capsys, "quotes", "--speaker", "Lavrov", "--db", str(db), "--json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert {r["speaker_name"] for r in rows} == {"Sergei Lavrov"}
    assert all(r["speaker_country"] == "RUS" for r in rows)
    assert sum(r["id"] == "lavrov-alliance" for r in rows) >= 5
    code, out, _ = run(capsys, "quotes", "--about", "Iran", "--since", "2025-03-01", "--db", str(db))
    assert code == 0 and "source:" in out and "document:" in out


def test_events_filters_and_exports(db, tmp_path, capsys):
    code, out, _ = run(capsys, "events", "--actor", "RUS", "--db", str(db), "--json", "--include-negated")
    rows = json.loads(out)
    assert code == 0 and rows and all("RUS" in r["source_codes"] for r in rows)
    assert any(r["negated"] or r["hypothetical"] for r in rows)
    code, out, _ = run(capsys, "events", "--actor", "RUS", "--db", str(db), "--json")
    assert not any(r["negated"] or r["hypothetical"] for r in json.loads(out))
    for ext in ("parquet", "csv", "json"):
        target = tmp_path / f"events.{ext}"
        assert main(["events", "--db", str(db), "--export", str(target)]) == 0
        assert target.stat().st_size > 0
    with open(tmp_path / "events.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert {"type", "negated", "hypothetical", "source", "documents", "spans"} <= set(header)
    first = json.loads((tmp_path / "events.json").read_text(encoding="utf-8").splitlines()[0])
    assert {"event_type", "actor", "recipient", "event_date", "source_doc"} <= set(first)


def test_actors_list_set_merge(db, capsys):
    code, out, _ = run(capsys, "actors", "--name", "Lavrov", "--db", str(db), "--json")
    [lavrov] = json.loads(out)
    assert (lavrov["country"], lavrov["role"]) == ("RUS", "foreign minister")
    code, out, _ = run(capsys, "actors", "set", lavrov["registry_id"], "--role", "top diplomat", "--db", str(db))
    assert code == 0 and "(corrected)" in out
    code, out, _ = run(capsys, "quotes", "--speaker", "Lavrov", "--db", str(db), "--json")
    assert {r["speaker_role"] for r in json.loads(out)} == {"top diplomat"}
    code, _, err = run(capsys, "actors", "merge", lavrov["registry_id"], "r-nope", "--db", str(db))
    assert code == 2 and "no actor with registry id" in err


def test_errors_are_clear(tmp_path, capsys):
    code, _, err = run(capsys, "stats", "--db", str(tmp_path / "missing.duckdb"))
    assert code == 2 and "no such database" in err
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "stats", "--db", str(bad))
    assert code == 2 and "bad.duckdb" in err and "Traceback" not in err
