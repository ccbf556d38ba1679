"""Targeted invalidation across two servers sharing PostgreSQL and Redis (tests/test_multi_server.py):
a page published through one is fresh on the other, with its parent, and the other's copies of
the pages that do not show it stay cached. Apart from tests/test_page_cache_targeted.py, whose
shared site is built in a transaction that a test on a live database cannot run beside."""

import pytest

from home.factories import ensure_home, standard_page
from tests import test_multi_server
from tests.test_multi_server import ON_POSTGRES, PASSWORD, REDIS_URL, Editor, editor_account

pytestmark = [
    pytest.mark.skipif(
        not (ON_POSTGRES and REDIS_URL), reason="needs DATABASE_URL on PostgreSQL and REDIS_URL"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

servers = test_multi_server.servers


def test_a_page_published_through_one_server_is_fresh_on_the_other_which_keeps_the_rest(
    servers, django_user_model
):
    server_a, server_b = servers
    about = standard_page(ensure_home(), "About us", "about")
    team = standard_page(about, "Team", "team", introduction="The first version of the text.")
    standard_page(about, "History", "history")
    editor_account(django_user_model)
    paths = ("/en/about/", "/en/about/team/", "/en/about/history/")
    for server in (server_a, server_b):
        for path in paths:
            server.get(path)
            assert server.get(path)[1] == "hit", f"{server.name} did not cache {path}"

    editor = Editor(server_a)
    editor.log_in("editor", PASSWORD)
    editor.publish(team, introduction="The second version, published through server A.")

    status, cache_state, body = server_b.get("/en/about/team/")
    assert (status, cache_state) == (200, "miss")
    assert "The second version, published through server A." in body
    assert server_b.get("/en/about/")[1] == "miss", "server B kept a stale copy of the parent"
    assert server_b.get("/en/about/history/")[1] == "hit", "server B dropped a page that does not show it"
    assert server_b.get("/en/about/team/")[1] == "hit", "server B does not cache the new version"
