"""Screenshots of the key pages at desktop (1280×900) and phone (375×812) widths, full length,
in ``artifacts/screenshots/<page>-<desktop|phone>.png`` (git-ignored), for a person to look at.

Each page must also fit the phone's width: nothing may make the page scroll sideways.
"""

import pytest

from tests.e2e.conftest import DESKTOP, PHONE

KEY_PAGES = {
    "home": "home.HomePage",
    "programme": "programmes.ProgrammePage",
    "partnership": "cities.PartnershipPage",
    "city-directory": "cities.CityIndexPage",
    "city": "cities.CityPage",
    "news": "news.NewsPage",
}
SIZES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_screenshot(name, size, visitor, site_pages, artifacts):
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    visitor.set_viewport_size(SIZES[size])
    response = visitor.goto(site_pages["en"][KEY_PAGES[name]])
    assert response.status == 200
    visitor.wait_for_load_state("networkidle")
    path = folder / f"{name}-{size}.png"
    visitor.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000
    overflow = visitor.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {SIZES[size]['width']}px"
    assert visitor.problems.take() == []
