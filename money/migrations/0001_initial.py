"""The money of a programme, formerly part of the programmes app: the models and
their history take over the tables programmes 0012 left (state only, no table is
touched), and their content types move along, so that the permissions and the
groups and users that hold them (the Redacteur role), the admin's log lines, and
council notes and questions about a figure (a generic reference) all survive."""

import simple_history.models

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import content.translations

MODELS = [
    "financialfigure",
    "historicalfinancialfigure",
    "productchange",
    "historicalproductchange",
    "population",
    "historicalpopulation",
    "summaryfigure",
    "historicalsummaryfigure",
]


def _move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue  # a new database: post_migrate makes the content type
        new = ContentType.objects.filter(app_label=target, model=model).first()
        if new is None:
            # The same row, relabelled: every reference to its id follows.
            old.app_label = target
            old.save(update_fields=["app_label"])
            continue
        # Both exist (a migrate that stopped half-way, or post_migrate ran in
        # between): keep who holds what and what points at the old one.
        for permission in Permission.objects.filter(content_type=old):
            twin, _ = Permission.objects.get_or_create(
                content_type=new,
                codename=permission.codename,
                defaults={"name": permission.name},
            )
            twin.group_set.add(*permission.group_set.all())
            twin.user_set.add(*permission.user_set.all())
        LogEntry.objects.filter(content_type=old).update(content_type=new)
        for referring in _generic_references(apps):
            referring.objects.filter(target_type=old).update(target_type=new)
        old.delete()


def _generic_references(apps):
    """Council notes and questions (and their history) name their target by its
    content type (council/targets.py)."""
    try:
        council = apps.get_app_config("council")
    except LookupError:
        return []  # council's migrations come later on this database
    return [
        model
        for model in council.get_models()
        if any(field.name == "target_type" for field in model._meta.fields)
    ]


def content_types_to_money(apps, schema_editor):
    _move_content_types(apps, "programmes", "money")


