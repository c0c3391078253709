"""Fast unit tests of the events parts on hand-built parses (spacy.blank, no trained model)."""
import pytest
import spacy
from spacy.tokens import Doc

from thucydides.events import lexicon as lexmod
from thucydides.events.arguments import Arguments  # noqa: F401  (the parts import on their own)
from thucydides.events.attributes import resolve_date
from thucydides.events.coder import _Coder, code
from thucydides.events.lexicon import LexiconError, load
from thucydides.model import Actor, Document

_NLP = spacy.blank("en")


def parsed(rows: list[tuple], actors: dict | None = None, published: str = "2025-03-27") -> Document:
    """A Document over a hand-built parse. ``rows``: (word, head index, dep, pos, tag, lemma) per token;
    ``actors``: {actor id: (country, type, [token indexes])}."""
    words = [r[0] for r in rows]
    sdoc = Doc(_NLP.vocab, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
               sent_starts=[True] + [False] * (len(rows) - 1))
    doc = Document(id="t", input="t", text=sdoc.text, published=published)
    doc.doc = sdoc
    for aid, (country, type_, toks) in (actors or {}).items():
        spans = [(sdoc[i].idx, sdoc[i].idx + len(sdoc[i].text)) for i in toks]
        doc.actors.append(Actor(id=aid, name=" ".join(sdoc[i].text for i in toks), type=type_, country=country,
                                mentions=spans))
        doc.state.mentions.extend((s, e, aid, "name") for s, e in spans)
    doc.state.mentions.sort()
    return doc


# "Iran did not attack Iraq on Monday ."
IRAN_NOT_ATTACK = [("Iran", 3, "nsubj", "PROPN", "NNP", "Iran"), ("did", 3, "aux", "AUX", "VBD", "do"),
                   ("not", 3, "neg", "PART", "RB", "not"), ("attack", 3, "ROOT", "VERB", "VB", "attack"),
                   ("Iraq", 3, "dobj", "PROPN", "NNP", "Iraq"), ("on", 3, "prep", "ADP", "IN", "on"),
                   ("Monday", 5, "pobj", "PROPN", "NNP", "Monday"), (".", 3, "punct", "PUNCT", ".", ".")]
# "Iraq was attacked by Iran ."
IRAQ_ATTACKED = [("Iraq", 2, "nsubjpass", "PROPN", "NNP", "Iraq"), ("was", 2, "auxpass", "AUX", "VBD", "be"),
                 ("attacked", 2, "ROOT", "VERB", "VBN", "attack"), ("by", 2, "agent", "ADP", "IN", "by"),
                 ("Iran", 3, "pobj", "PROPN", "NNP", "Iran"), (".", 2, "punct", "PUNCT", ".", ".")]
# "Chile could sanction Peru ."
CHILE_COULD = [("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"), ("could", 2, "aux", "AUX", "MD", "could"),
               ("sanction", 2, "ROOT", "VERB", "VB", "sanction"), ("Peru", 2, "dobj", "PROPN", "NNP", "Peru"),
               (".", 2, "punct", "PUNCT", ".", ".")]


IRAN_IRAQ = {"a1": ("IRN", "COUNTRY", [0]), "a2": ("IRQ", "COUNTRY", [4])}


# ------------------------------------------------------------------ lexicon: a typo fails loudly with file and line
def _broken(monkeypatch, tmp_path, name, edit):
    real = lexmod.path(name).read_text(encoding="utf-8")
    (tmp_path / name).write_text(edit(real), encoding="utf-8")
    monkeypatch.setattr(lexmod, "path", lambda n: (tmp_path / n) if n == name else lexmod.__dict__["_real_path"](n))


@pytest.fixture
def patched(monkeypatch):
    monkeypatch.setitem(lexmod.__dict__, "_real_path", lexmod.path)
    return monkeypatch


def test_unknown_type_in_triggers_names_file_and_line(patched, tmp_path):
    def typo(text):
        lines = text.splitlines()
        i = next(k for k, l in enumerate(lines) if l.startswith("V\tattack\t"))
        lines[i] = lines[i].replace("ASSAULT", "ASAULT", 1)
        return "\n".join(lines) + "\n"
    _broken(patched, tmp_path, "plover_triggers.tsv", typo)
    with pytest.raises(LexiconError, match=r"plover_triggers\.tsv:\d+: 'ASAULT' is not a PLOVER event type"):
        load()


