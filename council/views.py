"""The council's pages: login, the member's workspace, notes and questions, and
the public page of a budget's technical questions and answers."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from programmes.models import Budget

from . import services
from .forms import NoteForm, council_login_form
from .models import NoteVisibility
from .selectors import (
    council_member_of,
    notes_of,
    public_questions,
    question_round,
    questions_of,
)
from .targets import with_public_parts


class CouncilLoginView(auth_views.LoginView):
    """The council members' own login, as strong as the admin's: the same
    two-factor form and the same lock-out (django-axes)."""

    template_name = "council/login.html"
    next_page = reverse_lazy("council:workspace")

    def get_form_class(self):
        return council_login_form()


class CouncilLogoutView(auth_views.LogoutView):
    # The login page, never cached, so the confirmation is read there.
    next_page = reverse_lazy("council:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("U bent uitgelogd."))
        return response


def members_only(view):
    """A council member's page: the login page for anyone else."""

    def wrapped(request, *args, **kwargs):
        member = council_member_of(request)
        if member is None:
            login = reverse("council:login")
            return HttpResponseRedirect(f"{login}?{urlencode({'next': request.path})}")
        return view(request, member, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return never_cache(wrapped)


def _back(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def refused(request, message, *, status=400, text="", back=""):
    """Bad input: a clear message, the text that was typed, the way back."""
    return render(
        request,
        "council/refused.html",
        {"message": message, "text": text, "back": back},
        status=status,
    )


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


@members_only
def workspace(request, member):
    """The member's own page: every note they may read, their questions."""
    return render(
        request,
        "council/workspace.html",
        {
            "member": member,
            "notes": with_public_parts(notes_of(member)),
            "questions": with_public_parts(questions_of(member)),
            "budgets": Budget.objects.public().order_by("-year"),
        },
    )


@require_POST
@members_only
def note_add(request, member):
    back = _back(request, reverse("council:workspace"))
    try:
        with transaction.atomic():
            note = services.note_create(
                member=member,
                kind=request.POST.get("kind", ""),
                target_id=request.POST.get("target", ""),
                text=request.POST.get("text", ""),
                visibility=request.POST.get("visibility", NoteVisibility.PRIVATE),
            )
    except ValidationError as error:
        return refused(
            request, _messages(error), text=request.POST.get("text", ""), back=back
        )
    messages.success(request, _("Uw notitie is opgeslagen."))
    return HttpResponseRedirect(f"{back.split('#')[0]}#notitie-{note.pk}")


@members_only
def note_edit(request, member, pk):
    """Change or remove one's own note; another's note is not there."""
    back = reverse("council:workspace")
    note = notes_of(member).filter(pk=pk, author_id=member.user_id).first()
    if note is None:
        return refused(
            request, _("Deze notitie bestaat niet of is niet van u."), status=404
        )
    if request.method == "POST":
        try:
            with transaction.atomic():
                if "delete" in request.POST:
                    services.note_delete(member=member, note_id=pk)
                    done = _("Uw notitie is verwijderd.")
                else:
                    services.note_update(
                        member=member,
                        note_id=pk,
                        text=request.POST.get("text", ""),
                        visibility=request.POST.get("visibility", ""),
                    )
                    done = _("Uw notitie is opgeslagen.")
        except (ValidationError, PermissionDenied) as error:
            message = (
                _messages(error) if isinstance(error, ValidationError) else str(error)
            )
            return refused(
                request, message, text=request.POST.get("text", ""), back=back
            )
        messages.success(request, done)
        return HttpResponseRedirect(back)
    with_public_parts([note])
    form = NoteForm(initial={"text": note.text, "visibility": note.visibility})
    return render(request, "council/note_edit.html", {"note": note, "form": form})


@require_POST
@members_only
def question_ask(request, member):
    back = _back(request, reverse("council:workspace"))
    try:
        with transaction.atomic():
            question = services.question_ask(
                member=member,
                kind=request.POST.get("kind", ""),
                target_id=request.POST.get("target", ""),
                text=request.POST.get("text", ""),
            )
    except ValidationError as error:
        return refused(
            request, _messages(error), text=request.POST.get("text", ""), back=back
        )
    return render(
        request, "council/question_sent.html", {"question": question, "back": back}
    )


def questions(request, year):
    """Every published technical question about a budget, with its answer."""
    budget = get_object_or_404(Budget.objects.public(), year=year)
    found = with_public_parts(public_questions().filter(programme__budget=budget))
    round_ = question_round(budget)
    response = render(
        request,
        "council/questions.html",
        {"budget": budget, "questions": found, "round": round_},
    )
    if round_.is_open:
        left = int((round_.closes_at - timezone.now()).total_seconds())
        if left < settings.PAGE_CACHE_SECONDS:
            # "Open until …" must not outlive the closing in the page cache: a
            # page with its own Cache-Control is not stored there.
            patch_cache_control(response, max_age=max(left, 0))
    return response
