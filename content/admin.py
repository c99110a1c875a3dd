"""What every ModelAdmin of the portal shares: history with undo, version checks,
atomic saves and a "view on site" that previews drafts."""

import datetime

from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, mark_safe
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from .models import publicly_visible
from .text import FitTextForm
from .versioning import BOOKKEEPING_FIELDS, VersionConflict, changes_since


def preview_url(obj) -> str | None:
    get_preview_url = getattr(obj, "get_preview_url", None)
    return get_preview_url() if get_preview_url else None


def preview_allowed(request, obj) -> None:
    """The staff preview of `obj` follows its admin change page: the admin site
    must let the user in (two-factor code included), the object must be in its
    ModelAdmin's get_queryset, and the user must have the view or change
    permission on it. Raises Http404 or PermissionDenied as the admin answers."""
    site = admin.site
    try:
        model_admin = site.get_model_admin(type(obj))
    except admin.sites.NotRegistered as error:
        raise Http404 from error
    if not site.has_permission(request):
        raise PermissionDenied
    if not model_admin.get_queryset(request).filter(pk=obj.pk).exists():
        raise Http404
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied


def version_conflict_messages(*, instance, seen_version: int) -> list[str]:
    """The refusal of a save over a newer version, in Dutch, one line per change."""
    since = changes_since(instance=instance, seen_version=seen_version)
    if since.current_version is None:
        return [
            str(
                _(
                    "Niet opgeslagen: iemand heeft dit intussen verwijderd. Herstel "
                    "het zo nodig vanuit de geschiedenis van verwijderde items."
                )
            )
        ]
    who = since.changed_by or _("iemand anders")
    when = (
        date_format(localtime(since.changed_at), "j F Y H:i")
        if since.changed_at
        else _("onbekend wanneer")
    )
    lines = [
        _(
            "Niet opgeslagen: %(who)s heeft dit opgeslagen (%(when)s) nadat u het "
            "opende. U opende versie %(seen)s, de huidige is versie %(current)s. "
            "Er is niets overschreven en uw wijzigingen zijn niet bewaard."
        )
        % {
            "who": who,
            "when": when,
            "seen": seen_version,
            "current": since.current_version,
        }
    ]
    if since.changes:
        lines.append(_("Dit veranderde er tussendoor:"))
        lines += [f"{c.label}: {c.old} → {c.new}" for c in since.changes]
    else:
        lines.append(_("Welke velden er tussendoor veranderden, is niet bekend."))
    lines.append(
        _(
            "Open het opnieuw om de huidige versie te zien en voer uw wijziging "
            "daarna opnieuw in."
        )
    )
    return [str(line) for line in lines]


class VersionWidget(forms.HiddenInput):
    """The hidden version, with the number visible where a column shows it."""

    def render(self, name, value, attrs=None, renderer=None):
        return format_html("{}{}", super().render(name, value, attrs, renderer), value)


class VersionedForm(FitTextForm, forms.ModelForm):
    """A model form that carries the version the editor opened; its texts cleaned
    and held to their limit as they come in (content.text.FitTextForm).

    clean() refuses early with the changes in between; the save itself checks
    again inside its transaction (VersionedModel.save), for the editor who saves
    in the same instant.
    """

    # Where the refusal is shown: None for the form's top (change form, inline
    # row); "version" for the change list, which shows field errors only.
    conflict_field = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "version" not in self.fields:
            return
        self.fields["version"].widget = (
            VersionWidget() if self.conflict_field == "version" else forms.HiddenInput()
        )
        if getattr(self.instance, "_history", None) is not None:
            # Restoring an earlier version: the editor starts from the current
            # version, not from the version number stored in the old record.
            self.initial["version"] = self._current_version()

    def _current_version(self):
        return (
            type(self.instance)
            ._base_manager.filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )

    def has_changed(self):
        # A newer version alone is not a change the editor made.
        return any(name != "version" for name in self.changed_data)

    def clean(self):
        cleaned_data = super().clean()
        seen = cleaned_data.get("version")
        if (
            seen is not None
            and self.instance.pk is not None
            and not self.instance._state.adding
            and (self.has_changed() or self.conflict_field is None)
        ):
            current = self._current_version()
            if current is not None and current != seen:
                self.add_error(
                    self.conflict_field,
                    forms.ValidationError(
                        version_conflict_messages(
                            instance=self.instance, seen_version=seen
                        ),
                        code="version_conflict",
                    ),
                )
        return cleaned_data


