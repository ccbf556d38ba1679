"""axe-core on every public page type in the four languages: no WCAG 2.1 A or AA violation.

Each page is also narrowed to 320 CSS pixels, where it must not scroll sideways (WCAG 1.4.10
Reflow, which axe-core does not check). The results (per language and page type: address,
violations, the rules that failed, sideways overflow) are written to ``artifacts/axe-results.json``.
"""

import json
import time

import pytest

from tests.e2e.conftest import AXE_VERSION, DESKTOP, LANGUAGES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REFLOW = {"width": 320, "height": 256 * 3}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

# label: the page type in the API, or a function of the language giving the address.
PAGE_TYPES = {
    "home": "home.HomePage",
    "standard page": "home.StandardPage",
    "programme index": "programmes.ProgrammeIndexPage",
    "programme": "programmes.ProgrammePage",
    "call": "programmes.CallPage",
    "training module": "programmes.TrainingModulePage",
    "city index (directory)": "cities.CityIndexPage",
    "city": "cities.CityPage",
    "partnership index": "cities.PartnershipIndexPage",
    "partnership": "cities.PartnershipPage",
    "news index": "news.NewsIndexPage",
    "news page": "news.NewsPage",
    "search results": lambda language: f"/{language}/search/?q=IURC",
    "404": lambda language: f"/{language}/this-page-does-not-exist/",
}

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target, html: n.html.slice(0, 300), summary: n.failureSummary})),
  }));
}"""


@pytest.fixture(scope="module")
def axe_report(artifacts):
    report = {"axe-core": AXE_VERSION, "tags": WCAG_TAGS, "results": {code: {} for code in LANGUAGES}}
    yield report
    path = artifacts / "axe-results.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("label", list(PAGE_TYPES))
def test_no_wcag_a_or_aa_violations(label, language, axe_script, axe_page, site_pages, axe_report):
    where = PAGE_TYPES[label]
    path = where(language) if callable(where) else site_pages[language][where]
    started = time.monotonic()
    response = axe_page.goto(path)
    expected_status = 404 if label == "404" else 200
    assert response.status == expected_status, f"{path}: {response.status}"
    assert axe_page.get_attribute("html", "lang") == language
    if label == "search results":
        assert axe_page.locator("ol.results li").count() > 0, "the search found nothing to check"
    axe_page.add_script_tag(path=str(axe_script))
    violations = axe_page.evaluate(RUN_AXE, WCAG_TAGS)
    axe_page.set_viewport_size(REFLOW)
    try:
        sideways = axe_page.evaluate(SIDEWAYS)
    finally:
        axe_page.set_viewport_size(DESKTOP)
    axe_report["results"][language][label] = {
        "url": path,
        "status": response.status,
        "violations": len(violations),
        "rules": violations,
        "sideways_overflow_at_320px": sideways,
        "seconds": round(time.monotonic() - started, 2),
    }
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
    assert sideways <= 0, f"{path} scrolls sideways by {sideways}px at 320 CSS pixels"
