"""Builders for programmes, phases, calls and training modules.

Used by the demo content and the tests. Every builder has sensible defaults, takes keyword
overrides for any model field, and is idempotent: a page is found again by its slug under its parent.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from base.factories import add_page
from programmes.models import CallPage, ProgrammeIndexPage, ProgrammePage, ProgrammePhase, TrainingModulePage


def at(day, hour=0, minute=0, zone="Europe/Brussels"):
    """An aware datetime for a wall-clock time in ``zone``: ``at(date(2021, 11, 15), 23, 59)``."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


def programme_index(home, title="Programmes", slug="programmes", introduction="", show_in_menus=True):
    return add_page(
        home,
        ProgrammeIndexPage(title=title, slug=slug, introduction=introduction, show_in_menus=show_in_menus),
    )


def programme(
    parent,
    title="ICP AGIR",
    slug=None,
    *,
    code=None,
    short_name=None,
    full_name=None,
    themes=(),
    delivery_partners=(),
    phases=(),
    **fields,
):
    """A programme (or an initiative inside one) under ``parent``; ``phases`` are ``phase_data`` dicts.

    The code, short name and full name default to the slug and the title.
    """
    slug = slug or slugify(title)
    page = ProgrammePage(
        title=title,
        slug=slug,
        code=code or slug,
        short_name=short_name or title,
        full_name=full_name or title,
        phases=[ProgrammePhase(**phase_data(**data)) for data in phases],
        **fields,
    )
    page.set_themes(themes)
    page.set_related(delivery_partners, "delivery_partners")
    return add_page(parent, page)


def phase_data(title="Selection of cities", start_date=date(2021, 10, 1), **fields):
    """The fields of a timeline phase with defaults (kind 'other', no end date)."""
    fields.setdefault("kind", ProgrammePhase.Kind.OTHER)
    return {"title": title, "start_date": start_date, **fields}


def phase(programme_page, title="Selection of cities", start_date=date(2021, 10, 1), **fields):
    """Add a phase to an existing programme (unless one with that title and start is there) and publish."""
    existing = programme_page.phases.filter(title=title, start_date=start_date).first()
    if existing is not None:
        return existing
    programme_page.phases.add(ProgrammePhase(**phase_data(title, start_date, **fields)))
    programme_page.save_revision().publish()
    return programme_page.phases.get(title=title, start_date=start_date)


def call(programme_page, title="Call for cities", slug=None, *, deadline=None, contact_points=(), **fields):
    """A call for applications; the deadline defaults to 30 days from now at 17:00 Brussels time."""
    if deadline is None:
        deadline = at(date.today() + timedelta(days=30), 17, 0, fields.get("timezone", "Europe/Brussels"))
    page = CallPage(title=title, slug=slug or slugify(title), deadline=deadline, **fields)
    page.set_related(contact_points, "contact_points")
    return add_page(programme_page, page)


def training_module(
    programme_page, title="Training module", slug=None, *, starts_at=None, ends_at=None, themes=(), **fields
):
    """A training module; by default in person in Brussels, a day from 09:00 to 17:00 in 20 days."""
    zone = fields.setdefault("timezone", "Europe/Brussels")
    if starts_at is None:
        starts_at = at(date.today() + timedelta(days=20), 9, 0, zone)
    if ends_at is None:
        ends_at = starts_at + timedelta(hours=8)
    if fields.get("mode", TrainingModulePage.Mode.IN_PERSON) != TrainingModulePage.Mode.ONLINE:
        fields.setdefault("city_name", "Brussels")
    page = TrainingModulePage(
        title=title, slug=slug or slugify(title), starts_at=starts_at, ends_at=ends_at, **fields
    )
    page.set_themes(themes)
    return add_page(programme_page, page)
