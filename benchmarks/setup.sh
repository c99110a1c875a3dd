#!/usr/bin/env bash
# The benchmark's own set-up: load generator, browser, PostgreSQL, Redis, gunicorn,
# Lighthouse.
# Called by `make benchmark` after the portal's .venv and node_modules exist.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

# The cached throughput runs against Redis, as in production.
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 1; done
fi

# gunicorn comes with the portal's own requirements.txt.
if [ ! -f node_modules/.installed ] || [ package.json -nt node_modules/.installed ]; then
  npm install --no-audit --no-fund
  touch node_modules/.installed
fi
