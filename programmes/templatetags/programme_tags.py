"""Template helpers of the budget pages: sums, periods, glossary terms."""

import re
from functools import lru_cache

from django import template
from django.utils import formats
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from content.cells import year_text
from content.translations import ENGLISH
from web.caching import cached_for_content

from ..models import AmountUnit, GlossaryTerm, Programme

register = template.Library()

_UNIT_SUFFIX = {
    AmountUnit.EURO: "",
    AmountUnit.EURO_PER_YEAR: gettext_lazy(" per jaar"),
    AmountUnit.EURO_PER_RESIDENT: gettext_lazy(" per inwoner"),
    AmountUnit.EURO_PER_RESIDENT_PER_YEAR: gettext_lazy(" per inwoner per jaar"),
}


@register.filter
def key_figure_amount(figure):
    """'circa € 40.000', '€ 7,50 per inwoner per jaar', '25 banen'."""
    decimals = 0 if figure.amount == figure.amount.to_integral_value() else 2
    number = formats.number_format(figure.amount, decimals, force_grouping=True)
    if figure.unit == AmountUnit.JOBS:
        text = _("%(number)s banen") % {"number": number}
    else:
        text = f"€ {number}{_UNIT_SUFFIX[figure.unit]}"
    return _("circa %(amount)s") % {"amount": text} if figure.approximate else text


@register.filter
def key_figure_period(figure):
    if figure.year_from and figure.year_to:
        if figure.year_from == figure.year_to:
            return str(figure.year_from)
        return f"{figure.year_from}–{figure.year_to}"
    if figure.year_from:
        return _("vanaf %(year)s") % {"year": figure.year_from}
    return "–"


def _trie(terms) -> str:
    """A regular expression for any of `terms` that shares their common starts:
    'WTC', 'WTC-businessdistrict' -> 'WTC(?:\\-businessdistrict)?'. Python's `re`
    tries a plain alternation of 200 terms one by one at every letter; this form
    marked the programme page's texts four times as fast. Longer terms are tried
    first, as in an alternation sorted by length."""
    trie: dict = {}
    for term in terms:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in node.items() if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return pattern(trie)


@lru_cache(maxsize=8)
def _glossary_pattern(terms: tuple) -> re.Pattern | None:
    """Compiled once per set of terms, not per page."""
    if not terms:
        return None
    return re.compile(r"(?<!\w)(" + _trie(terms) + r")(?!\w)")


def glossary_rows() -> list[tuple[str, str, str]]:
    """(term, meaning, meaning_en) of every term: plain rows rather than 200 model
    instances, kept in the cache until the glossary changes (every page with
    text reads them, and they rarely change)."""
    return cached_for_content(
        "glossary",
        lambda: list(GlossaryTerm.objects.values_list("term", "meaning", "meaning_en")),
        reads=(GlossaryTerm,),
    )


# "zie programma 4", "Programme 4": a reference to another programme of the budget.
_PROGRAMME_REFERENCE = re.compile(r"(?<!\w)[Pp]rogramm[ae] (\d{1,3})(?!\w)")


class PageGlossary:
    """Marks the first use of each glossary term on a page with <abbr title>, and
    makes a reference to another programme of the page's budget a link."""

    def __init__(self, programme=None):
        self.programme = programme  # the page's programme, if any
        self._programme_urls = None
        english = get_language() == ENGLISH
        self.meanings = {
            term: (meaning_en if english and meaning_en else meaning)
            for term, meaning, meaning_en in glossary_rows()
        }
        self.pattern = _glossary_pattern(tuple(sorted(self.meanings)))
        self.seen = set()

    def markup(self, text: str) -> SafeString:
        if self.programme is None or not _PROGRAMME_REFERENCE.search(text):
            return self._glossary(text)
        parts = []
        position = 0
        for match in _PROGRAMME_REFERENCE.finditer(text):
            url = self.programme_urls().get(int(match.group(1)))
            if url is None:
                continue  # no such public programme, or this page's own
            parts.append(self._glossary(text[position : match.start()]))
            parts.append(format_html('<a href="{}">{}</a>', url, match.group()))
            position = match.end()
        parts.append(self._glossary(text[position:]))
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped

    def programme_urls(self) -> dict:
        """The public programmes of the page's budget by number, read once."""
        if self._programme_urls is None:
            others = (
                Programme.objects.public()
                .filter(budget_id=self.programme.budget_id)
                .exclude(pk=self.programme.pk)
                .select_related("budget")
            )
            self._programme_urls = {p.number: p.get_absolute_url() for p in others}
        return self._programme_urls

    def _glossary(self, text: str) -> SafeString:
        if not self.pattern:
            return escape(text)
        parts = []
        position = 0
        for match in self.pattern.finditer(text):
            term = match.group()
            parts.append(escape(text[position : match.start()]))
            if term in self.seen:
                parts.append(escape(term))
            else:
                self.seen.add(term)
                parts.append(
                    format_html('<abbr title="{}">{}</abbr>', self.meanings[term], term)
                )
            position = match.end()
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def _in_dutch(markup) -> SafeString:
    """Dutch text on an English page, marked so for screen readers."""
    return format_html('<span lang="nl">{}</span>', markup)


