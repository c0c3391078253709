"""Quotes stage (issue #4): who said what, on real text through the real pipeline.

Every passage below is a news passage written for these tests; each test names the construction
it checks. The seed article and the PolNeAR floor run the whole analysis as users do.
"""
import json
import re

import pytest

from conftest import SAMPLE
from thucydides.model import Document
from thucydides.pipeline import analyze, analyze_text
from thucydides.quotes.extractor import quotation_spans

LAVROV = SAMPLE / "lavrov-alliance.txt"

IRAN = """Iran warns Europe over sanctions snapback

TEHRAN — Iran's foreign minister Abbas Araghchi said on Sunday that Tehran would respond to any attempt to restore United Nations sanctions.

"We will not sit idly by," Araghchi told reporters in Tehran. "Europe has no legal or moral standing to trigger the mechanism."

"The talks are over," he said, "unless Washington changes course."

Araghchi wrote on X: "Diplomacy has always been our first choice, but it takes two."

The government spokesperson, Fatemeh Mohajerani, told state television that the cabinet had discussed the matter. The spokesperson said the president's visit to New York would go ahead.

Speaking at a news conference in Berlin, German Chancellor Friedrich Merz said: "We have given Iran every chance."

According to diplomats in Vienna, inspectors have not been allowed into the Fordow site since June.

The European Union said in a statement that it remained "fully committed" to a diplomatic solution.
"""

UKRAINE = """Zelensky rejects ceasefire terms

KYIV — Ukrainian President Volodymyr Zelensky rejected the proposal on Tuesday.

“We will not trade our land for a pause in the fighting. Ukraine’s people didn’t choose this war, and they won’t accept a peace that rewards the aggressor.

“The partners know our position. We’ve said it in Washington, in Brussels and in London,” Zelensky said in his nightly video address.

The Kremlin's spokesman, Dmitry Peskov, told journalists that Moscow's conditions hadn't changed. Peskov added: «The special military operation will continue until its goals are achieved.»

Russia's foreign ministry spokeswoman Maria Zakharova wrote on Telegram that the West's "so-called peace plans" were a cover for rearming Kyiv.
"""

TRANSCRIPT = """Japan and China agree to keep talking

TOKYO — Japanese Prime Minister Shigeru Ishiba met Chinese Premier Li Qiang on the sidelines of the summit.

Ishiba told reporters after the meeting:

"We agreed that dialogue must continue even when we disagree. Japan will raise its concerns about the East China Sea at every level."

Li was more cautious. ''Cooperation is in the interest of both peoples,'' he said, ''but it requires mutual respect.''
"""

KREMLIN = """Kremlin responds to sanctions

MOSCOW — Russian President Vladimir Putin said that "the West" had lied about its intentions, and added: "We will respond."

Asked whether talks would resume, Kremlin spokesman Dmitry Peskov said: "We will see."

The ambassador warned, "Any attack on our embassy will be met with force."

"It is a mistake," said Foreign Minister Sergei Lavrov, "and Washington knows it."
"""

NO_SPEECH = """Troops move into buffer zone

Troops moved into the so-called "buffer zone" overnight, and the "peace plan" that the two governments published in May now looks unlikely to survive the winter. The voters' patience and the army's supplies are running out.
"""


@pytest.fixture(scope="module")
def lavrov():
    [doc] = list(analyze([LAVROV]))
    assert isinstance(doc, Document), doc
    return doc


@pytest.fixture(scope="module")
def docs():
    return {name: analyze_text(text, id=name) for name, text in
            {"iran": IRAN, "ukraine": UKRAINE, "transcript": TRANSCRIPT, "kremlin": KREMLIN,
             "none": NO_SPEECH}.items()}


def span(doc, sp):
    return doc.text[sp[0]:sp[1]] if sp else None


def quote_with(doc, words):
    """The one quote whose content holds ``words``."""
    found = [q for q in doc.quotes if words in span(doc, q.content)]
    assert len(found) == 1, (words, [(q.kind, span(doc, q.content)) for q in doc.quotes])
    return found[0]


def speaker_name(doc, q):
    a = doc.actor(q.speaker)
    return a.name if a else None


def is_spoken_by(doc, q, surname):
    """The speaker resolved to the actor of that name (the knowledge base may spell the rest its own way)."""
    return surname in (speaker_name(doc, q) or "")


