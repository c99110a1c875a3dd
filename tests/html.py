"""Read a page as a visitor reads it: the text without tags, white space folded."""

import html
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
