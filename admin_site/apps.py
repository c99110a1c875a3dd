from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AdminSiteConfig(AppConfig):
    """The admin's site and the editors' dashboard on its front page. It reads every
    app; no app imports it."""

    name = "admin_site"


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the portal's site (two-factor login in production)."""

    default = False
    default_site = "admin_site.sites.PortalAdminSite"
