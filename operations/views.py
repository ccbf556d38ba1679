"""Probes for a load balancer or an orchestrator: /healthz (the process answers) and /readyz (the
process can serve: database, cache, search engine, media storage). JSON, never cached."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from operations.checks import readiness


@require_safe
@never_cache
def healthz(request):
    """Liveness: touches nothing, so a slow database never gets a healthy process restarted."""
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request):
    ready, checks = readiness()
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )
