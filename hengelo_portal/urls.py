"""Root URLs: the public portal, the read API and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("hengelo_portal.api_urls")),
    path("", include("indicators.urls")),
    path("", include("programmes.urls")),
]
