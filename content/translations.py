"""Optional English versions of content fields, with Dutch as the fallback.

Plain `<field>_en` columns rather than django-modeltranslation: they sit in the
historical tables of django-simple-history like any other field, so history,
restore and the lost-update check keep working without a second registry.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ENGLISH = "en"


def english_version(field: models.Field) -> models.Field:
    """An optional English twin of `field`, for the admin next to the Dutch."""
    kwargs = {
        "verbose_name": format_lazy(_("{name} (Engels)"), name=field.verbose_name),
        "blank": True,
        "help_text": _(
            "Optioneel. Leeg laten: de Engelse pagina toont de Nederlandse tekst "
            "met de opmerking 'Only in Dutch'."
        ),
    }
    if isinstance(field, models.CharField):
        return models.CharField(max_length=field.max_length, **kwargs)
    return models.TextField(**kwargs)


class TranslatedContentMixin:
    """`localized("title")` gives `title_en` on English pages where it is filled.

    Both methods take the page's language where the caller already has it: asking
    Django for the active language costs about 3 µs, and a large programme page
    asks for it thousands of times.
    """

    def localized(self, field: str, language: str | None = None) -> str:
        if (language or get_language()) == ENGLISH:
            english = getattr(self, f"{field}_en", "")
            if english:
                return english
        return getattr(self, field)

    def lacks_english(self, field: str, language: str | None = None) -> bool:
        """True on an English page that has to show this field's Dutch text."""
        return (
            (language or get_language()) == ENGLISH
            and bool(getattr(self, field))
            and not getattr(self, f"{field}_en", "")
        )
