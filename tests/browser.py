"""Helpers for browser tests: axe-core in headless Chromium, the Nu HTML Checker."""

import json
import subprocess
from pathlib import Path

from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# WCAG 2.1 AA and axe's best practices (unique landmarks, one main, headings in
# order): the best practices catch what makes a page harder to find one's way in.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page) -> list[str]:
    """Run axe-core on the page; return one readable line per violation."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]


def vnu_errors(files: list[Path]) -> list[str]:
    """Validate HTML files with the Nu HTML Checker; return its error messages."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
    ]


def enrol_in_browser(tab, path: str, password: str) -> bytes:
    """Open a one-time link, choose `password`, "scan" the QR code (read the key
    printed beside it, as an app reads it from the code) and enter the first
    code. Returns the key, for the codes of later logins."""
    import base64

    from django_otp.oath import totp

    tab.goto(path)
    secret = tab.locator("#totp-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    tab.fill("#id_new_password1", password)
    tab.fill("#id_new_password2", password)
    tab.fill("#id_otp_token", f"{totp(key):06d}")
    with tab.expect_navigation():
        tab.click("#enrol-form button[type=submit]")
    return key


def enrolment_path(text: str) -> str:
    """The one-time link in a mail or a command's output, as a path with its
    query (the token travels in the query, which no log keeps)."""
    import re
    import urllib.parse

    url = re.search(r"https?://\S+/account/koppelen/\?token=[\w-]+", text).group()
    parts = urllib.parse.urlsplit(url)
    return f"{parts.path}?{parts.query}"
