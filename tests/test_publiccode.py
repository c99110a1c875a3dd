"""publiccode.yml describes this software as it is: licence, languages, Django."""

import tomllib
from pathlib import Path

import yaml

import django
from django.conf import settings

BASE = Path(settings.BASE_DIR)


def test_publiccode_yml_agrees_with_the_code():
    code = yaml.safe_load((BASE / "publiccode.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((BASE / "pyproject.toml").read_text())["project"]
    assert code["publiccodeYmlVersion"] == "0.4"
    for key in ("name", "url", "platforms", "developmentStatus", "softwareType"):
        assert code[key], key
    assert code["legal"]["license"] == project["license"]
    assert "European Union Public Licence" in (BASE / "LICENSE").read_text()
    assert code["softwareVersion"] == project["version"]
    languages = [language for language, _name in settings.LANGUAGES]
    assert code["localisation"]["availableLanguages"] == languages
    assert set(code["description"]) == set(languages)
    for description in code["description"].values():
        # The standard asks for 150 to 10,000 characters.
        assert 150 <= len(description["longDescription"]) <= 10_000
        assert len(description["shortDescription"]) <= 150
    django_version = next(d for d in code["dependsOn"]["open"] if d["name"] == "Django")
    assert django.get_version().startswith(django_version["version"])
