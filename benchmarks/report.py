"""RESULTS.md: the figures as Markdown tables, with the machine and the date."""

import os
import platform
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from .lighthouse import CATEGORIES, TARGETS
from .measure import MODES

MAX_QUERIES = 10
MAX_PROGRAMME_MEDIAN_MS = 50
MAX_PAGE_KB = 60
MAX_CHART_PAGE_KB = 450
# Pages that draw a chart and so load plotly.js once it comes near the screen.
CHART_PAGES = {"home", "programme", "indicator list", "indicator detail"}
# Written by hand: what the figures mean, the causes of misses, what was fixed.
FINDINGS = Path(__file__).resolve().parent / "FINDINGS.md"


def data_sizes() -> dict:
    from indicators.models import Indicator, IndicatorValue
    from programmes.models import Action, Budget, GlossaryTerm, Programme, Theme

    return {
        "budget years": Budget.objects.count(),
        "programmes": Programme.objects.count(),
        "themes": Theme.objects.count(),
        "actions": Action.objects.count(),
        "indicators": Indicator.objects.count(),
        "indicator values": IndicatorValue.objects.count(),
        "glossary terms": GlossaryTerm.objects.count(),
    }


def _version(command: list[str]) -> str:
    try:
        output = subprocess.run(
            command, capture_output=True, text=True, timeout=20
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "not found"
    return output.strip().splitlines()[0] if output.strip() else "not found"


def machine() -> list[tuple[str, str]]:
    import django
    from django.db import connection

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read())
            cpu = match.group(1) if match else cpu
        with open("/proc/meminfo") as meminfo:
            kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read()).group(1))
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except OSError:
        memory = "unknown"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    from .lighthouse import CLI, chromium

    return [
        ("CPU", f"{os.cpu_count()} cores, {cpu}"),
        ("memory", memory),
        ("system", platform.platform()),
        ("Python", platform.python_version()),
        ("Django", django.get_version()),
        ("PostgreSQL", postgres),
        ("gunicorn", _version([sys.executable, "-m", "gunicorn", "--version"])),
        ("wrk", _version(["wrk", "--version"])),
        ("Chromium", _version([chromium() or "chromium", "--version"])),
        ("Lighthouse", _version(["node", str(CLI), "--version"])),
    ]


def _kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def _ms(value) -> str:
    return "–" if value is None else f"{value:.1f}"


