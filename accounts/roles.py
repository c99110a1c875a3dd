"""The portal's roles: Redacteur (editor) and Beheerder (administrator) for the
staff; Raadslid (council member, with a fractie) and Griffie (the council's
clerks) for the council's workspace (council/)."""

from django.apps import apps as global_apps
from django.db import transaction

EDITOR = "Redacteur"
ADMINISTRATOR = "Beheerder"
COUNCIL_MEMBER = "Raadslid"
CLERK = "Griffie"
# Staff roles: an account in one of them works in the admin. A Raadslid is no
# staff; the griffie makes those accounts, each with a fractie, in the admin.
ROLES = {"redacteur": EDITOR, "beheerder": ADMINISTRATOR, "griffie": CLERK}

_EDIT = ("add", "change", "view")

# What an editor may do, per model. No delete anywhere: a mistake is undone from
# the history, and removing programmes, budgets or indicators is for a Beheerder.
# Nothing of auth: editors do not manage users or groups.
EDITOR_PERMISSIONS = {
    "programmes.action": _EDIT,
    "programmes.theme": _EDIT,
    "programmes.paragraph": _EDIT,
    "programmes.actionline": _EDIT,
    "programmes.place": _EDIT,
    "programmes.reference": _EDIT,
    "programmes.keyfigure": _EDIT,
    "programmes.glossaryterm": _EDIT,
    "money.financialfigure": _EDIT,
    "money.productchange": _EDIT,
    "money.population": _EDIT,
    "money.summaryfigure": _EDIT,
    "indicators.indicatorvalue": _EDIT,
    "indicators.indicator": ("change", "view"),
    # A programme an editor brought in by an import is one she can finish: its
    # title, intro and headings. Not add (a new programme comes with its budget
    # file) and not delete; budgets stay for a Beheerder.
    "programmes.programme": ("change", "view"),
    "programmes.budget": ("view",),
    "programmes.agenda": ("view",),
    # Only the technical questions assigned to them (council/admin.py).
    "council.question": ("change", "view"),
}

# The griffie: council accounts and fracties, the closing dates, every question.
# Nothing of the budget's content, nothing of auth: a council account is made
# through council.CouncilMember, never by editing users.
CLERK_PERMISSIONS = {
    "council.fractie": ("add", "change", "view", "delete"),
    "council.councilmember": ("add", "change", "view"),
    "council.questiondeadline": ("add", "change", "view", "delete"),
    "council.question": ("change", "view"),
    # The history of the council members' accounts (accounts/admin.py).
    "accounts.accountevent": ("view",),
    # The e-mail the mail server did not take yet, with its error (read only).
    "council.outgoingmail": ("view",),
}


# Permissions that are not add/change/view of a model.
EDITOR_EXTRA_PERMISSIONS = [
    ("opendata", "import_budget"),  # read in a spreadsheet (open data import)
    ("opendata", "view_importrun"),
]


def _editor_permissions(Permission):
    return _permissions(Permission, EDITOR_PERMISSIONS, EDITOR_EXTRA_PERMISSIONS)


def _clerk_permissions(Permission):
    return _permissions(Permission, CLERK_PERMISSIONS, [])


def _permissions(Permission, per_model, extra):
    wanted = [
        (label.split(".")[0], f"{action}_{label.split('.')[1]}")
        for label, actions in per_model.items()
        for action in actions
    ] + extra
    found = list(
        Permission.objects.filter(
            content_type__app_label__in={app for app, _ in wanted},
            codename__in={codename for _, codename in wanted},
        ).select_related("content_type")
    )
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


@transaction.atomic
def roles_sync(*, apps=global_apps) -> None:
    """Create the groups and give each exactly the permissions of its role.

    `apps` is the app registry: a migration passes its historical one.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(_editor_permissions(Permission))
    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.set(Permission.objects.all())
    clerk, _ = Group.objects.get_or_create(name=CLERK)
    clerk.permissions.set(_clerk_permissions(Permission))
    # A Raadslid has no permission in the admin: the council's pages check the
    # group (council/selectors.py).
    member, _ = Group.objects.get_or_create(name=COUNCIL_MEMBER)
    member.permissions.clear()


def roles_grant_new_permissions(*, apps=global_apps, **kwargs) -> None:
    """After each migrate (and each flush): make sure the roles exist and have
    at least their permissions, including those of models added since.

    Only adds, never removes: what a Beheerder changed by hand stays.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(*_editor_permissions(Permission))
    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    administrator.permissions.add(*Permission.objects.all())
    clerk, _ = Group.objects.get_or_create(name=CLERK)
    clerk.permissions.add(*_clerk_permissions(Permission))
    Group.objects.get_or_create(name=COUNCIL_MEMBER)
