"""Fast unit tests without a trained model: pairing quotation marks, on plain strings and spacy.blank('en')."""
import spacy

from thucydides.quotes.extractor import lexicon as quote_lexicon
from thucydides.quotes.extractor import paragraphs, quotation_spans


# quotation marks
def spans(text):
    return [text[s:e] for s, e in quotation_spans(text)]


def test_quotation_marks_pair_by_context():
    assert spans('He said "we will go" and left.') == ['"we will go"']
    assert spans("She called it “a disaster” twice.") == ["“a disaster”"]
    assert spans("«Non», a-t-il dit.") == ["«Non»"]
    assert spans("No quotes at all.") == []


def test_quotation_continues_across_paragraphs():
    text = "“We will not stop.\n“We will win,” he said."
    got = spans(text)
    assert got and got[0].startswith("“We will not stop.") and got[0].endswith("win,”")


def test_possessive_apostrophe_is_not_a_quote():
    assert spans("Russia's army and the 'special' operation.") in ([], ["'special'"])


def test_paragraphs_trim_blanks():
    assert paragraphs("  a b \n\n c\n") == [(2, 5), (9, 10)]


def test_quote_lexicon_marks_have_roles():
    lex = quote_lexicon()
    assert {"open", "close"} <= set().union(*lex.marks.values())


def test_blank_tokenizer_offsets_match_text():
    """The stages index characters by token.idx; a blank English pipeline keeps them exact."""
    nlp = spacy.blank("en")
    doc = nlp("Lavrov said: “No.”")
    assert [(t.text, t.idx) for t in doc][:3] == [("Lavrov", 0), ("said", 7), (":", 11)]
