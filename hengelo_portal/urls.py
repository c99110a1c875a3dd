"""Root URLs: the public portal, the site-wide pages and the admin."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from . import views


def page(name):
    return TemplateView.as_view(template_name=f"pages/{name}.html")


urlpatterns = [
    path("admin/", admin.site.urls),
    path("contact/", page("contact"), name="contact"),
    path("privacy/", page("privacy"), name="privacy"),
    path("toegankelijkheid/", page("accessibility"), name="accessibility"),
    path("kwetsbaarheid-melden/", page("vulnerability"), name="vulnerability"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("", include("indicators.urls")),
    path("", include("programmes.urls")),
]