def _mark(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _rows(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines + [""]


def _targets(results: dict, pages) -> list[list[str]]:
    """One row per target of issue 7: met, missed, or not measurable yet."""
    data = results["pages"]
    measured = [p for p in pages if p.available]
    rows = []
    equal = [p.name for p in measured if len(set(data[p.name]["queries"].values())) > 1]
    rows.append(
        [
            "queries per request equal at both sizes",
            _mark(not equal) + (f" ({', '.join(equal)})" if equal else ""),
        ]
    )
    over = [p.name for p in measured if data[p.name]["queries"]["large"] > MAX_QUERIES]
    rows.append(
        [
            f"at most {MAX_QUERIES} queries on every page",
            _mark(not over) + (f" ({', '.join(over)})" if over else ""),
        ]
    )
    programme = data.get("programme", {}).get("time", {}).get("uncached", {})
    if programme:
        median = programme["large"]["median_ms"]
        rows.append(
            [
                f"programme page, large, uncached: median under "
                f"{MAX_PROGRAMME_MEDIAN_MS} ms",
                f"{_mark(median < MAX_PROGRAMME_MEDIAN_MS)} ({median:.1f} ms)",
            ]
        )
    ratios = cached_ratios(results, measured)
    if ratios:
        low = [f"{name} {ratio:.2f}" for name, ratio in ratios.items() if ratio < 0.5]
        lowest = min(ratios.values())
        rows.append(
            [
                "cached pages: throughput at least half the static file's",
                _mark(not low)
                + (f" ({', '.join(low)})" if low else f" (lowest ratio {lowest:.2f})"),
            ]
        )
    else:
        rows.append(
            [
                "cached pages: throughput at least half the static file's",
                "not measured in this run",
            ]
        )
    for category, target in TARGETS.items():
        scored = [p for p in measured if data[p.name].get("lighthouse")]
        if not scored:
            continue
        low = [
            f"{p.name} {data[p.name]['lighthouse']['scores'].get(category)}"
            for p in scored
            if (data[p.name]["lighthouse"]["scores"].get(category) or 0) < target
        ]
        rows.append(
            [
                f"Lighthouse {category} ≥ {target}",
                _mark(not low) + (f" ({', '.join(low)})" if low else ""),
            ]
        )
    heavy = []
    for page in measured:
        t = data[page.name]["transfer"]["large"]
        limit = MAX_CHART_PAGE_KB if page.name in CHART_PAGES else MAX_PAGE_KB
        total = t["html_gzip"] + t["css_gzip"] + t["js_gzip"]
        if total > limit * 1024:
            heavy.append(f"{page.name} {_kb(total)} KB")
    rows.append(
        [
            f"compressed transfer under {MAX_PAGE_KB} KB, chart pages under "
            f"{MAX_CHART_PAGE_KB} KB",
            _mark(not heavy) + (f" ({', '.join(heavy)})" if heavy else ""),
        ]
    )
    return rows


def _throughputs(results: dict) -> tuple[dict, dict]:
    """Throughput by mode ('uncached', 'cached'): of the static file, and per page."""
    pages = {
        name: page.get("throughput", {}) for name, page in results["pages"].items()
    }
    return results.get("static_throughput", {}), pages


def cached_ratios(results: dict, measured) -> dict:
    """Cached throughput of each page over the static file's, same server run."""
    static, pages = _throughputs(results)
    if "cached" not in static:
        return {}
    rate = static["cached"]["requests_per_second"]
    return {
        p.name: pages[p.name]["cached"]["requests_per_second"] / rate
        for p in measured
        if "cached" in pages.get(p.name, {})
    }


def markdown(results: dict, *, pages, note: str = "", small: bool = False) -> str:
    now = results.get("finished") or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Benchmark results",
        "",
        f"Run on {now} with `make benchmark`"
        + (" (`--small`: a tenth of the large size)" if small else "")
        + f"; the whole run took {results.get('seconds', '?')} s.",
        "",
    ]
    if note:
        out += [f"> {note}", ""]
    out += ["## Targets of issue 7", ""]
    out += _rows(["target", "met"], _targets(results, pages))
    if FINDINGS.is_file():
        out += [
            "The causes of the misses, and what was changed, are under "
            "[Findings](#findings) below.",
            "",
        ]
    out += ["## Machine", ""]
    out += _rows(["", ""], [[k, v] for k, v in machine()])

    sizes = results["sizes"]
    out += ["## Data", ""]
    out += _rows(
        ["", "seed", "large"],
        [[k, sizes["seed"][k], sizes["large"][k]] for k in sizes["seed"]],
    )
    out += [
        f"The large budget took {results.get('generation_seconds', '?')} s to "
        "generate (bulk_create). The large-size column of each page uses the "
        "largest synthetic object of its kind: the addresses are listed at the end.",
        "",
    ]

    measured = [p for p in pages if p.available]
    missing = [p for p in pages if not p.available]
    data = results["pages"]

    out += ["## SQL queries per request", ""]
    rows = []
    for page in measured:
        q = data[page.name]["queries"]
        rows.append(
            [
                page.name,
                q["seed"],
                q["large"],
                _mark(q["seed"] == q["large"]),
                _mark(q["large"] <= MAX_QUERIES),
            ]
        )
    rows += [[p.name, "–", "–", "not yet available", ""] for p in missing]
    out += _rows(["page", "seed", "large", "equal", f"≤ {MAX_QUERIES}"], rows)

    out += ["## Server time per request (in-process, Django test Client)", ""]
    rows = []
    for page in measured:
        for mode, setup in MODES.items():
            if setup is None:
                rows.append([page.name, mode, "not yet available", "", "", "", ""])
                continue
            t = data[page.name]["time"][mode]
            rows.append(
                [
                    page.name,
                    mode,
                    f"{t['seed']['median_ms']:.1f}",
                    f"{t['seed']['p95_ms']:.1f}",
                    f"{t['large']['median_ms']:.1f}",
                    f"{t['large']['p95_ms']:.1f}",
                    f"{t['large']['cpu_median_ms']:.1f}",
                ]
            )
    rows += [[p.name, "", "not yet available", "", "", "", ""] for p in missing]
    out += _rows(
        [
            "page",
            "mode",
            "seed median ms",
            "seed p95 ms",
            "large median ms",
            "large p95 ms",
            "large median CPU ms",
        ],
        rows,
    )
    out += [
        "CPU ms is the time this Python process spent on the CPU (PostgreSQL's work "
        "is not in it); on a shared machine it is steadier than the wall clock.",
        "",
    ]
    programme = data.get("programme", {}).get("time", {}).get("uncached", {})
    if programme:
        median = programme["large"]["median_ms"]
        out += [
            f"Target: programme page at the large size, uncached, median under "
            f"{MAX_PROGRAMME_MEDIAN_MS} ms: {median:.1f} ms, "
            f"{_mark(median < MAX_PROGRAMME_MEDIAN_MS)}.",
            "",
        ]

    out += ["## Bytes sent per page (first visit; gzip level 9)", ""]
    rows = []
    for page in measured:
        t = data[page.name]["transfer"]
        limit = MAX_CHART_PAGE_KB if page.name in CHART_PAGES else MAX_PAGE_KB
        total = t["large"]["html_gzip"] + t["large"]["css_gzip"] + t["large"]["js_gzip"]
        rows.append(
            [
                page.name,
                _kb(t["seed"]["html"]),
                _kb(t["large"]["html"]),
                _kb(t["seed"]["html_gzip"]),
                _kb(t["large"]["html_gzip"]),
                _kb(t["large"]["css_gzip"]),
                _kb(t["large"]["js_gzip"]),
                _kb(total),
                f"{limit}: {_mark(total <= limit * 1024)}",
            ]
        )
    rows += [[p.name, "not yet available"] + [""] * 7 for p in missing]
    out += _rows(
        [
            "page",
            "HTML KB seed",
            "HTML KB large",
            "HTML gz KB seed",
            "HTML gz KB large",
            "CSS gz KB",
            "JS gz KB",
            "total gz KB large",
            "target KB",
        ],
        rows,
    )

    statics, throughputs = _throughputs(results)
    if statics:
        out += [
            "## Throughput under gunicorn (2 workers, PostgreSQL, large size)",
            "",
            "wrk, 1 thread, 8 connections, 8 s per address, `Accept-Encoding: gzip`; "
            "wrk runs on the same 2 cores as gunicorn and PostgreSQL. Uncached: "
            "gunicorn with the page cache off. Cached: a second gunicorn with the "
            "page cache in Redis, as in production, each page asked for once before "
            "it is measured. The ratio to the static file served by the same server "
            "in the same mode is the figure that travels.",
            "",
        ]
        rows = []
        rates = {m: s["requests_per_second"] for m, s in statics.items()}
        for mode in ("uncached", "cached"):
            static = statics.get(mode)
            if static is None:
                rows.append(
                    ["static file (whitenoise)", mode, "not measured"] + [""] * 3
                )
                continue
            rate = static["requests_per_second"]
            rows.append(
                [
                    "static file (whitenoise)",
                    mode,
                    f"{rate:.0f}",
                    _ms(static["latency_p50_ms"]),
                    "1.00",
                    static["errors"],
                ]
            )
        for page in measured:
            for mode in ("uncached", "cached"):
                t = throughputs.get(page.name, {}).get(mode)
                if not t or mode not in rates:
                    rows.append([page.name, mode, "not measured", "", "", ""])
                    continue
                rows.append(
                    [
                        page.name,
                        mode,
                        f"{t['requests_per_second']:.0f}",
                        _ms(t["latency_p50_ms"]),
                        f"{t['requests_per_second'] / rates[mode]:.3f}",
                        t["errors"],
                    ]
                )
        rows += [[p.name, "", "not yet available", "", "", ""] for p in missing]
        out += _rows(
            ["address", "mode", "requests/s", "p50 ms", "ratio to static", "errors"],
            rows,
        )

    scored = [p for p in measured if data[p.name].get("lighthouse")]
    if scored:
        out += [
            "## Lighthouse (mobile profile, simulated throttling, large size)",
            "",
            "Targets: "
            + ", ".join(f"{k} ≥ {v}" for k, v in TARGETS.items())
            + ". A score below target is in bold.",
            "",
        ]
        rows = []
        for page in scored:
            lh = data[page.name]["lighthouse"]
            cells = []
            for category in CATEGORIES:
                score = lh["scores"].get(category)
                ok = score is not None and score >= TARGETS[category]
                cells.append(str(score) if ok else f"**{score}**")
            rows.append([page.name, *cells, "; ".join(lh["failing"]) or "–"])
        out += _rows(["page", *CATEGORIES, "audits that cost points"], rows)
        rows = [
            [
                p.name,
                *data[p.name]["lighthouse"]["metrics"].values(),
                "; ".join(data[p.name]["lighthouse"]["scripts"]) or "–",
            ]
            for p in scored
        ]
        out += _rows(
            [
                "page",
                "FCP",
                "LCP",
                "TBT",
                "CLS",
                "Speed Index",
                "main-thread time per file (4× slowed CPU)",
            ],
            rows,
        )

    out += ["## Addresses measured", ""]
    out += _rows(
        ["page", "seed", "large"],
        [
            [
                p.name,
                f"`{data[p.name]['urls']['seed']}`",
                f"`{data[p.name]['urls']['large']}`",
            ]
            for p in measured
        ],
    )
    if FINDINGS.is_file():
        out += ["## Findings", "", FINDINGS.read_text().strip(), ""]
    return "\n".join(out)
