import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models

from base.migration_steps import SnippetRows


class Migration(migrations.Migration):
    dependencies = [
        ("base", "0001_initial"),
        ("news", "0004_taxonomy_in_base"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="NewsPageTheme",
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
                    "newspage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_links",
                        to="news.newspage",
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
        SnippetRows("news", "newspage", "themes", "NewsPageTheme", "newspage", "theme_links").operation(),
        migrations.RemoveField(model_name="newspage", name="themes"),
        migrations.AddField(
            model_name="newspage",
            name="themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="news.NewsPageTheme",
                to="base.theme",
                verbose_name="themes",
            ),
        ),
    ]
