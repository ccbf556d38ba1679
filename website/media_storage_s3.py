"""Media on S3-compatible object storage (django-storages), failing with ``MediaStorageError``.

An S3 upload leaves nothing half-written (a PUT is atomic; s3transfer aborts a failed multipart
upload), so only the errors need translating: a refusal (access denied, no such bucket), an
unreachable endpoint, or a full storage (HTTP 507, as MinIO answers when its disks are full).
"""

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from website.media_storage import MediaStorageError, MediaStorageMixin


class S3MediaStorage(MediaStorageMixin, S3Storage):
    storage_errors = (BotoCoreError, ClientError, Boto3Error, OSError)

    def media_error(self, error):
        if isinstance(error, ClientError):
            status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            return MediaStorageError.from_error(error, full=status == 507)
        return super().media_error(error)
