"""A visitor in a real browser: from the home page to a partnership, into Greek, a search, and
the whole home page with the keyboard alone."""

import re
import urllib.parse

GREEK = re.compile("[\u0370-\u03ff]")


def path_of(page):
    return urllib.parse.urlsplit(page.url).path


def test_visitor_goes_from_home_to_a_partnership_switches_to_greek_and_searches(demo_site, visitor):
    page = visitor
    partnership = demo_site.api("partnerships/", locale="en", limit=1, fields="programme,cities")["items"][0]
    partnership_path = urllib.parse.urlsplit(partnership["meta"]["html_url"]).path
    programme = demo_site.api(f"pages/{partnership['programme']['id']}/")
    programme_path = urllib.parse.urlsplit(programme["meta"]["html_url"]).path

    page.goto("/en/")
    assert page.get_attribute("html", "lang") == "en"

    # Home → the partnership's programme, from its card on the home page.
    page.locator(f"main a[href='{programme_path}']").first.click()
    page.wait_for_url(f"**{programme_path}")
    assert page.locator("h1").inner_text().strip() == programme["title"]

    # Programme → one of its partnerships.
    page.locator(f"main a[href='{partnership_path}']").first.click()
    page.wait_for_url(f"**{partnership_path}")
    assert page.locator("h1").inner_text().strip() == partnership["title"]

    # The language switcher → the same partnership in Greek.
    greek_path, _greek_id, greek_title = demo_site.translation(partnership["id"], "el")
    assert GREEK.search(greek_title), greek_title
    page.locator(".language-switcher a[hreflang='el']").click()
    page.wait_for_url(f"**{greek_path}")
    assert page.get_attribute("html", "lang") == "el"
    assert page.locator("h1").inner_text().strip() == greek_title
    assert page.title().startswith(greek_title)
    assert page.locator(".language-switcher .current").get_attribute("lang") == "el"

    # Search for one of the partnership's cities by its Greek name, from the header's box.
    city_path, _city_id, city_title = demo_site.translation(partnership["cities"][0]["id"], "el")
    page.fill("#site-search", city_title)
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/el/search/\?"))
    assert page.get_attribute("html", "lang") == "el"
    results = page.locator("ol.results h3 a")
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert city_path in hrefs, hrefs

    # Open the result: the city's page, in Greek.
    page.locator(f"ol.results h3 a[href='{city_path}']").click()
    page.wait_for_url(f"**{city_path}")
    assert path_of(page) == city_path
    assert page.get_attribute("html", "lang") == "el"
    assert page.locator("h1").inner_text().strip() == city_title

    # Under the site's strict Content-Security-Policy nothing was refused and no script failed.
    assert page.problems.take() == []


FOCUSABLE = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable=true]';
  const all = Array.from(document.querySelectorAll(selector)).filter((el) => {
    const style = getComputedStyle(el);
    return el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0
      && style.visibility !== 'hidden' && !el.closest('[inert], [hidden]');
  });
  return all.map((el, index) => {
    el.dataset.e2eStop = String(index);
    return {index, tag: el.tagName.toLowerCase(), text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
            href: el.getAttribute('href')};
  });
}"""

FOCUS_STYLE = """(el) => {
  const s = getComputedStyle(el);
  const outline = (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0) ? 'none'
    : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`;
  return {outline, boxShadow: s.boxShadow};
}"""

ACTIVE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return {stop: el.dataset.e2eStop ?? null, tag: el.tagName.toLowerCase(), id: el.id, cls: el.className};
}"""


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(visitor):
    page = visitor
    page.goto("/en/")
    page.keyboard.press("Tab")
    first = page.evaluate("() => document.activeElement.outerHTML")
    assert 'class="skip-link"' in first and 'href="#main"' in first, first
    # The skip link is on screen once it has the focus.
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] >= 0, box
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    # The next Tab continues from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    inside_main = page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
    assert inside_main


def test_every_interactive_element_on_the_home_page_is_reached_by_tab_with_visible_focus(visitor):
    page = visitor
    page.goto("/en/")
    stops = page.evaluate(FOCUSABLE)
    assert len(stops) > 20, stops
    handles = [page.locator(f"[data-e2e-stop='{stop['index']}']") for stop in stops]
    unfocused = [handle.evaluate(FOCUS_STYLE) for handle in handles]

    reached = []
    without_visible_focus = []
    for _press in range(len(stops) + 10):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active is None:  # past the last element: focus left the document
            break
        assert active["stop"] is not None, f"Tab reached an element the test did not expect: {active}"
        index = int(active["stop"])
        if reached and index == reached[0]:
            break  # wrapped round
        reached.append(index)
        focused = handles[index].evaluate(FOCUS_STYLE)
        if focused == unfocused[index] or (focused["outline"] == "none" and focused["boxShadow"] == "none"):
            without_visible_focus.append((stops[index], focused))

    missing = [stops[i] for i in range(len(stops)) if i not in reached]
    assert missing == [], f"not reachable with Tab: {missing}"
    assert without_visible_focus == [], f"no visible focus indicator: {without_visible_focus}"
    assert reached[0] == 0 and stops[0]["href"] == "#main"
    # Tab order follows the page: header, main, footer.
    assert reached == sorted(reached), reached
