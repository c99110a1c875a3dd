"""Fill in a Django form over plain HTTP, as a browser would, for server tests."""

import http.cookiejar
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The values a browser would submit for the form with the given id."""

    def __init__(self, form_id=None):
        super().__init__()
        self.form_id = form_id
        self.inside = form_id is None
        self.fields = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.form_id and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image"):
                # "on" is what a checked box without a value sends; an empty
                # text field sends nothing but its name.
                default = "on" if kind in ("checkbox", "radio") else ""
                self.fields.append((name, attrs.get("value", default)))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "form" and self.form_id:
            self.inside = False


class Browser:
    """A cookie-keeping HTTP client for one server."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(self.base_url + path, timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            self.base_url + path, data=data, headers={"Referer": self.base_url + path}
        )
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()

    def submit(self, path, form_id=None, **changes):
        """Load the page, take the form's current values, change some, submit."""
        _, html = self.get(path)
        parser = FormFields(form_id)
        parser.feed(html)
        fields = [(k, v) for k, v in parser.fields if k not in changes]
        fields += list(changes.items())
        return self.post(path, fields)