def test_unknown_class_and_frame_fail(patched, tmp_path):
    _broken(patched, tmp_path, "plover_triggers.tsv", lambda t: t + "V\tzap\t@NO_SUCH_CLASS\t\tASSAULT\t\t\t-\n")
    with pytest.raises(LexiconError, match=r"plover_triggers\.tsv:\d+: obj names the unknown word class @NO_SUCH_CLASS"):
        load()


def test_unknown_frame_fails(patched, tmp_path):
    _broken(patched, tmp_path, "plover_triggers.tsv", lambda t: t + "V\tzap\t\t\tASSAULT\t\t\trecipe\n")
    with pytest.raises(LexiconError, match="unknown frame"):
        load()


def test_bad_modality_kind_fails(patched, tmp_path):
    _broken(patched, tmp_path, "modality.tsv", lambda t: t + "perchance\taux\thypothetic\n")
    with pytest.raises(LexiconError, match=r"modality\.tsv:\d+: kind 'hypothetic'"):
        load()


def test_the_shipped_lexicon_loads():
    lex = load()
    assert "attack" in lex.verbs and lex.cls("SAY")


# ------------------------------------------------------------------ scope
def test_scope_reads_negation_and_modality_cues():
    doc = parsed(IRAN_NOT_ATTACK, IRAN_IRAQ)
    c = _Coder(doc)
    assert c.local_cues(doc.doc[3])["neg"] is True
    doc2 = parsed(CHILE_COULD)
    assert _Coder(doc2).local_cues(doc2.doc[2])["hyp"] is True


# ------------------------------------------------------------------ syntax
def test_syntax_subject_object_passive():
    doc = parsed(IRAQ_ATTACKED, {"a1": ("IRQ", "COUNTRY", [0]), "a2": ("IRN", "COUNTRY", [4])})
    c = _Coder(doc)
    v = doc.doc[2]
    assert c.is_passive(v)
    assert c.passive_agent(v).text == "Iran"
    assert c.direct_object(v).text == "Iraq"  # the patient of a passive


# ------------------------------------------------------------------ triggers
def test_trigger_matches_a_lexicon_verb():
    doc = parsed(IRAN_NOT_ATTACK, IRAN_IRAQ)
    rule, obj, kind = _Coder(doc).match(doc.doc[3])
    assert (rule.type, kind) == ("ASSAULT", "verb")


# ------------------------------------------------------------------ arguments
def test_arguments_active_and_passive():
    doc = parsed(IRAQ_ATTACKED, {"a1": ("IRQ", "COUNTRY", [0]), "a2": ("IRN", "COUNTRY", [4])})
    c = _Coder(doc)
    rule, obj, kind = c.match(doc.doc[2])
    src, tgt = c.args(doc.doc[2], rule, obj, rule.type, rule.mode, kind)
    assert (src, tgt) == (["a2"], ["a1"])


# ------------------------------------------------------------------ the whole stage on a hand parse
def test_code_keeps_the_negated_attack_as_evidence_with_its_date():
    doc = parsed(IRAN_NOT_ATTACK, IRAN_IRAQ)
    code(doc)
    [e] = doc.events
    assert (e.type, e.negated, e.source, e.target) == ("ASSAULT", True, ["a1"], ["a2"])


# ------------------------------------------------------------------ attributes
@pytest.mark.parametrize("expr,published,future,want", [
    ("in 2022", "2025-03-14", False, "2022-01-01"),
    ("on Wednesday", "2025-03-14", False, "2025-03-12"),
    ("on Wednesday", "2025-03-14", True, "2025-03-19"),
    ("last month", "2025-03-14", False, "2025-02-01"),
])
def test_resolve_date(expr, published, future, want):
    assert resolve_date(expr, published, future) == want


# ------------------------------------------------------------------ CAMEO rows
def test_cameo_rows_load_with_codes_and_slots():
    from thucydides.events.lexicon import lexicon

    lex = lexicon()
    pats = lex.cameo["reiterate"]
    assert any(p.obj == "&opposition" and p.type == "ACCUSE" and p.code == "110" for p in pats)
    assert "&aircraft" in lex.cameo_classes and "helicopter" in lex.cameo_classes["&aircraft"]


def test_bad_cameo_code_fails_with_file_and_line(patched, tmp_path):
    _broken(patched, tmp_path, "cameo_verbs.tsv", lambda t: t + "zap\t\t*\t9x9\t-\tASSAULT\t\t\tverb\tZAP\n")
    lex = load()
    with pytest.raises(LexiconError, match=r"cameo_verbs\.tsv:\d+: '9x9' is not a CAMEO code"):
        lexmod.load_cameo(lex)
