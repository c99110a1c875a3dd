"""The griffie's admin: fracties, council accounts, closing dates and questions.
Notes have no admin: nobody but their author and fractie ever sees them."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin import account_summary, second_factor_reset
from content.admin import NamedDateTimes, PortalAdmin, VersionedForm

from . import services
from .models import (
    CouncilMember,
    Fractie,
    OutgoingMail,
    Question,
    QuestionDeadline,
    QuestionStatus,
)
from .selectors import editors, is_clerk, notes_left_behind


@admin.register(Fractie)
class FractieAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


class CouncilMemberAddForm(forms.ModelForm):
    """A new council member: the account is made with them (council/services)."""

    username = forms.CharField(label=_("Gebruikersnaam"), max_length=150)
    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_(
            "Hierheen gaat de link waarmee het raadslid zelf een wachtwoord kiest "
            "en de authenticator-app koppelt, en het bericht als een vraag "
            "beantwoord is."
        ),
    )

    class Meta:
        model = CouncilMember
        fields = ["fractie"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise ValidationError(_("Er is al een account met deze gebruikersnaam."))
        return username

    def save(self, commit=True):
        data = self.cleaned_data
        # No password: the member chooses it through the mailed link.
        return services.council_member_create(
            username=data["username"],
            fractie=data["fractie"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
        )

    def save_m2m(self):
        pass


class CouncilMemberChangeForm(forms.ModelForm):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(label=_("E-mailadres"))
    is_active = forms.BooleanField(
        label=_("Mag inloggen"),
        required=False,
        help_text=_("Uitzetten als iemand geen raadslid meer is."),
    )

    class Meta:
        model = CouncilMember
        fields = ["fractie"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        for name in ("first_name", "last_name", "email", "is_active"):
            self.initial[name] = getattr(user, name)
        if "fractie" in self.fields:
            self.fields["fractie"].help_text = _(
                "Gedeelde notities blijven bij de fractie waarmee ze gedeeld zijn. "
                "Wisselt het raadslid van fractie, dan ziet het de gedeelde "
                "notities van de oude fractie niet meer, en de oude fractie "
                "houdt de notities die het raadslid met haar deelde."
            )

    def save(self, commit=True):
        member = super().save(commit=commit)
        user = member.user
        for name in ("first_name", "last_name", "email", "is_active"):
            setattr(user, name, self.cleaned_data[name])
        user.save(update_fields=["first_name", "last_name", "email", "is_active"])
        return member


def moved_message(member, old) -> str:
    """What the griffie is told when a member moves to another fractie."""
    lost, own = notes_left_behind(member, old)
    values = {"member": member, "old": old, "new": member.fractie}
    return " ".join(
        [
            _("%(member)s is van %(old)s naar %(new)s verplaatst.") % values,
            ngettext(
                "%(member)s ziet de %(count)d notitie die in %(old)s gedeeld is "
                "niet meer.",
                "%(member)s ziet de %(count)d notities die in %(old)s gedeeld zijn "
                "niet meer.",
                lost,
            )
            % {**values, "count": lost},
            ngettext(
                "De %(count)d notitie die %(member)s met %(old)s deelde, blijft bij "
                "%(old)s; %(new)s ziet haar niet.",
                "De %(count)d notities die %(member)s met %(old)s deelde, blijven "
                "bij %(old)s; %(new)s ziet ze niet.",
                own,
            )
            % {**values, "count": own},
        ]
    )


@admin.register(CouncilMember)
class CouncilMemberAdmin(admin.ModelAdmin):
    list_display = ["__str__", "fractie", "email", "active"]
    list_filter = ["fractie", "user__is_active"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user", "fractie"]
    # Nobody but the member sets their password or authenticator app: the
    # griffie can only see whether there is one, and reset it (a new link).
    actions = [second_factor_reset]
    readonly_fields = ["account_history"]

    def get_form(self, request, obj=None, **kwargs):
        kwargs["form"] = CouncilMemberChangeForm if obj else CouncilMemberAddForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        left = None
        if change and "fractie" in form.changed_data:
            left = CouncilMember.objects.select_related("fractie").get(pk=obj.pk)
        super().save_model(request, obj, form, change)
        if left is not None:
            messages.warning(request, moved_message(obj, left.fractie))
        if not change:
            self.message_user(
                request,
                _(
                    "%(email)s heeft een e-mail gekregen met een link om zelf een "
                    "wachtwoord te kiezen en de authenticator-app te koppelen."
                )
                % {"email": form.cleaned_data["email"]},
            )

    @admin.display(description=_("authenticator-app en geschiedenis"))
    def account_history(self, obj):
        return account_summary(obj.user)

    def get_fields(self, request, obj=None):
        if obj is None:
            return [
                "username",
                "first_name",
                "last_name",
                "email",
                "fractie",
            ]
        return [
            "first_name",
            "last_name",
            "email",
            "fractie",
            "is_active",
            "account_history",
        ]

    @admin.display(description=_("e-mailadres"))
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("mag inloggen"), boolean=True)
    def active(self, obj):
        return obj.user.is_active


@admin.register(QuestionDeadline)
class QuestionDeadlineAdmin(NamedDateTimes, admin.ModelAdmin):
    list_display = ["budget", "closes_at"]


class QuestionForm(VersionedForm):
    """What is typed on a question's page. What happens to its publication is
    no field: it is the button pressed, and only the griffie's publish button
    counts (QuestionAdmin.step_of, services.question_update)."""

    # The step asked for ("publish", "ready" or None), set per request.
    step = None

    class Meta:
        model = Question
        fields = ["assigned_to", "merged_into", "answer", "version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assigned_to" in self.fields:
            self.fields["assigned_to"].queryset = editors()
        if "merged_into" in self.fields:
            self.fields["merged_into"].queryset = Question.objects.filter(
                merged_into__isnull=True,
                programme__budget_id=self.instance.programme.budget_id,
            ).exclude(pk=self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        data = {
            name: cleaned[name]
            for name in ("assigned_to", "merged_into", "answer")
            if name in self.fields
        }
        if self.step:
            data[self.step] = True
        self.question_changes = data
        # The checks of the service, before anything is written.
        answer = cleaned.get("answer", self.instance.answer)
        if self.step and not (answer or "").strip():
            error = _(
                "Een vraag zonder antwoord kan niet gepubliceerd of klaargezet worden."
            )
            if "answer" in self.fields:
                self.add_error("answer", error)
            else:
                self.add_error(None, error)
        return cleaned


@admin.register(Question)
class QuestionAdmin(PortalAdmin):
    """The griffie sees every question, assigns, merges and publishes; an editor
    sees the questions assigned to them and writes the answer."""

    form = QuestionForm
    # An earlier version is read, never restored: what is published changes by
    # the griffie's publish action only.
    history_restore = False
    list_display = [
        "__str__",
        "asker_name",
        "fractie",
        "programme",
        "status",
        "assigned_to",
        "published_at",
    ]
    # "status" lists the questions whose answer is ready for the griffie.
    list_filter = ["status", "programme__budget", "fractie"]
    change_form_template = "admin/council/question/change_form.html"
    search_fields = ["text", "answer"]
    list_select_related = ["asker", "fractie", "programme", "assigned_to"]
    readonly_fields = ["text", "asker_name", "fractie", "part", "status", "created_at"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_clerk(request.user):
            return queryset
        return queryset.assigned_to(request.user)

    def get_fields(self, request, obj=None):
        fields = ["text", "asker_name", "fractie", "part", "created_at", "status"]
        if is_clerk(request.user):
            return [*fields, "assigned_to", "merged_into", "answer", "version"]
        return [*fields, "answer", "version"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(self.readonly_fields)
        if obj is not None and obj.published_at and not is_clerk(request.user):
            # What is published, the griffie published: an editor no longer
            # changes it on the site by themselves.
            readonly.append("answer")
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        readonly = self.get_readonly_fields(request, obj)
        kwargs["fields"] = [
            f for f in self.get_fields(request, obj) if f not in readonly
        ]
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"step": self.step_of(request, obj)})

    def step_of(self, request, obj) -> str | None:
        """The button pressed, as far as this user may press it: publishing is
        the griffie's; "ready for the griffie" anyone's who may change it."""
        if request.method != "POST" or obj is None or obj.published_at:
            return None
        if "_publish" in request.POST and is_clerk(request.user):
            return "publish"
        if "_ready" in request.POST:
            return "ready"
        return None

    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        unpublished = obj is not None and not obj.published_at
        context["may_publish"] = unpublished and is_clerk(request.user)
        context["may_mark_ready"] = (
            unpublished
            and obj.status != QuestionStatus.READY
            and self.has_change_permission(request, obj)
        )
        return super().render_change_form(request, context, add, change, **kw)

    def has_add_permission(self, request):
        return False  # questions come from council members, through their pages

    @admin.display(description=_("gesteld door"))
    def asker_name(self, obj):
        return obj.asker.get_full_name() or obj.asker.get_username()

    # Not "onderdeel" alone: that word is a programme's theme elsewhere.
    @admin.display(description=_("onderdeel van de begroting"))
    def part(self, obj):
        return f"{obj.target_label}: {obj.target} ({obj.programme})"

    def save_model(self, request, obj, form, change):
        changes = getattr(form, "question_changes", {})
        fresh = Question.objects.get(pk=obj.pk)
        fresh.version = form.cleaned_data.get("version", obj.version)
        # The form checked what the service checks; the service writes (with
        # the version check and history) and sends the e-mail.
        services.question_update(question=fresh, data=changes, by=request.user)
        obj.__dict__.update(fresh.__dict__)


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The council's e-mail on its way out, for the griffie to see which did not
    reach the mail server and why; read only (the worker sends them again)."""

    list_display = [
        "created_at",
        "subject",
        "recipient_list",
        "attempts",
        "last_attempt_at",
        "error",
        "sent_at",
    ]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["subject", "recipients", "error"]
    fields = [
        "created_at",
        "subject",
        "recipient_list",
        "body",
        "attempts",
        "last_attempt_at",
        "error",
        "sent_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("ontvangers"))
    def recipient_list(self, mail):
        return ", ".join(mail.recipients)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