def content_types_to_programmes(apps, schema_editor):
    _move_content_types(apps, "money", "programmes")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("programmes", "0012_money_to_its_own_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalFinancialFigure',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('line', models.CharField(choices=[('lasten', 'Lasten'), ('baten', 'Baten'), ('saldo', 'Saldo van lasten en baten'), ('toevoegingen_reserves', 'Toevoegingen aan reserves'), ('onttrekkingen_reserves', 'Onttrekkingen aan reserves'), ('mutaties_reserves', 'Saldo van de reserves'), ('resultaat', 'Resultaat')], help_text='De regel van het overzicht van baten en lasten.', max_length=30, verbose_name='regel')),
                        ('year', models.PositiveSmallIntegerField(help_text='Het jaar waar het bedrag over gaat, zoals 2018.', verbose_name='jaar')),
                        ('kind', models.CharField(choices=[('rekening', 'Rekening'), ('begroting', 'Begroting'), ('begroting_na_wijziging', 'Begroting na wijziging'), ('raming', 'Raming')], help_text='Rekening: gerealiseerd. Begroting: het budget van dat jaar. Raming: de meerjarenraming van een later jaar.', max_length=30, verbose_name='soort')),
                        ('amount', models.DecimalField(decimal_places=2, help_text='Zoals gepubliceerd, met het teken van de begroting: lasten negatief (-71241), baten positief.', max_digits=14, verbose_name='bedrag')),
                        ('unit', models.CharField(choices=[('x1000', '× € 1.000'), ('euro', 'euro')], default='x1000', help_text="Begrotingen publiceren meestal in duizenden euro's.", max_length=10, verbose_name='eenheid')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('document', models.ForeignKey(blank=True, db_constraint=False, help_text='De begroting die dit bedrag publiceert. Hetzelfde jaar kan in twee begrotingen een ander bedrag hebben; beide blijven bewaard.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.budget', verbose_name='begrotingsdocument')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('programme', models.ForeignKey(blank=True, db_constraint=False, help_text='Het programma waar dit bedrag bij hoort.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme', verbose_name='programma')),
                    ],
                    options={
                        'verbose_name': 'financiële bedragen (geschiedenis)',
                        'verbose_name_plural': 'financiële bedragen (geschiedenis)',
                        'db_table': 'programmes_historicalfinancialfigure',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalPopulation',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('year', models.PositiveSmallIntegerField(db_index=True, help_text='Het jaar waarvoor dit aantal geldt, zoals 2018.', verbose_name='jaar')),
                        ('inhabitants', models.PositiveIntegerField(help_text='Alleen het getal, zonder punten: 81000.', verbose_name='aantal inwoners')),
                        ('counted_on', models.DateField(help_text='De datum waarop is geteld, zoals 1 januari van het jaar.', verbose_name='peildatum')),
                        ('source', models.CharField(help_text="Waar het aantal vandaan komt, zoals 'CBS Statline'.", max_length=300, verbose_name='bron')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'inwonertallen (geschiedenis)',
                        'verbose_name_plural': 'inwonertallen (geschiedenis)',
                        'db_table': 'programmes_historicalpopulation',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalProductChange',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('order', models.PositiveSmallIntegerField(default=0, help_text='Volgorde in de toelichting.', verbose_name='volgorde')),
                        ('product_code', models.CharField(help_text='De code van het product, zoals P221.1.', max_length=20, verbose_name='productcode')),
                        ('product_name', models.CharField(help_text="De naam, zoals 'Haven'.", max_length=200, verbose_name='productnaam')),
                        ('product_name_en', models.CharField(blank=True, help_text="Optioneel. Leeg laten: de Engelse pagina toont de Nederlandse tekst met de opmerking 'Only in Dutch'.", max_length=200, verbose_name='productnaam (Engels)')),
                        ('task_field_code', models.CharField(blank=True, help_text='Optioneel: het BBV-taakveld, zoals 3.1.', max_length=10, verbose_name='taakveld (code)')),
                        ('task_field_name', models.CharField(blank=True, help_text="Optioneel: de naam van het taakveld, zoals 'Economische ontwikkeling'.", max_length=200, verbose_name='taakveld')),
                        ('task_field_name_en', models.CharField(blank=True, help_text="Optioneel. Leeg laten: de Engelse pagina toont de Nederlandse tekst met de opmerking 'Only in Dutch'.", max_length=200, verbose_name='taakveld (Engels)')),
                        ('amount', models.DecimalField(decimal_places=2, help_text="In euro's; positief is een voordeel, negatief een nadeel.", max_digits=14, verbose_name='verschil')),
                        ('unit', models.CharField(choices=[('x1000', '× € 1.000'), ('euro', 'euro')], default='euro', help_text="Toelichtingen noemen het verschil meestal in euro's.", max_length=10, verbose_name='eenheid')),
                        ('explanation', models.TextField(help_text='Waardoor het verschil ontstaat.', verbose_name='toelichting')),
                        ('explanation_en', models.TextField(blank=True, help_text="Optioneel. Leeg laten: de Engelse pagina toont de Nederlandse tekst met de opmerking 'Only in Dutch'.", verbose_name='toelichting (Engels)')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('document', models.ForeignKey(blank=True, db_constraint=False, help_text='De begroting die dit verschil toelicht: de Begroting 2018 vergelijkt 2018 met 2017.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.budget', verbose_name='begrotingsdocument')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('programme', models.ForeignKey(blank=True, db_constraint=False, help_text='Het programma waar het product onder valt.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme', verbose_name='programma')),
                    ],
                    options={
                        'verbose_name': 'verschillen per product (geschiedenis)',
                        'verbose_name_plural': 'verschillen per product (geschiedenis)',
                        'db_table': 'programmes_historicalproductchange',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalSummaryFigure',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('line', models.CharField(choices=[('lasten', 'Lasten'), ('baten', 'Baten'), ('saldo', 'Saldo van lasten en baten'), ('toevoegingen_reserves', 'Toevoegingen aan reserves'), ('onttrekkingen_reserves', 'Onttrekkingen aan reserves'), ('mutaties_reserves', 'Saldo van de reserves'), ('resultaat', 'Resultaat')], help_text='Lasten, baten of het saldo daarvan.', max_length=30, verbose_name='regel')),
                        ('year', models.PositiveSmallIntegerField(help_text='Het jaar waar het bedrag over gaat, zoals 2018.', verbose_name='jaar')),
                        ('kind', models.CharField(choices=[('rekening', 'Rekening'), ('begroting', 'Begroting'), ('begroting_na_wijziging', 'Begroting na wijziging'), ('raming', 'Raming')], help_text='Rekening: gerealiseerd. Begroting: het budget van dat jaar. Raming: de meerjarenraming van een later jaar.', max_length=30, verbose_name='soort')),
                        ('amount', models.DecimalField(decimal_places=2, help_text='Zoals gepubliceerd, met het teken van de begroting: lasten negatief, baten positief. Een totaal zoals het er staat, niet opgeteld.', max_digits=14, verbose_name='bedrag')),
                        ('unit', models.CharField(choices=[('x1000', '× € 1.000'), ('euro', 'euro')], default='x1000', help_text="Begrotingen publiceren meestal in duizenden euro's.", max_length=10, verbose_name='eenheid')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('document', models.ForeignKey(blank=True, db_constraint=False, help_text='De begroting die dit overzicht publiceert.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.budget', verbose_name='begrotingsdocument')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('programme', models.ForeignKey(blank=True, db_constraint=False, help_text="Het programma van deze rij; leeg voor het gepubliceerde totaal van alle programma's.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.programme', verbose_name='programma')),
                    ],
                    options={
                        'verbose_name': 'bedragen van het overzicht van baten en lasten (geschiedenis)',
                        'verbose_name_plural': 'bedragen van het overzicht van baten en lasten (geschiedenis)',
                        'db_table': 'programmes_historicalsummaryfigure',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Population',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('year', models.PositiveSmallIntegerField(help_text='Het jaar waarvoor dit aantal geldt, zoals 2018.', unique=True, verbose_name='jaar')),
                        ('inhabitants', models.PositiveIntegerField(help_text='Alleen het getal, zonder punten: 81000.', verbose_name='aantal inwoners')),
                        ('counted_on', models.DateField(help_text='De datum waarop is geteld, zoals 1 januari van het jaar.', verbose_name='peildatum')),
                        ('source', models.CharField(help_text="Waar het aantal vandaan komt, zoals 'CBS Statline'.", max_length=300, verbose_name='bron')),
                    ],
                    options={
                        'verbose_name': 'inwonertal',
                        'verbose_name_plural': 'inwonertallen',
                        'db_table': 'programmes_population',
                        'ordering': ['year'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('inhabitants__gt', 0)), name='population_inhabitants_positive')],
                    },
                ),
                migrations.CreateModel(
                    name='FinancialFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('line', models.CharField(choices=[('lasten', 'Lasten'), ('baten', 'Baten'), ('saldo', 'Saldo van lasten en baten'), ('toevoegingen_reserves', 'Toevoegingen aan reserves'), ('onttrekkingen_reserves', 'Onttrekkingen aan reserves'), ('mutaties_reserves', 'Saldo van de reserves'), ('resultaat', 'Resultaat')], help_text='De regel van het overzicht van baten en lasten.', max_length=30, verbose_name='regel')),
                        ('year', models.PositiveSmallIntegerField(help_text='Het jaar waar het bedrag over gaat, zoals 2018.', verbose_name='jaar')),
                        ('kind', models.CharField(choices=[('rekening', 'Rekening'), ('begroting', 'Begroting'), ('begroting_na_wijziging', 'Begroting na wijziging'), ('raming', 'Raming')], help_text='Rekening: gerealiseerd. Begroting: het budget van dat jaar. Raming: de meerjarenraming van een later jaar.', max_length=30, verbose_name='soort')),
                        ('amount', models.DecimalField(decimal_places=2, help_text='Zoals gepubliceerd, met het teken van de begroting: lasten negatief (-71241), baten positief.', max_digits=14, verbose_name='bedrag')),
                        ('unit', models.CharField(choices=[('x1000', '× € 1.000'), ('euro', 'euro')], default='x1000', help_text="Begrotingen publiceren meestal in duizenden euro's.", max_length=10, verbose_name='eenheid')),
                        ('document', models.ForeignKey(help_text='De begroting die dit bedrag publiceert. Hetzelfde jaar kan in twee begrotingen een ander bedrag hebben; beide blijven bewaard.', on_delete=django.db.models.deletion.PROTECT, related_name='financial_figures', to='programmes.budget', verbose_name='begrotingsdocument')),
                        ('programme', models.ForeignKey(help_text='Het programma waar dit bedrag bij hoort.', on_delete=django.db.models.deletion.CASCADE, related_name='financial_figures', to='programmes.programme', verbose_name='programma')),
                    ],
                    options={
                        'verbose_name': 'financieel bedrag',
                        'verbose_name_plural': 'financiële bedragen',
                        'db_table': 'programmes_financialfigure',
                        'ordering': ['programme', 'document', 'year', 'line'],
                        'constraints': [models.UniqueConstraint(fields=('programme', 'document', 'line', 'year'), name='financialfigure_one_per_line_and_year')],
                    },
                ),
                migrations.CreateModel(
                    name='ProductChange',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('order', models.PositiveSmallIntegerField(default=0, help_text='Volgorde in de toelichting.', verbose_name='volgorde')),
                        ('product_code', models.CharField(help_text='De code van het product, zoals P221.1.', max_length=20, verbose_name='productcode')),
                        ('product_name', models.CharField(help_text="De naam, zoals 'Haven'.", max_length=200, verbose_name='productnaam')),
                        ('product_name_en', models.CharField(blank=True, help_text="Optioneel. Leeg laten: de Engelse pagina toont de Nederlandse tekst met de opmerking 'Only in Dutch'.", max_length=200, verbose_name='productnaam (Engels)')),
                        ('task_field_code', models.CharField(blank=True, help_text='Optioneel: het BBV-taakveld, zoals 3.1.', max_length=10, verbose_name='taakveld (code)')),
                        ('task_field_name', models.CharField(blank=True, help_text="Optioneel: de naam van het taakveld, zoals 'Economische ontwikkeling'.", max_length=200, verbose_name='taakveld')),
                        ('task_field_name_en', models.CharField(blank=True, help_text="Optioneel. Leeg laten: de Engelse pagina toont de Nederlandse tekst met de opmerking 'Only in Dutch'.", max_length=200, verbose_name='taakveld (Engels)')),
                        ('amount', models.DecimalField(decimal_places=2, help_text="In euro's; positief is een voordeel, negatief een nadeel.", max_digits=14, verbose_name='verschil')),
                        ('unit', models.CharField(choices=[('x1000', '× € 1.000'), ('euro', 'euro')], default='euro', help_text="Toelichtingen noemen het verschil meestal in euro's.", max_length=10, verbose_name='eenheid')),
                        ('explanation', models.TextField(help_text='Waardoor het verschil ontstaat.', verbose_name='toelichting')),
                        ('explanation_en', models.TextField(blank=True, help_text="Optioneel. Leeg laten: de Engelse pagina toont de Nederlandse tekst met de opmerking 'Only in Dutch'.", verbose_name='toelichting (Engels)')),
                        ('document', models.ForeignKey(help_text='De begroting die dit verschil toelicht: de Begroting 2018 vergelijkt 2018 met 2017.', on_delete=django.db.models.deletion.PROTECT, related_name='product_changes', to='programmes.budget', verbose_name='begrotingsdocument')),
                        ('programme', models.ForeignKey(help_text='Het programma waar het product onder valt.', on_delete=django.db.models.deletion.CASCADE, related_name='product_changes', to='programmes.programme', verbose_name='programma')),
                    ],
                    options={
                        'verbose_name': 'verschil per product',
                        'verbose_name_plural': 'verschillen per product',
                        'db_table': 'programmes_productchange',
                        'ordering': ['programme', 'document', 'order', 'product_code'],
                        'constraints': [models.UniqueConstraint(fields=('programme', 'document', 'product_code'), name='productchange_one_per_product')],
                    },
                    bases=(content.translations.TranslatedContentMixin, models.Model),
                ),
                migrations.CreateModel(
                    name='SummaryFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='laatst gewijzigd op')),
                        ('version', models.PositiveIntegerField(default=1, help_text='Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders tussendoor heeft opgeslagen; u hoeft hier niets mee te doen.', verbose_name='versie')),
                        ('line', models.CharField(choices=[('lasten', 'Lasten'), ('baten', 'Baten'), ('saldo', 'Saldo van lasten en baten'), ('toevoegingen_reserves', 'Toevoegingen aan reserves'), ('onttrekkingen_reserves', 'Onttrekkingen aan reserves'), ('mutaties_reserves', 'Saldo van de reserves'), ('resultaat', 'Resultaat')], help_text='Lasten, baten of het saldo daarvan.', max_length=30, verbose_name='regel')),
                        ('year', models.PositiveSmallIntegerField(help_text='Het jaar waar het bedrag over gaat, zoals 2018.', verbose_name='jaar')),
                        ('kind', models.CharField(choices=[('rekening', 'Rekening'), ('begroting', 'Begroting'), ('begroting_na_wijziging', 'Begroting na wijziging'), ('raming', 'Raming')], help_text='Rekening: gerealiseerd. Begroting: het budget van dat jaar. Raming: de meerjarenraming van een later jaar.', max_length=30, verbose_name='soort')),
                        ('amount', models.DecimalField(decimal_places=2, help_text='Zoals gepubliceerd, met het teken van de begroting: lasten negatief, baten positief. Een totaal zoals het er staat, niet opgeteld.', max_digits=14, verbose_name='bedrag')),
                        ('unit', models.CharField(choices=[('x1000', '× € 1.000'), ('euro', 'euro')], default='x1000', help_text="Begrotingen publiceren meestal in duizenden euro's.", max_length=10, verbose_name='eenheid')),
                        ('document', models.ForeignKey(help_text='De begroting die dit overzicht publiceert.', on_delete=django.db.models.deletion.PROTECT, related_name='summary_figures', to='programmes.budget', verbose_name='begrotingsdocument')),
                        ('programme', models.ForeignKey(blank=True, help_text="Het programma van deze rij; leeg voor het gepubliceerde totaal van alle programma's.", null=True, on_delete=django.db.models.deletion.CASCADE, related_name='summary_figures', to='programmes.programme', verbose_name='programma')),
                    ],
                    options={
                        'verbose_name': 'bedrag van het overzicht van baten en lasten',
                        'verbose_name_plural': 'overzicht van baten en lasten',
                        'db_table': 'programmes_summaryfigure',
                        'ordering': ['document', 'programme__number', 'year', 'line'],
                        'constraints': [models.UniqueConstraint(fields=('document', 'programme', 'line', 'year'), name='summaryfigure_one_per_programme_line_and_year'), models.UniqueConstraint(condition=models.Q(('programme__isnull', True)), fields=('document', 'line', 'year'), name='summaryfigure_one_total_per_line_and_year')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_money, content_types_to_programmes),
    ]
