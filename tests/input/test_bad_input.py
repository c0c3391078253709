"""Bad input: a clear error naming the input and the reason; the batch goes on; non-zero exit."""
import json
import subprocess
import sys

import pytest

from thucydides.cli import main

GOOD = "Talks resume\n\nGENEVA - Russian and Ukrainian negotiators met in Geneva on Monday, officials said.\n"


def run_cli(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def batch(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes("Caf\xe9 talks\n\nThe minister said caf\xe9.".encode("latin-1"))
    (d / "lines.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "BEIJING - China and Russia signed a trade agreement on Tuesday."}) + "\n"
        + '{"id": "broken", "text": "unterminated\n'
        + json.dumps({"id": "no-text"}) + "\n"
        + json.dumps({"id": "wrong-type", "text": 42}) + "\n", encoding="utf-8")
    (d / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    big = d / "huge.txt"
    with open(big, "w", encoding="utf-8") as f:
        line = "The delegation met again and said nothing new. " * 20 + "\n\n"
        while f.tell() < 50_000_000:
            f.write(line)
    return d


def test_batch_goes_on_and_reports_every_bad_input(batch, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli(["analyze", str(batch), "--out", str(out), "--quiet"], capsys)
    assert code == 1  # some input failed
    records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    # a Latin-1 text is read as a browser would read it (charset detection), not refused
    assert {r["id"] for r in records} == {"good", "ok-1", "latin1"}
    assert "café" in next(r for r in records if r["id"] == "latin1")["text"]
    expected = {
        "empty.txt": "empty input",
        "binary.txt": "binary data",
        "lines.jsonl:2": "malformed JSON",
        "lines.jsonl:3": "no 'text' or 'html'",
        "lines.jsonl:4": "must be a string",
        "nav.html": "no article text",
        "huge.txt": "over the limit",
    }
    for name, reason in expected.items():
        hits = [l for l in err.splitlines() if name in l and reason in l]
        assert hits, f"no error line for {name} ({reason}) in:\n{err}"
    # the run summary accounts for every input: 3 analysed + 7 failed
    assert "3 analysed, 7 failed" in err


def test_missing_file_named(tmp_path, capsys):
    code, _, err = run_cli(["analyze", str(tmp_path / "nope.txt"), "--quiet"], capsys)
    assert code == 1 and "nope.txt: no such file or directory" in err


def test_ingest_records_failures_in_the_store(batch, tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    code, _, err = run_cli(["ingest", str(batch), "--db", str(db), "--quiet"], capsys)
    assert code == 1
    from thucydides.storage import Store

    with Store(db, read_only=True) as s:
        assert s.stats()["documents"] == 3
        failures = s.query("SELECT input, reason FROM failures ORDER BY input")
    assert len(failures) == 7
    assert any(f["input"].endswith("lines.jsonl:2") and "malformed JSON" in f["reason"] for f in failures)


def test_cli_entry_point_exit_status(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    res = subprocess.run([sys.executable, "-m", "thucydides.cli", "analyze", str(p)], capture_output=True, text=True)
    assert res.returncode == 1
    assert "empty.txt: empty input" in res.stderr
