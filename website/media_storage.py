"""Media storage that fails cleanly when it cannot be written (disk full, no permission, read-only).

Django's storages leave whatever they had written when a write fails: on a full disk, an image
upload leaves a 0-byte or truncated file under ``MEDIA_ROOT``. ``MediaFileSystemStorage`` (the
``default`` storage in ``STORAGES``) removes the file it was writing and raises
``MediaStorageError``; ``website.media_storage_s3.S3MediaStorage`` raises the same for object
storage. The model row is only written after its file (Django's ``FileField.pre_save``), so a failed
write leaves no row; ``website.media_errors`` answers the editor with a message instead of a 500.
"""

import contextvars
import errno
import logging
import os

from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)

# The errors of a storage with no room left: no space, or the quota of its user used up.
FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


class MediaStorageError(OSError):
    """A file could not be written to media storage, and nothing of it was left there.

    ``full`` says whether the storage had no room left (as opposed to refusing the write or being
    unreachable); ``cause`` is the original error (also the ``__cause__``).
    """

    def __init__(self, message, *, full=False, cause=None):
        super().__init__(message)
        self.full = full
        self.cause = cause

    @classmethod
    def from_error(cls, error, *, full=None):
        if full is None:
            full = getattr(error, "errno", None) in FULL_ERRNOS
        return cls(f"the media storage could not store the file: {error}", full=full, cause=error)


class MediaStorageMixin:
    """``save`` raises ``MediaStorageError`` for the backend's ``storage_errors``."""

    storage_errors = (OSError,)

    def media_error(self, error):
        """The ``MediaStorageError`` for ``error``; backends say here whether it means "full"."""
        return MediaStorageError.from_error(error)

    def save(self, name, content, max_length=None):
        try:
            return super().save(name, content, max_length=max_length)
        except MediaStorageError:
            raise
        except self.storage_errors as error:
            raise self.media_error(error) from error


# The name FileSystemStorage._save is writing to in this thread (it changes when the first choice
# turns out to be taken by another process), if the file did not exist before: the one to remove.
_writing = contextvars.ContextVar("media_storage_writing", default=None)


class MediaFileSystemStorage(MediaStorageMixin, FileSystemStorage):
    """FileSystemStorage that removes the partial file a failed write leaves behind."""

    def get_available_name(self, name, max_length=None):
        writing = _writing.get()
        if writing is not None:  # called again from _save: the previous name was someone else's
            writing.clear()
        name = super().get_available_name(name, max_length=max_length)
        if writing is not None and not self.exists(name):
            writing.append(name)
        return name

    # Overriding ``_save`` is Django's documented way to write a custom storage
    # (https://docs.djangoproject.com/en/5.2/howto/custom-file-storage/), not a private API.
    def _save(self, name, content):
        writing = [] if self.exists(name) else [name]  # never remove a file that was there before
        token = _writing.set(writing)
        try:
            return super()._save(name, content)
        except OSError:
            for partial in writing:
                self.remove_partial_file(partial)
            raise
        finally:
            _writing.reset(token)

    def remove_partial_file(self, name):
        try:
            os.remove(self.path(name))
        except FileNotFoundError:
            pass
        except OSError as error:
            logger.error("Could not remove the partial media file %r: %r", name, error)
        else:
            logger.warning("Removed the partial media file %r after a failed write", name)
