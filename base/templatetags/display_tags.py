"""Display helpers for the public templates: dates in the active locale, localised relations."""

import calendar
import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import pgettext
from wagtail.models import Page

from base.localize import localized_related, localized_themes
from website import clock
from website.family import page_family

register = template.Library()


def _time(value, fmt):
    """A <time> element whose text follows the active locale's format ``fmt``."""
    if isinstance(value, datetime.datetime):
        machine = value.isoformat(timespec="minutes")
    else:
        machine = value.isoformat()
    return format_html('<time datetime="{}">{}</time>', machine, formats.date_format(value, fmt))


@register.simple_tag
def date_range(start, end=None):
    """One date, or two dates as a range ("3 March 2025 – 5 April 2025"), in the locale's format."""
    if not start:
        return ""
    if not end or end == start:
        return _time(start, "DATE_FORMAT")
    return format_html(
        pgettext("date range", "{start} – {end}"),
        start=_time(start, "DATE_FORMAT"),
        end=_time(end, "DATE_FORMAT"),
    )


@register.simple_tag
def month_range(start, end=None):
    """Two dates shown as months ("March 2023 – February 2025")."""
    if not start:
        return ""
    if not end or (end.year, end.month) == (start.year, start.month):
        return _time(start, "YEAR_MONTH_FORMAT")
    return format_html(
        pgettext("date range", "{start} – {end}"),
        start=_time(start, "YEAR_MONTH_FORMAT"),
        end=_time(end, "YEAR_MONTH_FORMAT"),
    )


@register.simple_tag
def datetime_range(start, end=None):
    """Two aware datetimes already in the event's zone: one day with two times, or two datetimes."""
    if not start:
        return ""
    if not end or end == start:
        return _time(start, "DATETIME_FORMAT")
    if start.date() == end.date():
        return format_html(
            pgettext("date with a time range", "{date}, {start} – {end}"),
            date=_time(start.date(), "DATE_FORMAT"),
            start=_time(start, "TIME_FORMAT"),
            end=_time(end, "TIME_FORMAT"),
        )
    return format_html(
        pgettext("date range", "{start} – {end}"),
        start=_time(start, "DATETIME_FORMAT"),
        end=_time(end, "DATETIME_FORMAT"),
    )


@register.simple_tag
def local_datetime(value):
    """An aware datetime in the locale's format, as a <time> element."""
    if not value:
        return ""
    return _time(value, "DATETIME_FORMAT")


@register.filter
def utc_offset(value):
    """The UTC offset of an aware datetime as "UTC+02:00"."""
    if not value or value.utcoffset() is None:
        return ""
    minutes = int(value.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


@register.filter
def iso(value):
    """An ISO 8601 timestamp for scripts (data attributes) and <time datetime>."""
    return value.isoformat() if value else ""


@register.filter
def add_months(value, months):
    """The last day of a period of ``months`` months starting on ``value``."""
    if not value or not months:
        return None
    month_index = value.month - 1 + int(months)
    year, month = value.year + month_index // 12, month_index % 12 + 1
    day = min(value.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day) - datetime.timedelta(days=1)


@register.simple_tag
def today():
    return timezone.localdate()


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """Title, address and depth of the live ancestors of ``page`` below the tree root, home first
    (read with its translations: ``website.family.page_family``)."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return page_family(page, context["request"])["ancestors"]


@register.simple_tag
def page_themes(page, given=None):
    """The themes of a page in the page's language: ``given`` (the context's ``themes``) when
    the view supplied them, else looked up (one query, names from the cached snippet map)."""
    if given not in (None, ""):
        return given
    return localized_themes(page)


@register.filter
def is_future(value):
    """True if an aware datetime is still to come."""
    if not value:
        return False
    clock.changes_at(value)
    return value > timezone.now()


@register.simple_tag
def page_related(page, name):
    """The snippets of ``page``'s relation ``name`` (its contact points...) in the page's language."""
    return localized_related(page, name)


@register.filter
def zone_name(value):
    """A time zone's name for people: "America/Sao_Paulo" becomes "America/Sao Paulo"."""
    return str(value or "").replace("_", " ")


@register.simple_tag
def coordinates(latitude, longitude):
    """Latitude and longitude as "37.942° N, 23.646° E", with the locale's decimal separator."""
    if latitude is None or longitude is None:
        return ""

    def part(value, positive, negative):
        number = formats.number_format(abs(value), decimal_pos=3)
        return f"{number}° {positive if value >= 0 else negative}"

    return "{}, {}".format(
        part(latitude, pgettext("compass point", "N"), pgettext("compass point", "S")),
        part(longitude, pgettext("compass point", "E"), pgettext("compass point", "W")),
    )


@register.simple_tag
def page_numbers(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current page, with None where numbers are left out."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]
