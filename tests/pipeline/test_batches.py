"""Batching for --jobs and Dask: every item once, in order; the tail is shared among the workers."""
from thucydides.model import Document
from thucydides.pipeline import analyze_documents
from thucydides.pipeline.parallel import analyze_jobs, balanced_batches
from thucydides.settings import load


def test_balanced_batches_keep_every_item_in_order_and_share_the_tail():
    out = list(balanced_batches(range(89), 32, 2))
    assert [x for b in out for x in b] == list(range(89))
    assert max(len(b) for b in out) <= 32
    # 89 items for 2 workers: no single batch holds more than a quarter of the input
    assert max(len(b) for b in out) <= 89 // 4 + 1
    long = list(balanced_batches(range(1000), 32, 2))
    assert [x for b in long for x in b] == list(range(1000))
    assert all(len(b) == 32 for b in long[:20])  # full batches until the tail
    assert list(balanced_batches([], 32, 2)) == []


def test_jobs_on_a_tiny_input_gives_the_same_analysis_as_one_process():
    text = "Russia and China held talks in Beijing on Monday, officials said."

    def docs():
        return [Document(id=f"t{i}", input=f"t{i}", raw=text) for i in range(3)]

    local = [d.to_dict() for d in analyze_documents(docs())]
    jobs = [d.to_dict() for d in analyze_jobs(docs(), load(jobs=2))]
    assert len(jobs) == 3 and jobs == local
    assert {a["country"] for a in jobs[0]["actors"]} == {"RUS", "CHN"}  # the officials are China's (in Beijing)