# ------------------------------------------------------------------ the seed article
LAVROV_STATEMENTS = [
    # (words in the content, kind, cue, speaker as written)
    ("Neither Russia nor China is planning to make this kind of union", "direct", "said in an interview", "Lavrov"),
    ("relations between Moscow and Beijing have never been better", "indirect", "According to", "the foreign minister"),
    ("there is trust between the parties in all spheres", "indirect", "noted", "He"),
    ("There are no plans for a military alliance", "indirect", "noted", "the minister"),
    ("Western partners prefer to cooperate only on their own terms", "mixed", "added", "He"),
    ("Western countries refuse to cooperate with Russia on equal terms", "indirect", "emphasized", "The Russian chancellor"),
]


@pytest.mark.parametrize("words,kind,cue,mention", LAVROV_STATEMENTS, ids=[s[3] + ":" + s[2] for s in LAVROV_STATEMENTS])
def test_seed_article_every_statement_is_lavrovs(lavrov, words, kind, cue, mention):
    q = quote_with(lavrov, words)
    assert q.kind == kind
    assert span(lavrov, q.cue).startswith(cue)
    assert span(lavrov, q.speaker_mention) == mention
    assert speaker_name(lavrov, q) == "Sergei Lavrov"
    # the content is the statement only: neither its cue nor its speaker
    content = span(lavrov, q.content)
    assert cue not in content and f" {mention} " not in content


def test_seed_article_direct_quote_spans_both_sentences_in_its_marks(lavrov):
    q = quote_with(lavrov, "Neither Russia nor China")
    content = span(lavrov, q.content)
    assert content.startswith("“Neither Russia") and content.endswith("written down as a pact,”")
    assert "Our cooperation is not aimed against anyone" in content


def test_seed_article_mixed_quote_keeps_that_and_the_marks(lavrov):
    q = quote_with(lavrov, "Western partners")
    assert span(lavrov, q.content) == "that “Western partners prefer to cooperate only on their own terms.”"


def test_seed_article_according_to_the_kremlin(lavrov):
    q = quote_with(lavrov, "Xi is expected to visit Moscow in May")
    assert q.kind == "indirect"
    assert span(lavrov, q.cue) == "according to"
    assert span(lavrov, q.speaker_mention) == "the Kremlin"
    assert "according to" not in span(lavrov, q.content)


# ------------------------------------------------------------------ constructions
def test_indirect_speech_with_that_clause(docs):
    doc = docs["iran"]
    q = quote_with(doc, "Tehran would respond to any attempt")
    assert q.kind == "indirect"
    assert span(doc, q.content).startswith("that Tehran would respond")
    assert span(doc, q.cue) == "said"
    assert is_spoken_by(doc, q, "Araghchi")


def test_multi_sentence_quote_around_told_reporters_is_one_statement(docs):
    doc = docs["iran"]
    q = quote_with(doc, "We will not sit idly by")
    assert q.kind == "direct"
    assert "Europe has no legal or moral standing" in span(doc, q.content)
    assert span(doc, q.cue) == "told reporters"
    assert is_spoken_by(doc, q, "Araghchi")


def test_cue_inside_the_quote_with_a_pronoun_speaker(docs):
    doc = docs["iran"]
    q = quote_with(doc, "The talks are over")
    assert q.kind == "direct"
    content = span(doc, q.content)
    assert content.startswith('"The talks are over,"') and content.endswith('"unless Washington changes course."')
    assert span(doc, q.speaker_mention) == "he"
    assert is_spoken_by(doc, q, "Araghchi")


def test_wrote_on_x_with_a_colon(docs):
    doc = docs["iran"]
    q = quote_with(doc, "Diplomacy has always been our first choice")
    assert q.kind == "direct"
    assert span(doc, q.content) == '"Diplomacy has always been our first choice, but it takes two."'
    assert span(doc, q.cue) == "wrote on X"
    assert is_spoken_by(doc, q, "Araghchi")


def test_told_someone_that_the_speaker_is_the_subject_not_the_addressee(docs):
    doc = docs["iran"]
    q = quote_with(doc, "the cabinet had discussed the matter")
    assert q.kind == "indirect"
    assert span(doc, q.cue) == "told state television"
    assert "Fatemeh Mohajerani" in span(doc, q.speaker_mention)
    assert is_spoken_by(doc, q, "Mohajerani")


