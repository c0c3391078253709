"""Daily use of the command line (issue 14): every filter honoured, every error one clear line, a closed
pipe a quiet exit, --help for every option. Run on a database built from the sample corpus by the real
pipeline, the way a user runs the commands."""
import csv
import json
import os
import re
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import REPO
from thucydides.cli import main
from thucydides.cli.main import build_parser

ENV = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("thucydides: ") and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def rw_db(sample_db, tmp_path):
    """A copy of the sample database that a test may change."""
    path = tmp_path / "rw.duckdb"
    shutil.copy(sample_db, path)
    return path


# --- exports honour the listing's filters -------------------------------------------------------------

@pytest.mark.parametrize("filters", [["--type", "ASSAULT"], ["--actor", "RUS"], ["--actor", "Lavrov"],
                                     ["--type", "accuse", "--include-negated"]])
def test_export_writes_exactly_the_listed_events_in_every_format(sample_db, tmp_path, capsys, filters):
    code, out, _ = run(capsys, "events", *filters, "--limit", "100000", "--json", "--db", sample_db)
    listed = json.loads(out)
    assert code == 0 and listed
    keys = sorted((e["event_key"], e["negated"], e["hypothetical"]) for e in listed)
    for ext in ("csv", "json", "parquet"):
        target = tmp_path / f"ev.{ext}"
        code, _, err = run(capsys, "events", *filters, "--export", target, "--db", sample_db)
        assert code == 0 and f"wrote {len(listed)} events" in err
        if ext == "csv":
            with open(target, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            got = sorted((r["event_key"], r["negated"] == "true", r["hypothetical"] == "true") for r in rows)
        elif ext == "json":
            rows = [json.loads(l) for l in target.read_text(encoding="utf-8").splitlines()]
            got = sorted((r["id"], r["negated"], r["hypothetical"]) for r in rows)
        else:
            rows = pq.read_table(target).to_pylist()
            got = sorted((r["event_key"], r["negated"], r["hypothetical"]) for r in rows)
        assert got == keys, ext
        if "--include-negated" not in filters:
            assert not any(n or h for _, n, h in got)
        if filters[0] == "--type":
            assert {r.get("type") or r.get("event_type") for r in rows} == {filters[1].upper()}


def test_csv_export_names_sources_and_documents(sample_db, tmp_path, capsys):
    target = tmp_path / "ev.csv"
    assert run(capsys, "events", "--actor", "RUS", "--export", target, "--db", sample_db)[0] == 0
    with open(target, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    # `source` holds the actors' names, not the per-document ids a1, a2 ...
    assert not any(re.fullmatch(r"\[?a\d+(, a\d+)*\]?", r["source"]) for r in rows)
    assert any("Russia" in r["source"] or "Lavrov" in r["source"] or "Putin" in r["source"] for r in rows)
    assert all(r["documents"] and r["spans"] for r in rows)
    assert any("lavrov-alliance" in r["documents"] for r in rows)


def test_csv_cells_that_spreadsheets_would_run_are_neutralised(tmp_path, capsys):
    db = tmp_path / "f.duckdb"
    art = tmp_path / "formula.jsonl"
    art.write_text(json.dumps({"id": "=HYPERLINK(\"http://x\")", "title": "+cmd|' /C calc'!A0",
                               "text": "MOSCOW - Russia attacked Ukraine with drones on Monday, officials said."}) + "\n",
                   encoding="utf-8")
    assert run(capsys, "ingest", art, "--db", db, "--quiet")[0] == 0
    for args in (["events", "--export", tmp_path / "e.csv"], ["export", "documents", tmp_path / "d.csv"]):
        target = args[-1]
        assert run(capsys, *args, "--db", db)[0] == 0
        cells = [c for row in csv.reader(open(target, newline="", encoding="utf-8")) for c in row]
        def number(c):
            try:
                return float(c) is not None
            except ValueError:
                return False

        bad = [c for c in cells if c[:1] and c[:1] in "=+-@" and not number(c)]  # -9.5 (a score) is a number, not a formula
        assert cells and not bad, bad
        assert any(c.startswith("'=HYPERLINK") for c in cells)


# --- actors -----------------------------------------------------------------------------------------

def test_actors_list_filters_by_country_and_role(sample_db, capsys):
    code, out, _ = run(capsys, "actors", "--country", "RUS", "--json", "--db", sample_db)
    rows = json.loads(out)
    assert code == 0 and rows and {r["country"] for r in rows} == {"RUS"}
    code, out, _ = run(capsys, "actors", "--country", "Russia", "--json", "--db", sample_db)
    assert {r["registry_id"] for r in json.loads(out)} == {r["registry_id"] for r in rows}
    code, out, _ = run(capsys, "actors", "--role", "president", "--json", "--db", sample_db)
    rows = json.loads(out)
    assert code == 0 and rows and all("president" in r["role"] for r in rows)
    assert {"Vladimir Putin", "Donald Trump"} <= {r["name"] for r in rows}
    code, _, err = run(capsys, "actors", "--country", "Narnia", "--db", sample_db)
    assert code == 2 and "Narnia" in one_line_error(err)


def test_actors_since_is_the_first_date_and_survives_a_correction(rw_db, capsys):
    from thucydides.storage import Store

    with Store(rw_db, read_only=True) as s:
        first = s.query("""SELECT min(d.published) AS d FROM actors a JOIN documents d USING (doc_key)
                           JOIN registry r ON r.registry_id = a.registry_id WHERE r.name = 'Donald Trump'""")[0]["d"]
    code, out, _ = run(capsys, "actors", "--name", "Donald Trump", "--db", rw_db)
    assert code == 0 and f"since={first}" in out
    rid = out.split()[0]
    assert run(capsys, "actors", "set", rid, "--role", "head of state", "--db", rw_db)[0] == 0
    code, out, _ = run(capsys, "actors", "--name", "Donald Trump", "--db", rw_db)
    assert f"since={first}" in out and "head of state" in out


@pytest.mark.parametrize("args, needle", [(["merge", "r1"], "needs two registry ids"),
                                          (["merge"], "needs two registry ids"),
                                          (["set"], "needs one registry id"),
                                          (["list", "r1"], "takes no registry ids")])
def test_actors_wrong_arguments_are_one_line(rw_db, capsys, args, needle):
    code, _, err = run(capsys, "actors", *args, "--db", rw_db)
    assert code == 2 and needle in one_line_error(err)


# --- errors: one line, exit status 2 ------------------------------------------------------------------

@pytest.mark.parametrize("args, needle", [
    (["events", "--since", "yesterday"], "'since' must be a date written YYYY-MM-DD"),
    (["quotes", "--since", "2025-02-30"], "not a valid calendar date"),
    (["quotes", "--limit", "-1"], "'limit' must be at least 1"),
    (["events", "--limit", "0"], "'limit' must be at least 1"),
    (["relations", "RUS", "XYZZY"], "unknown country or group code 'XYZZY'"),
    (["relations", "RUS", "Narnia"], "no country, group or stored actor matches 'Narnia'"),
    (["relations", "RUS", "UKR", "--since", "March"], "'since' must be a date"),
    (["events", "--type", "FOO"], "unknown PLOVER type 'FOO'"),
    (["events", "--actor", "XYZZY"], "unknown country or group code"),
    (["search", "Russia", "--since", "soon"], "'since' must be a date"),
    (["ask", "Is Russia supporting Iran?", "--limit", "-3"], "'limit' must be at least 1"),
    (["actors", "--limit", "0"], "'limit' must be at least 1"),
])
def test_bad_parameters_are_one_clear_line(sample_db, capsys, args, needle):
    code, out, err = run(capsys, *args, "--db", sample_db)
    assert code == 2 and out == ""
    line = one_line_error(err)
    assert needle in line and "Error:" not in line  # no raw DuckDB "Conversion Error:" / "Binder Error:"


def test_export_to_a_missing_folder_is_one_line(sample_db, tmp_path, capsys):
    for args in (["events", "--export", tmp_path / "nodir" / "ev.json"],
                 ["export", "events", tmp_path / "nodir" / "ev.csv"],
                 ["events", "--export", tmp_path / "ev.xlsx"]):
        code, _, err = run(capsys, *args, "--db", sample_db)
        assert code == 2 and ("does not exist" in err or "unknown export format" in err)
        one_line_error(err)


def test_analyze_out_to_a_missing_folder_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "analyze", REPO / "src/thucydides/sample/lavrov-alliance.txt",
                       "--out", tmp_path / "nodir" / "x.jsonl")
    assert code == 2 and "No such file or directory" in one_line_error(err)


# --- a closed pipe is a quiet exit --------------------------------------------------------------------

@pytest.mark.parametrize("args", [["actors"], ["events", "--include-negated", "--json", "--limit", "100000"],
                                  ["ask", "Is Russia supporting Iran?"], ["search", "said"]])
def test_closed_pipe_is_a_quiet_exit(sample_db, args):
    cmd = [sys.executable, "-m", "thucydides.cli", *args, "--db", str(sample_db)]
    shell = " ".join(f"'{c}'" for c in cmd) + " | head -c 10 >/dev/null"
    res = subprocess.run(["bash", "-c", "set -o pipefail; " + shell], capture_output=True, text=True, env=ENV)
    assert "Traceback" not in res.stderr and "BrokenPipe" not in res.stderr, res.stderr
    assert res.returncode == 0, res.stderr


def test_closed_pipe_in_process_returns_0(sample_db, monkeypatch, capsys):
    class Closed:
        def write(self, s):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert main(["ask", "Is Russia supporting Iran?", "--db", str(sample_db)]) == 0
    assert main(["actors", "--db", str(sample_db)]) == 0


# --- ingest: nothing created for nothing, a bad target fails first ----------------------------------

def test_ingest_of_a_missing_file_creates_no_database(tmp_path, capsys):
    db = tmp_path / "x.duckdb"
    code, _, err = run(capsys, "ingest", tmp_path / "nope.jsonl", "--db", db)
    assert code == 2 and "nope.jsonl: no such file or directory" in one_line_error(err)
    assert not db.exists()


def test_ingest_into_a_missing_folder_fails_before_analysing(tmp_path, capsys):
    code, _, err = run(capsys, "ingest", REPO / "src/thucydides/sample", "--db", tmp_path / "nodir" / "x.duckdb")
    line = one_line_error(err)
    assert code == 2 and "folder" in line and "does not exist" in line
    assert "analysed" not in err and "doc/s" not in err and "loading" not in err  # nothing was analysed


def test_missing_file_reported_once_and_skips_read_once(tmp_path, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("MOSCOW - Russia and China signed a trade agreement on Tuesday, officials said.\n",
                             encoding="utf-8")
    (d / "notes.docx").write_bytes(b"PK\x03\x04")
    code, _, err = run(capsys, "ingest", d, tmp_path / "nope.txt", "--db", tmp_path / "t.duckdb")
    assert code == 1
    assert err.count("nope.txt") == 1, err
    assert "skipped: skipped" not in err and "notes.docx: not an article file type" in err


# --- human output ------------------------------------------------------------------------------------

def test_event_sentences_are_tidy(sample_db, capsys):
    code, out, _ = run(capsys, "events", "--include-negated", "--limit", "100000", "--db", sample_db)
    assert code == 0
    lines = out.split("\n")
    sentences = [l[4:] for l in lines if l.startswith("    ")]
    assert sentences and "" not in [l.strip() for l in lines[:-1]]  # no blank lines inside the listing
    assert not any(re.match(r"[”\"’]\s", s) or s[:1] == "”" for s in sentences)
    assert any(s.startswith('"') for s in sentences)  # a sentence that opens a quotation keeps its mark


def test_ask_does_not_double_quotation_marks(sample_db, capsys):
    code, out, _ = run(capsys, "ask", "Does Pakistan accuse Afghanistan?", "--db", sample_db)
    assert code == 0 and "quote" in out
    assert '""' not in out and '"“' not in out and '”"' not in out


# --- --help and the README's command table ------------------------------------------------------------

def _subparsers():
    parser = build_parser()
    [sub] = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return parser, sub.choices


def test_every_option_of_every_command_has_help():
    parser, commands = _subparsers()
    missing = []
    for name, sp in [("thucydides", parser), *commands.items()]:
        for action in sp._actions:
            if action.__class__.__name__ in ("_HelpAction", "_SubParsersAction"):
                continue
            if not (action.help or "").strip():
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, missing
    for name, sp in commands.items():
        text = sp.format_help()
        for action in sp._actions:
            for opt in action.option_strings:
                assert opt in text, (name, opt)


def test_readme_command_table_is_complete_and_true():
    _, commands = _subparsers()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = [l for l in readme.splitlines() if l.startswith("| `thucydides ")]
    documented = {re.match(r"\| `thucydides ([a-z]+)", l).group(1) for l in table}
    assert documented == set(commands), (documented ^ set(commands))
    # every option a row names exists on that command, and every option of a command (but the ones all
    # commands share, explained by --help) is named in its rows
    shared = {"--db", "--json", "--quiet", "-q", "--model", "--batch-size", "--limit", "-h", "--help", "-o", "-j"}
    named: dict[str, set] = {}
    for line in table:
        cmd = re.match(r"\| `thucydides ([a-z]+)", line).group(1)
        opts = {a for action in commands[cmd]._actions for a in action.option_strings}
        row = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line))
        assert row <= opts, (cmd, row - opts)
        named.setdefault(cmd, set()).update(row)
    for cmd, sp in commands.items():
        opts = {a for action in sp._actions for a in action.option_strings} - shared
        assert opts <= named[cmd], (cmd, opts - named[cmd])


