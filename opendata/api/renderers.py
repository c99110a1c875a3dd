"""The API's JSON, with every text fitted (content.text.fit_text) on its way out:
a control character stored in a title reaches no client that parses it as XML
or puts it in a spreadsheet."""

from rest_framework.renderers import JSONRenderer

from content.text import fit_data


class TextJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        return super().render(fit_data(data), accepted_media_type, renderer_context)
