from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package as an app: roles for editors, cache invalidation."""

    default = True
    name = "hengelo_portal"
    verbose_name = _("Begrotingsportaal")

    def ready(self):
        from . import caching
        from .roles import roles_grant_new_permissions

        caching.connect_invalidation()
        # Permissions of models added later reach the roles without a new
        # migration; the first grant is the data migration 0001_roles. Django
        # sends post_migrate once per app with models, in the order of
        # INSTALLED_APPS, each after that app's permissions exist: the last one
        # comes when every permission does.
        last = [config for config in apps.get_app_configs() if config.models_module]
        post_migrate.connect(roles_grant_new_permissions, sender=last[-1])


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the portal's site (two-factor login in production)."""

    default = False
    default_site = "hengelo_portal.admin_site.PortalAdminSite"
