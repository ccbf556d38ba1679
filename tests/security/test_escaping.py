"""Script in any text an editor or translator types stays text: on the public pages, in the RSS and
Atom feeds (whose descriptions feed readers render as HTML) and in the API's JSON.

Every text field type gets a ``<script>`` and an ``<img onerror>`` payload: page titles, SEO
title and description, introductions, StreamField headings, quotes and button texts, rich text
(typed into the editor, and HTML pasted into it, both through the editor's converter, which is
how rich text reaches the database), theme names and descriptions, and a translation's title.
Rich text is trusted once stored: Wagtail renders it as HTML, so the editor's converter is the
filter, and the test goes through it.
"""

import html
import json
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail_localize.strings import StringValue

from base.factories import add_page, translate
from base.models import Theme
from home.models import StandardPage
from news.models import NewsPage


def payload(field):
    return f'<script>alert("{field}")</script><img src=x onerror=alert("{field}")>'


PASTED = (  # the converter reads well-formed HTML: void elements closed
    '<p>pasted rich text<script>alert("pasted")</script><img src="x" onerror="alert(1)"/>'
    '<a href="javascript:alert(1)" onclick="alert(1)">link</a><b onmouseover="alert(1)">bold</b></p>'
)
PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def editor_saves(contentstate=None, pasted_html=None):
    """The rich text the page editor (Draftail) stores, for typed text or for pasted HTML."""
    converter = ContentstateConverter(PARAGRAPH_FEATURES)
    if pasted_html is not None:
        contentstate = converter.from_database_format(pasted_html)
    return converter.to_database_format(contentstate)


def typed(text):
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


class Inspector(HTMLParser):
    """Reads a document as a browser would: script that would run, and the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append("<img src=x>")
        if tag == "script":
            # A data block (JSON-LD) is never run: only a script a browser would execute counts.
            kind = (dict(attrs).get("type") or "").lower()
            self._in_script = kind in ("", "text/javascript", "application/javascript", "module")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            if "alert(" in data:
                self.problems.append(f"<script>{data}</script>")
        else:
            self.text.append(data)


def inspect(markup):
    inspector = Inspector()
    inspector.feed(markup)
    inspector.close()
    return inspector.problems, "".join(inspector.text)


@pytest.fixture
def hostile(site_tree):
    """A page, a news item, its Polish translation and a theme, each text field carrying a payload."""
    theme = Theme.objects.create(
        name=payload("theme name"), slug="xss-theme", description=payload("theme description")
    )
    body = [
        ("heading", {"text": payload("heading"), "level": "h2"}),
        ("paragraph", editor_saves(typed(payload("typed rich text")))),
        ("paragraph", editor_saves(pasted_html=PASTED)),
        ("quote", {"quote": payload("quote"), "attribution": payload("attribution")}),
        ("call_to_action", {"text": payload("button"), "url": "https://example.org/apply"}),
    ]
    page = add_page(
        site_tree.home["en"],
        StandardPage(
            title=payload("title"),
            slug="xss-page",
            seo_title=payload("seo title"),
            search_description=payload("search description"),
            introduction=payload("introduction"),
            body=body,
        ),
    )
    news = NewsPage(
        title=payload("news title"), slug="xss-news", introduction=payload("news introduction"), body=body[:2]
    )
    news.set_themes([theme])
    news = add_page(site_tree.news["en"], news)
    # wagtail-localize keeps plain text as escaped HTML, as its translation editor saves it
    polish = translate(
        news,
        "pl",
        {
            StringValue.from_plaintext(news.title).data: StringValue.from_plaintext(
                payload("polish title")
            ).data
        },
    )
    return {"page": page, "news": news, "polish": polish, "theme": theme}


SHOWN_ON_PAGE = ["title", "introduction", "heading", "typed rich text", "quote", "attribution", "button"]


def test_payloads_are_text_on_the_page(client, hostile):
    response = client.get(hostile["page"].get_url())
    assert response.status_code == 200
    problems, text = inspect(response.text)
    assert problems == []
    for field in SHOWN_ON_PAGE:
        assert payload(field) in text, field  # shown, as text
    assert "pasted rich text" in text  # the pasted HTML kept its text and lost its markup


def test_pasted_rich_text_loses_script_handlers_and_javascript_links(hostile):
    paragraphs = [block.value.source for block in hostile["page"].body if block.block_type == "paragraph"]
    assert len(paragraphs) == 2
    for stored in paragraphs:
        assert inspect(stored)[0] == []
    assert "pasted rich text" in paragraphs[1]


@pytest.mark.parametrize("name", ["news", "polish"])
def test_payloads_are_text_on_news_pages_and_snippet_names(client, hostile, name):
    response = client.get(hostile[name].get_url())
    assert response.status_code == 200
    problems, text = inspect(response.text)
    assert problems == []
    title = "polish title" if name == "polish" else "news title"
    assert payload(title) in text
    assert payload("theme name") in text


@pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/search/?q=alert", "/pl/news/"])
def test_payloads_are_text_in_listings_and_search_results(client, hostile, path):
    response = client.get(path)
    assert response.status_code == 200
    problems, _text = inspect(response.text)
    assert problems == []


def test_rss_feed_carries_payloads_as_text(client, hostile):
    response = client.get(hostile["news"].get_parent().url + "feed/rss/")
    assert response.status_code == 200
    assert b"<script" not in response.content and b"<img" not in response.content
    item = next(
        item
        for item in ElementTree.fromstring(response.content).iter("item")
        if item.findtext("title") == payload("news title")
    )
    problems, text = inspect(item.findtext("description"))  # feed readers render it as HTML
    assert problems == []
    assert text == payload("news introduction")


def test_atom_feed_carries_payloads_as_text(client, hostile):
    response = client.get(hostile["news"].get_parent().url + "feed/atom/")
    assert response.status_code == 200
    assert b"<script" not in response.content and b"<img" not in response.content
    atom = "{http://www.w3.org/2005/Atom}"
    entry = next(
        entry
        for entry in ElementTree.fromstring(response.content).iter(f"{atom}entry")
        if entry.findtext(f"{atom}title") == payload("news title")
    )
    summary = entry.find(f"{atom}summary")
    markup = summary.text if summary.get("type") == "html" else html.escape(summary.text)
    problems, text = inspect(markup)
    assert problems == []
    assert text == payload("news introduction")


def api_get(client, path):
    response = client.get(path)
    if response.status_code == 404 and path.startswith("/api/v2/"):
        pytest.skip("no /api/v2/ here")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    # A browser asking for a page gets JSON or 406, never an HTML rendering of the data.
    as_browser = client.get(path, HTTP_ACCEPT="text/html,application/xhtml+xml")
    assert as_browser.status_code == 406 or as_browser["Content-Type"].startswith("application/json")
    return response.json()


def test_api_returns_payloads_as_json_strings(client, hostile):
    page = api_get(client, f"/api/v2/pages/{hostile['news'].pk}/")
    assert page["title"] == payload("news title")
    listing = api_get(client, "/api/v2/pages/?type=news.NewsPage&fields=introduction&locale=en")
    introductions = [item.get("introduction") for item in listing["items"]]
    assert payload("news introduction") in introductions
