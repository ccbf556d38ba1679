"""Beyond one machine: media on S3-compatible object storage, a CDN purged on publish, compressed HTML.

The object storage is moto's S3 server on 127.0.0.1 (real HTTP, the real boto3 client and
django-storages backend); the CDN is a small HTTP server that records the ``PURGE`` requests
Wagtail's HTTP frontend-cache backend sends, as Varnish would receive them.
"""

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings
from wagtail.documents import get_document_model

from home.factories import ensure_home, standard_page
from tests.gunicorn import free_port

pytestmark = pytest.mark.django_db


# Object storage


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_media(s3_endpoint, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "cityco-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "cityco-test-secret")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-1")
    client.create_bucket(Bucket="cityco-media", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    options = {
        "bucket_name": "cityco-media",
        "endpoint_url": s3_endpoint,
        "region_name": "eu-west-1",
        "location": "media",
        "file_overwrite": False,
        "querystring_auth": False,
        "default_acl": None,
    }
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        storages._storages = {}  # the storage handler caches its backends; read the override
        yield client
    storages._storages = {}


def test_the_settings_put_media_in_the_named_bucket(monkeypatch):
    import importlib

    import environ

    from website.settings import base

    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "cityco-media")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "http://127.0.0.1:9000")
    try:
        reloaded = importlib.reload(base)
        default = reloaded.STORAGES["default"]
        assert default["BACKEND"] == "website.media_storage_s3.S3MediaStorage"  # S3Storage, clean errors
        assert default["OPTIONS"]["bucket_name"] == "cityco-media"
        assert default["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
        assert default["OPTIONS"]["file_overwrite"] is False
    finally:
        monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME")
        monkeypatch.delenv("AWS_S3_ENDPOINT_URL")
        assert importlib.reload(base).STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    assert environ  # django-environ reads the variables above


def test_an_uploaded_document_is_stored_in_the_bucket_and_served_from_it(s3_media, client):
    Document = get_document_model()
    document = Document.objects.create(
        title="Action plan", file=ContentFile(b"%PDF-1.4 action plan", name="action-plan.pdf")
    )
    keys = [item["Key"] for item in s3_media.list_objects_v2(Bucket="cityco-media")["Contents"]]
    assert keys == [f"media/{document.file.name}"]
    body = s3_media.get_object(Bucket="cityco-media", Key=keys[0])["Body"].read()
    assert body == b"%PDF-1.4 action plan"
    # A second file with the same name gets a name of its own.
    other = Document.objects.create(title="Other", file=ContentFile(b"other", name="action-plan.pdf"))
    assert other.file.name != document.file.name
    # Wagtail's document view reads the file from the bucket.
    response = client.get(document.url)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 action plan"


# The CDN


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802  (the method name is the HTTP verb)
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn():
    PurgeRecorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    location = f"http://127.0.0.1:{server.server_address[1]}"
    with override_settings(
        WAGTAILFRONTENDCACHE={
            "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
        }
    ):
        yield PurgeRecorder.received
    server.shutdown()


def purged_paths(received):
    return sorted({path for _host, path in received})


def test_publishing_a_page_purges_it_its_parent_and_its_home(cdn, django_capture_on_commit_callbacks):
    home = ensure_home()
    about = standard_page(home, "About us", "about")
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        team = standard_page(about, "Team", "team")
    assert purged_paths(cdn) == ["/en/", "/en/about/", "/en/about/team/"]
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        team.unpublish()
    assert purged_paths(cdn) == ["/en/", "/en/about/", "/en/about/team/"]


def test_a_moved_page_is_purged_at_its_old_and_new_address(cdn, django_capture_on_commit_callbacks):
    home = ensure_home()
    about = standard_page(home, "About us", "about")
    team = standard_page(home, "Team", "team")
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        team.move(about, pos="last-child")
    assert {"/en/team/", "/en/about/team/", "/en/about/"} <= set(purged_paths(cdn))


def test_a_deleted_page_is_purged_with_its_parent(cdn, django_capture_on_commit_callbacks):
    home = ensure_home()
    about = standard_page(home, "About us", "about")
    team = standard_page(about, "Team", "team")
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        team.delete()
    assert {"/en/about/team/", "/en/about/"} <= set(purged_paths(cdn))


def test_nothing_is_purged_before_the_transaction_commits(cdn, django_capture_on_commit_callbacks):
    home = ensure_home()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        standard_page(home, "About us", "about")
    assert cdn == []
    assert callbacks


def test_a_cdn_that_is_down_does_not_stop_a_publish(django_capture_on_commit_callbacks, caplog):
    home = ensure_home()
    location = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    with override_settings(
        WAGTAILFRONTENDCACHE={
            "http": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": location}
        }
    ):
        with django_capture_on_commit_callbacks(execute=True):
            page = standard_page(home, "About us", "about")
    assert page.live


def test_public_pages_let_a_cdn_keep_them_a_few_minutes(client, tmp_path):
    home = ensure_home()
    standard_page(home, "About us", "about")
    with override_settings(
        PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation", CDN_CACHE_SECONDS=300
    ):
        response = client.get("/en/about/")
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"


# Compressed HTML without the page cache


def test_pages_are_compressed_for_clients_that_accept_it_unless_they_carry_a_secret(client, admin_client):
    home = ensure_home()
    standard_page(home, "About us", "about", introduction="Text " * 200)
    plain = client.get("/en/about/")
    assert "Content-Encoding" not in plain
    compressed = client.get("/en/about/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    # An editor's request (a session, a CSRF token in the page) is never compressed (BREACH).
    editor = admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in editor
    editor_page = admin_client.get("/en/about/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in editor_page


def test_data_files_the_page_cache_does_not_keep_are_compressed_too(client, tmp_path):
    from cities.factories import city, city_index

    index = city_index(ensure_home())
    for number in range(5):
        city(index, f"City {number}", country="GR")
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_GENERATION_FILE=tmp_path / "generation"):
        response = client.get(f"{index.url}map.geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert b'"FeatureCollection"' in gzip.decompress(response.content)
