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
	$(BIN)/python -m pip install --quiet -e '.[test,dask,store]'
	touch $@

install: $(BIN)/graphkit

demo: install
	$(BIN)/graphkit build examples/ -o outputs/ --fresh

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

evaluate: install
	$(BIN)/graphkit evaluate tests/data/dev_gold.jsonl
	$(BIN)/graphkit evaluate tests/data/seed_gold.jsonl

# Benchmarks print figures (ratios against a baseline measured in the same run); they take minutes.
bench: install
	$(BIN)/python benchmarks/bench_scale.py throughput --rounds 2
	$(BIN)/python benchmarks/bench_scale.py jobs
	$(BIN)/python benchmarks/bench_ntriples.py
	$(BIN)/python benchmarks/bench_explorer.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
