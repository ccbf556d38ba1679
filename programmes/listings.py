"""What a programme page lists, in a fixed number of queries."""

from cities.listings import localized_pages
from cities.models import PartnershipPage
from news.models import NewsPage
from programmes.localize import localize, localize_one
from programmes.models import CallPage, Organisation, ProgrammePage, Theme, TrainingModulePage


def programme_listings(programme):
    locale_id = programme.locale_id
    same_programme = {"locale_id": locale_id, "programme__translation_key": programme.translation_key}
    partnerships = list(
        PartnershipPage.objects.live().filter(**same_programme).order_by("-start_date")
    )
    return {
        "calls": CallPage.objects.child_of(programme).live().order_by("-deadline"),
        "training_modules": TrainingModulePage.objects.child_of(programme).live().order_by("starts_at"),
        "initiatives": ProgrammePage.objects.child_of(programme).live().order_by("path"),
        "partnerships": partnerships,
        "news": NewsPage.objects.live().filter(**same_programme).order_by("-date", "-pk")[:6],
        "themes": localize(programme.themes.all(), Theme, locale_id),
        "managing_body": localize_one(programme.managing_body, locale_id),
        "delivery_partners": localize(programme.delivery_partners.all(), Organisation, locale_id),
        "parent_programme": localized_pages([programme.get_parent().specific], locale_id)[0]
        if programme.depth > 4
        else None,
    }
