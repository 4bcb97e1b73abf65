# LLM Research Roadmap. `make serve` serves the site, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data/roadmap.yaml
STAMP := $(VENV)/.installed

.PHONY: serve build check test lint schema clean

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

serve: $(STAMP) ## Serve both languages on http://127.0.0.1:8000/, rebuilding on change
	$(PY) -m macros.site serve

build: $(STAMP) ## Check the data and build both languages into site/
	$(PY) -m macros.site build

check: $(STAMP) ## Validate the data file (make check DATA=path)
	$(PY) -m macros.check $(DATA)

schema: $(STAMP) ## Rewrite data/roadmap.schema.json from the model
	$(PY) -m macros.schema

lint: $(STAMP)
	$(PY) -m ruff check .

test: $(STAMP) ## Validate, lint and run all tests (real build, real browser)
	$(PY) -m macros.check $(DATA)
	$(PY) -m ruff check .
	$(PY) -m pytest

clean:
	rm -rf site .pytest_cache
