# The portal's commands. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
DEV    := DJANGO_SETTINGS_MODULE=hengelo_portal.settings.dev
TEST   := DJANGO_SETTINGS_MODULE=hengelo_portal.settings.test

.DEFAULT_GOAL := help
.PHONY: help run test lint format superuser benchmark clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

node_modules/.installed: package.json
	npm install --no-audit --no-fund --ignore-scripts
	touch $@

run: $(VENV)/.runtime node_modules/.installed ## Set up, load programme 1 and serve on http://127.0.0.1:$(PORT)
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_initial_data
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev node_modules/.installed ## Install the test tools and run every test
	$(BIN)/pytest

lint: $(VENV)/.dev ## ruff, djLint and a check for missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates programmes/templates indicators/templates --lint
	$(TEST) $(BIN)/python manage.py makemigrations --check --dry-run

format: $(VENV)/.dev ## Format the Python code and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint templates programmes/templates indicators/templates --reformat

superuser: $(VENV)/.runtime ## Create an administrator account (asks for a password)
	$(DEV) $(BIN)/python manage.py createsuperuser

benchmark: $(VENV)/.runtime node_modules/.installed ## Measure every page at seed and large size; writes benchmarks/RESULTS.md (about 5 minutes)
	bash benchmarks/setup.sh
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean: ## Remove the virtual environment and the local database
	rm -rf $(VENV) db.sqlite3 staticfiles
