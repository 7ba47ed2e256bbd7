# Esep. `make demo` sets everything up on SQLite and serves the demo; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
ESEP := $(PY) -m esep
STAMP := $(VENV)/.installed-$(shell cat requirements/*.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup demo demo-data serve test test-fast lint messages bench load worker clean

$(STAMP): requirements/base.txt requirements/dev.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	@rm -f $(VENV)/.installed-*; touch $@

setup: $(STAMP)
	$(ESEP) i18n_compile
	$(ESEP) migrate --noinput -v 0

demo-data: setup
	$(ESEP) territory import-all
	ESEP_DEBUG=1 $(ESEP) demo load

demo: demo-data
	@$(ESEP) demo logins
	ESEP_DEBUG=1 $(ESEP) runserver 127.0.0.1:8000

test: $(STAMP)
	$(ESEP) i18n_compile
	$(PY) -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check esep bench .ci/rules.py
	$(VENV)/bin/lint-imports
	$(PY) .ci/rules.py

# New strings go into their app's kk and ru catalogs (polib, no GNU gettext), then everything compiles.
messages: $(STAMP)
	$(ESEP) i18n_extract
	$(ESEP) i18n_compile

bench: $(STAMP)
	$(PY) bench/compliance.py
	$(PY) bench/public_pages.py

# The load test (bench/load.py): Locust is installed only for it. Several servers: see docs/operations.md.
load: $(STAMP)
	$(PY) -m pip install --quiet -r requirements/load.txt
	$(PY) bench/load.py $(LOAD_ARGS)

# The background worker (periodic jobs) for a demo or a single machine.
worker: setup
	$(ESEP) worker

clean:
	rm -rf var $(VENV)
