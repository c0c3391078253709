"""The benchmark command runs every measurement and writes its report (figures are not asserted)."""
from conftest import SAMPLE
from thucydides.evaluate import bench


def test_bench_quick_writes_report(tmp_path):
    text = bench.run(SAMPLE / "wire.jsonl", n=12, out_dir=tmp_path, quick=True, scaling_n=8)
    report = (tmp_path / "BENCH.md").read_text(encoding="utf-8")
    assert text == report
    for row in ("(a) bare spaCy nlp.pipe", "(b) full analysis, --jobs 1", "(c) ingestion into DuckDB",
                "--jobs 2, 8 articles", "full analysis / bare parse (b/a)", "relations query over 100,000 events"):
        assert row in report, row
    # every run analysed the whole corpus it was given
    assert "| 12 |" in report and "| 8 |" in report


def test_relations_query_synthetic_store():
    res = bench.relations_query(20_000, repeats=1)
    assert res["events"] == 20_000 and res["points"] > 0 and res["pair_events"] > 0
