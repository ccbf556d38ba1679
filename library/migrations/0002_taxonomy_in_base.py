import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    """The themes now live in the base app (the same table): the state changes, the database does not."""

    dependencies = [
        ('base', '0001_initial'),
        ('library', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='librarydocument',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='base.theme', verbose_name='themes'),
                ),
            ],
            database_operations=[],
        ),
    ]
