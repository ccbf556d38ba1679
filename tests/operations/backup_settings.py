"""Settings for the backup drill's processes (tests/operations/test_backups.py): the test settings
with the media files and the backup storage in folders on disk (MEDIA_ROOT, BACKUP_DIR), as in
production, so that what one process stores is there for the next."""

from website.settings.test import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "dbbackup": BACKUP_STORAGE,  # noqa: F405
}