def test_role_noun_speaker(docs):
    doc = docs["iran"]
    q = quote_with(doc, "visit to New York would go ahead")
    assert q.kind == "indirect"
    assert span(doc, q.speaker_mention) == "The spokesperson"
    assert is_spoken_by(doc, q, "Mohajerani")


def test_colon_introduction_after_a_participle(docs):
    doc = docs["iran"]
    q = quote_with(doc, "We have given Iran every chance")
    assert q.kind == "direct"
    assert span(doc, q.content) == '"We have given Iran every chance."'
    assert is_spoken_by(doc, q, "Merz")


def test_according_to_an_unnamed_source_keeps_no_speaker(docs):
    doc = docs["iran"]
    q = quote_with(doc, "inspectors have not been allowed into the Fordow site")
    assert q.kind == "indirect"
    assert span(doc, q.speaker_mention) == "diplomats in Vienna"
    assert q.speaker is None  # nobody resolvable: never guessed


def test_said_in_a_statement_with_a_partial_quote(docs):
    doc = docs["iran"]
    q = quote_with(doc, "fully committed")
    assert q.kind == "mixed"
    assert span(doc, q.cue) == "said in a statement"
    assert span(doc, q.content) == 'that it remained "fully committed" to a diplomatic solution'
    assert is_spoken_by(doc, q, "European Union")


def test_multi_paragraph_quote_continues_at_the_next_opening_mark(docs):
    doc = docs["ukraine"]
    q = quote_with(doc, "We will not trade our land")
    content = span(doc, q.content)
    assert q.kind == "direct"
    assert "\n" in content and content.endswith("in Brussels and in London,”")
    assert "Ukraine’s people didn’t choose this war" in content  # apostrophes do not end the quotation
    assert is_spoken_by(doc, q, "Zelensk")


def test_guillemets_and_told_journalists(docs):
    doc = docs["ukraine"]
    q = quote_with(doc, "Moscow's conditions hadn't changed")
    assert q.kind == "indirect" and span(doc, q.cue) == "told journalists"
    assert is_spoken_by(doc, q, "Peskov")
    q = quote_with(doc, "The special military operation will continue")
    assert q.kind == "direct"
    assert span(doc, q.content) == "«The special military operation will continue until its goals are achieved.»"
    assert is_spoken_by(doc, q, "Peskov")


def test_wrote_on_telegram_that(docs):
    doc = docs["ukraine"]
    q = quote_with(doc, "so-called peace plans")
    assert q.kind == "mixed"
    assert span(doc, q.cue) == "wrote on Telegram"
    assert span(doc, q.content).startswith("that the West's")
    assert is_spoken_by(doc, q, "Zakharova")


def test_colon_at_a_paragraph_end_introduces_the_next_paragraph(docs):
    doc = docs["transcript"]
    q = quote_with(doc, "We agreed that dialogue must continue")
    assert q.kind == "direct"
    assert "East China Sea at every level" in span(doc, q.content)
    assert is_spoken_by(doc, q, "Ishiba")


def test_doubled_apostrophes_pair_as_quotation_marks(docs):
    doc = docs["transcript"]
    q = quote_with(doc, "Cooperation is in the interest of both peoples")
    assert q.kind == "direct"
    assert span(doc, q.content).endswith("''but it requires mutual respect.''")
    assert span(doc, q.speaker_mention) == "he"
    assert is_spoken_by(doc, q, "Li Qiang")


def test_said_that_and_added_colon_are_two_statements(docs):
    doc = docs["kremlin"]
    q = quote_with(doc, "had lied about its intentions")
    assert q.kind == "mixed"
    assert span(doc, q.content) == 'that "the West" had lied about its intentions'
    q2 = quote_with(doc, "We will respond")
    assert q2.kind == "direct" and span(doc, q2.cue) == "added"
    assert q.speaker == q2.speaker and is_spoken_by(doc, q, "Putin")