def _only_in_dutch(markup: SafeString) -> SafeString:
    """Dutch text on an English page: marked as Dutch, with a note saying so."""
    return format_html("{} {}", _in_dutch(markup), only_in_dutch_note())


@register.simple_tag(takes_context=True)
def explained(context, text, field=None):
    """The text, escaped, with the first use of each glossary term explained.

    With a field name, `text` is an object and the text is that field in the
    page's language (`{% explained action "text" %}`), Dutch with a note where no
    English version exists.
    """
    glossary = _page_glossary(context)
    if field is None:
        return glossary.markup(text)
    return _explained_field(glossary, text, field, get_language())


@register.simple_tag(takes_context=True)
def explained_lines(context, obj, field):
    """A text of one item per line (`programme.policy_documents`) as a list, each
    item explained like `explained`; Dutch with a note where no English exists."""
    language = get_language()
    glossary = _page_glossary(context)
    text = obj.localized(field, language)
    dutch = obj.lacks_english(field, language)
    items = [
        glossary.markup(line.strip()) for line in text.splitlines() if line.strip()
    ]
    markup = format_html(
        "<ul{}>{}</ul>",
        mark_safe(' lang="nl"') if dutch else "",  # noqa: S308 - a constant
        format_html_join("", "<li>{}</li>", ((item,) for item in items)),
    )
    return format_html("{}{}", markup, only_in_dutch_note()) if dutch else markup


def _page_glossary(context) -> PageGlossary:
    request = context.get("request")
    glossary = getattr(request, "page_glossary", None)
    if glossary is None:
        # The budget whose programmes 'zie programma 4' names: the page's.
        programme = context.get("programme")
        action, indicator = context.get("action"), context.get("indicator")
        if programme is None and action is not None:
            programme = action.theme.programme
        if programme is None and indicator is not None:
            programme = indicator.programme
        glossary = PageGlossary(programme=programme)
        if request is not None:
            request.page_glossary = glossary
    return glossary


def _explained_field(glossary, obj, field, language) -> SafeString:
    markup = glossary.markup(obj.localized(field, language))
    return _only_in_dutch(markup) if obj.lacks_english(field, language) else markup


@register.simple_tag(takes_context=True)
def listed_action(context, action, kind_label):
    """One action in a theme's list: its text, then a permalink to its own page.

    A tag rather than template markup: the programme page lists up to 12 actions
    of each kind per theme, and template lookups were a third of its time at the
    benchmark's large size (benchmarks/RESULTS.md).
    """
    language = get_language()
    title = action.localized("title", language)
    if action.lacks_english("title", language):
        # The text above already carries the note; the title is marked Dutch only.
        title = _in_dutch(title)
    return format_html(
        '{} <a class="permalink" href="{}">{}: {}</a>',
        _explained_field(_page_glossary(context), action, "text", language),
        action.get_absolute_url(),
        kind_label,
        title,
    )


@register.simple_tag(takes_context=True)
def action_lines(context, agenda):
    """An agenda's numbered action lines, those of the municipality's focus marked.

    A tag for the reason of `listed_action`: the programme page shows every
    agenda's lines twice (under the narrative and in the agendas' section).
    """
    focus = format_html(' <strong class="badge">{}</strong>', _("gemeentelijke focus"))
    glossary, language = _page_glossary(context), get_language()
    return format_html(
        '<ol class="action-lines">{}</ol>',
        format_html_join(
            "",
            '<li value="{}">{}{}</li>',
            (
                (
                    line.number,
                    _explained_field(glossary, line, "title", language),
                    focus if line.municipal_focus else "",
                )
                for line in agenda.lines.all()
            ),
        ),
    )


@register.simple_tag
def translated(obj, field, note=True):
    """A content field in the page's language, escaped; Dutch with a note where no
    English version exists: `{% translated action "title" %}`.

    `note=False` for a name inside a heading or sentence of the interface
    (`Begroting 2018 of the municipality of Hengelo`): the Dutch is still marked
    lang="nl" for screen readers, without the note in the middle of the text.
    """
    text = escape(obj.localized(field))
    if not obj.lacks_english(field):
        return text
    return _only_in_dutch(text) if note else _in_dutch(text)


@register.filter
def localized(obj, field):
    """A content field in the page's language, Dutch where no English version
    exists, without a note: for titles and attributes."""
    return obj.localized(field)


@register.filter
def lacks_english(obj, field):
    return obj.lacks_english(field)


@register.simple_tag
def only_in_dutch_note():
    """The note alone, for a heading built from several fields."""
    return format_html(
        '<small class="only-in-dutch" lang="en">({})</small>',
        _("Alleen in het Nederlands"),
    )


@register.filter(name="year")
def year_filter(value) -> str:
    """`{{ document.year|year }}`: 2018, never "2.018" (see content.cells.year_text)."""
    return year_text(value)
