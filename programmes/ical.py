"""iCalendar files for calls' deadlines and training modules, made with the icalendar library."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar, Event, Timezone

from website.links import absolute_url

PRODID = "-//City Cooperation//Programmes//EN"


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def event_for(page, request):
    """One VEVENT for a training module (its dates) or a call (its deadline)."""
    from programmes.models import CallPage

    event = Event()
    # A stable, ASCII identifier: the same event in every download, distinct per language.
    event.add("uid", f"{page.translation_key}-{page.locale.language_code}@{settings.ICAL_UID_DOMAIN}")
    event.add("summary", page.title)
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("url", absolute_url(page.get_url(request)))
    if page.introduction:
        event.add("description", page.introduction)
    if isinstance(page, CallPage):
        deadline = page.local_deadline
        event.add("dtstart", deadline)
        event.add("dtend", deadline)
    else:
        event.add("dtstart", page.local_starts_at)
        event.add("dtend", page.local_ends_at)
        location = ", ".join(part for part in (page.venue, page.city_name) if part)
        if location:
            event.add("location", location)
    return event


def explain_nothing_upcoming(calendar):
    """Say so in a calendar without events, and keep it valid: RFC 5545 wants at least one
    component in a VCALENDAR, so an (unused) UTC VTIMEZONE stands in for the events."""
    home = absolute_url(f"/{translation.get_language() or settings.LANGUAGE_CODE}/")
    calendar.description = gettext(
        "Nothing is coming up at the moment: no call for applications is open and no training module "
        "is planned. New ones appear in this calendar as soon as they are published. Past calls and "
        "modules are listed on the programme pages of %(site)s"
    ) % {"site": home}
    calendar.add_component(Timezone.from_tzid("UTC"))


def ical_response(calendar, filename):
    if not calendar.events:
        explain_nothing_upcoming(calendar)
    calendar.add_missing_timezones()  # RFC 5545: a VTIMEZONE for every TZID the events use
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def page_calendar(page, request):
    calendar = new_calendar(page.title)
    calendar.add_component(event_for(page, request))
    return ical_response(calendar, f"{page.slug}.ics")
