import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    """The relations now point at base.Theme and base.Organisation (the same tables, renamed in
    0004): the state changes, the database does not."""

    dependencies = [
        ('base', '0001_initial'),
        ('programmes', '0004_taxonomy_tables'),
        ('cities', '0005_taxonomy_in_base'),
        ('library', '0002_taxonomy_in_base'),
        ('news', '0004_taxonomy_in_base'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='programmepage',
                    name='managing_body',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='base.organisation', verbose_name='managing body'),
                ),
                migrations.AlterField(
                    model_name='trainingmodulepage',
                    name='organiser',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='base.organisation', verbose_name='organiser'),
                ),
                migrations.AlterField(
                    model_name='callpage',
                    name='contact_points',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='base.organisation', verbose_name='contact points'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='delivery_partners',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='base.organisation', verbose_name='delivery partners and contact points'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='base.theme', verbose_name='themes'),
                ),
                migrations.AlterField(
                    model_name='trainingmodulepage',
                    name='themes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='base.theme', verbose_name='themes'),
                ),
                migrations.DeleteModel(
                    name='Organisation',
                ),
                migrations.DeleteModel(
                    name='Theme',
                ),
            ],
            database_operations=[],
        ),
    ]
