"""The directory's exports: CSV of the filtered cities and GeoJSON for the map.

Both honour the same filters as the directory page (cities/directory.py) and answer 400 with
a message when a parameter is not understood, rather than silently exporting something else.
Each runs a fixed number of queries whatever the number of cities.
"""

import codecs
import csv
import json

from django.http import HttpResponse
from django_countries import countries

from base.localize import localize
from base.models import Theme, WorldRegion
from cities.directory import SORTS, Vocabulary, base_queryset, filtered, parse
from cities.models import PartnershipCity, PartnershipPage
from website.links import absolute_url
from website.listings import bad_request

CSV_COLUMNS = (
    "name",
    "name_local",
    "country",
    "country_name",
    "region",
    "region_name",
    "population",
    "latitude",
    "longitude",
    "looking_for_partners",
    "themes",
    "theme_slugs",
    "programmes",
    "website",
    "url",
)


def parse_strict(index, request):
    return parse(request.GET, Vocabulary.for_locale(index.locale_id), strict=True)


def programme_codes_by_city(queryset, cities):
    """{translation_key: sorted programme codes}, listed on the city or through live partnerships."""
    by_key = {city.translation_key: set() for city in cities}
    rows = PartnershipCity.objects.filter(
        partnership__live=True,
        partnership__programme__isnull=False,
        city__translation_key__in=queryset.values("translation_key"),
    ).values_list("city__translation_key", "partnership__programme__code")
    for key, code in rows:
        by_key.setdefault(key, set()).add(code)
    for city in cities:
        by_key[city.translation_key].update(programme.code for programme in city.programmes.all())
    return {key: sorted(codes) for key, codes in by_key.items()}


def export_csv(index, request):
    query = parse_strict(index, request)
    if query.errors:
        return bad_request(query.errors)
    queryset = filtered(base_queryset(index), query.chosen)
    cities = list(queryset.order_by(*SORTS[query.sort]).prefetch_related("themes", "programmes"))
    programme_codes = programme_codes_by_city(queryset, cities)
    country_names = dict(countries)
    region_names = dict(WorldRegion.choices)
    index_url = absolute_url(index.get_url(request))

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"cities-{index.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A byte-order mark first: without it, spreadsheet programs read UTF-8 as a legacy code page
    # and show "KavÃ¡la" for accented names.
    response.write(codecs.BOM_UTF8)
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for city in cities:
        themes = localize(city.themes.all(), Theme, index.locale_id)
        writer.writerow(
            [
                city.title,
                city.name_local,
                city.country.code,
                str(country_names.get(city.country.code, city.country.code)),
                city.region,
                str(region_names.get(city.region, city.region)),
                city.population,
                city.latitude,
                city.longitude,
                "yes" if city.looking_for_partners else "no",
                "; ".join(theme.name for theme in themes),
                " ".join(sorted(theme.slug for theme in themes)),
                " ".join(programme_codes[city.translation_key]),
                city.website,
                f"{index_url}{city.slug}/",
            ]
        )
    return response


def map_geojson(index, request):
    """A GeoJSON FeatureCollection: a point per city, a line per partnership between them."""
    query = parse_strict(index, request)
    if query.errors:
        return bad_request(query.errors)
    queryset = filtered(base_queryset(index), query.chosen)
    rows = queryset.order_by(*SORTS[query.sort]).values_list(
        "pk", "translation_key", "title", "slug", "latitude", "longitude", "country", "population"
    )
    index_url = index.get_url(request)
    country_names = dict(countries)
    features = []
    position = {}
    for pk, key, title, slug, latitude, longitude, country, population in rows:
        coordinates = [float(longitude), float(latitude)]
        position[key] = (pk, coordinates)
        features.append(
            {
                "type": "Feature",
                "id": f"city-{pk}",
                "geometry": {"type": "Point", "coordinates": coordinates},
                "properties": {
                    "kind": "city",
                    "name": title,
                    "url": f"{index_url}{slug}/",
                    "country": str(country_names.get(country, country)),
                    "population": population,
                },
            }
        )

    partnerships = list(
        PartnershipPage.objects.live()
        .filter(
            locale_id=index.locale_id,
            partner_cities__city__translation_key__in=queryset.values("translation_key"),
        )
        .distinct()
        .order_by("title")
    )
    links = (
        PartnershipCity.objects.filter(partnership__in=partnerships)
        .order_by("partnership_id", "sort_order", "pk")
        .values_list("partnership_id", "city__translation_key")
    )
    cities_of = {}
    for partnership_id, key in links:
        if key in position:
            cities_of.setdefault(partnership_id, []).append(key)
    for partnership in partnerships:
        keys = cities_of.get(partnership.pk, [])
        if len(keys) < 2:
            continue  # only one of its cities is shown: nothing to draw between
        features.append(
            {
                "type": "Feature",
                "id": f"partnership-{partnership.pk}",
                "geometry": {"type": "LineString", "coordinates": [position[key][1] for key in keys]},
                "properties": {
                    "kind": "partnership",
                    "name": partnership.title,
                    "url": partnership.get_url(request),
                    "cities": [f"city-{position[key][0]}" for key in keys],
                },
            }
        )
    data = {"type": "FeatureCollection", "features": features}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type="application/geo+json; charset=utf-8",
    )
    response["Content-Language"] = index.locale.language_code
    return response
