# LLM Research Roadmap. `make serve` serves the site, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The data file every target reads: `make build DATA=path` (or ROADMAP_DATA=path in the environment).
DATA ?= $(or $(ROADMAP_DATA),data/roadmap.yaml)
export ROADMAP_DATA := $(DATA)
STAMP := $(VENV)/.installed

.PHONY: help serve build check test test-fast lint schema clean system
.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# Dependencies: requirements.in lists what we use (edit it); requirements.txt is the lock compiled
# from it (exact versions + hashes; `make lock`). pip installs only files whose hash is in the lock.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt \
		|| { echo 'requirements.txt is a lock: add packages to requirements.in, then run make lock' >&2; exit 1; }
	touch $(STAMP)

.PHONY: install lock
install: $(STAMP) ## Install the locked dependencies into .venv

# pip-compile runs in its own venv, with local pip settings (mirrors, find-links) switched off so the
# lock names only the files PyPI serves, valid on any machine.
LOCK_TOOLS := $(VENV)/lock-tools
lock: ## Re-compile requirements.txt from requirements.in (keeps existing pins; add --upgrade to move them)
	test -x $(LOCK_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet 'pip-tools>=7.4,<8'; }
	env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes \
		--allow-unsafe --strip-extras --no-emit-index-url \
		--output-file=requirements.txt requirements.in

serve: $(STAMP) ## Serve both languages on http://127.0.0.1:8000/, rebuilding on change (DATA=path)
	$(PY) -m macros.engine.site serve

build: $(STAMP) ## Check the data and build both languages into site/ (DATA=path)
	$(PY) -m macros.engine.site build

check: $(STAMP) ## Validate the data file (DATA=path, for this and every target)
	$(PY) -m macros.data.check $(DATA)

schema: $(STAMP) ## Rewrite data/roadmap.schema.json from the model
	$(PY) -m macros.data.schema

lint: $(STAMP) ## Ruff over the whole repository
	$(PY) -m ruff check .

# System pieces (Chromium, CJK fonts, Node.js): installed with apt-get where this user may, else named.
system: $(STAMP) ## Install (or name) the system packages the browser tests need
	$(PY) -m tests.prerequisites chromium cjk-fonts

# The tests run on every core (pytest-xdist; TEST_WORKERS=1 for one process). A worker takes the next test when
# it is done with one (worksteal); the site is built once per run, whatever the number of workers.
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

test: check lint system ## Validate the data, lint, then run every test (real build, real Chromium)
	$(PYTEST)

test-fast: check lint ## Every test that needs no browser (for editors of the data)
	$(PYTEST) -m "not browser"

clean: ## Remove the built site and test caches
	rm -rf site .pytest_cache

# Quality budgets. Lighthouse is the npm package pinned in package.json (12.x runs on Node 20);
# `npm ci` installs exactly package-lock.json. Chromium is Debian's (CHROME_PATH, default: `chromium`).
.PHONY: audit bench
NPM_STAMP := node_modules/.installed
$(NPM_STAMP): package.json package-lock.json | $(STAMP)
	$(PY) -m tests.prerequisites node
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

audit: $(STAMP) $(NPM_STAMP) ## Lighthouse on home, courses, a course, the weekly plan, a stage (zh+en, phone+desktop)
	$(PY) -m tests.prerequisites chromium
	$(PY) bench/audit.py

bench: $(STAMP) ## Time the bilingual build with the real data and 10×, 100× generated data
	$(PY) bench/build.py

# Valid markup and one script style, budget zero errors: ESLint over our scripts (eslint.config.mjs), the W3C
# Nu HTML Checker (npm vnu-jar; Java: Debian's default-jre-headless) over every page of both languages, pa11y
# (HTML_CodeSniffer, Debian's Chromium) over one page of every kind. SITE=dir checks a build made before.
.PHONY: markup
markup: $(STAMP) $(NPM_STAMP) ## ESLint on our scripts, Nu HTML Checker on every page, pa11y on every kind of page: zero errors
	npx --no-install eslint --max-warnings=0 theme
	$(PY) -m tests.prerequisites chromium java
	$(PY) bench/markup.py $(if $(SITE),--site $(SITE))
