"""One log line per request (logger ``operations.requests``), switched on by LOG_FORMAT=json.

Placed first in MIDDLEWARE, so the duration covers the whole stack, page-cache hits included.
"""

import logging
import time
from contextlib import ExitStack

from django.db import connections

logger = logging.getLogger("operations.requests")


class QueryCounter:
    """A database execute wrapper (Django's public hook) that counts the statements run."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = QueryCounter()
        started = time.perf_counter()
        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "fields": {
                    "method": request.method,
                    "path": request.path,  # without the query string, which may carry personal data
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    # website.pagecache marks what it served or stored: "hit" or "miss"
                    "cache": response.get("X-Page-Cache"),
                    "queries": counter.count,
                }
            },
        )
        return response
