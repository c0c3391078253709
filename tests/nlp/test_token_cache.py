"""The token cache stands in for the model's attribute_ruler + lemmatizer with their exact output."""
import pytest
from spacy.attrs import IDS

from thucydides.errors import ModelError
from thucydides.nlp import token_cache
from thucydides.nlp.parse import load_pipeline, nlp, why_no_cache
from thucydides.settings import load

ATTRS = [IDS[a] for a in ("POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE")]

TEXTS = [
    # Multi-token ruler patterns ("there is", "gonna", "let's", "ain't", "y'all") and DEP-dependent ones.
    "There is no plan, and there were none before. Let's be clear: they ain't gonna stop, y'all.",
    "I told him what I saw; it was me they asked. But he said it had rained, and did they leave?",
    "The ministers met in Geneva on Friday.\n\nThey  agreed   to talk again   in March.\n",
    "Russia's foreign minister Sergei Lavrov said Moscow would not join an alliance with China, "
    "which Beijing's spokesman called \"a lie\" on Tuesday. The talks, which had stalled, resumed.",
    "Protesters were beaten; police arrested 40 people and fired tear gas. Officials denied it.",
]


@pytest.fixture(scope="module")
def pipelines():
    model = load().model
    return load_pipeline(model), nlp(model)


def test_cache_replaces_ruler_and_lemmatizer(pipelines):
    own, cached = pipelines
    assert why_no_cache(load().model) is None
    assert token_cache.NAME in cached.pipe_names
    assert "attribute_ruler" not in cached.pipe_names and "lemmatizer" not in cached.pipe_names
    assert "lemmatizer" in own.pipe_names


def test_cached_annotations_equal_the_components_own(pipelines):
    own, cached = pipelines
    # twice: the first pass fills the cache (computed by the components), the second reads it
    for _ in range(2):
        for a, b in zip(own.pipe(TEXTS), cached.pipe(TEXTS)):
            assert [t.text for t in a] == [t.text for t in b]
            assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), [
                (t.text, t.pos_, t.lemma_, u.pos_, u.lemma_) for t, u in zip(a, b)
                if (t.pos_, t.lemma_, str(t.morph)) != (u.pos_, u.lemma_, str(u.morph))]
    stats = cached.get_pipe(token_cache.NAME)
    assert stats.hits > 0 and stats.misses > 0


def test_context_dependent_patterns_are_honoured(pipelines):
    _, cached = pipelines
    doc = cached("There is a plan. Let's go. He is here.")
    is_ = [t for t in doc if t.lower_ == "is"]
    assert is_[0].pos_ == "VERB"  # after expletive "there": the ruler's two-token pattern
    assert is_[1].pos_ == "AUX"   # "he is": the tag mapping
    assert [t.lemma_ for t in doc if t.text == "'s"] == ["us"]


def test_model_the_cache_cannot_stand_in_for_keeps_its_components():
    language = load_pipeline(load().model)
    ruler = language.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})  # a variable-length pattern: not cacheable
    reason = token_cache.install(language)
    assert reason and "OP" in reason
    assert "attribute_ruler" in language.pipe_names and "lemmatizer" in language.pipe_names
    assert token_cache.NAME not in language.pipe_names
    assert language("They were very very happy.")[3].pos_ == "ADV"


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        nlp("en_core_web_not_a_model")
