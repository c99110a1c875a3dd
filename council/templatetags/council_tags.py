"""The council's workspace beside the budget's text: published questions and
answers for everyone, a member's notes and forms for the member alone.

On a programme page: `{% council_beside_text programme as council %}` once, then
`{% council_box council paragraph %}` beside each part; the page's questions and
notes are read in one query each, however many parts it has.
"""

from django import template

from ..selectors import BesideText, council_member_of
from ..targets import target_kind_of

register = template.Library()


@register.simple_tag(takes_context=True)
def council_member(context):
    """The signed-in council member, or None (`{% council_member as member %}`):
    for the header's links to the workspace and to log out."""
    request = context.get("request")
    return council_member_of(request) if request is not None else None


@register.simple_tag(takes_context=True)
def council_beside_text(context, programme):
    return BesideText(programme=programme, member=council_member_of(context["request"]))


@register.inclusion_tag("council/_beside.html", takes_context=True)
def council_box(context, council, target, label="", colspan=0):
    """`label` says what the box is about where the page does not show it beside
    the box (a line of the table of lasten and baten); `colspan` puts the box in
    a row of its own under the line it is about, across the table's columns."""
    questions, notes = council.of(target)
    member = council.member
    return {
        "questions": questions,
        "member": member,
        "notes": notes if member else [],
        "round": council.round,
        "kind": target_kind_of(type(target)),
        "target": target,
        "label": label,
        "colspan": colspan,
        "csrf_token": context.get("csrf_token") if member else None,
        "back": context["request"].get_full_path() if member else "",
    }
