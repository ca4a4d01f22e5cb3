# The two commands of README.md: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench dist forms i18n clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@if [ "$$(uname)" = Linux ] && [ -z "$$QT_QPA_PLATFORM" ] && \
	    ! ldconfig -p 2>/dev/null | grep -q libxcb-cursor.so; then \
	  echo "Qt's window system needs X11 libraries on Linux:"; \
	  echo "  sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"; \
	fi
	$(VENV)/bin/villagebook $(ARGS)

# The suite runs today (the tests marked `dated` also on the days of tests/dates.py),
# then once more whole on another day (TEST_DATE): today is an input.
TEST_DATE ?= 2029-03-01

test: $(STAMP)
	$(PY) -m ruff check villagebook tests bench
	$(PY) -m mypy
	$(PY) -m mypy --config-file tests/mypy.ini
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	QT_QPA_PLATFORM=offscreen VILLAGEBOOK_TEST_DATE=$(TEST_DATE) $(PY) -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_generate.py --households 30000
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_household.py
	$(PY) bench/bench_export.py
	$(PY) bench/bench_import.py
	$(PY) bench/bench_cards.py
	$(PY) bench/bench_sync.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_list.py $(BENCH_ARGS)

# The one-folder program (build.spec): both executables, checked by its own --selftest,
# and its size reported.
dist: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen dist/villagebook-*/villagebook-cli --selftest
	du -sh dist/villagebook-*

# Regenerate ui/forms/ from forms/*.ui and the .qm files from the .ts sources.
forms: $(STAMP)
	$(PY) -m villagebook.devtools forms

i18n: $(STAMP)
	$(PY) -m villagebook.devtools i18n

clean:
	rm -rf $(VENV) build dist *.egg-info
