"""Test-only: an Elasticsearch transport node that sends plain JSON, for the osmem emulator.

The ``elasticsearch`` 9 client always sends ``application/vnd.elasticsearch+json;
compatible-with=9``, which only an Elasticsearch 9 server accepts; osmem answers 406. This node
rewrites the two headers to ``application/json`` / ``application/x-ndjson``. It is passed to the
client through the backend's ``OPTIONS["node_class"]`` by the test fixtures only, never by the
project's settings.
"""

import re

from elastic_transport import HttpHeaders, Urllib3HttpNode

COMPATIBLE = re.compile(r"application/vnd\.elasticsearch\+([\w-]+).*")


class PlainJsonNode(Urllib3HttpNode):
    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = HttpHeaders(headers)
            for name in ("content-type", "accept"):
                value = headers.get(name)
                if value and "vnd.elasticsearch+" in value:
                    headers[name] = COMPATIBLE.sub(r"application/\1", value)
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)