def test_a_question_put_to_the_speaker_is_not_his_statement(docs):
    doc = docs["kremlin"]
    assert not [q for q in doc.quotes if "talks would resume" in span(doc, q.content)]
    q = quote_with(doc, "We will see")
    assert q.kind == "direct" and is_spoken_by(doc, q, "Peskov")


def test_comma_introduction_with_an_unresolved_role(docs):
    doc = docs["kremlin"]
    q = quote_with(doc, "Any attack on our embassy")
    assert q.kind == "direct"
    assert span(doc, q.content) == '"Any attack on our embassy will be met with force."'
    assert span(doc, q.cue) == "warned" and span(doc, q.speaker_mention) == "The ambassador"
    assert q.speaker is None  # no ambassador has been named: never guessed


def test_inverted_cue_inside_the_quote(docs):
    doc = docs["kremlin"]
    q = quote_with(doc, "It is a mistake")
    assert q.kind == "direct"
    assert span(doc, q.content).endswith('"and Washington knows it."')
    assert span(doc, q.speaker_mention) == "Foreign Minister Sergei Lavrov"
    assert is_spoken_by(doc, q, "Lavrov")


def test_scare_quotes_without_a_speech_verb_are_not_statements(docs):
    assert docs["none"].quotes == []


def test_records_are_well_formed(docs, lavrov):
    for doc in list(docs.values()) + [lavrov]:
        ids = [q.id for q in doc.quotes]
        assert len(ids) == len(set(ids))
        for q in doc.quotes:
            d = q.to_dict()
            json.dumps(d)
            assert d["kind"] in ("direct", "indirect", "mixed")
            s, e = d["content"]
            assert 0 <= s < e <= len(doc.text) and re.search(r"\w", doc.text[s:e])
            for key in ("cue", "speaker_mention"):
                if d[key] is not None:
                    a, b = d[key]
                    assert 0 <= a < b <= len(doc.text)
            assert q.speaker is None or doc.actor(q.speaker) is not None


# ------------------------------------------------------------------ quotation marks alone
@pytest.mark.parametrize("text,expected", [
    # possessives and contractions inside straight quotes
    ('"We don\'t accept Russia\'s terms, and we won\'t," the minister\'s spokesman said.',
     ['"We don\'t accept Russia\'s terms, and we won\'t,"']),
    # a possessive plural right before a quotation
    ('The voters\' verdict was clear: "Enough is enough."', ['"Enough is enough."']),
    # curly marks with curly apostrophes, and a closing mark typed as an opening one
    ("“It’s the leaders’ job,” she said. ”Nobody else’s.”", ["“It’s the leaders’ job,”", "”Nobody else’s.”"]),
    # a quotation inside a quotation
    ('"He told me, \'We\'re not leaving,\' and he meant it," she said.',
     ['"He told me, \'We\'re not leaving,\' and he meant it,"']),
    ("„Wir sind bereit“, sagte Merz.", ["„Wir sind bereit“"]),
    ("Il a dit « non » hier.", ["« non »"]),
])
def test_quotation_marks_pair_by_context(text, expected):
    assert [text[s:e] for s, e in quotation_spans(text)] == expected


def test_unclosed_quotation_ends_with_its_paragraph():
    text = '"We will respond at a time of our choosing.\n\nThe ministry gave no details.'
    assert [text[s:e] for s, e in quotation_spans(text)] == ['"We will respond at a time of our choosing.']


# ------------------------------------------------------------------ the PolNeAR floor
def test_polnear_dev_floor(shared, tmp_path):
    """Content F1 >= 0.75 and speaker accuracy >= 0.85 on PolNeAR dev, scored by shared/eval/score.py."""
    from thucydides.evaluate.evaluation import run_analysis, score
    from thucydides.settings import load

    gold = shared / "eval" / "quotes" / "polnear-dev"
    pred = tmp_path / "pred-quotes.jsonl"
    run = run_analysis([gold / "text"], pred, load())
    assert run["documents"] == 84 and run["failed"] == 0
    out = score("quotes", gold, pred, shared)
    p, r, f1 = map(float, re.search(r"content precision ([\d.]+)\s+recall ([\d.]+)\s+F1 ([\d.]+)", out).groups())
    speaker = float(re.search(r"speaker accuracy on matched quotes ([\d.]+)", out).group(1))
    assert f1 >= 0.75, out
    assert speaker >= 0.85, out
