# Every target creates the virtual environment on first use and installs what it needs.
# BERTopic is installed with --no-deps so that the default install never pulls torch.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip --disable-pip-version-check -q
BERTOPIC_SPEC = bertopic>=0.17.4,<0.18
CONFIG ?= data/raw/2024/seminar.toml

.PHONY: demo test bench lab install clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e ".[dev]"
	$(PIP) install --no-deps "$(BERTOPIC_SPEC)"
	touch $@

install: $(VENV)/.installed

demo: install
	$(VENV)/bin/seminar run --config $(CONFIG)

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/run.py

$(VENV)/.notebooks: $(VENV)/.installed
	$(PIP) install -e ".[dev,notebooks]"
	touch $@

lab: $(VENV)/.notebooks
	$(VENV)/bin/jupyter lab notebooks/

clean:
	rm -rf data/processed/* reports/* .pytest_cache
	touch data/processed/.gitkeep reports/.gitkeep
