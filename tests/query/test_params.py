"""One place checks codes, PLOVER types and dates (query/params.py); the command line, the REST API and
the web page give the same answer to the same bad value (issue 14)."""
import pytest
from fastapi.testclient import TestClient

from thucydides.errors import QueryError
from thucydides.query import params
from thucydides.query.search import find_events, find_quotes
from thucydides.server.app import create_app
from thucydides.storage import Store


def test_checks():
    assert params.date("since", "2025-03-01") == "2025-03-01" and params.date("since", " ") is None
    assert params.event_type("assault") == "ASSAULT"
    assert params.code("rus") == "RUS" and params.country("Russia") == "RUS" and params.country("NATO") == "NATO"
    assert params.side("Lavrov") == "Lavrov" and params.side("RUS") == "RUS"
    for call in (lambda: params.date("since", "yesterday"), lambda: params.date("since", "2025-13-01"),
                 lambda: params.event_type("FOO"), lambda: params.code("XYZ"), lambda: params.side("XYZZY"),
                 lambda: params.side(""), lambda: params.limit(-1), lambda: params.limit("ten"),
                 lambda: params.offset(-5), lambda: params.country("Narnia")):
        with pytest.raises(QueryError):
            call()


def test_library_functions_check_their_parameters(sample_db):
    with Store(sample_db, read_only=True) as s:
        with pytest.raises(QueryError, match="unknown PLOVER type"):
            find_events(s, type="FOO")
        with pytest.raises(QueryError, match="'since' must be a date"):
            find_quotes(s, since="last week")
        with pytest.raises(QueryError, match="'limit' must be at least 1"):
            find_quotes(s, limit=-1)
        assert find_events(s, type="assault") == find_events(s, type="ASSAULT") != []


@pytest.fixture(scope="module")
def client(sample_db):
    with TestClient(create_app(str(sample_db), rate_limit=0), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("url, needle", [
    ("/api/events?type=FOO", "unknown PLOVER type 'FOO'"),
    ("/api/events?actor=XYZZY", "unknown country or group code 'XYZZY'"),
    ("/api/relations?a=RUS&b=XYZZY", "unknown country or group code 'XYZZY'"),
    ("/api/quotes?since=2025-02-30", "not a valid calendar date"),
])
def test_api_gives_the_same_answer(client, url, needle):
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert needle in r.json()["error"]


def test_page_gives_the_same_answer(client):
    r = client.get("/relations?a=RUS&b=XYZZY", headers={"accept": "text/html"})
    assert r.status_code == 422 and "XYZZY" in r.text and "unknown country or group code" in r.text
