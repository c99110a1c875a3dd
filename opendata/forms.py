"""The upload form of the admin's import page."""

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .spreadsheets import MAX_FILE_BYTES


class BudgetFileForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        # Lazy as a whole: the admin shows it in Dutch or in English.
        help_text=lazy(
            lambda: (
                gettext(
                    "Een CSV-bestand (komma of puntkomma) of Excel-werkmap (.xlsx) in "
                    "het formaat van de open data of het sjabloon, hoogstens "
                    "%(limit)s MB."
                )
                % {"limit": MAX_FILE_BYTES // 1024 // 1024}
            ),
            str,
        )(),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Refuse before reading: the size is known from the upload's headers.
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Het bestand is te groot: hoogstens %(limit)s MB."),
                params={"limit": MAX_FILE_BYTES // 1024 // 1024},
            )
        return upload
