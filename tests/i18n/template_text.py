"""Finds user-visible text in Django templates that is not marked for translation.

A pragmatic scanner, not a parser: it splits a template at template tags,
variables, comments and HTML tags, and reports the text between them that holds
a letter, plus visible attributes (aria-label, title, placeholder, alt)
with literal text. The tests and the one-off marking of the templates share it.
"""

import re

TOKEN = re.compile(r"({%.*?%}|{{.*?}}|{#.*?#}|<(?:{%.*?%}|{{.*?}}|[^>])*>)", re.DOTALL)
LETTER = re.compile(r"[^\W\d_]")
# Text inside these elements or template blocks is not prose for a reader.
SKIP_ELEMENTS = ("code", "script", "style", "pre")
VISIBLE_ATTRIBUTE = re.compile(
    r"""\b(aria-label|title|placeholder|alt)="((?:{%.*?%}|{{.*?}}|[^"])*)\"""",
    re.DOTALL,
)


def text_segments(source: str):
    """(start, end, text) of each piece of visible text outside tags."""
    skip_depth = 0
    in_comment = False
    position = 0
    for match in TOKEN.finditer(source):
        token = match.group()
        if position < match.start() and not skip_depth and not in_comment:
            yield position, match.start(), source[position : match.start()]
        position = match.end()
        if token.startswith("{%"):
            name = token[2:-2].split()[0] if token[2:-2].split() else ""
            if name == "comment":
                in_comment = True
            elif name == "endcomment":
                in_comment = False
            elif name in ("blocktranslate", "blocktrans"):
                in_comment = True  # already marked: its text is the msgid
            elif name in ("endblocktranslate", "endblocktrans", "plural"):
                in_comment = name == "plural"
        elif token.startswith("<") and not token.startswith("<!"):
            tag = re.match(r"</?\s*([a-zA-Z0-9]+)", token)
            if tag and tag.group(1).lower() in SKIP_ELEMENTS:
                skip_depth += -1 if token.startswith("</") else 1
    if position < len(source) and not skip_depth and not in_comment:
        yield position, len(source), source[position:]


def unmarked_text(source: str) -> list[str]:
    """Every piece of literal text a visitor would read that is not translated."""
    found = [
        text.strip() for _, _, text in text_segments(source) if LETTER.search(text)
    ]
    for match in TOKEN.finditer(source):
        token = match.group()
        if token.startswith("<") and not token.startswith("<!"):
            for attribute in VISIBLE_ATTRIBUTE.finditer(token):
                literal = re.sub(r"{%.*?%}|{{.*?}}", "", attribute.group(2))
                if LETTER.search(literal):
                    found.append(f'{attribute.group(1)}="{attribute.group(2)}"')
    return found
