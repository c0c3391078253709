"""discover's test whether an offset lies inside a resolved mention, against the scan it replaces."""
import random

from thucydides.linking.registry import _covered


def test_covered_equals_a_scan_of_every_span():
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randint(0, 80)
            spans.append((s, s + rng.randint(0, 15)))  # overlapping, nested and empty spans too
        inside = _covered(spans)
        for pos in range(-2, 100):
            assert inside(pos) == any(s <= pos < e for s, e in spans), (spans, pos)


def test_covered_edges():
    inside = _covered([(10, 20), (12, 14), (30, 30)])
    assert [p for p in range(0, 40) if inside(p)] == list(range(10, 20))
    assert not _covered([])(0)
