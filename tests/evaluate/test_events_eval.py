"""The events evaluation's own figures: false alarms, the reliability table, the scorer's headline figures."""
from thucydides.evaluate.events import dev_sets, false_alarms, figures, judged, reliability

GOLD = {
    "a": {"id": "a", "events": []},
    "b": {"id": "b", "events": []},
    "c": {"id": "c", "events": [{"type": "ACCUSE"}]},
}
PRED = {
    "a": {"events": [{"type": "ASSAULT", "negated": False, "hypothetical": False, "confidence": 0.9}]},
    "b": {"events": [{"type": "ASSAULT", "negated": True, "hypothetical": False, "confidence": 0.9}]},
    "c": {"events": [{"type": "ACCUSE", "negated": False, "hypothetical": False, "confidence": 0.3},
                     {"type": "ACCUSE", "negated": False, "hypothetical": False, "confidence": 0.7}]},
}


def test_false_alarms_count_only_asserted_events_in_no_event_sentences():
    assert false_alarms(GOLD, PRED) == (1, 2)


def test_judged_matches_the_most_confident_first():
    got = sorted(judged(GOLD, PRED))
    assert got == [(0.3, False), (0.7, True), (0.9, False)]


def test_reliability_table_and_calibration_error():
    table, ece = reliability([(0.9, True), (0.9, True), (0.1, False), (0.1, True)])
    assert "| 0.8-1.0 | 2 | 0.90 | 1.00 |" in table and "| 0.0-0.2 | 2 | 0.10 | 0.50 |" in table
    assert abs(ece - (0.5 * 0.1 + 0.5 * 0.4)) < 1e-9


def test_figures_read_the_scorer_output():
    out = ("micro type  P 0.800 R 0.700 F1 0.747; macro F1 over gold types 0.612\n"
           "type+dyad   P 0.500 R 0.400 F1 0.444\nevent_type_f1: 0.747")
    assert figures(out) == {"micro": 0.747, "macro": 0.612, "dyad": 0.444}


def test_dev_sets_add_the_fresh_check_set_as_a_third_row_only_when_present(tmp_path):
    shared, gold = tmp_path / "shared", tmp_path / "eval"
    gold.mkdir()
    assert [n for n, _, _ in dev_sets(shared, gold)] == ["plover", "voa"]
    (gold / "events_fresh.jsonl").write_text('{"id": "x", "text": "A said.", "events": []}\n', encoding="utf-8")
    sets = dev_sets(shared, gold)
    assert [n for n, _, _ in sets] == ["plover", "voa", "fresh"]
    assert sets[2][2] == gold / "events_fresh.jsonl" and sets[1][2] == gold / "events_voa.jsonl"
