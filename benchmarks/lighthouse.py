"""Lighthouse 12 (mobile profile, its default) on a page served by gunicorn.

Uses the system's Chromium: no browser download. The reports are kept in
benchmarks/.work/lighthouse/ for a closer look; only the scores go into RESULTS.md.
"""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


@dataclass
class Scores:
    scores: dict
    failing: list = field(default_factory=list)  # audits that cost points
    metrics: dict = field(default_factory=dict)
    scripts: list = field(default_factory=list)  # main-thread time per file


def chromium() -> str:
    return os.environ.get("CHROME_PATH") or shutil.which("chromium") or ""


def available() -> bool:
    return CLI.is_file() and bool(chromium()) and shutil.which("node") is not None


def run(url: str, report: Path) -> Scores:
    report.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, CHROME_PATH=chromium())
    subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=env,
        check=True,
        timeout=180,
    )
    result = json.loads(report.read_text())
    scores = {
        name: round(result["categories"][name]["score"] * 100)
        for name in CATEGORIES
        if result["categories"][name]["score"] is not None
    }
    failing = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                failing.append(f"{name}: {audit['id']} ({audit['score']:.2f})")
    metrics = {
        key: result["audits"].get(key, {}).get("displayValue", "–") for key in METRICS
    }
    scripts = [
        f"{urlsplit(item['url']).path or item['url']}: {item['total']:.0f} ms"
        for item in result["audits"]["bootup-time"]["details"]["items"]
        if item.get("total", 0) >= 50
    ]
    return Scores(scores, failing, metrics, scripts)
