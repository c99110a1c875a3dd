from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """The roles and the staff's login, everyone's own password and authenticator
    app, and the history of each account: who changed what."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import signals
        from .roles import roles_grant_new_permissions

        signals.connect()
        # Permissions of models added later reach the roles without a new
        # migration; the first grant is the data migration 0002_roles. Django
        # sends post_migrate once per app with models, in the order of
        # INSTALLED_APPS, each after that app's permissions exist: the last one
        # comes when every permission does.
        last = [config for config in apps.get_app_configs() if config.models_module]
        post_migrate.connect(roles_grant_new_permissions, sender=last[-1])
