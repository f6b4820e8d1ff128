# Two commands on a fresh clone:
#   make run    set everything up, index corpus/ and open the app on http://127.0.0.1:7860
#   make test   set everything up and run the tests
PY ?= python3
VENV = .venv
BIN = $(VENV)/bin

$(BIN)/assistant: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e ".[test]"
	touch $(BIN)/assistant

setup: $(BIN)/assistant

run: setup
	$(BIN)/assistant index
	$(BIN)/assistant serve

# The tests also cover `assistant index --ray` against a local Ray cluster: the optional extra,
# installed with the rest in one pip run on a fresh clone.
$(VENV)/.ray-extra: pyproject.toml
	test -x $(BIN)/pip || $(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip
	$(BIN)/pip install -e ".[test,ray]"
	touch $(BIN)/assistant $(VENV)/.ray-extra

test: $(VENV)/.ray-extra
	$(BIN)/python -m pytest -q

.PHONY: setup run test
