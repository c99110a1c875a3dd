"""The editors' dashboard on the admin's front page."""

from django import template

from admin_site.dashboard import (
    actions_without_status_update,
    draft_budgets,
    indicators_missing_value,
    newest_budget,
    questions_assigned,
    questions_ready,
    recent_changes,
)
from council.selectors import is_clerk

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_dashboard(context):
    user = context["request"].user
    budget = newest_budget()
    # Only lists whose links the user may open: the griffie sees no actions or
    # indicators, whose pages would answer 403.
    may_change_actions = user.has_perm("programmes.change_action")
    may_change_indicators = user.has_perm("indicators.change_indicator")
    return {
        "recent_changes": recent_changes(user=user),
        # Who may publish a budget is told which wait for it.
        "draft_budgets": list(draft_budgets())
        if user.has_perm("programmes.change_budget")
        else [],
        "show_stale_actions": may_change_actions,
        "stale_actions": list(actions_without_status_update())
        if may_change_actions
        else [],
        "budget": budget,
        "show_indicators_missing_value": may_change_indicators,
        "indicators_missing_value": list(indicators_missing_value(budget=budget))
        if may_change_indicators
        else [],
        "show_questions_assigned": user.has_perm("council.change_question"),
        "questions_ready": list(questions_ready()) if is_clerk(user) else None,
        "questions_assigned": list(questions_assigned(user=user)),
    }
