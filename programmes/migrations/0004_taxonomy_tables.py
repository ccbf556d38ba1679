from django.db import migrations


class Migration(migrations.Migration):
    """Themes and organisations move to the base app (base/migrations/0001_initial.py): their
    tables take the base app's names first; the foreign keys pointing at them follow."""

    dependencies = [
        ("programmes", "0003_programmepage_also_known_as"),
    ]

    operations = [
        migrations.AlterModelTable(name="theme", table="base_theme"),
        migrations.AlterModelTable(name="organisation", table="base_organisation"),
    ]
