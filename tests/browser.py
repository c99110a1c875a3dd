"""Helpers for browser tests: axe-core in headless Chromium, the Nu HTML Checker."""

import atexit
import json
import socket
import subprocess
import tempfile
import time
import urllib.request
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


class NuChecker:
    """One Nu HTML Checker per test process, as a service on a free loopback port:
    the JVM and the HTML schema load once (about 3 s of processor time) instead
    of once per check; a page then takes a tenth of a second.

    It starts in the background with the browser (tests/conftest.py), so the
    browser tests run while it loads, and stops with the test process."""

    # Only the C1 compiler: half the start-up time; its deeper stack frames
    # need a larger thread stack for the schema (vnu says: at least 512k).
    JAVA_OPTIONS = ["-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]

    def __init__(self):
        self.process = None
        self.url = ""
        self.log = None

    def start(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            ["java", *self.JAVA_OPTIONS, "-cp", str(VNU_JAR)]
            + ["-Dnu.validator.servlet.bind-address=127.0.0.1"]
            + ["nu.validator.servlet.Main", str(port)],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{port}/"
        atexit.register(self.stop)

    def wait_until_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                output = self.log.read().decode(errors="replace")[-2000:]
                raise RuntimeError(f"the Nu HTML Checker stopped:\n{output}")
            try:
                with urllib.request.urlopen(self.url, timeout=5):
                    return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"the Nu HTML Checker did not start in {timeout} s")

    def messages(self, html: bytes) -> list[dict]:
        request = urllib.request.Request(
            self.url + "?out=json",
            data=html,
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)["messages"]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


nu_checker = NuChecker()


def vnu_errors(files: list[Path]) -> list[str]:
    """Validate HTML files with the Nu HTML Checker; return its error messages."""
    nu_checker.start()
    nu_checker.wait_until_ready()
    errors = []
    for file in files:
        for m in nu_checker.messages(Path(file).read_bytes()):
            # What `vnu.jar --errors-only` reports: errors, and files it
            # could not read.
            if m["type"] in ("error", "non-document-error"):
                errors.append(
                    f"{Path(file).name}:{m.get('lastLine', '?')}: {m['message']}"
                )
    return errors


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
