# The portal's commands. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
DEV    := DJANGO_SETTINGS_MODULE=hengelo_portal.settings.dev
TEST   := DJANGO_SETTINGS_MODULE=hengelo_portal.settings.test

.DEFAULT_GOAL := help
.PHONY: help run test test-fast lint format messages user superuser clean lock load benchmark benchmark-imports benchmark-drafts

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# requirements.lock pins every package, also the ones pulled in indirectly.
$(VENV)/.runtime: requirements.txt requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

lock: $(VENV)/.dev ## Pin every dependency again after changing requirements*.txt
	$(BIN)/pip-compile --quiet --strip-extras --no-header --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements-dev.txt

# Compiled catalogues are not in git (*.mo); msgfmt --check makes a broken
# catalogue fail run, test and lint. Only a changed .po is compiled again.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

$(CATALOGUES): %.mo: %.po | $(VENV)/.runtime
	$(TEST) $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=staticfiles

messages: $(VENV)/.runtime ## Collect new interface strings into locale/en/…/django.po
	$(TEST) $(BIN)/python manage.py makemessages -l en --no-location --ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles

node_modules/.installed: package.json
	npm install --no-audit --no-fund --ignore-scripts
	touch $@

run: $(VENV)/.runtime node_modules/.installed $(CATALOGUES) ## Set up, load programme 1 and serve on http://127.0.0.1:$(PORT) (with the import worker)
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_initial_data
	@# The import worker beside the server (the admin's imports run in it); it
	@# stops with the server, also on Ctrl-C.
	$(DEV) $(BIN)/python manage.py import_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Both cores (pytest-xdist), at most four workers on a larger machine; a test
# file stays on one worker, so its module fixtures are built once.
# TEST_WORKERS=0 runs in one process; PYTEST_ARGS picks tests or adds options.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --maxprocesses=4 --dist loadfile

test: $(VENV)/.dev node_modules/.installed $(CATALOGUES) ## Install the test tools and run every test (both cores)
	$(PYTEST) $(PYTEST_ARGS)

test-fast: $(VENV)/.dev node_modules/.installed $(CATALOGUES) ## Every test but the browser tests (marker `browser`): the inner loop
	$(PYTEST) -m "not browser" $(PYTEST_ARGS)

lint: $(VENV)/.dev $(CATALOGUES) ## ruff, djLint, the import contracts, missing migrations, and catalogues that compile
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# The floors of docs/developers.md (pyproject.toml [tool.importlinter]).
	$(BIN)/lint-imports --no-cache
	$(BIN)/djlint templates programmes/templates money/templates indicators/templates council/templates accounts/templates opendata/templates --lint
	$(TEST) $(BIN)/python manage.py makemigrations --check --dry-run
	msgfmt --check --output-file=/dev/null locale/en/LC_MESSAGES/django.po

format: $(VENV)/.dev ## Format the Python code and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint templates programmes/templates money/templates indicators/templates council/templates accounts/templates opendata/templates --reformat

user: $(VENV)/.runtime ## Create an account in a role: make user NAME=anouk ROLE=redacteur (asks for a password)
	@test -n "$(NAME)" -a -n "$(ROLE)" || { echo "usage: make user NAME=<username> ROLE=redacteur|beheerder|griffie [EMAIL=...]"; exit 2; }
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py create_portal_user "$(NAME)" --role "$(ROLE)" $(if $(EMAIL),--email "$(EMAIL)")

superuser: $(VENV)/.runtime ## Create an administrator account (asks for a password)
	$(DEV) $(BIN)/python manage.py createsuperuser

load: $(VENV)/.runtime node_modules/.installed ## Load test against gunicorn + PostgreSQL + Redis; writes benchmarks/LOAD.md
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python benchmarks/load.py

benchmark: $(VENV)/.runtime node_modules/.installed ## Measure every page at seed and large size; writes benchmarks/RESULTS.md (about 5 minutes)
	bash benchmarks/setup.sh
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

benchmark-drafts: $(VENV)/.runtime ## Public pages and search beside 300,000 draft actions, search under 50 connections; writes benchmarks/DRAFTS.md (about 10 minutes)
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m benchmarks.drafts $(BENCH_ARGS)

benchmark-imports: $(VENV)/.dev ## Rows per second of the import at 1,000, 10,000 and 100,000 rows; writes benchmarks/IMPORTS.md
	$(TEST) $(BIN)/python -m benchmarks.imports $(BENCH_ARGS)

clean: ## Remove the virtual environment and the local database
	rm -rf $(VENV) db.sqlite3 staticfiles .cache
