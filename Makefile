# One virtualenv, installed from the lock file. torch comes first from the CPU wheel on disk,
# so the resolver never reaches for a CUDA build.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test check lint bench

$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m bot run

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy bot knowledge ingest.py

check: lint test

bench: install
	$(PY) bench/retrieval.py
	$(PY) bench/answers.py
	$(PY) bench/burst.py
	$(PY) bench/quiz_quality.py
	$(PY) bench/records.py
	$(PY) bench/zalo.py
	$(PY) bench/bombs.py
	$(PY) bench/load.py --db both
