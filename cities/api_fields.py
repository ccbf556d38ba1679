"""The partnership fields of the public API that need the city models (base/api_fields.py has the rest).

The models import this module for their ``api_fields``: it reads them only when serialising.
"""

from base.api_fields import InstanceField
from base.localize import localized_pages


class PartnerCitiesField(InstanceField):
    """The cities of a partnership in the page's language, with their role."""

    def to_representation(self, page):
        from cities.models import PartnershipCity

        links = list(
            PartnershipCity.objects.filter(partnership=page).select_related("city").order_by("sort_order")
        )
        cities = localized_pages([link.city for link in links], page.locale_id)
        return [
            {
                "id": city.pk,
                "title": city.title,
                "country": city.country.code,
                "region": city.region,
                "population": city.population,
                "role": link.role,
            }
            for link, city in zip(links, cities, strict=True)
        ]
