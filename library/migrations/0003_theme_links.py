import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models

from base.migration_steps import SnippetRows


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("base", "0001_initial"),
        ("library", "0002_taxonomy_in_base"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="LibraryDocumentTheme",
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
                    "librarydocument",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_links",
                        to="library.librarydocument",
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
            "library", "librarydocument", "themes", "LibraryDocumentTheme", "librarydocument", "theme_links"
        ).operation(),
        migrations.RemoveField(model_name="librarydocument", name="themes"),
        migrations.AddField(
            model_name="librarydocument",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="library.LibraryDocumentTheme",
                to="base.theme",
                verbose_name="themes",
            ),
        ),
    ]
