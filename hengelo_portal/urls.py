"""Root URLs: the public portal and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("indicators.urls")),
    path("", include("programmes.urls")),
]
