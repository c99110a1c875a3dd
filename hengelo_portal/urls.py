"""Root URLs: the public portal, the staff preview of drafts and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("voorvertoning/", include("programmes.preview")),
    path("voorvertoning/", include("indicators.preview")),
    path("", include("indicators.urls")),
    path("", include("programmes.urls")),
]
