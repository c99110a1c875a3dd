"""Made-up budget objects for tests."""

import factory

from django.utils.text import slugify

from programmes import models


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Budget
        django_get_or_create = ["year"]

    year = factory.Sequence(lambda n: 2030 + n)
    title = factory.LazyAttribute(lambda o: f"Begroting {o.year}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Programme

    budget = factory.SubFactory(BudgetFactory)
    # After the eight programmes of the seed (fixtures/begroting-2018-alle-programmas).
    number = factory.Sequence(lambda n: n + 9)
    title = factory.Sequence(lambda n: f"Programma-onderwerp {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Theme

    programme = factory.SubFactory(ProgrammeFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Onderdeel {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Paragraph

    theme = factory.SubFactory(ThemeFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Faker("paragraph", locale="nl_NL")


class AgendaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Agenda

    name = factory.Sequence(lambda n: f"Agenda {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ActionLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ActionLine

    agenda = factory.SubFactory(AgendaFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"actielijn {n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Place

    name = factory.Sequence(lambda n: f"Plek {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Action
        skip_postgeneration_save = True

    theme = factory.SubFactory(ThemeFactory)
    kind = models.ActionKind.ACTION
    year = 2018
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Actie {n}")
    text = factory.Faker("sentence", locale="nl_NL")

    @factory.post_generation
    def action_lines(self, create, extracted, **kwargs):
        if create and extracted:
            self.action_lines.set(extracted)

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if create and extracted:
            self.places.set(extracted)


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Reference

    kind = models.ReferenceKind.POLICY_INTENTION
    code = factory.Sequence(lambda n: f"NB {n}.1")
    action = factory.SubFactory(ActionFactory)


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.KeyFigure

    programme = factory.SubFactory(ProgrammeFactory)
    label = factory.Sequence(lambda n: f"Bijdrage {n}")
    amount = 1000
    unit = models.AmountUnit.EURO_PER_YEAR
