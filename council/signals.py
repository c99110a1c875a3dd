"""Published questions and the state of the question round are on public pages,
with who asked them and their fractie: a change to a question, a closing date, a
fractie, a council member or the name of an account that asked a question sets a
new content version for the page cache (web/caching.py). Notes are on
no public page and leave the cache alone."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from web.caching import content_changed

# What a login or a new password changes of an account: not on any page.
_NOT_SHOWN = {"last_login", "password"}


def _shown_changed(sender, instance, **kwargs):
    content_changed()


def _account_changed(sender, instance, update_fields=None, **kwargs):
    from .models import Question

    if update_fields is not None and set(update_fields) <= _NOT_SHOWN:
        return
    # Only an asker's name is shown (an editor's or the griffie's is not).
    if Question.objects.filter(asker_id=instance.pk).exists():
        content_changed()


def connect() -> None:
    from .models import CouncilMember, Fractie, Question, QuestionDeadline

    for signal in (post_save, post_delete):
        for model in (Question, QuestionDeadline, Fractie, CouncilMember):
            signal.connect(
                _shown_changed,
                sender=model,
                dispatch_uid=f"council-cache-{model.__name__}-{signal!r}",
            )
    post_save.connect(
        _account_changed, sender=get_user_model(), dispatch_uid="council-cache-account"
    )
