# Two commands matter: `make run` (local workbench) and `make test` (whole suite through tox).
# Everything runs from the project's own .venv (Python 3.12), created on first use.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
HOST    ?= 127.0.0.1
PORT    ?= 8000
# tox passes its own arguments through TOXARGS, pytest's through ARGS: `make test ARGS="tests/recruitment_core -q"`
TOXARGS ?=
ARGS    ?=

export DJANGO_SETTINGS_MODULE := devsite.settings
export PYTHONPATH := $(CURDIR)
export EXCLUDE_SAMPLE_XBLOCKS := yes

# Python 3.12: through pyenv where it is present (the default python3 may be 3.11), else python3.12 on PATH.
ifneq ($(shell command -v pyenv 2>/dev/null),)
  PYTHON312 := PYENV_VERSION=3.12.1 python
else
  PYTHON312 := python3.12
endif

.PHONY: help run test lint browsers bench screenshots translations templates clean migrate venv

help:
	@echo "make run           start the workbench on http://$(HOST):$(PORT)/ (creates .venv on first use)"
	@echo "make test          the whole test suite through tox: lint, then once per Open edX release (Ulmo: Python 3.11,"
	@echo "                   Verawood: 3.12), browser tests included; installs what it needs first (Chromium +"
	@echo "                   ChromeDriver through apt as root, npm packages)"
	@echo "make lint          ruff on the Python sources, eslint on the JavaScript (the tox env 'lint' alone)"
	@echo "make bench         render-time and payload benchmarks (tests/bench/bench_*.py)"
	@echo "make screenshots   refresh docs/screenshots/*.png from the browser tests"
	@echo "make translations  extract and compile the gettext catalogues"
	@echo "make templates     rebuild the prebuilt blank Word templates shipped in recruitment_core"
	@echo "make clean         remove build leftovers, tox envs, var/ and caches (keeps .venv and node_modules)"

$(VENV)/bin/python:
	$(PYTHON312) -m venv $(VENV)
	$(PY) -c 'import sys; assert sys.version_info[:2] == (3, 12), sys.version'

# Reinstall when the package definition changes (the registry gives setup.py its entry points).
$(VENV)/.installed: $(VENV)/bin/python setup.py xblock_layer/registry.py
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e ".[dev]"
	touch $@

venv: $(VENV)/.installed

migrate: $(VENV)/.installed
	mkdir -p var
	$(VENV)/bin/django-admin migrate --run-syncdb --verbosity 0

run: migrate
	$(VENV)/bin/django-admin runserver $(HOST):$(PORT) --noreload

# axe-core for the accessibility scans of the browser tests and eslint for tox's lint env (package.json +
# package-lock.json).
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium and ChromeDriver for the browser tests: installed through apt when missing and run as root;
# otherwise one line says what to install (and make stops).
browsers:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Chromium and ChromeDriver for the browser tests (apt-get)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; \
	else \
	  echo "The browser tests need Chromium and ChromeDriver: run 'sudo apt-get install chromium chromium-driver', then make test again." >&2; \
	  exit 1; \
	fi

# tox exits non-zero when pytest does, exit 5 ("no tests collected") included.
test: $(VENV)/.installed node_modules/axe-core/axe.min.js browsers
	$(VENV)/bin/tox $(TOXARGS) $(if $(ARGS),-- $(ARGS))

lint: $(VENV)/.installed node_modules/axe-core/axe.min.js
	$(VENV)/bin/tox -e lint

screenshots: $(VENV)/.installed node_modules/axe-core/axe.min.js
	UPDATE_SCREENSHOTS=1 $(VENV)/bin/pytest tests/browser -q

bench: $(VENV)/.installed
	@set -e; for f in tests/bench/bench_*.py; do echo "== $$f"; $(PY) $$f; done
	@echo "== tests/bench/measure_wording.py (precision and recall of the wording checks)"; $(PY) tests/bench/measure_wording.py

# gettext catalogues: <package>/conf/locale/<lang>/LC_MESSAGES/text.po (msgids English; sv and en), compiled to
# text.mo, for every package with a conf/locale folder. JavaScript strings travel from the server in the page's
# JSON, so Python sources are all there is to extract. `_` and `N_` mark strings.
LOCALE_PACKAGES := $(patsubst %/conf/locale,%,$(wildcard */conf/locale))
LOCALE_LANGS    := sv en
translations: $(VENV)/.installed
	@$(PY) -c 'import babel' 2>/dev/null || $(PY) -m pip install --quiet babel
	@set -e; for pkg in $(LOCALE_PACKAGES); do \
	  echo "== $$pkg"; \
	  $(VENV)/bin/pybabel extract --no-wrap --sort-by-file -k N_ --project=kompetensrekrytering-xblocks \
	    -o $$pkg/conf/locale/text.pot $$pkg; \
	  for lang in $(LOCALE_LANGS); do \
	    po=$$pkg/conf/locale/$$lang/LC_MESSAGES/text.po; \
	    if [ -f $$po ]; then $(VENV)/bin/pybabel update --no-wrap -D text -i $$pkg/conf/locale/text.pot -o $$po -l $$lang; \
	    else $(VENV)/bin/pybabel init --no-wrap -D text -i $$pkg/conf/locale/text.pot -o $$po -l $$lang; fi; \
	  done; \
	  $(VENV)/bin/pybabel compile --statistics -D text -d $$pkg/conf/locale; \
	done

clean:
	rm -rf build dist *.egg-info .tox .pytest_cache var test-results
	find . -path ./.venv -prune -o -path ./node_modules -prune -o -name __pycache__ -type d -exec rm -rf {} +

# The twelve blank Word templates (6 kinds x sv/en) ship prebuilt; a test fails when they differ from a fresh build.
templates: $(VENV)/.installed
	$(PY) -m recruitment_core.documents.prebuilt
