"""Root URLs: the public portal, the staff preview of drafts and the admin."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Begroting Hengelo: beheer"
admin.site.site_title = "Beheer begroting Hengelo"
admin.site.index_title = "Overzicht voor redacteuren"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("voorvertoning/", include("programmes.preview")),
    path("voorvertoning/", include("indicators.preview")),
    path("", include("indicators.urls")),
    path("", include("programmes.urls")),
]
