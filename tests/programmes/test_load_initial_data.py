from django.core.management import call_command

from programmes.models import Action, GlossaryTerm, Paragraph, Programme


def test_loading_twice_does_not_duplicate(seed_data):
    counts = (
        Programme.objects.count(),
        Paragraph.objects.count(),
        Action.objects.count(),
        GlossaryTerm.objects.count(),
    )
    call_command("load_initial_data", verbosity=0)
    assert counts == (
        Programme.objects.count(),
        Paragraph.objects.count(),
        Action.objects.count(),
        GlossaryTerm.objects.count(),
    )


def test_loading_again_keeps_what_editors_changed(seed_data):
    action = Action.objects.first()
    action.title = "Door een redacteur gewijzigd"
    action.save()
    call_command("load_initial_data", verbosity=0)
    action.refresh_from_db()
    assert action.title == "Door een redacteur gewijzigd"