class ChangelistVersionedForm(VersionedForm):
    conflict_field = "version"


def name_fields_in_rows(form) -> None:
    """Give every field of a table row its column's name for screen readers.

    Tabular inlines and the change list's editable columns show a field's name
    only once, in the column header, with no <label> per field: axe rightly
    reports each field as unnamed (WCAG 1.3.1, 4.1.2).
    """
    for field in form.fields.values():
        if field.widget.is_hidden:
            continue
        # A foreign key's select sits inside the admin's add/change-links wrapper.
        widget = getattr(field.widget, "widget", field.widget)
        widget.attrs.setdefault("aria-label", capfirst(str(field.label)))


class NamedDateTimes:
    """A date-and-time field's two boxes each named for screen readers.

    The admin's split widget writes "Datum:" and "Tijd:" beside the boxes as
    plain text, and the field's <label> points at the date box only: axe reports
    the time box as unnamed (critical; WCAG 1.3.1, 4.1.2)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, AdminSplitDateTime):
            label = capfirst(str(formfield.label))
            date, time = widget.widgets
            date.attrs["aria-label"] = _("%(field)s: datum") % {"field": label}
            time.attrs["aria-label"] = _("%(field)s: tijd") % {"field": label}
        return formfield


class RowsNamedFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)  # also the "delete" box
        name_fields_in_rows(form)


class ChangelistRowsNamedFormSet(BaseModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        name_fields_in_rows(form)


def _is_year(field) -> bool:
    return isinstance(field, models.IntegerField) and (
        field.name == "year" or field.name.endswith("_year")
    )


def _shown(name: str) -> str:
    return f"{name}_shown"


def _year_display(field):
    def display(obj):
        year = getattr(obj, field.name)
        return "-" if year is None else str(year)

    display.short_description = field.verbose_name
    display.admin_order_field = field.name
    return display


class DutchNumbers:
    """Numbers in the admin as a Dutch reader writes them. Django groups every
    integer it shows once thousands separators are on: a year read-only or in a
    list would be '2.018'; it is shown as 2018. Sums are typed and shown in the
    form as 100.000,00 (17.3 is still read as 17,3: Django's rule for one dot)."""

    formfield_overrides = {models.DecimalField: {"localize": True}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._years = set()
        for field in self.model._meta.concrete_fields:
            if _is_year(field):
                self._years.add(field.name)
                setattr(self, _shown(field.name), _year_display(field))

    def _years_shown(self, names):
        shown = []
        for name in names:
            if isinstance(name, (list, tuple)):
                shown.append(type(name)(self._years_shown(name)))
            else:
                shown.append(_shown(name) if name in self._years else name)
        return shown

    def _read_only(self, request, obj) -> bool:
        return obj is not None and not self.has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._years or not self._read_only(request, obj):
            return fieldsets
        return [
            (title, {**options, "fields": self._years_shown(options["fields"])})
            for title, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._years and self._read_only(request, obj):
            readonly += [_shown(name) for name in self._years]
        return readonly


def history_value(field, value) -> str:
    """A field's value as the history page shows it: the label of a choice,
    "leeg" for nothing, a time in Dutch local time, never a raw code or None."""
    if isinstance(value, DeletedObject):
        if value.pk is None:
            return str(_("leeg"))
        return str(_("verwijderd (nummer %(pk)s)") % {"pk": value.pk})
    if value is None or value == "":
        return str(_("leeg"))
    if getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("ja") if value else _("nee"))
    if isinstance(value, datetime.datetime):
        return date_format(localtime(value), "j F Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return str(value)


class HistoryRecordContext(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.many_to_many:
            return super().prepare_delta_change_value(change, value)
        return history_value(field, value)


class PortalAdmin(DutchNumbers, SimpleHistoryAdmin):
    """History and undo on every model; saves over a newer version refused."""

    form = VersionedForm
    save_on_top = True

    # django-simple-history has no Dutch; its page titles are set here and its
    # templates are overridden in templates/simple_history/.
    def history_view_title(self, request, obj):
        return _("Geschiedenis van %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj):
        return _("Eerdere versie van %(object)s") % {"object": obj}

    def get_historical_record_context_helper(self, request, historical_record):
        return HistoryRecordContext(self.model, historical_record)

    def set_history_delta_changes(
        self, request, historical_records, foreign_keys_are_objs=True
    ):
        # As simple-history does it, without the fields that change on every save.
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    current,
                    excluded_fields=BOOKKEEPING_FIELDS,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current

    def get_list_display(self, request):
        display = super().get_list_display(request)
        if set(self.list_editable) & self._years:
            return display  # an editable year is an input, not a text
        return self._years_shown(display)

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", ChangelistVersionedForm)
        return super().get_changelist_form(request, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        kwargs.setdefault("formset", ChangelistRowsNamedFormSet)
        return super().get_changelist_formset(request, **kwargs)

    def view_on_site(self, obj):
        # Offered only where it leads somewhere: the public page, or the preview
        # of a draft; a draft without a preview has no page to show.
        if not hasattr(obj, "get_absolute_url"):
            return None
        if publicly_visible(obj):
            return obj.get_absolute_url()
        return preview_url(obj)

    # Django's admin saves a change form in one transaction; the views below add
    # that a save refused by the version check in the database (two editors in
    # the same instant) ends in a message instead of an error page.
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._refuse_conflicts(
            request,
            super().changeform_view,
            request,
            object_id,
            form_url,
            extra_context,
        )

    def changelist_view(self, request, extra_context=None):
        return self._refuse_conflicts(
            request, super().changelist_view, request, extra_context
        )

    # --- History: exactly the permission of the change page ----------------------
    # django-simple-history's own views fall back to the newest record when the
    # admin's queryset has no match, never consult it on a version page, save a
    # version with a view permission alone, and write back every field of the old
    # record. Here the history list, a version and its restore are allowed exactly
    # when the change page is: the object through get_queryset, the view and
    # change permissions with that object, and a restore sets only the fields the
    # change page lets this user set (every other field keeps its current value).

    # False: earlier versions can be read but never restored (council questions,
    # whose publication only the griffie's publish action changes).
    history_restore = True

    def has_history_of_deleted_permission(self, request) -> bool:
        """Who may delete, may read a deleted object's history and bring it back."""
        return self.has_delete_permission(request)

    def history_subject(self, request, object_id):
        """The object whose history is asked for, found as the change page finds
        it, and whether it was deleted; (None, False) when it is not this user's."""
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            return obj, False
        pk_field = self.model._meta.pk
        try:
            pk = pk_field.to_python(unquote(object_id))
        except Exception:  # not a key at all: the change page says "not there"
            return None, False
        if self.model._base_manager.filter(pk=pk).exists():
            return None, False  # there, but outside this user's queryset
        if not self.has_history_of_deleted_permission(request):
            return None, False
        record = (
            self._history_manager()
            .filter(**{pk_field.attname: pk})
            .order_by("-history_date")
            .first()
        )
        return (record.instance, True) if record else (None, False)

    def _history_manager(self):
        return getattr(self.model, self.model._meta.simple_history_manager_attribute)

    def revert_disabled(self, request, obj=None):
        return (
            not self.history_restore
            or not self.has_change_permission(request, obj)
            or super().revert_disabled(request, obj)
        )

    def history_view(self, request, object_id, extra_context=None):
        obj, _deleted = self.history_subject(request, object_id)
        if obj is None:
            return self._get_obj_does_not_exist_redirect(
                request, self.model._meta, object_id
            )
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return self._refuse_conflicts(
            request,
            self._history_form_view,
            request,
            object_id,
            version_id,
            extra_context,
        )

    def _history_form_view(self, request, object_id, version_id, extra_context):
        request.current_app = self.admin_site.name
        opts = self.model._meta
        current, deleted = self.history_subject(request, object_id)
        if current is None:
            return self._get_obj_does_not_exist_redirect(request, opts, object_id)
        if not self.has_view_or_change_permission(request, current):
            raise PermissionDenied
        record = (
            self._history_manager()
            .filter(**{opts.pk.attname: current.pk}, history_id=version_id)
            .first()
        )
        if record is None:
            raise Http404
        version = record.instance
        version._state.adding = False
        may_restore = not self.revert_disabled(request, current)
        if request.method == "POST" and not may_restore:
            raise PermissionDenied
        # The change page's form for the object as it is now: its fields,
        # read-only fields and choices follow the current object and this user.
        fieldsets = self.get_fieldsets(request, current)
        form_class = self.get_form(
            request, current, change=True, fields=flatten_fieldsets(fieldsets)
        )
        if request.method == "POST":
            # What is saved: the current object with the fields of the form; a
            # field this user may not set cannot be posted into it. A deleted
            # object comes back as it was in this version.
            form = form_class(
                request.POST, request.FILES, instance=version if deleted else current
            )
            if form.is_valid():
                new_object = self.save_form(request, form, change=True)
                self.save_model(request, new_object, form, change=True)
                form.save_m2m()
                self.log_change(
                    request,
                    new_object,
                    self.construct_change_message(request, form, []),
                )
                return self.response_change(request, new_object)
        else:
            # The old version fills in the form; the version number to save over
            # is the current one (VersionedForm).
            form = form_class(instance=version)
        if may_restore:
            readonly = self.get_readonly_fields(request, current)
        else:
            readonly = flatten_fieldsets(fieldsets)
        prepopulated = (
            self.get_prepopulated_fields(request, current) if may_restore else {}
        )
        admin_form = helpers.AdminForm(
            form, fieldsets, prepopulated, readonly, model_admin=self
        )
        prefix = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        context = {
            **self.admin_site.each_context(request),
            "title": self.history_form_view_title(request, version),
            "adminform": admin_form,
            "object_id": object_id,
            "original": version,
            "is_popup": False,
            "media": mark_safe(self.media + admin_form.media),
            "errors": helpers.AdminErrorList(form, []),
            "app_label": opts.app_label,
            "original_opts": opts,
            "changelist_url": reverse(f"{prefix}_changelist"),
            "change_url": reverse(f"{prefix}_change", args=(current.pk,)),
            "history_url": reverse(f"{prefix}_history", args=(current.pk,)),
            "change_history": False,
            "revert_disabled": not may_restore,
            "add": False,
            "change": True,
            "has_add_permission": self.has_add_permission(request),
            "has_view_permission": self.has_view_permission(request, current),
            "has_change_permission": may_restore,
            "has_delete_permission": self.has_delete_permission(request, current),
            "has_file_field": True,
            "has_absolute_url": False,
            "form_url": "",
            "opts": opts,
            "content_type_id": self.content_type_model_cls.objects.get_for_model(
                self.model
            ).id,
            "save_as": self.save_as,
            "save_on_top": self.save_on_top,
            "root_path": getattr(self.admin_site, "root_path", None),
            **(extra_context or {}),
        }
        return self.render_history_view(
            request, self.object_history_form_template, context
        )

    def _refuse_conflicts(self, request, view, *args):
        try:
            with transaction.atomic():
                return view(*args)
        except VersionConflict as conflict:
            for line in version_conflict_messages(
                instance=conflict.instance, seen_version=conflict.seen_version
            ):
                self.message_user(request, line, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class VersionedTabularInline(DutchNumbers, admin.TabularInline):
    form = VersionedForm
    formset = RowsNamedFormSet
    extra = 0


class VersionedStackedInline(DutchNumbers, admin.StackedInline):
    form = VersionedForm
    extra = 0
