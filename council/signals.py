"""Published questions and the state of the question round are on public pages:
a change to a question or a closing date sets a new content version for the page
cache (hengelo_portal/caching.py). Notes are on no public page and leave the
cache alone."""

from django.db.models.signals import post_delete, post_save

from hengelo_portal.caching import content_changed


def _question_changed(sender, instance, **kwargs):
    content_changed()


def connect() -> None:
    from .models import Question, QuestionDeadline

    for signal in (post_save, post_delete):
        for model in (Question, QuestionDeadline):
            signal.connect(
                _question_changed,
                sender=model,
                dispatch_uid=f"council-cache-{model.__name__}-{signal!r}",
            )
