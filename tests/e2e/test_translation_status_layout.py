"""The translation status view in Chromium, in Greek and Polish, on a laptop and on a phone.

Its tables are wider than the admin's content area: each scrolls sideways inside its own focusable
region (the page itself never scrolls sideways), so every language's column can be reached, and
the time the view was worked out reads cleanly ("06/12/2026 19:12", not "7:12 μμ..").
"""

import json
import re
import subprocess
import sys

import pytest

from tests.e2e.conftest import sign_in
from tests.e2e.server import BASE_DIR

SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
ADMIN_LANGUAGES = ["el", "pl"]


@pytest.fixture(scope="module")
def admins(demo_site):
    """{language: (username, password)}: a superuser whose admin language is that language."""
    users = {
        code: (f"e2e-admin-{code}", demo_site.passwords["e2e-editor"] + code) for code in ADMIN_LANGUAGES
    }
    script = (
        "import json, sys\n"
        "from django.contrib.auth.models import User\n"
        "from wagtail.users.models import UserProfile\n"
        "for code, (name, password) in json.loads(sys.stdin.read()).items():\n"
        "    user = User.objects.create_superuser(name, f'{name}@example.org', password)\n"
        "    profile = UserProfile.get_for_user(user)\n"
        "    profile.preferred_language = code\n"
        "    profile.save()\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        env=demo_site.env,
        cwd=BASE_DIR,
        input=json.dumps(users),
        timeout=120,
        text=True,
        capture_output=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return users


# Scrolls the header into view inside its region (at once: the admin scrolls smoothly), then says
# where it is and whether it is what is drawn at its centre (not hidden under the sticky first
# column or anything else).
REACH_HEADER = """(header) => {
    header.scrollIntoView({block: "nearest", inline: "nearest", behavior: "instant"});
    const box = header.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {left: box.left, right: box.right, top: box.top, bottom: box.bottom,
            visible: hit !== null && (hit === header || header.contains(hit))};
}"""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ADMIN_LANGUAGES)
def test_every_language_column_of_the_status_view_can_be_reached(
    demo_site, browser_context, admins, language, size, tmp_path
):
    viewport = SIZES[size]
    page = browser_context(viewport=viewport).new_page()
    try:
        username, password = admins[language]
        sign_in(page, username, password)
        page.goto("/admin/translations/")
        assert page.locator("html").get_attribute("lang") == language

        regions = page.locator(".translation-scroll")
        assert regions.count() == 2  # the counts per language, and the items
        for index in range(regions.count()):
            region = regions.nth(index)
            assert region.get_attribute("role") == "region"
            assert region.get_attribute("aria-label")
            assert region.get_attribute("tabindex") == "0"
            assert region.evaluate("(el) => getComputedStyle(el).overflowX") == "auto"
            box = region.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]

        table = page.locator("table.translation-status")
        headers = table.locator("thead th")
        names = [name.strip() for name in headers.all_inner_texts()]
        assert "Ελληνικά" in names and "Polski" in names
        page.screenshot(path=str(tmp_path / f"status-{language}-{size}.png"))
        for index in range(headers.count()):
            place = headers.nth(index).evaluate(REACH_HEADER)
            assert place["left"] >= 0 and place["right"] <= viewport["width"], (names[index], place)
            assert place["visible"], f"the {names[index]!r} column header is hidden"
        page.screenshot(path=str(tmp_path / f"status-{language}-{size}-scrolled.png"))

        # The page itself never scrolls sideways: only the regions do.
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], widths

        # The time the report was worked out: a date and a 24-hour time, no doubled full stop.
        computed = page.locator(".translation-computed").inner_text()
        assert re.search(r"\b\d{1,2}:\d{2}\b", computed), computed
        assert ".." not in computed, computed
    finally:
        page.context.close()
