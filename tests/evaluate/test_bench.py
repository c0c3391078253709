"""The benchmark command runs every measurement and writes its report (figures are not asserted)."""
from conftest import SAMPLE
from thucydides.evaluate import bench


def test_bench_quick_writes_report(tmp_path):
    text = bench.run(SAMPLE / "wire.jsonl", n=12, out_dir=tmp_path, quick=True, scaling_n=8)
    report = (tmp_path / "BENCH.md").read_text(encoding="utf-8")
    assert text == report
    for row in ("(a) bare default spaCy pipeline", "(b) full analysis, --jobs 1", "(c) ingestion into DuckDB",
                "--jobs 2, 8 articles", "Dask LocalCluster, 2 workers, 8 articles", "full analysis / bare default pipeline",
                "Dask 1 worker / --jobs 1", "largest peak RSS", "knowledge base: index load",
                "relations query over 100,000 events"):
        assert row in report, row
    # the notes say how (b) differs from (a): the token cache and the matrix products
    assert "matrix products through numpy's OpenBLAS on one thread" in report or "blis products (" in report
    # every run analysed the whole corpus it was given
    assert "| 12 |" in report and "| 8 |" in report


def test_relations_query_synthetic_store():
    res = bench.relations_query(20_000, repeats=1)
    assert res["events"] == 20_000 and res["points"] > 0 and res["pair_events"] > 0


def test_cleaning_is_measured_beside_trafilatura_on_the_same_pages(tmp_path):
    for page in SAMPLE.glob("*.html"):
        (tmp_path / page.name).write_bytes(page.read_bytes())
    res = bench.clean_vs_trafilatura(tmp_path, rounds=1)
    assert res["pages"] == len(list(SAMPLE.glob("*.html"))) > 0
    assert res["clean_s"] > 0 and res["trafilatura_s"] > 0 and res["extract_s"] > 0
    # both comparisons, in CPU seconds: trafilatura with metadata (what the step delivers) and text only
    assert set(res["cpu_s"]) == {"clean", "bare_meta", "extract"} and res["ratio"] > 0 and res["ratio_extract"] > 0


def test_knowledge_base_load_reads_every_data_file():
    res = bench.kb_load()
    assert res["files"] >= 20 and res["rows"] > 50_000  # the Phoenix tables included
