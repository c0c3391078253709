# Thucydides: `make demo` runs the main job on the bundled sample corpus; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
DB     ?= thucydides.duckdb
SAMPLE := src/thucydides/sample

.PHONY: demo test lint install install-dev eval bench harden serve clean lock

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(PIP) install --quiet --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	rm -f $(DB) $(DB).wal
	$(VENV)/bin/thucydides ingest $(SAMPLE) --db $(DB)
	$(VENV)/bin/thucydides stats --db $(DB)

test: install-dev
	$(VENV)/bin/ruff check src tests tools
	$(PY) -m pytest -q

lint: install-dev
	$(VENV)/bin/ruff check src tests tools

# Evaluations against ../shared/eval and the project's own sets in eval/; rewrite reports/EVAL.md, then the README figures.
eval: install
	$(VENV)/bin/thucydides eval all --shared ../shared --gold-dir eval --out-dir reports
	$(PY) tools/update_figures.py

# Throughput, memory and scaling on the VOA stories repeated to 2,000 articles; rewrites reports/BENCH.md.
bench: install
	$(VENV)/bin/thucydides bench

# Fuzzing, faults and API attacks (development tooling in tools/); rewrites reports/HARDENING.md.
harden: install-dev
	$(PY) tools/harden.py

# The REST API and web page on the demo database, on http://127.0.0.1:8000
serve: install
	$(VENV)/bin/thucydides serve --db $(DB)

# Regenerate the pinned, hashed requirement files from pyproject.toml.
lock:
	$(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements-dev.lock

clean:
	rm -rf $(VENV) $(DB) $(DB).wal reports/pred-*.jsonl .pytest_cache
