"""Root URLs: the public portal, site-wide pages, the read API, the staff preview
and the admin."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from web import views


def page(name):
    return TemplateView.as_view(template_name=f"pages/{name}.html")


# The staff preview, the JSON API and the machine-read files stay at one
# address; the public pages are Dutch at their unprefixed addresses and English
# under /en/ (no cookie, so every page stays cacheable by its path). The admin
# too: Dutch at /admin/, English at /en/admin/ for editors who read English
# better; the path alone decides, so a link or bookmark always opens the same
# language and nothing is stored per user.
urlpatterns = [
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("health/", views.health, name="health"),
    path("ready/", views.ready, name="ready"),
    path("voorvertoning/", include("programmes.preview")),
    path("voorvertoning/", include("indicators.preview")),
    path("api/v1/", include("opendata.api.urls")),
]
urlpatterns += i18n_patterns(
    path(settings.ADMIN_URL, admin.site.urls),
    path("contact/", page("contact"), name="contact"),
    path("privacy/", page("privacy"), name="privacy"),
    path("toegankelijkheid/", page("accessibility"), name="accessibility"),
    path("kwetsbaarheid-melden/", page("vulnerability"), name="vulnerability"),
    path("", include("accounts.urls")),
    path("", include("council.urls")),
    path("", include("indicators.urls")),
    path("", include("money.urls")),
    path("", include("opendata.urls")),
    path("", include("programmes.urls")),
    prefix_default_language=False,
)

# JSON errors under /api/, the Dutch (or English) error pages elsewhere.
handler400 = "web.api_errors.bad_request"
handler404 = "web.api_errors.page_not_found"
handler500 = "web.api_errors.server_error"
