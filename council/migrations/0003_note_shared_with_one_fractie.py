# A separate migration: on PostgreSQL a constraint is not added in the transaction
# that has just updated the rows (pending trigger events of the foreign key).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('council', '0002_note_shared_with_fractie'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='note',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('fractie__isnull', False), ('visibility', 'fractie')), models.Q(models.Q(('visibility', 'fractie'), _negated=True), ('fractie__isnull', True)), _connector='OR'), name='council_note_shared_with_a_fractie', violation_error_message='Een gedeelde notitie hoort bij precies één fractie; een notitie voor uzelf bij geen.'),
        ),
    ]
