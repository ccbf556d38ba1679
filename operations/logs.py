"""JSON log lines (LOG_FORMAT=json): one object per record, for a log collector to parse."""

import json
import logging
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message"}``, plus the record's ``fields`` (``extra={"fields": {...}}``)
    and the traceback, if any."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class SkipProbeOutcomes(logging.Filter):
    """On ``django.request``: drops the "Service Unavailable: /readyz" line Django logs for every
    503 of a probe (an expected answer, already in the probe's own log), so that a load balancer
    polling a degraded site fills neither the log nor the error tracker."""

    PATHS = ("/healthz", "/readyz")

    def filter(self, record):
        request = getattr(record, "request", None)
        return not (
            getattr(record, "status_code", None) == 503 and getattr(request, "path", None) in self.PATHS
        )
