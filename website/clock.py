"""Until when what a response shows about time (a call open or closed, training upcoming, a
programme phase in progress) stays true.

Code that compares content with the clock says when the answer will next change with
``changes_at(moment, ...)``; the page cache (website/pagecache.py) then keeps the response only
until the earliest such moment, and tells browsers and a CDN the same. A call whose deadline
passes therefore shows "Closed" on its first request after the deadline, cached or not, while a
page whose dates are months away is still cached for the usual time.

Outside a response the page cache watches (a management command, a test), ``changes_at`` does nothing.
"""

from datetime import datetime, time, timedelta

from asgiref.local import Local
from django.utils import timezone

_watch = Local()


def watch():
    """Start noting changes for the current response."""
    _watch.next_change = None
    _watch.active = True


def stop():
    """Stop noting; the earliest moment noted since ``watch()`` (an aware datetime), or None."""
    moment = getattr(_watch, "next_change", None)
    _watch.next_change, _watch.active = None, False
    return moment


def changes_at(*moments):
    """What the current response shows changes at the earliest of ``moments`` still to come."""
    if not getattr(_watch, "active", False):
        return
    now = timezone.now()
    future = [moment for moment in moments if moment is not None and moment > now]
    if future and (_watch.next_change is None or min(future) < _watch.next_change):
        _watch.next_change = min(future)


def changes_tomorrow():
    """What the response shows depends on today's date (in the site's time zone)."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    changes_at(timezone.make_aware(datetime.combine(tomorrow, time.min)))


def seconds_until(moment):
    """Whole seconds from now until ``moment`` (0 if it has come)."""
    return max(0, int((moment - timezone.now()).total_seconds()))
