"""Published questions are on public pages: a change to a question sets a new
content version for the page cache (hengelo_portal/caching.py). Notes are on no
public page and leave the cache alone."""

from django.db.models.signals import post_delete, post_save

from hengelo_portal.caching import content_changed


def _question_changed(sender, instance, **kwargs):
    content_changed()


def connect() -> None:
    from .models import Question

    for signal in (post_save, post_delete):
        signal.connect(
            _question_changed, sender=Question, dispatch_uid=f"council-cache-{signal!r}"
        )
