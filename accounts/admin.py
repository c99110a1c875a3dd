"""Accounts in the admin: nobody sees or sets another person's authenticator
app. django-otp's own admin (which shows every key and adds devices to anyone)
is taken away; what remains is whether an account has an app, a reset that
mails the owner a new link, and the history of every account."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import AccountEvent
from .notifications import local_time

if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(AccountEvent)
class AccountEventAdmin(admin.ModelAdmin):
    """Read only: the history is written by what happens, never by hand."""

    list_display = ["created_at", "username", "kind", "actor_name", "detail"]
    list_filter = ["kind"]
    search_fields = ["username", "actor_name"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.has_perm("auth.view_user"):
            return queryset
        # The griffie: the accounts of council members only.
        return queryset.filter(user__council_member__isnull=False)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.action(
    description=_("Authenticator-app resetten en een nieuwe link mailen"),
    permissions=["change"],
)
def second_factor_reset(modeladmin, request, queryset):
    """For a list of users (User) or of objects with a user (CouncilMember)."""
    done = 0
    for obj in queryset:
        user = getattr(obj, "user", obj)
        try:
            services.second_factor_reset(user=user, actor=request.user)
        except ValidationError as error:
            modeladmin.message_user(
                request, f"{user}: {' '.join(error.messages)}", messages.ERROR
            )
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            ngettext(
                "De authenticator-app van %(count)d account is verwijderd; de "
                "eigenaar heeft een link gekregen om een nieuwe te koppelen.",
                "De authenticator-apps van %(count)d accounts zijn verwijderd; de "
                "eigenaars hebben een link gekregen om een nieuwe te koppelen.",
                done,
            )
            % {"count": done},
            messages.SUCCESS,
        )


def account_summary(user) -> str:
    """Whether the account has an app (never its key), and its latest changes."""
    device = services.second_factor_of(user)
    state = (
        _("Authenticator-app gekoppeld.")
        if device
        else _("Geen authenticator-app gekoppeld: dit account kan niet inloggen.")
    )
    events = AccountEvent.objects.filter(user=user)[:20]
    rows = format_html_join(
        "",
        "<li>{} – {}{}{}</li>",
        (
            (
                local_time(event.created_at),
                event.get_kind_display(),
                f" ({event.detail})" if event.detail else "",
                _(", door %(name)s") % {"name": event.actor_name}
                if event.actor_name
                else "",
            )
            for event in events
        ),
    )
    return format_html_join("", "<p>{}</p><ul>{}</ul>", [(state, rows)])


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Django's user admin, with the reset and each account's history."""

    actions = [second_factor_reset]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "account_history"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            *fieldsets,
            (_("Inloggen en geschiedenis"), {"fields": ["account_history"]}),
        ]

    @admin.display(description=_("authenticator-app en geschiedenis"))
    def account_history(self, obj):
        return account_summary(obj)
