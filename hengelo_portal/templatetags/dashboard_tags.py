"""The editors' dashboard on the admin's front page."""

from django import template

from ..dashboard import (
    actions_without_status_update,
    indicators_missing_value,
    newest_budget,
    questions_assigned,
    recent_changes,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_dashboard(context):
    user = context["request"].user
    budget = newest_budget()
    return {
        "recent_changes": recent_changes(user=user),
        "stale_actions": list(actions_without_status_update()),
        "budget": budget,
        "indicators_missing_value": list(indicators_missing_value(budget=budget)),
        "questions_assigned": list(questions_assigned(user=user)),
    }
