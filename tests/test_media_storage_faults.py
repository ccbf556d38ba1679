"""Uploads in the Wagtail admin when the media storage is full or cannot be written.

The media storage is the configured default (``website.settings.base.STORAGES``) on a real
directory. A full disk is simulated at the OS level: the file the storage opens under the media
directory accepts some bytes, then its write fails with ENOSPC, as on a real full disk (which the
``tmpfs`` tests at the end also use, when this machine lets the tests mount one). "Not writable"
is the directory made read-only (chmod 0o500), and, since root ignores that, ``os.open`` under it
refusing with EACCES.

Each time: the editor gets a message (507 when full, 503 when not writable), no file or partial file
is left, no Image or Document row is created, and a replaced file keeps the row's original file.
"""

import errno
import html
import io
import os
import shutil
import subprocess
from contextlib import suppress

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.utils import translation
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from website.settings import base

pytestmark = pytest.mark.django_db

FULL_MESSAGE = (
    "The file could not be stored: the media storage is full. "
    "Nothing was saved; please try again later or tell an administrator."
)
UNWRITABLE_MESSAGE = (
    "The file could not be stored: the media storage cannot be written to. "
    "Nothing was saved; please try again later or tell an administrator."
)
EXPECTED = {"full": (507, FULL_MESSAGE), "unwritable": (503, UNWRITABLE_MESSAGE)}
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
WRITTEN_BEFORE_FULL = 1000  # bytes a write puts on disk before the disk is full
# Wagtail's multiple upload views save without a transaction of their own: as in production, no
# transaction around the request (the test's own would be marked for rollback by the failed save).
autocommit = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def png_bytes(size=(120, 90)):
    """A PNG of noise: ~3 bytes a pixel, more than the disk takes before it is full."""
    image = PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


