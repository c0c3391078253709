"""The actors eval scores the held-out check set eval/actors_fresh.jsonl as its own row when it is present."""
import json

from thucydides.evaluate.actors import run


def _write(path, text, actors, mentions, non_actors=()):
    rec = {"id": path.stem, "published": "2024-02-02", "dateline": None, "text": text, "actors": actors,
           "mentions": mentions, "non_actors": list(non_actors)}
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")


def _dev_sets(d):
    _write(d / "actors.jsonl", "Pakistan rejected the claim.",
           {"PAK": {"type": "COUNTRY", "name": "Pakistan", "country": "PAK"}}, [["Pakistan", 0, "PAK"]])
    _write(d / "actors_voa.jsonl", "Kenya said it would help.",
           {"KEN": {"type": "COUNTRY", "name": "Kenya", "country": "KEN", "sector": None}}, [["Kenya", 0, "KEN"]])


def test_fresh_set_is_its_own_row_and_stays_out_of_headline_and_dev_errors(tmp_path):
    gold, out = tmp_path / "eval", tmp_path / "out"
    gold.mkdir()
    _dev_sets(gold)
    # gold written so that the analyser cannot match it: the fresh error must land in its own file only
    _write(gold / "actors_fresh.jsonl", "Police in Quetta arrested two men.",
           {"pol": {"type": "ORG", "name": "Pakistani police", "country": "NOR", "sector": "police"}},
           [["Police", 0, "pol"]], [["Quetta", 0, "place"]])
    run(out, golds=[gold / "actors.jsonl", gold / "actors_voa.jsonl"])
    report = (out / "EVAL.md").read_text(encoding="utf-8")
    assert "| actors_fresh.jsonl | lists + Phoenix |" in report
    headline = report.split("Headline figures")[1].split("```")[1]
    assert "country_project" in headline and "country_voa" in headline and headline.count("country_") == 2
    fresh_errors = [json.loads(l) for l in (out / "actors_fresh_errors.jsonl").read_text().splitlines()]
    assert any(e["mention"] == "Police" for e in fresh_errors)
    assert "Police" not in (out / "actors_errors.jsonl").read_text()
    assert '"Police"' not in report


def test_missing_fresh_set_is_a_skipped_row(tmp_path):
    gold, out = tmp_path / "eval", tmp_path / "out"
    gold.mkdir()
    _dev_sets(gold)
    run(out, golds=[gold / "actors.jsonl", gold / "actors_voa.jsonl"])
    report = (out / "EVAL.md").read_text(encoding="utf-8")
    assert "actors_voa.jsonl | lists + Phoenix" in report and "actors_fresh.jsonl" not in report
    assert not (out / "actors_fresh_errors.jsonl").exists()
