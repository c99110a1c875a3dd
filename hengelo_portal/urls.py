"""Root URLs: the public portal, site-wide pages, the read API, the staff preview
and the admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from . import views


def page(name):
    return TemplateView.as_view(template_name=f"pages/{name}.html")


urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("contact/", page("contact"), name="contact"),
    path("privacy/", page("privacy"), name="privacy"),
    path("toegankelijkheid/", page("accessibility"), name="accessibility"),
    path("kwetsbaarheid-melden/", page("vulnerability"), name="vulnerability"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("health/", views.health, name="health"),
    path("ready/", views.ready, name="ready"),
    path("voorvertoning/", include("programmes.preview")),
    path("voorvertoning/", include("indicators.preview")),
    path("api/v1/", include("hengelo_portal.api_urls")),
    path("", include("indicators.urls")),
    path("", include("programmes.urls")),
]
