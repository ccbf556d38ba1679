from django.db import migrations

LINKS = {"programmepage": "managing_body", "trainingmodulepage": "organiser"}


def point_translations_at_their_language(apps, schema_editor):
    """The managing body and organiser are translated links now (wagtail-localize's
    TranslatableField): each translated page points at the organisation's translation in its own
    language where there is one, as wagtail-localize does from now on."""
    Organisation = apps.get_model("base", "Organisation")
    rows = list(Organisation.objects.values_list("pk", "translation_key", "locale_id"))
    by_key = {(key, locale): pk for pk, key, locale in rows}
    key_of = {pk: key for pk, key, _locale in rows}
    for model_name, field in LINKS.items():
        model = apps.get_model("programmes", model_name)
        for page in model.objects.exclude(**{f"{field}__isnull": True}).only(
            "pk", "locale_id", f"{field}_id"
        ):
            current = getattr(page, f"{field}_id")
            wanted = by_key.get((key_of.get(current), page.locale_id))
            if wanted is not None and wanted != current:
                model.objects.filter(pk=page.pk).update(**{f"{field}_id": wanted})


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0005_taxonomy_in_base"),
    ]

    operations = [
        migrations.RunPython(point_translations_at_their_language, migrations.RunPython.noop),
    ]
