from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MoneyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "money"
    verbose_name = _("Financiën")

    def ready(self):
        # The money joins the programme page, the search and the changes feed of
        # the programmes app; that app never imports this one.
        from programmes import feeds, parts, search

        from . import pages

        parts.register_programme_part(pages.programme_money_part)
        search.register(pages.PRODUCT_CHANGE_SEARCH)
        feeds.register(pages.finances_changed, kind=_("Financiën"))
        feeds.register(pages.product_changes_changed, kind=_("Verschil per product"))
