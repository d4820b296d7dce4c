# binhyen: `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install tools unit integration bench train eval clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

tools:
	bash deploy/scripts/ensure-tools.sh

run: install
	$(VENV)/bin/binhyen demo

test: install tools
	bash .ci/pytest.sh $(VENV)

unit: install
	$(PY) -m pytest -q -m "not integration"

integration: install tools
	$(PY) -m pytest -q -m integration

bench: install
	$(VENV)/bin/binhyen bench

train: install
	$(VENV)/bin/binhyen train

eval: install
	$(VENV)/bin/binhyen eval ../shared/data/dev_messages.jsonl

clean:
	rm -rf .binhyen-demo .binhyen-data .pytest_cache
