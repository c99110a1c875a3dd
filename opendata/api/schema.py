"""The API's OpenAPI schema in the portal's words: drf-spectacular's own schema,
with a Dutch (or, with ?lang=en, English) description of each record's id where
it would say "A unique integer value identifying this …"."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import get_view_model

from django.utils.translation import gettext_lazy as _


class PortalAutoSchema(AutoSchema):
    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        model = get_view_model(self.view, emit_warnings=False)
        lookup = getattr(self.view, "lookup_url_kwarg", None) or getattr(
            self.view, "lookup_field", "pk"
        )
        for parameter in parameters:
            if model is not None and parameter["name"] in (lookup, "id", "pk"):
                parameter["description"] = _(
                    "Uniek nummer (id) waarmee de API één %(name)s aanwijst."
                ) % {"name": model._meta.verbose_name}
        return parameters
