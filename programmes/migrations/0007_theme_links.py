import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models

from base.migration_steps import SnippetRows


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("programmes", "0006_localized_snippet_links"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProgrammePageTheme",
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
                    "programmepage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_links",
                        to="programmes.programmepage",
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
            "programmes", "programmepage", "themes", "ProgrammePageTheme", "programmepage", "theme_links"
        ).operation(),
        migrations.RemoveField(model_name="programmepage", name="themes"),
        migrations.AddField(
            model_name="programmepage",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="programmes.ProgrammePageTheme",
                to="base.theme",
                verbose_name="themes",
            ),
        ),
        migrations.CreateModel(
            name="TrainingModulePageTheme",
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
                    "theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="base.theme",
                        verbose_name="theme",
                    ),
                ),
                (
                    "trainingmodulepage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_links",
                        to="programmes.trainingmodulepage",
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
            "programmes",
            "trainingmodulepage",
            "themes",
            "TrainingModulePageTheme",
            "trainingmodulepage",
            "theme_links",
        ).operation(),
        migrations.RemoveField(model_name="trainingmodulepage", name="themes"),
        migrations.AddField(
            model_name="trainingmodulepage",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="programmes.TrainingModulePageTheme",
                to="base.theme",
                verbose_name="themes",
            ),
        ),
    ]
