"""`thucydides eval extraction` on a set of our own pages (Zyte format), scored by the shared score.py."""
import gzip
import json
import re

from thucydides.evaluate.extraction import page_scores, run
from thucydides.settings import load

STORY = ("Officials in Lisbon said on Tuesday that the new harbour wall would be finished before the winter storms "
         "arrive, three months ahead of the original plan. The engineers who designed the wall told reporters that "
         "the structure had been tested against waves twice as high as any recorded on this coast.")
OTHER = ("The city council will vote next week on a second phase that would extend the wall by another four "
         "hundred metres along the northern beach, a plan its critics call a waste of money.")


def test_eval_extraction_reports_three_extractors_speed_and_worst_pages(shared, tmp_path):
    root = tmp_path / "shared"
    (root / "eval").mkdir(parents=True)
    (root / "eval" / "score.py").symlink_to(shared / "eval" / "score.py")
    html = root / "eval" / "extraction" / "zyte" / "html"
    html.mkdir(parents=True)
    pages = {
        "harbour": (f"<html><head><title>Harbour</title></head><body><nav><a href='/'>Home</a></nav>"
                    f"<article><p>{STORY}</p><p>{OTHER}</p></article></body></html>", STORY + "\n" + OTHER),
        "fragment": (f"<div><div><p>{STORY}</p><p>{OTHER}</p></div></div>", STORY + "\n" + OTHER),
    }
    for key, (page, _) in pages.items():
        (html / f"{key}.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (html.parent / "ground-truth.json").write_text(json.dumps({k: {"articleBody": g} for k, (_, g) in pages.items()}))
    out = tmp_path / "reports"
    name, value = run(root, out, load())
    assert name == "extraction_f1" and value > 0.9
    report = (out / "EVAL.md").read_text(encoding="utf-8")
    for system in ("thucydides", "trafilatura", "readability-lxml"):
        assert re.search(rf"\| {system} \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|", report), system
    assert "Clean step time / trafilatura time on the same pages" in report
    assert "Five worst pages" in report and "| fragment |" in report and "| harbour |" in report
    assert "dragnet-train is not in" not in report  # a missing set is skipped with a message, not reported
    # the README's figures for this section: each set's headline, labelled; ours on the Zyte set first
    from update_figures import headlines

    assert headlines(report)["extraction"][0].split("; ")[0] == f"extraction_f1 {value:.3f} (Zyte article-extraction benchmark: 2 pages)"


def test_page_scores_is_score_py_metric(shared):
    from thucydides.evaluate.extraction import _scorer

    scorer = _scorer(shared)
    assert page_scores(scorer, STORY, STORY) == (1.0, 1.0, 1.0)
    p, r, f = page_scores(scorer, STORY + " " + OTHER, STORY)
    assert p == 1.0 and 0.4 < r < 0.8
    assert page_scores(scorer, STORY, "") == (0.0, 0.0, 0.0)
