"""Search across the budget: PostgreSQL's Dutch full-text search, or a simple fallback.

On English pages the English versions of the fields (`title_en`, …) are searched
too, with PostgreSQL's English configuration, and results show the English text
where an editor gave one. Other apps add their own content with `register`
(money and indicators do, in their AppConfig), so that this app never has to
import them.

On PostgreSQL each kind ranks at most MAX_RANKED matches, the newest first, and
builds snippets for the few it shows: a common word matches most of the 38,000
actions of a large budget, and ranking them all took most of a search's time
under load (issue 22; benchmarks/DRAFTS.md).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Expression, F, Q
from django.db.models.expressions import CombinedExpression
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext_lazy

from content.models import Among
from content.translations import ENGLISH

from .models import Action, GlossaryTerm, Paragraph, Programme

# Markers PostgreSQL puts around matches; the text is escaped before they become
# <mark> tags, so editors' text can never inject HTML through a search result.
_START, _STOP = "\x02", "\x03"
MAX_PER_KIND = 20
# PostgreSQL ranks this many matches per kind at most: enough for the best of
# any real query, few enough that a word in every action costs no more than a
# rare one (ranking all 8,000 matches of two common words took 50 ms).
MAX_RANKED = 1000


@dataclass
class SearchResult:
    kind: str
    title: str
    url: str
    snippet: SafeString
    rank: float = 0.0
    # The snippet's language where it differs from the page's: Dutch text on an
    # English page, so that the template can mark it lang="nl".
    snippet_lang: str = ""
    title_lang: str = ""


@dataclass
class SearchField:
    """How one model is searched and shown."""

    queryset: Callable
    fields: tuple
    snippet_field: str
    kind: str
    title: Callable
    url: Callable
    # The field the title shows, where it is a single translated field: a
    # Dutch title on an English page is then marked lang="nl".
    title_field: str = ""
    # PostgreSQL: columns that hold this model's search vectors ready-made, the
    # Dutch one of its own `fields` and the English one of their twins (a
    # migration creates them: programmes/migrations/0008 and 0012, indicators'
    # 0008). Fields across a relation (`theme__title`) are still added per row.
    stored_vectors: tuple[str, str] | None = None
    # PostgreSQL: which matches are ranked when more than MAX_RANKED match. The
    # newest first; for models under themes by theme, through the index that
    # the public rule reads anyway (by pk, the drafts, newest of all, come first).
    newest_first: tuple[str, ...] = ("-pk",)


_providers: list[SearchField] = []


def register(field: SearchField) -> None:
    _providers.append(field)


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _words(query: str) -> list[str]:
    return [word for word in re.findall(r"\w[\w-]*", query) if len(word) > 1]


def highlight(text: str, words: list[str], width: int = 220) -> SafeString:
    """A snippet of text around the first match, escaped, matches in <mark>."""
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    match = pattern.search(text)
    start = max(0, match.start() - width // 3) if match else 0
    snippet = text[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    marked = pattern.sub(lambda m: f"{_START}{m.group()}{_STOP}", snippet)
    return _marks_to_html(prefix + marked + suffix)


def _marks_to_html(text: str) -> SafeString:
    html = escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our tags are added


def english_twin(model, path: str) -> str | None:
    """`text_en` for `text`, `theme__title_en` for `theme__title`: the English
    version of a field (also across relations), or None where there is none."""
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    twin = f"{name}_en"
    try:
        model._meta.get_field(twin)
    except FieldDoesNotExist:
        return None
    return "__".join([*relations, twin])


def _headline(field_name: str, search_query, config: str):
    return SearchHeadline(
        field_name,
        search_query,
        config=config,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=40,
        min_words=20,
    )


def _search_one(field: SearchField, query: str, words: list[str], *, english: bool):
    queryset = field.queryset()
    english_fields = ()
    english_snippet = None
    if english:
        english_fields = tuple(
            twin
            for twin in (english_twin(queryset.model, name) for name in field.fields)
            if twin
        )
        english_snippet = english_twin(queryset.model, field.snippet_field)
    if _is_postgres():
        return _search_postgres(field, queryset, query, english_fields, english_snippet)
    condition = Q()
    for word in words:
        any_field = Q()
        for name in (*field.fields, *english_fields):
            any_field |= Q(**{f"{name}__icontains": word})
        condition &= any_field
    rows = queryset.filter(condition)[:MAX_PER_KIND]
    results = []
    for row in rows:
        text = english_snippet and str(_value(row, english_snippet))
        dutch = not text
        text = text or str(_value(row, field.snippet_field))
        hits = sum(text.lower().count(w.lower()) for w in words)
        results.append(
            SearchResult(
                kind=field.kind,
                title=field.title(row),
                title_lang=_title_lang(field, row),
                url=field.url(row),
                snippet=highlight(text, words),
                rank=float(hits),
                snippet_lang="nl" if english and dutch else "",
            )
        )
    return results


def _title_lang(field: SearchField, row) -> str:
    if field.title_field and row.lacks_english(field.title_field):
        return "nl"
    return ""


class StoredVector(Expression):
    """A search vector column that Django's model does not know, of the table
    the query reads (under whichever alias it has there, also in a subquery)."""

    output_field = SearchVectorField()

    def __init__(self, model, column: str):
        super().__init__()
        self.model, self.column = model, column

    def as_sql(self, compiler, connection):
        table = self.model._meta.db_table
        alias = next(
            alias
            for alias, join in compiler.query.alias_map.items()
            if join.table_name == table and join.join_type is None
        )
        name = compiler.quote_name_unless_alias(alias)
        return f"{name}.{connection.ops.quote_name(self.column)}", []


def _concatenated(*vectors):
    vector, *rest = vectors
    for other in rest:
        vector = CombinedExpression(vector, "||", other, SearchVectorField())
    return vector


def _vector(field, queryset, *, english: bool, english_fields=()):
    """The search vector: the stored one where the model has it (read, not
    computed per row: a tenth of the time at the benchmark's large size), else
    computed from the fields."""
    if not field.stored_vectors:
        vector = SearchVector(*field.fields, config="dutch")
        if english:
            vector = vector + SearchVector(*english_fields, config="english")
        return vector
    model = queryset.model
    dutch_column, english_column = field.stored_vectors
    vectors = [StoredVector(model, dutch_column)]
    related = [name for name in field.fields if "__" in name]
    if related:
        vectors.append(SearchVector(*related, config="dutch"))
    if english:
        vectors.append(StoredVector(model, english_column))
        related_english = [name for name in english_fields if "__" in name]
        if related_english:
            vectors.append(SearchVector(*related_english, config="english"))
    return _concatenated(*vectors)


def _search_postgres(field, queryset, query, english_fields, english_snippet):
    """Dutch stemming on the Dutch fields; on English pages also English stemming
    on the English fields, with a query in either language matching."""
    vector = _vector(field, queryset, english=False)
    search_query = SearchQuery(query, config="dutch", search_type="websearch")
    annotations = {
        "headline": _headline(field.snippet_field, search_query, "dutch"),
    }
    if english_fields:
        english_query = SearchQuery(query, config="english", search_type="websearch")
        vector = _vector(field, queryset, english=True, english_fields=english_fields)
        search_query = search_query | english_query
        annotations["headline"] = _headline(field.snippet_field, search_query, "dutch")
        if english_snippet:
            annotations["headline_en"] = _headline(
                english_snippet, english_query, "english"
            )
    # The matches to rank, found through the indexes and not ranked; then the
    # best of them, with snippets made for those shown only (PostgreSQL puts
    # off ts_headline until the sort and the limit have chosen the rows).
    candidates = (
        queryset.annotate(search=vector)
        .filter(search=search_query)
        .order_by(*field.newest_first)
        .values("pk")[:MAX_RANKED]
    )
    # Found by the public queryset, so not filtered by its rule again (with it,
    # PostgreSQL read every public row to join the candidates); `Among`, as the
    # public rule does, so that the candidates are read first and then fetched
    # by their keys, never by reading the whole table.
    # The providers' querysets add nothing but select_related to the rule.
    shown = queryset.model._base_manager.filter(Among(F("pk"), candidates))
    shown.query.select_related = queryset.query.select_related
    rows = shown.annotate(
        rank=SearchRank(vector, search_query), **annotations
    ).order_by("-rank", "pk")[:MAX_PER_KIND]
    results = []
    for row in rows:
        english_text = english_snippet and _value(row, english_snippet)
        headline = row.headline_en if english_text else row.headline
        results.append(
            SearchResult(
                kind=field.kind,
                title=field.title(row),
                title_lang=_title_lang(field, row),
                url=field.url(row),
                snippet=_marks_to_html(headline),
                rank=row.rank,
                snippet_lang="nl" if english_fields and not english_text else "",
            )
        )
    return results


def _value(row, path):
    for part in path.split("__"):
        row = getattr(row, part)
    return row


def search(query: str) -> list[SearchResult]:
    """Everything public that matches the query, best first per kind."""
    words = _words(query)
    if not words:
        return []
    english = get_language() == ENGLISH
    results = []
    for field in _providers:
        results += _search_one(field, query, words, english=english)
    return sorted(results, key=lambda r: -r.rank)


register(
    SearchField(
        queryset=lambda: Programme.objects.public().select_related("budget"),
        fields=("title", "intro"),
        snippet_field="title",
        kind=gettext_lazy("Programma"),
        title=str,
        url=lambda p: p.get_absolute_url(),
        stored_vectors=("search_nl", "search_en"),
    )
)
register(
    SearchField(
        queryset=lambda: Paragraph.objects.public().select_related(
            "theme__programme__budget"
        ),
        fields=("text", "theme__title"),
        snippet_field="text",
        kind=gettext_lazy("Tekst"),
        title=lambda p: f"{p.theme.localized('title')} – {p.theme.programme}",
        url=lambda p: p.theme.get_absolute_url(),
        stored_vectors=("search_nl", "search_en"),
        newest_first=("-theme_id",),
    )
)
register(
    SearchField(
        queryset=lambda: Action.objects.public().select_related("theme"),
        fields=("title", "text"),
        snippet_field="text",
        kind=gettext_lazy("Actie"),
        title=lambda a: a.localized("title"),
        title_field="title",
        url=lambda a: a.get_absolute_url(),
        stored_vectors=("search_nl", "search_en"),
        newest_first=("-theme_id",),
    )
)
register(
    SearchField(
        queryset=lambda: GlossaryTerm.objects.all(),
        fields=("term", "meaning", "description"),
        snippet_field="meaning",
        kind=gettext_lazy("Begrip"),
        title=lambda g: g.term,
        url=lambda g: reverse("programmes:glossary") + f"#{g.slug}",
        stored_vectors=("search_nl", "search_en"),
    )
)
