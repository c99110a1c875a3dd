"""The one-time link: the owner of an account chooses a password and links their
authenticator app (QR code drawn here, as inline SVG), then is signed in."""

import io

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import services
from .forms import EnrolmentForm


def qr_svg(text: str) -> str:
    """The QR code of `text` as an SVG element (paths only: no style, so the
    Content Security Policy lets it be)."""
    code = qrcode.make(
        text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2
    )
    out = io.BytesIO()
    code.save(out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class EnrolView(View):
    template_name = "accounts/enrol.html"

    def dispatch(self, request):
        # The token comes in the link's query, and back in the form's body.
        token = request.POST.get("token") or request.GET.get("token", "")
        self.token = token
        try:
            self.link = services.enrolment_link_find(token)
        except services.LinkRefused as refused:
            return render(
                request, "accounts/link_refused.html", {"message": refused}, status=410
            )
        return super().dispatch(request)

    def get(self, request):
        return self.page(request, EnrolmentForm(self.link.user))

    def post(self, request):
        form = EnrolmentForm(self.link.user, request.POST)
        if form.is_valid():
            try:
                device = services.enrolment_complete(
                    link=self.link,
                    password=form.cleaned_data["new_password1"],
                    code=form.cleaned_data["otp_token"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            except services.LinkRefused as refused:
                return render(
                    request,
                    "accounts/link_refused.html",
                    {"message": refused},
                    status=410,
                )
            else:
                return self.signed_in(request, device)
        return self.page(request, form, status=200)

    def page(self, request, form, status=200):
        device = TOTPDevice(user=self.link.user, key=self.link.totp_key)
        secret = device.config_url.split("secret=")[1].split("&")[0]
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "account": self.link.user,
                "qr_code": qr_svg(device.config_url),
                "secret": _grouped(secret),
                "expires_at": self.link.expires_at,
                "token": self.token,
            },
            status=status,
        )

    def signed_in(self, request, device):
        user = device.user
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        otp_login(request, device)
        messages.success(
            request,
            _(
                "Uw wachtwoord is opgeslagen en uw authenticator-app gekoppeld. U "
                "bent ingelogd; voortaan logt u in met wachtwoord en code uit de app."
            ),
        )
        # Staff on to the admin, a council member to their workspace.
        target = "admin:index" if user.is_staff else "council:workspace"
        return HttpResponseRedirect(reverse(target))
