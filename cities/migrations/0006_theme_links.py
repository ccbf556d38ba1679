import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models

from base.migration_steps import SnippetRows


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("cities", "0005_taxonomy_in_base"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="CityPagePartnerTheme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "citypage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="partner_theme_links",
                        to="cities.citypage",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="base.theme",
                        verbose_name="theme",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        SnippetRows(
            "cities", "citypage", "partner_themes", "CityPagePartnerTheme", "citypage", "partner_theme_links"
        ).operation(),
        migrations.RemoveField(model_name="citypage", name="partner_themes"),
        migrations.AddField(
            model_name="citypage",
            name="partner_themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="cities.CityPagePartnerTheme",
                to="base.theme",
                verbose_name="themes it seeks partners on",
            ),
        ),
        migrations.CreateModel(
            name="CityPageTheme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "citypage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_links",
                        to="cities.citypage",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="base.theme",
                        verbose_name="theme",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        SnippetRows("cities", "citypage", "themes", "CityPageTheme", "citypage", "theme_links").operation(),
        migrations.RemoveField(model_name="citypage", name="themes"),
        migrations.AddField(
            model_name="citypage",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="cities.CityPageTheme",
                to="base.theme",
                verbose_name="themes of interest",
            ),
        ),
        migrations.CreateModel(
            name="PartnershipPageTheme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "partnershippage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_links",
                        to="cities.partnershippage",
                    ),
                ),
                (
                    "theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="base.theme",
                        verbose_name="theme",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        SnippetRows(
            "cities", "partnershippage", "themes", "PartnershipPageTheme", "partnershippage", "theme_links"
        ).operation(),
        migrations.RemoveField(model_name="partnershippage", name="themes"),
        migrations.AddField(
            model_name="partnershippage",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="cities.PartnershipPageTheme",
                to="base.theme",
                verbose_name="themes",
            ),
        ),
    ]
