# The README's two commands: `make demo` and `make test`. Everything else is set up by them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
EW := $(VENV)/bin/eventwire
DB ?= eventwire.duckdb
PIP := $(PY) -m pip --disable-pip-version-check -q

.PHONY: demo test bench lint quality install install-dev browser java clean lock
# root installs Debian packages itself; anyone else through sudo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(VENV)/.installed: pyproject.toml requirements.lock requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(PIP) install -r requirements-dev.lock
	touch $@

# The sources' bytecode, written once here: where PYTHONDONTWRITEBYTECODE is set (as on our
# shared machines) Python never caches it, and every `eventwire` start compiled all of
# eventwire again (about 0.3 s of a one-sentence `eventwire code`)
install: $(VENV)/.installed
	$(PY) -m compileall -q src >/dev/null
install-dev: $(VENV)/.installed-dev

demo: install
	rm -f $(DB)
	$(EW) run examples/corpus --db $(DB)
	$(EW) events --db $(DB) --format table
	@echo
	@echo "See the events on a map, a timeline and a partner network, with their evidence:"
	@echo "  $(EW) serve --db $(DB) --port 8000    # then open http://127.0.0.1:8000/"

# Debian's chromium for the dashboard's browser test: Playwright drives it through
# executable_path and never downloads a browser of its own
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; } || \
	  echo "make: chromium could not be installed; the dashboard's browser test will be skipped"

# a Java runtime for the Spark engine's test (pyspark runs Spark in a JVM)
java:
	@command -v java >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq openjdk-17-jre-headless >/dev/null; } || \
	  echo "make: Java could not be installed; the Spark engine's test will fail"

test: install-dev browser java
	$(VENV)/bin/pytest -q

lint: install-dev
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy src

bench: install
	$(PY) bench/throughput.py

quality: install
	$(PY) -m eventwire.eval.report

# requirements.lock anew: what pyproject.toml asks for (with the serve extra) installed in a
# throw-away venv, then `pip freeze` of it without eventwire itself (the model is pinned in
# requirements-model.txt, the test tools in requirements-dev.lock)
LOCK_VENV := .lock-venv
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip --disable-pip-version-check -q install '.[serve]'
	{ echo '# Pinned runtime dependencies (pip freeze of a working install). Regenerate with `make lock`.'; \
	  $(LOCK_VENV)/bin/python -m pip --disable-pip-version-check freeze --exclude eventwire; } \
	  > requirements.lock.tmp
	mv requirements.lock.tmp requirements.lock
	rm -rf $(LOCK_VENV)

clean:
	rm -rf $(VENV) $(LOCK_VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
