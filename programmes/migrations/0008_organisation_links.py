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
        ("programmes", "0007_theme_links"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="CallPageContactPoint",
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
                    "callpage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="contact_point_links",
                        to="programmes.callpage",
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
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="base.organisation",
                        verbose_name="organisation",
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
            "callpage",
            "contact_points",
            "CallPageContactPoint",
            "callpage",
            "contact_point_links",
        ).operation(),
        migrations.RemoveField(model_name="callpage", name="contact_points"),
        migrations.AddField(
            model_name="callpage",
            name="contact_points",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="programmes.CallPageContactPoint",
                to="base.organisation",
                verbose_name="contact points",
            ),
        ),
        migrations.CreateModel(
            name="ProgrammePageDeliveryPartner",
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
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="base.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "programmepage",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="delivery_partner_links",
                        to="programmes.programmepage",
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
            "programmepage",
            "delivery_partners",
            "ProgrammePageDeliveryPartner",
            "programmepage",
            "delivery_partner_links",
        ).operation(),
        migrations.RemoveField(model_name="programmepage", name="delivery_partners"),
        migrations.AddField(
            model_name="programmepage",
            name="delivery_partners",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                through="programmes.ProgrammePageDeliveryPartner",
                to="base.organisation",
                verbose_name="delivery partners and contact points",
            ),
        ),
    ]
