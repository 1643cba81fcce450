# Developer tasks of the interface.  `make screenshots` needs xvfb-run (scripts/system-packages.sh).
PY      ?= .venv/bin/python
BIN     ?= .venv/bin
TS      := resources/translations/makarem_ar.ts
QM      := resources/translations/makarem_ar.qm
UI_SRC  := $(wildcard makarem_desk/ui/*.py)
SHOTS   ?= build/screenshots

.PHONY: translations lupdate screenshots screenshots-pseudo self-test installer installer-check bench-startup bench-built-startup

# Collect the strings of the interface into the Arabic .ts (keeps existing translations),
# then compile the .qm the application loads.
lupdate:
	$(BIN)/pyside6-lupdate $(UI_SRC) -ts $(TS) -source-language en -target-language ar -no-obsolete

translations: $(QM)

$(QM): $(TS)
	$(BIN)/pyside6-lrelease $(TS) -qm $(QM)

# Every screen in Arabic and English at 1366x768 under a real X server (Xvfb).
screenshots: $(QM)
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m makarem_desk.ui.screenshots $(SHOTS)

self-test:
	$(BIN)/makarem-desk --self-test

bench-startup:
	$(PY) bench/startup_bench.py

# The one-folder app in dist/makarem-desk/ (on Windows, then installer/makarem-desk.iss:
# README "Building the installer"); installer-check runs the built app (self-test on both
# installation roles, a scripted interview, a scanned declaration verified).
installer:
	$(BIN)/pip install -q 'pyinstaller>=6.6'
	$(BIN)/pyinstaller --noconfirm installer.spec
	@du -sh dist/makarem-desk

installer-check: installer
	MAKAREM_TEST_BUILT_APP=1 MAKAREM_BUILT_APP_DIR=$(CURDIR)/dist/makarem-desk \
	    QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/test_built_app.py

# The built app's start-up (process start to log-in painted) next to a bare PySide6 window.
bench-built-startup:
	$(PY) bench/built_startup_bench.py --runs 7

# The same screens with every string 40 % longer (finds clipped labels).
screenshots-pseudo: $(QM)
	MAKAREM_PSEUDO_STRINGS=1 xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m makarem_desk.ui.screenshots $(SHOTS)-pseudo