# --- search -----------------------------------------------------------------------------------------

def test_search_over_articles_quotes_and_events(sample_db, capsys):
    from thucydides.query.documents import list_documents
    from thucydides.storage import Store

    code, out, _ = run(capsys, "search", "ceasefire", "--json", "--limit", "50", "--db", sample_db)
    res = json.loads(out)
    assert code == 0
    with Store(sample_db, read_only=True) as s:
        page = list_documents(s, q="ceasefire", limit=50)  # what the page's search shows
    assert res["documents"]["total"] == page["total"] > 0
    assert [d["id"] for d in res["documents"]["items"]] == [d["id"] for d in page["items"]]
    assert res["quotes"] and all("ceasefire" in q["content"].lower() for q in res["quotes"])
    assert res["events"] and all("ceasefire" in e["sentence"].lower() for e in res["events"])
    code, out, _ = run(capsys, "search", "ceasefire", "--db", sample_db)
    assert code == 0 and out.startswith("articles (") and "\nquotes (" in out and "\nevents (" in out


# --- progress -----------------------------------------------------------------------------------------

def test_progress_shows_a_total_and_says_when_the_model_loads(tmp_path):
    stories = tmp_path / "stories.jsonl"
    with open(stories, "w", encoding="utf-8") as f:
        for n in range(6):
            f.write(json.dumps({"id": f"s{n}", "text": f"MOSCOW - Russia and China signed trade agreement number {n} "
                                                         "on Tuesday, officials said."}) + "\n")
    res = subprocess.run([sys.executable, "-m", "thucydides.cli", "ingest", str(stories), "--db",
                          str(tmp_path / "p.duckdb")], capture_output=True, text=True, env=ENV)
    assert res.returncode == 0, res.stderr
    assert "loading the model" in res.stderr
    assert "6/6" in res.stderr and "100%" in res.stderr


def test_progress_total_counts_lines_and_files(tmp_path):
    from thucydides.input.read import count

    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("x", encoding="utf-8")
    (d / "sub" / "b.html").write_text("<p>x</p>", encoding="utf-8")
    (d / "c.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    (d / "d.docx").write_bytes(b"PK")
    assert count([d]) == 1 + 1 + 3 + 1
    assert count([d], skip={str(d / "c.jsonl") + ":1"}) == 5
    assert count([d, tmp_path / "nope.txt"]) == 7
    assert count(["-"]) is None
