import uuid

import django.db.models.deletion
import django_countries.fields
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """Keep the content types' ids (revisions, translation sources, permissions and log entries
    refer to them) and give them the base app's label."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("theme", "organisation"):
        if not ContentType.objects.filter(app_label="base", model=model).exists():
            ContentType.objects.filter(app_label="programmes", model=model).update(app_label="base")


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("theme", "organisation"):
        if not ContentType.objects.filter(app_label="programmes", model=model).exists():
            ContentType.objects.filter(app_label="base", model=model).update(app_label="programmes")


class Migration(migrations.Migration):
    """Themes and organisations, shared by every content app, were created in programmes; their
    tables were renamed there (programmes 0004). Here the models join the base app's state."""

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("programmes", "0004_taxonomy_tables"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("name", models.CharField(max_length=255, verbose_name="name")),
                        (
                            "short_name",
                            models.CharField(blank=True, max_length=50, verbose_name="short name"),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("managing-body", "Managing body"),
                                    ("contractor", "Contractor"),
                                    ("contact-point", "National contact point"),
                                    ("partner", "Partner"),
                                ],
                                default="partner",
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "country",
                            django_countries.fields.CountryField(
                                blank=True, max_length=2, verbose_name="country"
                            ),
                        ),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
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
                    ],
                    options={
                        "verbose_name": "organisation",
                        "verbose_name_plural": "organisations",
                        "ordering": ["name"],
                        "abstract": False,
                        "unique_together": {("translation_key", "locale")},
                    },
                ),
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("name", models.CharField(max_length=100, verbose_name="name")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Used in filter addresses; the same in every language.",
                                max_length=100,
                                verbose_name="slug",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
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
                    ],
                    options={
                        "verbose_name": "theme",
                        "verbose_name_plural": "themes",
                        "ordering": ["name"],
                        "abstract": False,
                        "unique_together": {("translation_key", "locale")},
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
