"""The money reads the programmes, never the other way round: programmes has no
import of money anywhere (the page's part, search and feed are registered)."""

import ast
from pathlib import Path

from django.conf import settings

PROGRAMMES = Path(settings.BASE_DIR) / "programmes"


def _imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module or ""


def test_programmes_never_imports_money():
    found = [
        f"{path.relative_to(PROGRAMMES)}: {module}"
        for path in sorted(PROGRAMMES.rglob("*.py"))
        for module in _imported_modules(path)
        if module == "money" or module.startswith("money.")
    ]
    assert found == []


def test_the_money_is_on_the_programme_page_without_programmes_importing_it():
    from money.pages import programme_money_part
    from programmes import parts

    assert programme_money_part in parts._programme_parts
