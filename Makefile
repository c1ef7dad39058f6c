# Two commands on a fresh machine with Python 3.10+ and pip:
#   make demo   install into .venv and build the graph of examples/ into outputs/
#   make test   install into .venv (with test, dask and store extras), lint with ruff, run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test evaluate bench clean

$(BIN)/graphkit: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip uninstall --quiet --yes graphkit 2>/dev/null || true  # this project's former distribution name
	$(BIN)/python -m pip install --quiet -e '.[test,dask,store]'
	touch $@

install: $(BIN)/graphkit

# SOURCE_DATE_EPOCH (reproducible-builds.org) stamps the run: the time of the last commit that changed
# examples/, so rebuilding the demo leaves outputs/ exactly as committed (git status stays clean).
DEMO_EPOCH := $(shell git log -1 --format=%ct -- examples 2>/dev/null)

demo: install
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$(DEMO_EPOCH)} $(BIN)/graphkit build examples/ -o outputs/ --fresh

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

# The real-news test split is only ever scored, never read for errors (README, Evaluation).
CORPUS ?= ../shared/corpora/reuters_2016_2017.jsonl.gz
evaluate: install
	$(BIN)/graphkit evaluate tests/data/reuters_test.jsonl tests/data/reuters_dev.jsonl tests/data/dev_gold.jsonl tests/data/seed_gold.jsonl --texts $(CORPUS)

# Benchmarks print figures (ratios against a baseline measured in the same run); they take minutes.
bench: install
	$(BIN)/python benchmarks/bench_scale.py throughput --rounds 2
	$(BIN)/python benchmarks/bench_scale.py jobs
	$(BIN)/python benchmarks/bench_ntriples.py
	$(BIN)/python benchmarks/bench_explorer.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
