"""Read a page as a visitor reads it: the text without tags, white space folded."""

import html
import html.parser
import re


def page_text(response) -> str:
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    inline = r"</?(abbr|a|mark|span|strong|em|time)\b[^>]*>"
    body = re.sub(inline, "", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\s+", " ", text)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _Tables(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables, self._cell, self._row, self._caption = [], None, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(
                {"caption": "", "rows": [], "class": dict(attrs).get("class", "")}
            )
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption" and self._caption is not None:
            self.tables[-1]["caption"] = normalise("".join(self._caption))
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(normalise("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1]["rows"].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._caption is not None:
            self._caption.append(data)


def tables(response_or_html) -> list[dict]:
    """Every table of a page: {"caption", "class", "rows": [[cell text, …], …]}
    with the header row first."""
    body = getattr(response_or_html, "content", response_or_html)
    if isinstance(body, bytes):
        body = body.decode()
    parser = _Tables()
    parser.feed(body)
    return parser.tables
