"""Issue #11, false alarms on unseen news (round 9), on sentences written for this test (real pipeline, no
mocks): idioms and word senses that report no act -- "when it comes to", an empty "it helps if", "call X a
friend", a ship or train that travels, commentators who agree, a crime committed, a text that guarantees, "end
up", "ended his visit", seeking a job -- each beside a control where the same word does report an act."""
import pytest

from conftest import asserted_types


@pytest.mark.parametrize("text", [
    "When it comes to trade, Chile and Peru have little in common.",
    "A Turkish cargo ship is heading to Egypt with a load of grain.",
    "The Italian freight train was traveling north from Milan when it derailed.",
    'Brazil\'s president calls the Argentine leader a "close friend" of his country.',
    'The Mexican magazine called the Spanish singer a "national treasure" in its cover story.',
    "It helps if Kenya and Ethiopia share data on the drought.",
    "Most analysts agree that Turkey's economy will slow next year.",
    "There is a growing consensus among economists that Brazil will cut interest rates.",
    "Kenya's constitution guarantees the right to peaceful assembly.",
    "After years of travel, the Italian chef ended up in Buenos Aires.",
    "Many young Nigerians are seeking employment abroad.",
    "Chinese President Xi Jinping ended his visit to Russia on Friday.",
])
def test_an_idiom_or_non_act_sense_asserts_no_event(text):
    assert asserted_types(text) == []


def test_a_crime_committed_is_no_commitment():
    assert "AGREE" not in asserted_types("Rights groups say Ethiopian troops committed serious abuses in Tigray.")


@pytest.mark.parametrize("text, kind", [
    ("The Brazilian foreign minister called his Argentine counterpart on Tuesday.", "CONSULT"),
    ("The Chilean president is heading to Peru for talks with his counterpart.", "CONSULT"),
    ("Russia called Ukraine's president a criminal.", "ACCUSE"),
    ("Ukraine is seeking more air defence systems from Germany.", "REQUEST"),
    ("Iran committed to allowing inspectors back into its nuclear sites.", "AGREE"),
    ("Japan and South Korea agreed to resume military talks.", "AGREE"),
])
def test_the_same_words_still_code_the_act(text, kind):
    assert kind in asserted_types(text)
