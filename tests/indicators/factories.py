"""Made-up indicators for tests."""

import factory

from django.utils.text import slugify

from indicators import models
from tests.programmes.factories import BudgetFactory, ProgrammeFactory


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Indicator

    programme = factory.SubFactory(ProgrammeFactory)
    order = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    unit = "personen"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    budget = factory.SubFactory(BudgetFactory)
    year = factory.LazyAttribute(lambda o: o.budget.year)
    value = 100
