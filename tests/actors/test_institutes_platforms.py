"""Issue #12, sixth round (unseen VOA text): analysts of policy institutes take the institute's country, not the
country the story is about (data/organisations.tsv); online platforms a statement was posted on, websites,
prisons and cargo ships are places or things, not actors (data/not_actors.tsv, data/agents.tsv). Text written
for these tests."""
from functools import partial

from conftest import actor_for, analyse_article

analyse = partial(analyse_article, published="2025-06-01")


def test_an_analyst_at_a_us_institute_is_american_in_a_story_about_asia():
    doc = analyse("Vietnam and the Philippines signed a coast guard pact on Monday. Jane Doyle, a senior fellow at the "
                  "Heritage Foundation, said Hanoi and Manila wanted to deter Beijing. Vietnam will host the next round.")
    a = actor_for(doc, "Jane Doyle")
    assert a.country == "USA" and a.sector == "ngo"
    assert actor_for(doc, "Heritage Foundation").country == "USA"


def test_institutes_outside_the_united_states_keep_their_own_country():
    doc = analyse("Indonesia bought two submarines from France. Peter Malone of the Lowy Institute said Jakarta "
                  "was hedging against China.")
    assert actor_for(doc, "Lowy Institute").country == "AUS"
    assert actor_for(doc, "Peter Malone").country == "AUS"


def test_a_platform_a_statement_is_posted_on_is_no_actor():
    doc = analyse("The mayor of Lagos posted a video on YouTube on Sunday. Critics replied on Twitter that the "
                  "flood barriers had failed again.")
    assert actor_for(doc, "YouTube") is None
    assert actor_for(doc, "Twitter") is None


def test_websites_and_prisons_are_not_journalists_or_police():
    doc = analyse("Authorities in Ecuador blocked dozens of gambling websites on Friday. Riots broke out in two "
                  "prisons near Guayaquil the same night, and police restored order.")
    assert actor_for(doc, "websites") is None
    assert actor_for(doc, "prisons") is None
    police = actor_for(doc, "police")
    assert police is not None and police.sector == "police" and police.country == "ECU"


def test_a_cargo_ship_is_no_business_actor():
    doc = analyse("A Greek cargo ship ran aground off Sri Lanka on Tuesday. The navy said the crew was safe.")
    ship = actor_for(doc, "cargo ship")
    assert ship is None or ship.type == "COUNTRY"


def test_the_dotted_abbreviation_of_the_central_african_republic_is_that_country():
    doc = analyse("Rebels attacked two villages in northwestern C.A.R., near the Chad border, on Tuesday. The army "
                  "said five soldiers were killed.")
    assert actor_for(doc, "C.A.R.").country == "CAF"
    assert actor_for(doc, "army").country == "CAF"
