"""The judged relevance sets on the test database's search backend: benchmarks/search_judgements.json
(the set search was tuned on) and benchmarks/search_heldout.json (written afterwards, untuned).

The demo content is built once for the module, indexed, and every judged query is asked at
``/<language>/search/`` through the test client, as ``make search-quality`` does. The figures
of each language must stay at or above its floors, and its zero-result rate at or below its
ceiling. They are a ratchet: the figures measured when the set was written (the lower of SQLite
and PostgreSQL), rounded down (the zero-result rate up) to 0.05. Raise them when search gets
better; ``make search-quality`` prints the figures and the failing queries of every engine.
"""

import pytest
from django.core.management import call_command
from django.test import Client

from benchmarks.search_quality import (
    HELD_OUT,
    LANGUAGES,
    failures,
    kinds,
    load_judgements,
    run_judgements,
    summary,
)
from home.demo import build_demo
from search import state
from tests.conftest import built_once_per_module

pytestmark = pytest.mark.slow  # builds the whole demo

# Raised with issue I (word forms, other names, prefixes, typos, ranking). Measured then: P@1 and
# MRR 1.00, R@5 0.98-1.00, no zero results, on SQLite, PostgreSQL 15 and the emulator; the floors
# leave a little room for new demo content, and stay at or above the targets (P@1 0.85,
# R@5 0.95, at most 2 % of answerable queries without results). Before it: P@1 0.40, R@5 0.58.
FLOORS = {language: {"p_at_1": 0.95, "r_at_5": 0.95, "mrr": 0.95} for language in ("en", "ca", "pl", "el")}
ZERO_RESULT_CEILINGS = {"en": 0.02, "ca": 0.02, "pl": 0.02, "el": 0.02}
# The held-out set's floors: its first measure after the search work (P@1 0.96-1.00, R@5
# 0.91-1.00 per language on SQLite, PostgreSQL and the emulator; before it, P@1 0.46 and R@5
# 0.56 on SQLite, with 32 % of queries finding nothing), rounded down to 0.05,
# so that a change that helps the tuned set at the expense of queries nobody tuned for shows here.
HELD_OUT_FLOORS = {
    "en": {"p_at_1": 0.95, "r_at_5": 0.90, "mrr": 0.95},
    "ca": {"p_at_1": 0.95, "r_at_5": 0.95, "mrr": 0.95},
    "pl": {"p_at_1": 0.95, "r_at_5": 0.90, "mrr": 0.95},
    "el": {"p_at_1": 0.95, "r_at_5": 0.95, "mrr": 0.95},
}
HELD_OUT_ZERO_CEILINGS = ZERO_RESULT_CEILINGS
SETS = {
    "tuned": (None, FLOORS, ZERO_RESULT_CEILINGS),
    "held-out": (HELD_OUT, HELD_OUT_FLOORS, HELD_OUT_ZERO_CEILINGS),
}


@pytest.fixture(scope="module")
def judged(django_db_setup, django_db_blocker):
    """Each judged query with the keys of its results, on the demo built and indexed once."""

    def build():
        build_demo()
        call_command("update_index", verbosity=0)
        state.clear()  # a facet map of an earlier module's pages would hide these results
        client = Client()
        return {
            name: run_judgements(client, load_judgements(path) if path else load_judgements())
            for name, (path, _floors, _ceilings) in SETS.items()
        }

    try:
        yield from built_once_per_module(django_db_blocker, build)
    finally:
        state.clear()


def test_judged_set_covers_every_language_and_kind():
    judgements = load_judgements()
    assert len(judgements) >= 160
    for language in LANGUAGES:
        assert sum(item["language"] == language for item in judgements) >= 40, language
    assert {item["kind"] for item in judgements} == set(kinds())


@pytest.mark.django_db  # also what makes pytest-django create the test database when run alone
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("judged_set", SETS)
def test_search_quality_holds_its_floors(judged, judged_set, language):
    _path, floors, ceilings = SETS[judged_set]
    outcomes = [outcome for outcome in judged[judged_set] if outcome["language"] == language]
    got = summary(outcomes)["all"]
    below = {metric: got[metric] for metric, floor in floors[language].items() if got[metric] < floor}
    if got["zero"] > ceilings[language]:
        below["zero"] = got["zero"]
    missed = "\n".join(
        f"  {o['kind']:<15}{o['query']!r:<36} -> {o['results'][0] if o['results'] else '(no results)'}"
        for o in failures(outcomes)
    )
    assert not below, (
        f"{judged_set} {language}: {below} against floors {floors[language]}, zero-result ceiling "
        f"{ceilings[language]}; first result not expected:\n{missed}"
    )