def files_in(root):
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def use_media_root(settings, root):
    """The production default storage, on ``root``."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": base.STORAGES["default"]["BACKEND"],
            "OPTIONS": {"location": str(root), "base_url": "/media/"},
        },
    }


@pytest.fixture
def media_root(tmp_path, settings):
    root = tmp_path / "media"
    root.mkdir()
    use_media_root(settings, root)
    return root


class FillsUp:
    """A file whose disk fills up: ``WRITTEN_BEFORE_FULL`` bytes reach the disk, then ENOSPC."""

    def __init__(self, handle, room):
        self.handle = handle
        self.room = room

    def write(self, data):
        accepted = data[: self.room]
        if accepted:
            self.handle.write(accepted)
            self.handle.flush()
            self.room -= len(accepted)
        if len(accepted) < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return len(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)


def disk_full(monkeypatch, root, room=WRITTEN_BEFORE_FULL):
    """Files opened under ``root`` take ``room`` bytes, then fail with ENOSPC."""
    real_open, real_fdopen = os.open, os.fdopen
    under_root = set()

    def fake_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if str(os.fspath(path)).startswith(str(root)) and flags & os.O_WRONLY:
            under_root.add(fd)
        return fd

    def fake_fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        if fd in under_root:
            under_root.discard(fd)
            return FillsUp(handle, room)
        return handle

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "fdopen", fake_fdopen)


def unwritable(monkeypatch, root):
    """``root`` read-only; as root (whom chmod does not stop), creating a file there is refused."""
    root.chmod(0o500)
    if os.geteuid() == 0:
        real_open = os.open

        def fake_open(path, flags, *args, **kwargs):
            if str(os.fspath(path)).startswith(str(root)) and flags & os.O_CREAT:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)


class Fault:
    """A fault of the media storage, ``kind`` "full" or "unwritable", from ``start()`` on."""

    def __init__(self, kind, root, monkeypatch):
        self.kind, self.root, self.monkeypatch = kind, root, monkeypatch

    def start(self):
        (disk_full if self.kind == "full" else unwritable)(self.monkeypatch, self.root)


@pytest.fixture(params=["full", "unwritable"])
def fault(request, media_root, monkeypatch):
    yield Fault(request.param, media_root, monkeypatch)
    media_root.chmod(0o700)  # for the clean-up of tmp_path


@pytest.fixture
def root_collection():
    return Collection.get_first_root_node()


def assert_message_page(response, kind):
    status, message = EXPECTED[kind]
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    content = html.unescape(response.content.decode())
    assert message in content
    assert "Server Error" not in content and "Internal server error" not in content.lower()


def assert_message_json(response, kind):
    status, message = EXPECTED[kind]
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["success"] is False
    assert data["error_message"] == message
    assert data["error_code"] == ("storage_full" if kind == "full" else "storage_unavailable")


# Adding


def test_single_image_add(admin_client, media_root, fault, root_collection):
    fault.start()
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Harbour",
            "collection": root_collection.pk,
            "file": upload("harbour.png", png_bytes(), "image/png"),
        },
    )
    assert_message_page(response, fault.kind)
    assert files_in(media_root) == []
    assert not get_image_model().objects.exists()


def test_document_add(admin_client, media_root, fault, root_collection):
    fault.start()
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Action plan",
            "collection": root_collection.pk,
            "file": upload("action-plan.txt", b"action plan\n" * 500, "text/plain"),
        },
    )
    assert_message_page(response, fault.kind)
    assert files_in(media_root) == []
    assert not get_document_model().objects.exists()


@autocommit
def test_multiple_image_upload(admin_client, media_root, fault, root_collection):
    fault.start()
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {
            "title": "harbour",
            "collection": root_collection.pk,
            "files[]": upload("harbour.png", png_bytes(), "image/png"),
        },
        **XHR,
    )
    assert_message_json(response, fault.kind)
    assert files_in(media_root) == []
    assert not get_image_model().objects.exists()


@autocommit
def test_multiple_document_upload(admin_client, media_root, fault, root_collection):
    fault.start()
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {
            "title": "plan",
            "collection": root_collection.pk,
            "files[]": upload("plan.txt", b"plan\n" * 1000, "text/plain"),
        },
        **XHR,
    )
    assert_message_json(response, fault.kind)
    assert files_in(media_root) == []
    assert not get_document_model().objects.exists()


@autocommit
def test_upload_from_the_image_chooser_of_the_page_editor(admin_client, media_root, fault, root_collection):
    """The chooser modal posts with AJAX: JSON for the modal, the page editor behind it stays as it was."""
    fault.start()
    response = admin_client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Harbour",
            "image-chooser-upload-collection": root_collection.pk,
            "image-chooser-upload-file": upload("harbour.png", png_bytes(), "image/png"),
        },
        **XHR,
    )
    assert_message_json(response, fault.kind)
    assert files_in(media_root) == []
    assert not get_image_model().objects.exists()


# Replacing the file of an existing image or document


def test_image_edit_replacing_the_file(admin_client, media_root, fault, root_collection):
    original = png_bytes()
    image = get_image_model().objects.create(
        title="Harbour", file=ContentFile(original, name="harbour.png"), collection=root_collection
    )
    name = image.file.name
    fault.start()
    response = admin_client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": "Harbour at night",
            "collection": root_collection.pk,
            "file": upload("night.png", png_bytes((160, 100)), "image/png"),
            "tags": "",
            "description": "",
        },
    )
    assert_message_page(response, fault.kind)
    image.refresh_from_db()
    assert (image.title, image.file.name) == ("Harbour", name)
    assert files_in(media_root) == [name]
    assert (media_root / name).read_bytes() == original


def test_document_edit_replacing_the_file(admin_client, media_root, fault, root_collection):
    document = get_document_model().objects.create(
        title="Action plan", file=ContentFile(b"version 1", name="plan.txt"), collection=root_collection
    )
    name = document.file.name
    fault.start()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Action plan 2",
            "collection": root_collection.pk,
            "file": upload("plan-2.txt", b"version 2\n" * 500, "text/plain"),
            "tags": "",
        },
    )
    assert_message_page(response, fault.kind)
    document.refresh_from_db()
    assert (document.title, document.file.name) == ("Action plan", name)
    # Wagtail deletes the old file before writing the new one: not here (website/media_forms.py).
    assert files_in(media_root) == [name]
    assert (media_root / name).read_bytes() == b"version 1"


def test_a_replaced_document_file_is_deleted_once_the_new_one_is_stored(
    admin_client, media_root, root_collection, django_capture_on_commit_callbacks
):
    document = get_document_model().objects.create(
        title="Action plan", file=ContentFile(b"version 1", name="plan.txt"), collection=root_collection
    )
    old_name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Action plan",
                "collection": root_collection.pk,
                "file": upload("plan-2.txt", b"version 2", "text/plain"),
                "tags": "",
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file.name != old_name
    assert files_in(media_root) == [document.file.name]
    assert (media_root / document.file.name).read_bytes() == b"version 2"


def test_uploads_are_stored_when_the_storage_is_fine(admin_client, media_root, root_collection):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {
            "title": "harbour",
            "collection": root_collection.pk,
            "files[]": upload("harbour.png", png_bytes(), "image/png"),
        },
        **XHR,
    )
    assert response.status_code == 200 and response.json()["success"] is True
    image = get_image_model().objects.get()
    assert files_in(media_root) == [image.file.name]


# The message


def test_the_message_is_in_the_editors_admin_language(
    admin_client, admin_user, media_root, root_collection, monkeypatch
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ca"
    profile.save()
    disk_full(monkeypatch, media_root)
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Pla",
            "collection": root_collection.pk,
            "file": upload("pla.txt", b"pla\n" * 500, "text/plain"),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 507
    with translation.override("ca"):
        catalan = translation.gettext(FULL_MESSAGE)
    assert catalan != FULL_MESSAGE
    assert catalan in html.unescape(response.content.decode())
    assert not get_document_model().objects.exists()


def test_the_middleware_leaves_other_errors_and_the_public_site_alone():
    from website.media_errors import MediaStorageErrorMiddleware
    from website.media_storage import MediaStorageError

    middleware = MediaStorageErrorMiddleware(lambda request: None)
    factory = RequestFactory()
    admin_request = factory.post("/admin/images/add/")
    assert middleware.process_exception(admin_request, OSError(errno.ENOSPC, "full")) is None
    assert middleware.process_exception(factory.post("/en/"), MediaStorageError("x", full=True)) is None


# The storage itself


def test_a_file_that_was_there_before_is_never_removed(media_root, monkeypatch):
    """Another process took the name between get_available_name and the write: Django writes under
    a new name; the partial file under that name is removed, the other one stays."""
    from django.core.files.storage import default_storage

    from website.media_storage import MediaStorageError

    (media_root / "report.txt").write_bytes(b"someone else's")
    disk_full(monkeypatch, media_root)
    with pytest.raises(OSError) as raised:
        # What Storage.save does once get_available_name has chosen "report.txt".
        default_storage._save("report.txt", ContentFile(b"x" * 5000))
    assert raised.value.errno == errno.ENOSPC
    assert files_in(media_root) == ["report.txt"]
    assert (media_root / "report.txt").read_bytes() == b"someone else's"
    # Through save(), the project's exception.
    with pytest.raises(MediaStorageError) as raised:
        default_storage.save("report.txt", ContentFile(b"x" * 5000))
    assert raised.value.full and raised.value.cause.errno == errno.ENOSPC
    assert files_in(media_root) == ["report.txt"]


@pytest.mark.parametrize("room", [0, WRITTEN_BEFORE_FULL])
def test_no_empty_or_partial_file_is_left(media_root, monkeypatch, room):
    from django.core.files.storage import default_storage

    from website.media_storage import MediaStorageError

    disk_full(monkeypatch, media_root, room=room)
    with pytest.raises(MediaStorageError):
        default_storage.save("documents/plan.txt", ContentFile(b"x" * 5000))
    assert files_in(media_root) == []


# Object storage (S3): the same message


def test_s3_refusing_the_upload_gives_the_same_message(admin_client, settings, root_collection, monkeypatch):
    from moto import mock_aws

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "cityco-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "cityco-test-secret")
    with mock_aws():  # no bucket: every upload is refused (NoSuchBucket)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "website.media_storage_s3.S3MediaStorage",
                "OPTIONS": {"bucket_name": "cityco-missing", "region_name": "eu-west-1", "location": "media"},
            },
        }
        response = admin_client.post(
            "/admin/images/add/",
            {
                "title": "Harbour",
                "collection": root_collection.pk,
                "file": upload("harbour.png", png_bytes(), "image/png"),
            },
        )
    assert_message_page(response, "unwritable")
    assert not get_image_model().objects.exists()


def test_s3_media_storage_stores_as_s3storage_does(monkeypatch):
    import boto3
    from moto import mock_aws

    from website.media_storage_s3 import S3MediaStorage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "cityco-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "cityco-test-secret")
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-1")
        client.create_bucket(
            Bucket="cityco-media", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        storage = S3MediaStorage(bucket_name="cityco-media", region_name="eu-west-1", location="media")
        name = storage.save("documents/plan.txt", ContentFile(b"plan"))
        body = client.get_object(Bucket="cityco-media", Key=f"media/{name}")["Body"].read()
    assert body == b"plan"


def test_s3_storage_full_is_told_apart():
    from botocore.exceptions import ClientError, EndpointConnectionError

    from website.media_storage_s3 import S3MediaStorage

    storage = S3MediaStorage(bucket_name="cityco-media")
    full = ClientError(
        {"Error": {"Code": "XMinioStorageFull"}, "ResponseMetadata": {"HTTPStatusCode": 507}}, "PutObject"
    )
    denied = ClientError(
        {"Error": {"Code": "AccessDenied"}, "ResponseMetadata": {"HTTPStatusCode": 403}}, "PutObject"
    )
    assert storage.media_error(full).full is True
    assert storage.media_error(denied).full is False
    assert storage.media_error(EndpointConnectionError(endpoint_url="http://127.0.0.1:1")).full is False


# The real kernel: a tiny tmpfs (root, and a kernel that lets the tests mount one)


@pytest.fixture
def tiny_tmpfs(tmp_path):
    mounted = []

    def mount(size="64k", read_only=False):
        if os.geteuid() != 0 or not shutil.which("mount"):
            pytest.skip("mounting a tmpfs needs root")
        point = tmp_path / f"tmpfs-{len(mounted)}"
        point.mkdir()
        options = f"size={size},mode=0777" + (",ro" if read_only else "")
        result = subprocess.run(  # noqa: S603, S607
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True, text=True
        )
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        with suppress(Exception):
            subprocess.run(["umount", str(point)], check=True)  # noqa: S603, S607


def test_a_real_full_disk(admin_client, settings, tiny_tmpfs, root_collection):
    root = tiny_tmpfs(size="64k")
    use_media_root(settings, root)
    large = png_bytes((200, 200))  # ~120 kB of noise: does not fit in 64 kB
    assert len(large) > 100_000
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Noise", "collection": root_collection.pk, "file": upload("noise.png", large, "image/png")},
    )
    assert_message_page(response, "full")
    assert files_in(root) == []
    assert not get_image_model().objects.exists()


@autocommit
def test_a_real_read_only_storage(admin_client, settings, tiny_tmpfs, root_collection):
    root = tiny_tmpfs(read_only=True)
    use_media_root(settings, root)
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {
            "title": "harbour",
            "collection": root_collection.pk,
            "files[]": upload("harbour.png", png_bytes(), "image/png"),
        },
        **XHR,
    )
    assert_message_json(response, "unwritable")
    assert files_in(root) == []
    assert not get_image_model().objects.exists()
