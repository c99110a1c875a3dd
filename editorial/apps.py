from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = _("Redactie")

    def ready(self):
        from .roles import roles_grant_new_permissions

        # Permissions of models added later reach the roles without a new
        # migration; the first grant is the data migration 0001_roles.
        post_migrate.connect(roles_grant_new_permissions, sender=self)
